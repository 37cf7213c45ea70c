#!/usr/bin/env node
// `npm stop`: stops what `npm start` started (the dev server, and the desktop sideload where there was one).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const PID_FILE = path.join(root, ".hpc-dev/server.pid");

if (process.platform === "win32" || process.platform === "darwin") {
  try {
    execFileSync(process.execPath, [require.resolve("office-addin-debugging/cli.js"), "stop", "manifest.xml"], {
      cwd: root,
      stdio: "inherit",
    });
  } catch {
    // Nothing was sideloaded: nothing to stop.
  }
}

if (!existsSync(PID_FILE)) {
  console.log("No server started by `npm start` is running.");
} else {
  const pid = Number(readFileSync(PID_FILE, "utf8"));
  try {
    // The server was started detached, as the leader of its own process group: stop the group.
    process.kill(process.platform === "win32" ? pid : -pid, "SIGTERM");
    console.log(`Stopped the server (pid ${pid}).`);
  } catch {
    console.log(`The server (pid ${pid}) had already stopped.`);
  }
  rmSync(PID_FILE);
}
