/**
 * The project stands on its own: every relative link in README.md and
 * docs/**\/*.md points at a file inside the repository (and, for a link to a
 * heading of a Markdown file, at a heading that exists).
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return markdownFiles(full);
    return e.name.endsWith(".md") ? [full] : [];
  });
}

/** The link targets of a Markdown text: inline links and images, and reference definitions; code left out. */
function links(markdown: string): string[] {
  const text = markdown.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
  const found: string[] = [];
  for (const m of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) found.push(m[1]);
  for (const m of text.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)) found.push(m[1]);
  return found;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, "")
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .replace(/\s/g, "-");
}

function anchors(file: string): Set<string> {
  const text = readFileSync(file, "utf8").replace(/```[\s\S]*?```/g, "");
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of text.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = slug(m[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** Why a relative link does not resolve inside the repository, or undefined when it does. */
function problem(from: string, target: string): string | undefined {
  const [rawPath, anchor] = target.split("#", 2);
  const file = rawPath === "" ? from : path.resolve(path.dirname(from), decodeURIComponent(rawPath));
  if (file !== ROOT && !file.startsWith(ROOT + path.sep)) return "leaves the repository";
  if (!existsSync(file)) return "no such file";
  if (anchor && statSync(file).isFile() && file.endsWith(".md") && !anchors(file).has(anchor)) {
    return `no heading #${anchor}`;
  }
  return undefined;
}

const DOCS = [path.join(ROOT, "README.md"), ...markdownFiles(path.join(ROOT, "docs"))];

describe("links in README.md and docs/", () => {
  it("finds links, and tells a broken one", () => {
    expect(links('[a](docs/x.md) ![i](a.png "t") `[no](code.md)`\n[ref]: ../out.md\n')).toEqual([
      "docs/x.md",
      "a.png",
      "../out.md",
    ]);
    const readme = path.join(ROOT, "README.md");
    expect(problem(readme, "../shared/spec/deal-model.md")).toBe("leaves the repository");
    expect(problem(readme, "docs/nope.md")).toBe("no such file");
    expect(problem(readme, "#no-such-heading")).toBe("no heading #no-such-heading");
    expect(problem(readme, "docs/model.md#the-deal-model")).toBeUndefined();
    expect(slug("The model, and the choices where the spec is silent")).toBe(
      "the-model-and-the-choices-where-the-spec-is-silent",
    );
  });

  it.each(DOCS.map((f) => [path.relative(ROOT, f), f]))("%s links only inside the repository", (_name, file) => {
    const broken = links(readFileSync(file, "utf8"))
      .filter((target) => !isExternal(target))
      .map((target) => [target, problem(file, target)])
      .filter(([, why]) => why !== undefined);
    expect(broken).toEqual([]);
  });
});
