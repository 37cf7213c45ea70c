// A node-targeted build of src/core and src/functions for the benchmarks: every
// .ts file transpiled on its own to CommonJS (no type check, well under a
// second), into node_modules/.cache/hpc-bench/ so that `hyperformula` and
// `decimal.js` resolve from the project's node_modules. It exposes the
// modules' own exports, e.g. resolve.js's cacheStats() and CACHE_LIMITS,
// without adding anything to src.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

/** Where the build goes; src/<dir>/x.ts becomes OUT_DIR/<dir>/x.js. */
export const OUT_DIR = path.join(root, "node_modules/.cache/hpc-bench");

function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(full);
    return e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [full] : [];
  });
}

/**
 * Transpiles src/core and src/functions into `outDir`; returns a `require` for
 * a module of the build ("functions/resolve"). `patches` ({ "functions/resolve":
 * [[from, to]] }) edits the transpiled text of a module: for measuring a
 * proposed change without touching src. A patch that does not apply (src has
 * moved on: the change landed, or the code it edits was rewritten) is skipped
 * and listed in the loader's `unapplied` ([{ module, from }]), never thrown:
 * the caller reports it instead of a figure.
 */
export function buildForNode({ outDir = OUT_DIR, patches = {} } = {}) {
  const ts = require("typescript");
  rmSync(outDir, { recursive: true, force: true });
  const compilerOptions = {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2022,
    esModuleInterop: true,
    isolatedModules: true,
  };
  const unapplied = [];
  const seen = new Set();
  // The HyperFormula plugins live in preview/ (GPL, dev only): built as "preview/hyperformula/<name>",
  // their "../../src/x" imports pointed at the build's "../../x".
  const previewDir = path.join(root, "preview/hyperformula");
  const plugins = new Set(tsFiles(previewDir));
  for (const file of [
    ...tsFiles(path.join(root, "src/core")),
    ...tsFiles(path.join(root, "src/functions")),
    ...plugins,
  ]) {
    const plugin = plugins.has(file);
    let { outputText } = ts.transpileModule(readFileSync(file, "utf8"), { compilerOptions, fileName: file });
    if (plugin) outputText = outputText.replaceAll('require("../../src/', 'require("../../');
    const base = plugin ? root : path.join(root, "src");
    const name = path.relative(base, file).replace(/\.ts$/, "").split(path.sep).join("/");
    seen.add(name);
    for (const [from, to] of patches[name] ?? []) {
      if (outputText.includes(from)) outputText = outputText.replace(from, to);
      else unapplied.push({ module: name, from });
    }
    const out = path.join(outDir, `${name}.js`);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, outputText);
  }
  for (const [name, edits] of Object.entries(patches)) {
    if (!seen.has(name)) for (const [from] of edits) unapplied.push({ module: `${name} (no such module)`, from });
  }
  return Object.assign(loadNodeBuild(outDir), { unapplied });
}

/** The build made by an earlier `buildForNode()` (in a parent process). */
export function loadNodeBuild(outDir = OUT_DIR) {
  return (name) => require(path.join(outDir, name));
}
