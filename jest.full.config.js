/**
 * `npm run test:full` (CI): the suites of `npm test` in full: every property test at its file's own
 * size (FC_NUM_RUNS unset), the exported chart of every preset and opened by LibreOffice where
 * installed (HPC_QUICK_TESTS unset), and the worst-case sizes at the limits.
 * @type {import('jest').Config}
 */
const base = require("./jest.config.js");

module.exports = {
  ...base,
  testPathIgnorePatterns: ["/node_modules/", ...base.suites.BUILD_SUITES],
  setupFilesAfterEnv: [],
};
