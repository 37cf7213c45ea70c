/**
 * Builds the add-in with the project's own webpack.config.js, in production
 * mode, into a fresh temporary directory, so that tests check what
 * `npm run build` ships on a clean clone (never a stale dist/).
 */
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import webpack, { type Configuration } from "webpack";

export const ROOT = path.resolve(__dirname, "../..");

interface WebpackConfigModule {
  (env: Record<string, unknown>, argv: { mode: string }): Promise<Configuration>;
  DEV_URL: string;
  OUTPUTS: Record<"functionsScript" | "functionsMetadata" | "taskpanePage" | "taskpaneScript" | "manifest", string>;
}

/** The project's webpack.config.js (CommonJS). */
export function webpackConfigModule(): WebpackConfigModule {
  return createRequire(__filename)(path.join(ROOT, "webpack.config.js")) as WebpackConfigModule;
}

export async function productionConfig(): Promise<Configuration> {
  return webpackConfigModule()({}, { mode: "production" });
}

/** Runs the production build into a new temporary directory and returns its path. */
export async function buildAddin(): Promise<string> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), "hpc-addin-build-"));
  const config = await productionConfig();
  config.output = { ...config.output, path: outDir };
  const compiler = webpack(config);
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    compiler.run((err, result) => (err || !result ? reject(err ?? new Error("no stats")) : resolve(result))),
  );
  await new Promise<void>((resolve, reject) => compiler.close((err) => (err ? reject(err) : resolve())));
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  return outDir;
}
