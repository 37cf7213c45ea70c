// npm run audit: fails on a high or critical advisory in the runtime
// dependencies; skips (and says why) when the advisory service cannot be
// asked. The decision is scripts/audit-core.cjs (unit-tested).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { decide } = require("./audit-core.cjs");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TIMEOUT_MS = 60_000;

// --audit=true: the user's npmrc may say audit=false, which would make npm skip silently.
const args = ["audit", "--omit=dev", "--json", "--audit=true"];
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const result = spawnSync(npm, args, {
  cwd: root,
  encoding: "utf8",
  timeout: TIMEOUT_MS,
  maxBuffer: 64 * 1024 * 1024,
  shell: process.platform === "win32",
});

const timedOut = result.error?.code === "ETIMEDOUT" || result.signal === "SIGTERM";
const decision = decide({
  status: result.status,
  stdout: result.stdout,
  stderr: result.stderr,
  timedOut,
  spawnError: result.error && !timedOut ? { code: result.error.code, message: result.error.message } : undefined,
});
console.log(decision.message);
process.exitCode = decision.exitCode;
