/**
 * `npm run test:bundle`: the suites that run webpack (jest.config.js's BUILD_SUITES, which
 * `npm test` leaves out): the production build, checked as Excel loads it (test/bundle/), and the
 * build's GPL guard (test/preview/guard.test.ts). Slow, so CI runs them on their own.
 * @type {import('jest').Config}
 */
const base = require("./jest.config.js");

module.exports = {
  ...base,
  testMatch: ["<rootDir>/test/bundle/**/*.test.ts", "<rootDir>/test/preview/guard.test.ts"],
  testPathIgnorePatterns: ["/node_modules/"],
  globalSetup: undefined,
  setupFilesAfterEnv: [],
};
