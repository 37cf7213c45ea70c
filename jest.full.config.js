/**
 * `npm run test:full` (CI): the suites of `npm test` in full: every property test at its file's own
 * size (FC_NUM_RUNS unset), the exported chart of every preset and opened by LibreOffice where
 * installed (HPC_QUICK_TESTS unset). Not what `npm run fuzz` (jest.fuzz.config.js), which CI runs
 * right after, runs larger: the fuzz targets of test/fuzz (the worst cases at the limits,
 * test/fuzz/limits.test.ts, included) and the model's properties (test/core/properties.test.ts).
 * @type {import('jest').Config}
 */
const base = require("./jest.config.js");

/** What `npm run fuzz` runs larger. */
const FUZZ_SUITES = ["<rootDir>/test/fuzz/", "<rootDir>/test/core/properties\\.test\\.ts$"];

module.exports = {
  ...base,
  testPathIgnorePatterns: ["/node_modules/", ...FUZZ_SUITES, ...base.suites.BUILD_SUITES],
  setupFilesAfterEnv: [],
};
