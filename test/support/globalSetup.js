// Builds the CLI (lib/) once before the suites, so that the spawned smoke tests
// (test/cli/smoke.test.ts) run what `npx hpc-deal` runs, never a stale build.
const { execFileSync } = require("node:child_process");
const path = require("node:path");

module.exports = async function globalSetup() {
  const root = path.resolve(__dirname, "../..");
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], {
    cwd: root,
    stdio: "inherit",
  });
};
