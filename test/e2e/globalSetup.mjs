// The browser tests' setup: checks for Debian's chromium, builds the add-in in development mode (the
// preview included) into a temporary directory, and serves it with scripts/serve.mjs's createStaticServer
// over plain HTTP on 127.0.0.1, on a port the system picks. The tests read the page's URL from
// HPC_PREVIEW_URL; globalTeardown.mjs stops the server.
import { existsSync, mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createStaticServer } from "../../scripts/serve.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(import.meta.url);

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

async function buildPreview(outDir) {
  const webpack = require("webpack");
  const config = await require(path.join(ROOT, "webpack.config.js"))({}, { mode: "development" });
  config.output = { ...config.output, path: outDir };
  const compiler = webpack(config);
  const stats = await new Promise((resolve, reject) =>
    compiler.run((err, result) => (err || !result ? reject(err ?? new Error("no stats")) : resolve(result))),
  );
  await new Promise((resolve, reject) => compiler.close((err) => (err ? reject(err) : resolve())));
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  if (!existsSync(path.join(outDir, "preview.html"))) throw new Error("the development build made no preview.html");
}

export default async function globalSetup() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM}, and it is missing. Install it with ` +
        "`sudo apt-get update && sudo apt-get install -y chromium` (CI installs it the same way), " +
        "or point CHROMIUM_PATH at a Chromium binary.",
    );
  }
  const outDir = mkdtempSync(path.join(os.tmpdir(), "hpc-preview-build-"));
  await buildPreview(outDir);
  const server = createStaticServer({ root: outDir });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address();
  process.env.HPC_PREVIEW_URL = `http://127.0.0.1:${port}/preview.html`;
  process.env.HPC_CHROMIUM = CHROMIUM;
  globalThis.__HPC_PREVIEW__ = { server, outDir };
}
