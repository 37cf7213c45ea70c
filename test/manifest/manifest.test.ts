/**
 * The add-in manifest, checked offline: its shape (shared runtime, the HPC
 * custom functions, a ribbon button that opens the pane), that it names only
 * resources that exist or that webpack produces, and that the production
 * build points it at the production URL. (`npm run validate` adds Microsoft's
 * online validator when the network allows.)
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import CopyWebpackPlugin from "copy-webpack-plugin";
import CustomFunctionsMetadataPlugin from "custom-functions-metadata-plugin";
import HtmlWebpackPlugin from "html-webpack-plugin";
import type { Configuration } from "webpack";
import { HPC_FUNCTION_NAMES } from "../../preview/hyperformula/plugin";
import { ROOT, productionConfig, webpackConfigModule } from "../support/buildAddin";

const MANIFEST = path.join(ROOT, "manifest.xml");
const { DEV_URL, OUTPUTS } = webpackConfigModule();

// xml2js is office-addin-manifest's own XML parser (its dependency): the manifest is read as the tools read it.
const xml2js = createRequire(require.resolve("office-addin-manifest"))("xml2js") as {
  parseStringPromise(xml: string, options?: object): Promise<unknown>;
};

/** A parsed XML element: children by name (arrays), attributes under "$", text under "_". */
type Element = { $?: Record<string, string>; _?: string } & { [child: string]: Element[] | undefined };

function children(element: Element, name: string): Element[] {
  const found = element[name];
  return Array.isArray(found) ? found : [];
}

function child(element: Element, ...names: string[]): Element {
  let current = element;
  for (const name of names) {
    const [next] = children(current, name);
    if (!next) throw new Error(`missing <${name}>`);
    current = next;
  }
  return current;
}

function attr(element: Element, name: string): string {
  const value = element.$?.[name];
  if (value === undefined) throw new Error(`missing attribute ${name}`);
  return value;
}

/** Every element named `name`, anywhere below `element`. */
function all(element: Element, name: string): Element[] {
  const out: Element[] = [];
  for (const [key, value] of Object.entries(element)) {
    if (key === "$" || key === "_" || !Array.isArray(value)) continue;
    for (const e of value) {
      if (key === name) out.push(e);
      out.push(...all(e, name));
    }
  }
  return out;
}

/**
 * The manifest as office-addin-manifest reads it. It runs in a child Node
 * process: the package loads ES modules that jest's module system cannot.
 */
function readWithOfficeTools(file: string): Record<string, unknown> {
  const script =
    "require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1])" +
    ".then((info) => process.stdout.write(JSON.stringify(info)))";
  return JSON.parse(execFileSync(process.execPath, ["-e", script, file], { cwd: ROOT, encoding: "utf8" })) as Record<
    string,
    unknown
  >;
}

