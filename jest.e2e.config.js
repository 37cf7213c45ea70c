/**
 * The browser tests (`npm run test:e2e`): test/e2e/**\/*.e2e.ts against Debian's chromium through
 * playwright-core, on a development build of the preview. Never part of `npm test` (jest.config.js
 * matches *.test.ts only).
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.ts"],
  globalSetup: "<rootDir>/test/e2e/globalSetup.mjs",
  globalTeardown: "<rootDir>/test/e2e/globalTeardown.mjs",
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  moduleFileExtensions: ["ts", "js", "mjs", "json"],
  testTimeout: 180_000,
  maxWorkers: 1,
};
