/** The suites that run webpack: jest.bundle.config.js runs them (`npm run test:bundle`). */
const BUILD_SUITES = ["<rootDir>/test/bundle/", "<rootDir>/test/preview/guard\\.test\\.ts$"];
/** Worst-case sizes at the limits (~5 s of CPU): `npm run test:full` and `npm run fuzz` run them. */
const FULL_ONLY = ["<rootDir>/test/fuzz/limits\\.test\\.ts$"];

/**
 * `npm test`: the unit, property, golden-case and in-process CLI tests, kept fast (about 54 s of CPU
 * time, about 29 s on the two idle cores here): property tests on a few cases, the slowest export suites on
 * a subset (test/support/quick.js).
 * CI runs the same suites at each property's own size (`npm run test:full`), the suites that run
 * webpack (`npm run test:bundle`), the browser tests (`npm run test:e2e`) and long fuzzing
 * (`npm run fuzz`).
 * @type {import('jest').Config}
 */
const config = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", ...BUILD_SUITES, ...FULL_ONLY],
  // A worker per core (jest leaves one core to its mostly idle main process by default).
  maxWorkers: "100%",
  // Hooks that build and reopen workbooks take ~1 s alone; give a loaded machine room, never a flaky red.
  testTimeout: 30000,
  globalSetup: "<rootDir>/test/support/globalSetup.js",
  setupFilesAfterEnv: ["<rootDir>/test/support/quick.js"],
  transform: {
    // tsconfig.json sets isolatedModules, so ts-jest transpiles each file alone (no type check:
    // `npm run typecheck` does that), and caches the output between runs.
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  moduleFileExtensions: ["ts", "js", "json"],
};

module.exports = config;
// For the other configs (not jest options: a non-enumerable property jest's validation does not see).
Object.defineProperty(config, "suites", { value: { BUILD_SUITES, FULL_ONLY } });
