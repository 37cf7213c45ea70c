/**
 * The product's sources are GPL-free by construction: nothing under src/ or
 * taskpane/ imports hyperformula (GPL-3.0) or the preview that wraps it. The
 * webpack guard (NoHyperFormulaPlugin) is the second line, on the bundles.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const PRODUCT = ["src", "taskpane"];
const PREVIEW = path.join(ROOT, "preview");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|js|mjs|cjs)$/.test(e.name) ? [full] : [];
  });
}

/** Every module specifier of a file: static and dynamic imports, re-exports, require. */
function specifiers(code: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) found.push(m[1]);
  return found;
}

function forbidden(file: string, spec: string): boolean {
  if (/hyperformula/i.test(spec)) return true;
  if (!spec.startsWith(".")) return false;
  const target = path.resolve(path.dirname(file), spec);
  return target === PREVIEW || target.startsWith(PREVIEW + path.sep);
}

describe("GPL-free product sources", () => {
  it("finds every form of import it looks for", () => {
    const code = [
      'import { HyperFormula } from "hyperformula";',
      'export * from "../preview/hyperformula/plugin";',
      'const x = await import("hyperformula");',
      'require("hyperformula/commonjs");',
      'import "hyperformula/styles";',
    ].join("\n");
    expect(specifiers(code)).toEqual(
      expect.arrayContaining([
        "hyperformula",
        "../preview/hyperformula/plugin",
        "hyperformula/commonjs",
        "hyperformula/styles",
      ]),
    );
    expect(forbidden(path.join(ROOT, "src/functions/x.ts"), "../../preview/workbook")).toBe(true);
    expect(forbidden(path.join(ROOT, "src/functions/x.ts"), "../core")).toBe(false);
  });

  it("has no file under src/ or taskpane/ that imports hyperformula or the preview", () => {
    const files = PRODUCT.flatMap((dir) => sourceFiles(path.join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(20);
    const offending = files.flatMap((file) =>
      specifiers(readFileSync(file, "utf8"))
        .filter((spec) => forbidden(file, spec))
        .map((spec) => `${path.relative(ROOT, file)}: ${spec}`),
    );
    expect(offending).toEqual([]);
  });
});
