// `npm test` (jest.config.js) is the quick loop; CI runs the same suites in full (`npm run test:full`).
// Quick: the property tests on FC_NUM_RUNS = 10 cases each (unset, each file runs its own size), the
// fuzz targets (test/fuzz) on 60, which is still enough for each target's check that some random
// inputs got through to be computed. HPC_QUICK_TESTS=1 tells the few suites with a slower full form
// to run their quick one (test/xlsx/chart.test.ts: every eighth preset, no LibreOffice round trip;
// test/xlsx/deployment.test.ts: two of the four add-in references exported; test/xlsx/export.test.ts
// the seed, test/xlsx/mining.test.ts the deal without halvings, test/xlsx/book.test.ts the live book,
// test/cli/xlsxBook.test.ts not the live book's reading, which book.test.ts does).
// A value already set in the environment wins (`npm run fuzz` sets FC_NUM_RUNS).
// Runs before each test file, on that file's own copy of process.env (jest gives each file one).
/* global expect */
const fuzzTarget = /[\\/]test[\\/]fuzz[\\/]/.test(expect.getState().testPath ?? "");
process.env.FC_NUM_RUNS ??= fuzzTarget ? "60" : "10";
process.env.HPC_QUICK_TESTS ??= "1";
