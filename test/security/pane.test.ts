/**
 * The pane's security promises, checked on its sources: a Content-Security-Policy
 * with no inline script and no eval, and user text never inserted as HTML.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full, ext) : ext.test(name) ? [full] : [];
  });
}

function csp(html: string): Map<string, string[]> {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  if (!meta) throw new Error("no Content-Security-Policy meta tag");
  return new Map(
    meta[1]
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

describe("the pane's Content-Security-Policy", () => {
  const html = readFileSync(path.join(ROOT, "taskpane/taskpane.html"), "utf8");
  const policy = csp(html);

  it("takes scripts only from the add-in's origin and the Office CDN, with no inline script and no eval", () => {
    expect(policy.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    for (const sources of policy.values()) {
      expect(sources).not.toContain("'unsafe-inline'");
      expect(sources).not.toContain("'unsafe-eval'");
    }
  });

  it("has no inline script or inline event handler in the page", () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body.trim()).toBe("");
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it("allows office.js's logger frame and nothing more: one frame origin, one inline style by its hash", () => {
    expect(policy.get("frame-src")).toEqual(["https://telemetryservice.firstpartyapps.oaspapps.com"]);
    // 'unsafe-hashes' with the sha256 of exactly "display:none" (the frame's style attribute), never 'unsafe-inline'.
    const hash = createHash("sha256").update("display:none").digest("base64");
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-hashes'", `'sha256-${hash}'`]);
  });

  it("is the preview page's policy too, but for office.js (a local copy there, not the CDN)", () => {
    const preview = csp(readFileSync(path.join(ROOT, "preview/preview.html"), "utf8"));
    const cdn = (sources: string[] | undefined) => sources?.filter((s) => s !== "https://appsforoffice.microsoft.com");
    expect(new Map([...policy].map(([k, v]) => [k, cdn(v)]))).toEqual(preview);
  });

  it("runs the unsupported-host check from a file, before the bundles, in ES5 that IE11 parses", () => {
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/gi)].map((m) => m[1]);
    expect(scripts).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js", "unsupported.js"]);
    const code = readFileSync(path.join(ROOT, "taskpane/unsupported.js"), "utf8").replace(
      /\/\*[\s\S]*?\*\/|\/\/.*$/gm,
      "",
    );
    expect(code).not.toMatch(/=>|\b(let|const|class|import|export|async|await)\b|`/);
    expect(html).toMatch(/<div id="unsupported"[^>]*hidden/);
  });

  it("loads office.js from Microsoft's CDN, as Office requires", () => {
    expect(html).toContain('src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"');
  });
});

describe("user text in the pane", () => {
  it("is never inserted as HTML: no innerHTML, outerHTML, insertAdjacentHTML or document.write in the pane or the preview", () => {
    const sources = [...files(path.join(ROOT, "taskpane"), /\.ts$/), ...files(path.join(ROOT, "preview"), /\.ts$/)];
    expect(sources.length).toBeGreaterThan(5);
    for (const file of sources) {
      const code = readFileSync(file, "utf8");
      expect([
        path.relative(ROOT, file),
        /\.(innerHTML|outerHTML)\b|insertAdjacentHTML|document\.write/.test(code),
      ]).toEqual([path.relative(ROOT, file), false]);
    }
  });
});
