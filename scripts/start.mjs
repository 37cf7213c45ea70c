#!/usr/bin/env node
// `npm start`: build the add-in, serve it over HTTPS on localhost:3000, and
// load it where this machine can:
//   - Windows / macOS with desktop Excel: sideload it (office-addin-debugging);
//   - anywhere else (Linux, CI): print the preview's URL, and how to sideload
//     the manifest into Excel on the web.
// The server runs in the background; `npm stop` stops what this started.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const PORT = 3000;
const STATE_DIR = path.join(root, ".hpc-dev");
const PID_FILE = path.join(STATE_DIR, "server.pid");
const LOG_FILE = path.join(STATE_DIR, "server.log");
const desktopExcel = process.platform === "win32" || process.platform === "darwin";

function step(text) {
  console.log(`\n▸ ${text}`);
}

function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** The localhost certificate: trusted where office-addin-dev-certs can install its CA, generated and served anyway where it cannot. */
async function certificates() {
  const devCerts = require("office-addin-dev-certs");
  const defaults = require("office-addin-dev-certs/lib/defaults.js");
  const files = {
    ca: defaults.caCertificatePath,
    cert: defaults.localhostCertificatePath,
    key: defaults.localhostKeyPath,
  };
  try {
    await devCerts.ensureCertificatesAreInstalled();
    return { ...files, trusted: true };
  } catch (err) {
    if (!existsSync(files.cert) || !existsSync(files.key)) {
      const generate = require("office-addin-dev-certs/lib/generate.js");
      await generate.generateCertificates(files.ca, files.cert, files.key);
    }
    const reason = (err instanceof Error ? err.message : String(err)).split("\n")[0];
    console.log(
      [
        `The development CA could not be added to this system's trust store (${reason}).`,
        `Serving with the generated certificate anyway. To trust it:`,
        `  Debian/Ubuntu: sudo cp ${files.ca} /usr/local/share/ca-certificates/office-addin-dev-ca.crt && sudo update-ca-certificates`,
        `  Chrome/Chromium: Settings › Privacy and security › Security › Manage certificates › Authorities › Import ${files.ca}`,
        `  or open https://localhost:${PORT}/ once and accept the warning (enough for the preview, not for Office).`,
      ].join("\n"),
    );
    return { ...files, trusted: false };
  }
}

async function main() {
  if (await portInUse(PORT)) {
    console.error(`Port ${PORT} is already in use: is the add-in already running? Run \`npm stop\` first.`);
    process.exit(1);
  }

  step("Building the add-in (webpack, development mode: manifest URLs on https://localhost:3000/)");
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "development"], {
    cwd: root,
    stdio: "inherit",
  });

  step("Localhost certificate");
  const certs = await certificates();

  step(`Serving dist/ on https://localhost:${PORT}/`);
  mkdirSync(STATE_DIR, { recursive: true });
  const log = openSync(LOG_FILE, "a");
  const server = spawn(
    process.execPath,
    [
      path.join(root, "scripts/serve.mjs"),
      "--port",
      String(PORT),
      "--root",
      "dist",
      "--cert",
      certs.cert,
      "--key",
      certs.key,
    ],
    { cwd: root, detached: true, stdio: ["ignore", log, log] },
  );
  server.unref();
  writeFileSync(PID_FILE, String(server.pid));
  for (let i = 0; i < 50 && !(await portInUse(PORT)); i++) await new Promise((r) => setTimeout(r, 100));
  if (!(await portInUse(PORT))) {
    console.error(`The server did not start; see ${path.relative(root, LOG_FILE)}:\n${readFileSync(LOG_FILE, "utf8")}`);
    process.exit(1);
  }

  const preview = `https://localhost:${PORT}/preview.html`;
  const hasPreview = existsSync(path.join(root, "dist/preview.html"));
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
      "The add-in is running.",
      hasPreview ? `  Preview (the pane and a live workbook in your browser): ${preview}` : "",
      `  Task pane page: https://localhost:${PORT}/taskpane.html`,
      `  Manifest: ${path.join(root, "manifest.xml")}`,
      desktopExcel
        ? "  Excel should open with the add-in; if not, see the README's 'Load it into Excel'."
        : "  No desktop Excel on this platform. To use Excel on the web: open a workbook at office.com, " +
          "Home › Add-ins › More Add-ins › Upload My Add-in, and upload manifest.xml " +
          "(the browser must trust the localhost certificate above).",
      "Stop it with `npm stop`.",
    ]
      .filter(Boolean)
      .join("\n"),
  );
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
