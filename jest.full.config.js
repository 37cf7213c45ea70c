/**
 * `npm run test:full` (CI): the suites of `npm test` in full: every property test at its file's own
 * size (FC_NUM_RUNS unset), the exported chart of every preset and opened by LibreOffice where
 * installed (HPC_QUICK_TESTS unset). Not the fuzz targets of test/fuzz: `npm run fuzz`
 * (jest.fuzz.config.js) runs every one of them larger than their own size, the worst cases at the
 * limits (test/fuzz/limits.test.ts) included, and CI runs it right after.
 * @type {import('jest').Config}
 */
const base = require("./jest.config.js");

module.exports = {
  ...base,
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/fuzz/", ...base.suites.BUILD_SUITES],
  setupFilesAfterEnv: [],
};
