#!/usr/bin/env node
// npm run golden:update: rewrites the expected outputs of the golden cases (test/cases/<case>/)
// from what hpc-deal prints today, then lists what changed. Only ever run on purpose: every
// changed expected file must be reviewed by hand (git diff test/cases) before it is committed,
// since the case then asserts whatever the code does.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const jest = createRequire(import.meta.url).resolve("jest/bin/jest");

const run = spawnSync(process.execPath, [jest, "test/cases"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, GOLDEN_UPDATE: "1" },
});
if (run.status !== 0) process.exit(run.status ?? 1);

const status = spawnSync("git", ["status", "--short", "--", "test/cases"], { cwd: root, encoding: "utf8" });
const changed = status.status === 0 ? status.stdout.trim() : "(git status failed: compare the files by hand)";
console.log(
  changed === ""
    ? "\nGolden cases: no expected file changed."
    : `\nGolden cases: expected files rewritten. Review every change by hand (git diff test/cases) before committing:\n${changed}`,
);
