/**
 * `npm run test:bundle`: the production webpack build, checked as Excel loads it (test/bundle/).
 * Slow (a full build), so not part of `npm test`; CI runs it.
 * @type {import('jest').Config}
 */
const base = require("./jest.config.js");

module.exports = {
  ...base,
  roots: ["<rootDir>/test/bundle"],
  testPathIgnorePatterns: ["/node_modules/"],
  globalSetup: undefined,
};
