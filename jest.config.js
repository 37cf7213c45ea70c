/**
 * `npm test`: the unit, property, golden-case and in-process CLI tests, kept fast (under 30 s on
 * two cores). The production build's checks (`npm run test:bundle`, test/bundle/), the browser
 * tests (`npm run test:e2e`) and long fuzzing (`npm run fuzz`) have their own scripts; CI runs all.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/bundle/"],
  // A worker per core (jest leaves one core to its mostly idle main process by default).
  maxWorkers: "100%",
  // Hooks that build and reopen workbooks take ~1 s alone; give a loaded machine room, never a flaky red.
  testTimeout: 30000,
  globalSetup: "<rootDir>/test/support/globalSetup.js",
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  moduleFileExtensions: ["ts", "js", "json"],
};
