#!/usr/bin/env node
// `npm start`: serve the add-in with webpack-dev-server (development build, in memory, HTTPS on
// localhost:3000, the page reloaded when a source changes) and load it where this machine can:
//   - Windows / macOS with desktop Excel: sideload it (office-addin-debugging);
//   - anywhere else (Linux, CI): print the preview's URL, and how to sideload the manifest
//     into Excel on the web.
// The server runs in the background; `npm stop` stops what this started.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import https from "node:https";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const { localhostCertificate, trustInstructions } = require("./dev-certs.cjs");
const PORT = 3000;
const STATE_DIR = path.join(root, ".hpc-dev");
const PID_FILE = path.join(STATE_DIR, "server.pid");
const LOG_FILE = path.join(STATE_DIR, "server.log");
/** The first build of a cold cache takes under a minute on two busy cores. */
const READY_TIMEOUT_MS = 180_000;
const desktopExcel = process.platform === "win32" || process.platform === "darwin";

function step(text) {
  console.log(`\n▸ ${text}`);
}

function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "localhost" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** The page's HTTP status (the dev server answers once its first build is done), or undefined. */
function status(url, ca) {
  return new Promise((resolve) => {
    const req = https.get(url, { ca, timeout: READY_TIMEOUT_MS }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.once("error", () => resolve(undefined));
    req.once("timeout", () => req.destroy());
  });
}

async function main() {
  if (await portInUse(PORT)) {
    console.error(`Port ${PORT} is already in use: is the add-in already running? Run \`npm stop\` first.`);
    process.exit(1);
  }

  step("Localhost certificate");
  const cert = await localhostCertificate({ install: true });
  if (!cert.trusted) {
    console.log(
      `The development CA could not be added to this system's trust store (${cert.reason}).\n` +
        `Serving with the generated certificate anyway. To trust it:\n${trustInstructions(cert.caPath, PORT)}`,
    );
  }

  step(`Starting webpack-dev-server on https://localhost:${PORT}/ (development build; log: .hpc-dev/server.log)`);
  mkdirSync(STATE_DIR, { recursive: true });
  const log = openSync(LOG_FILE, "w");
  const server = spawn(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "serve", "--mode", "development"],
    { cwd: root, detached: true, stdio: ["ignore", log, log], env: { ...process.env, HPC_DEV_CERTS_READY: "1" } },
  );
  let exited = false;
  server.once("exit", () => (exited = true));
  server.unref();
  writeFileSync(PID_FILE, String(server.pid));

  const page = `https://localhost:${PORT}/taskpane.html`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let code;
  // Refused until the server listens; then the answer waits for the first build.
  while (!exited && code === undefined && Date.now() < deadline) {
    code = await status(page, cert.ca);
    if (code === undefined) await new Promise((r) => setTimeout(r, 250));
  }
  if (code !== 200) {
    console.error(`The dev server did not come up (${exited ? "it exited" : `status ${code ?? "none"}`}); its log:`);
    console.error(readFileSync(LOG_FILE, "utf8"));
    if (!exited) process.kill(-server.pid, "SIGTERM");
    process.exit(1);
  }

  if (desktopExcel) {
    step("Sideloading into desktop Excel (office-addin-debugging)");
    try {
      execFileSync(
        process.execPath,
        [require.resolve("office-addin-debugging/cli.js"), "start", "manifest.xml", "desktop", "--no-debug"],
        { cwd: root, stdio: "inherit" },
      );
    } catch {
      console.log("Sideloading failed; load manifest.xml by hand (see below).");
    }
  }
  console.log(
    [
      "",
      "The add-in is running; pages reload when a source changes.",
      `  Preview (the pane and a live workbook in your browser): https://localhost:${PORT}/preview.html`,
      `  Task pane page: ${page}`,
      `  Manifest: ${path.join(root, "manifest.xml")}`,
      desktopExcel
        ? "  Excel should open with the add-in; if not, see the README's 'Load it into Excel'."
        : "  No desktop Excel on this platform. To use Excel on the web: open a workbook at office.com, " +
          "Home › Add-ins › More Add-ins › Upload My Add-in, and upload manifest.xml " +
          "(the browser must trust the localhost certificate above).",
      "Stop it with `npm stop`.",
    ].join("\n"),
  );
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
