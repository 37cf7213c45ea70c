// `npm test` (jest.config.js) is the quick loop; CI runs the same suites in full (`npm run test:full`).
// Quick: every property test outside test/fuzz on FC_NUM_RUNS = 20 cases (unset, each file runs its
// own size), and no LibreOffice round trip of the exported chart (test/xlsx/chart.test.ts). The fuzz
// targets keep their own small sizes: they check that enough random inputs get through to be
// computed, which a handful of cases would not. A value already set in the environment wins.
// Runs before each test file, on that file's own copy of process.env (jest gives each file one).
/* global expect */
const fuzzTarget = /[\\/]test[\\/]fuzz[\\/]/.test(expect.getState().testPath ?? "");
if (!fuzzTarget) process.env.FC_NUM_RUNS ??= "20";
process.env.HPC_LIBREOFFICE ??= "skip";
