// Builds the CLI (lib/) once before the suites, so that the spawned smoke tests
// (test/cli/smoke.test.ts) run what `npx hpc-deal` runs, never a stale build.
// Incremental (its build info beside the output, in lib/): about 1 s when the
// CLI's sources have not changed since the last run, instead of a full ~4 s build.
const { execFileSync } = require("node:child_process");
const path = require("node:path");

module.exports = async function globalSetup() {
  const root = path.resolve(__dirname, "../..");
  const tsc = require.resolve("typescript/bin/tsc");
  execFileSync(
    process.execPath,
    [tsc, "-p", "tsconfig.cli.json", "--incremental", "--tsBuildInfoFile", "lib/.tsbuildinfo"],
    { cwd: root, stdio: "inherit" },
  );
};