function plugin<T>(config: Configuration, type: abstract new (...args: never[]) => T): T {
  const found = (config.plugins ?? []).find((p) => p instanceof type);
  if (!found) throw new Error(`no ${type.name} in the webpack config`);
  return found as T;
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("manifest.xml", () => {
  let app: Element;
  let host: Element;
  let resources: Map<string, string>;
  let config: Configuration;

  beforeAll(async () => {
    const parsed = (await xml2js.parseStringPromise(readFileSync(MANIFEST, "utf8"))) as { OfficeApp: Element };
    app = parsed.OfficeApp;
    const overrides = child(app, "VersionOverrides");
    host = child(overrides, "Hosts", "Host");
    resources = new Map();
    const res = child(overrides, "Resources");
    for (const [group, item] of [
      ["bt:Images", "bt:Image"],
      ["bt:Urls", "bt:Url"],
      ["bt:ShortStrings", "bt:String"],
      ["bt:LongStrings", "bt:String"],
    ]) {
      for (const e of children(child(res, group), item)) resources.set(attr(e, "id"), attr(e, "DefaultValue"));
    }
    config = await productionConfig();
  });

  const url = (resid: string): string => {
    const value = resources.get(resid);
    if (value === undefined) throw new Error(`no resource ${resid}`);
    return value;
  };

  it("is an Excel task-pane add-in, as the Office tools read it", () => {
    const info = readWithOfficeTools(MANIFEST);
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(info.displayName).toBe("HPC Hosting Deals");
    expect(info.permissions).toBe("ReadWriteDocument");
    expect((info.defaultSettings as { sourceLocation?: string }).sourceLocation).toBe(
      `${DEV_URL}${OUTPUTS.taskpanePage}`,
    );
  });

  it("asks for the least permission a pane that writes sheets needs", () => {
    expect(app.Permissions).toEqual(["ReadWriteDocument"]);
  });

  it("requires the sets the code uses: SharedRuntime 1.1, CustomFunctionsRuntime 1.3, ExcelApi 1.12", () => {
    const sets = children(child(app, "Requirements", "Sets"), "Set").map((s) => [
      attr(s, "Name"),
      attr(s, "MinVersion"),
    ]);
    expect(Object.fromEntries(sets)).toEqual({ SharedRuntime: "1.1", CustomFunctionsRuntime: "1.3", ExcelApi: "1.12" });
  });

  it("runs the functions and the pane in one long-lived runtime: the pane's page", () => {
    expect(attr(host, "xsi:type")).toBe("Workbook");
    const runtimes = children(child(host, "Runtimes"), "Runtime");
    expect(runtimes.map((r) => [attr(r, "resid"), attr(r, "lifetime")])).toEqual([["Taskpane.Url", "long"]]);
    const functions = child(host, "AllFormFactors", "ExtensionPoint");
    expect(attr(functions, "xsi:type")).toBe("CustomFunctions");
    expect(attr(child(functions, "Page", "SourceLocation"), "resid")).toBe("Taskpane.Url");
    expect(attr(child(host, "DesktopFormFactor", "FunctionFile"), "resid")).toBe("Taskpane.Url");
  });

  it("declares the HPC namespace, the functions script and the metadata webpack produces", () => {
    const functions = child(host, "AllFormFactors", "ExtensionPoint");
    expect(url(attr(child(functions, "Namespace"), "resid"))).toBe("HPC");
    for (const name of HPC_FUNCTION_NAMES) expect(name.startsWith("HPC.")).toBe(true);
    expect(url(attr(child(functions, "Script", "SourceLocation"), "resid"))).toBe(
      `${DEV_URL}${OUTPUTS.functionsScript}`,
    );
    expect(url(attr(child(functions, "Metadata", "SourceLocation"), "resid"))).toBe(
      `${DEV_URL}${OUTPUTS.functionsMetadata}`,
    );
    expect(url("Taskpane.Url")).toBe(`${DEV_URL}${OUTPUTS.taskpanePage}`);
  });

  it("has a ribbon button that opens the pane", () => {
    const button = all(host, "Control").find((c) => attr(c, "xsi:type") === "Button");
    if (!button) throw new Error("no button");
    const action = child(button, "Action");
    expect(attr(action, "xsi:type")).toBe("ShowTaskpane");
    expect(attr(child(action, "SourceLocation"), "resid")).toBe("Taskpane.Url");
    expect(url(attr(child(button, "Label"), "resid"))).toBe("Deal Pane");
    // The id a workbook's Office.AutoShowTaskpaneWithDocument property opens (the xlsx export writes it).
    expect(JSON.stringify(child(action, "TaskpaneId"))).toContain("Office.AutoShowTaskpaneWithDocument");
  });

  it("defines every resource it refers to", () => {
    const referenced = [...all(host, "SourceLocation"), ...all(host, "Runtime"), ...all(host, "bt:Image")]
      .concat(all(host, "Label"), all(host, "Title"), all(host, "Description"), all(host, "Namespace"))
      .concat(all(host, "FunctionFile"), all(host, "LearnMoreUrl"))
      .map((e) => e.$?.resid)
      .filter((r): r is string => r !== undefined);
    expect(referenced.length).toBeGreaterThan(10);
    for (const resid of referenced) expect([resid, resources.has(resid)]).toEqual([resid, true]);
  });

  it("names only files that exist or that the build writes, over https on localhost:3000", () => {
    const entries = config.entry as Record<string, string>;
    const output = config.output as { filename: string };
    const built = new Set<string>(Object.keys(entries).map((name) => output.filename.replace("[name]", name)));
    built.add(String(plugin(config, HtmlWebpackPlugin).userOptions.filename));
    const metadata = plugin(config, CustomFunctionsMetadataPlugin) as unknown as { options: { output: string } };
    built.add(metadata.options.output);
    expect([...built].sort()).toEqual(
      [OUTPUTS.functionsScript, OUTPUTS.functionsMetadata, OUTPUTS.taskpanePage, OUTPUTS.taskpaneScript].sort(),
    );
    const urls = [
      ...resources.values(),
      attr(child(app, "IconUrl"), "DefaultValue"),
      attr(child(app, "HighResolutionIconUrl"), "DefaultValue"),
    ].filter((v) => v.startsWith("https://localhost"));
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) {
      expect(u.startsWith(DEV_URL)).toBe(true);
      const file = u.slice(DEV_URL.length);
      const exists = built.has(file) || existsSync(path.join(ROOT, file));
      expect([file, exists]).toEqual([file, true]);
    }
  });

  it("has icons of the sizes it declares", () => {
    for (const image of all(host, "bt:Image")) {
      const size = Number(attr(image, "size"));
      const file = path.join(ROOT, url(attr(image, "resid")).slice(DEV_URL.length));
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    expect(pngSize(path.join(ROOT, "assets/icon-32.png"))).toEqual({ width: 32, height: 32 });
    expect(pngSize(path.join(ROOT, "assets/icon-64.png"))).toEqual({ width: 64, height: 64 });
  });

  it("points the production manifest at ADDIN_PUBLIC_URL", async () => {
    const saved = process.env.ADDIN_PUBLIC_URL;
    process.env.ADDIN_PUBLIC_URL = "https://deals.example.com/addin";
    try {
      const prod = await webpackConfigModule()({}, { mode: "production" });
      const copy = plugin(prod, CopyWebpackPlugin) as unknown as {
        patterns: { from: string; transform?: (content: Buffer) => string | Buffer }[];
      };
      const pattern = copy.patterns.find((p) => p.from === "manifest.xml");
      const out = String(pattern?.transform?.(readFileSync(MANIFEST)));
      expect(out).not.toContain("localhost");
      expect(out).toContain('DefaultValue="https://deals.example.com/addin/functions.json"');
      expect(out).toContain('<SourceLocation DefaultValue="https://deals.example.com/addin/taskpane.html"/>');
    } finally {
      if (saved === undefined) delete process.env.ADDIN_PUBLIC_URL;
      else process.env.ADDIN_PUBLIC_URL = saved;
    }
  });

  it("loads office.js from Microsoft's CDN, then the functions and the pane, in the runtime's page", () => {
    const template = readFileSync(path.join(ROOT, "taskpane/taskpane.html"), "utf8");
    expect(template).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
    expect(plugin(config, HtmlWebpackPlugin).userOptions.chunks).toEqual(["functions", "taskpane"]);
  });
});
