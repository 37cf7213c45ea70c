/**
 * The build's GPL guard: hyperformula may be bundled in the preview's entry
 * (development builds only) and in no other; the production build has no
 * preview at all.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import webpack from "webpack";
import { productionConfig, webpackConfigModule } from "../support/buildAddin";

jest.setTimeout(120_000);

type Plugin = new (allowed: readonly string[]) => webpack.WebpackPluginInstance;
const { NoHyperFormulaPlugin } = webpackConfigModule() as unknown as { NoHyperFormulaPlugin: Plugin };

async function errorsOf(entries: Record<string, string>): Promise<string[]> {
  const out = mkdtempSync(path.join(os.tmpdir(), "hpc-guard-"));
  try {
    const compiler = webpack({
      mode: "development",
      context: path.resolve(__dirname, "../.."),
      devtool: false,
      entry: entries,
      output: { path: out },
      resolve: { modules: [path.resolve(__dirname, "../../node_modules")] },
      plugins: [new NoHyperFormulaPlugin(["preview"])],
    });
    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      compiler.run((err, s) => (err || !s ? reject(err ?? new Error("no stats")) : resolve(s))),
    );
    await new Promise<void>((resolve) => compiler.close(() => resolve()));
    return stats.compilation.errors.map((e) => e.message);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

describe("the hyperformula guard", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hpc-guard-src-"));
  const uses = path.join(dir, "uses.js");
  const clean = path.join(dir, "clean.js");
  writeFileSync(uses, `import { HyperFormula } from "hyperformula";\nconsole.log(HyperFormula.version);\n`);
  writeFileSync(clean, `console.log("no engine");\n`);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("lets the preview entry bundle it", async () => {
    expect(await errorsOf({ preview: uses, taskpane: clean })).toEqual([]);
  });

  it("fails the build when any other entry bundles it", async () => {
    const errors = await errorsOf({ preview: uses, taskpane: uses });
    expect(errors).toEqual([expect.stringContaining('hyperformula must not be bundled in "taskpane"')]);
  });

  it("has no preview in the production build", async () => {
    const config = await productionConfig();
    expect(Object.keys(config.entry as object).sort()).toEqual(["functions", "taskpane"]);
    const pages = (config.plugins ?? []).map(
      (p) => (p as { userOptions?: { filename?: string } }).userOptions?.filename,
    );
    expect(pages).not.toContain("preview.html");
  });
});
