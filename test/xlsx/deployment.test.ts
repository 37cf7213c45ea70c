/**
 * Issue 11 item 6: a live export names the store the add-in is deployed
 * from (Office's "Automatically open a task pane with a document" table),
 * and its task pane opens on first open (visibility="1").
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { presetOk } from "../plan/fixtures";
import { getPreset, SEED_PRESET_ID, type Preset } from "../../src/presets";
import { HPC_ADDIN, exportPlanXlsx, parseDeployment, storeReference, type AddinDeployment } from "../../src/xlsx";
import { AS_OF } from "./helpers";

const plan = presetOk(getPreset(SEED_PRESET_ID) as Preset);

async function reference(deployment?: AddinDeployment): Promise<{ reference: string; taskpane: string }> {
  const zip = await JSZip.loadAsync(await exportPlanXlsx(plan, { mode: "live", asOf: AS_OF, deployment }));
  const we = (await zip.file("xl/webextensions/webextension1.xml")?.async("string")) ?? "";
  const tp = (await zip.file("xl/webextensions/taskpanes.xml")?.async("string")) ?? "";
  return {
    reference: /<we:reference [^>]*\/>/.exec(we)?.[0] ?? "",
    taskpane: /<wetp:taskpane [^>]*>/.exec(tp)?.[0] ?? "",
  };
}

/** `npm test` exports two of the four (the default and the one rewriting the id); `npm run test:full` all. */
const quick = process.env.HPC_QUICK_TESTS === "1";

const REFERENCES: readonly [AddinDeployment | undefined, string][] = [
  [
    undefined,
    `<we:reference id="${HPC_ADDIN.id}" version="${HPC_ADDIN.version}" store="developer" storeType="Registry"/>`,
  ],
  [
    { kind: "centralized" } as const,
    `<we:reference id="${HPC_ADDIN.id}" version="${HPC_ADDIN.version}" store="EXCatalog" storeType="EXCatalog"/>`,
  ],
  [
    { kind: "appsource", assetId: "wa104380862", version: "1.2.0.0", locale: "en-US" } as const,
    '<we:reference id="WA104380862" version="1.2.0.0" store="en-US" storeType="OMEX"/>',
  ],
  [
    { kind: "fileshare", path: "\\\\fs01\\addins" } as const,
    `<we:reference id="${HPC_ADDIN.id}" version="${HPC_ADDIN.version}" store="\\\\fs01\\addins" storeType="FileSystem"/>`,
  ],
];

describe("the live export's add-in reference", () => {
  it.each(REFERENCES.filter((_, i) => !quick || i === 0 || i === 2))("%j", async (deployment, expected) => {
    const { reference: ref, taskpane } = await reference(deployment);
    expect(ref).toBe(expected);
    // Opens on first open, as the docs say visibility="1" does (with "0" the user must start it from the ribbon).
    expect(taskpane).toContain('visibility="1"');
  });

  it.each([
    ["appsource:nope@1.0.0.0", /asset id/],
    ["appsource:WA104380862@one", /version/],
    ["appsource:WA104380862@1.0.0.0:not a locale", /locale/],
    ["fileshare:C:\\addins", /UNC/],
    ["store", /deployment must be/],
  ])("refuses %s", (text, message) => {
    expect(() => parseDeployment(text)).toThrow(message);
  });

  it("parses each form", () => {
    expect(parseDeployment("sideload")).toEqual({ kind: "sideload" });
    expect(parseDeployment("centralized")).toEqual({ kind: "centralized" });
    expect(parseDeployment("appsource:WA104380862@1.0.0.0")).toEqual({
      kind: "appsource",
      assetId: "WA104380862",
      version: "1.0.0.0",
      locale: "en-US",
    });
    expect(parseDeployment("fileshare:\\\\srv\\share")).toEqual({ kind: "fileshare", path: "\\\\srv\\share" });
    expect(storeReference(HPC_ADDIN).storeType).toBe("Registry");
  });
});

describe("hpc-deal xlsx --deployment", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "hpc-deploy-"));
  const run = async (args: string[]) => {
    let err = "";
    const code = await main(args, { out: () => undefined, err: (t) => (err += t), readInput: async () => "" });
    return { code, err };
  };

  it("binds the file to a centralized deployment", async () => {
    const out = path.join(dir, "cd.xlsx");
    const r = await run(["xlsx", "--preset", SEED_PRESET_ID, "-o", out, "--deployment", "centralized"]);
    expect(r).toEqual({ code: 0, err: "" });
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(await zip.file("xl/webextensions/webextension1.xml")?.async("string")).toContain(
      'store="EXCatalog" storeType="EXCatalog"',
    );
  });

  it("refuses a deployment it cannot read, with exit code 2", async () => {
    const r = await run(["xlsx", "--preset", SEED_PRESET_ID, "-o", path.join(dir, "x.xlsx"), "--deployment", "cloud"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--deployment");
  });
});
