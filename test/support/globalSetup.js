// Builds the CLI (lib/) once before the suites, so that the spawned smoke tests
// (test/cli/smoke.test.ts) run what `npx hpc-deal` runs, never a stale build.
// Incremental (its build info beside the output, in lib/), and skipped when no
// file under src/ nor a tsconfig changed since the last build began (a stamp in
// lib/): jest waits for this before any test starts, and even a no-op `tsc`
// costs ~1.5 s of CPU loading the compiler and checking the program.
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

/** The latest modification time under `dir` (files and folders: a deleted file changes its folder's). */
function newest(dir) {
  let latest = fs.statSync(dir).mtimeMs;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

module.exports = async function globalSetup() {
  const root = path.resolve(__dirname, "../..");
  const stamp = path.join(root, "lib", ".built");
  const inputs = () =>
    Math.max(
      newest(path.join(root, "src")),
      ...["tsconfig.json", "tsconfig.cli.json", "package.json"].map((f) => fs.statSync(path.join(root, f)).mtimeMs),
    );
  const built = fs.existsSync(stamp) && fs.existsSync(path.join(root, "lib", "cli", "main.js"));
  if (built && fs.statSync(stamp).mtimeMs > inputs()) return;
  const started = new Date();
  const tsc = require.resolve("typescript/bin/tsc");
  execFileSync(
    process.execPath,
    [tsc, "-p", "tsconfig.cli.json", "--incremental", "--tsBuildInfoFile", "lib/.tsbuildinfo"],
    { cwd: root, stdio: "inherit" },
  );
  // Dated when the build began: a source saved during the build is newer, and rebuilds next time.
  fs.writeFileSync(stamp, "");
  fs.utimesSync(stamp, started, started);
};
