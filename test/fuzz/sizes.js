// `npm run fuzz` (jest.fuzz.config.js) runs the fuzz targets and the model's properties in one jest run,
// so that both cores share them, at different sizes: FC_NUM_RUNS for the fuzz targets, PROPERTY_RUNS
// for test/core/properties.test.ts (which reads FC_NUM_RUNS). Runs before each test file, on that
// file's own copy of process.env.
/* global expect */
const properties = /[\\/]test[\\/]core[\\/]properties\.test\.ts$/.test(expect.getState().testPath ?? "");
if (properties && process.env.PROPERTY_RUNS) process.env.FC_NUM_RUNS = process.env.PROPERTY_RUNS;
