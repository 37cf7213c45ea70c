/**
 * `npm run fuzz` (scripts/fuzz.mjs): the fuzz targets of test/fuzz, the worst cases at the limits
 * (test/fuzz/limits.test.ts) included, and the other shards of the fast-path target
 * (test/fuzz/shards/, which no other configuration runs), and the model's properties
 * (test/core/properties.test.ts), all in one run so that jest's workers share them. Sizes come from
 * the environment the script sets (FC_NUM_RUNS, FASTPATH_RUNS, PROPERTY_RUNS: test/fuzz/sizes.js),
 * not from test/support/quick.js.
 * @type {import('jest').Config}
 */
const base = require("./jest.config.js");

module.exports = {
  ...base,
  testMatch: [
    "<rootDir>/test/fuzz/**/*.test.ts",
    "<rootDir>/test/fuzz/shards/*.fuzz.ts",
    "<rootDir>/test/core/properties.test.ts",
  ],
  testPathIgnorePatterns: ["/node_modules/"],
  setupFilesAfterEnv: ["<rootDir>/test/fuzz/sizes.js"],
};
