// The production bundles for the benchmarks, built with the project's own
// webpack.config.js into a temporary directory: the figures are those of the
// sources as they stand, and dist/ (which others may be using) is not touched.
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

/**
 * Runs the production build (all entries, or only `entries`) into a new
 * temporary directory. Resolves to { dir } or { error } (the build's first errors).
 */
export async function buildBundles({ entries } = {}) {
  const webpack = require("webpack");
  const makeConfig = require(path.join(root, "webpack.config.js"));
  const dir = mkdtempSync(path.join(os.tmpdir(), "hpc-bench-dist-"));
  const config = await makeConfig({}, { mode: "production" });
  config.output = { ...config.output, path: dir };
  config.devtool = false;
  if (entries) config.entry = Object.fromEntries(entries.map((name) => [name, config.entry[name]]));
  const compiler = webpack(config);
  const stats = await new Promise((resolve, reject) =>
    compiler.run((err, result) =>
      err || !result ? reject(err ?? new Error("webpack gave no stats")) : resolve(result),
    ),
  );
  await new Promise((resolve) => compiler.close(resolve));
  if (stats.hasErrors()) {
    const text = stats.toString({ all: false, errors: true, colors: false });
    return { error: text.split("\n").slice(0, 6).join("\n") };
  }
  return { dir };
}
