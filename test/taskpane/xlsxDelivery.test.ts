/**
 * Issue 11 items 6 and 7 on the pane's side: which store a live export names
 * (from the manifest's SourceLocation), and how the file reaches the user
 * (a new workbook in desktop Excel with ExcelApi 1.8, where a download link
 * does nothing on a Mac; a download on the web).
 */
import { deliverXlsx, deploymentFromUrl, toBase64, type XlsxHost } from "../../taskpane/model/xlsxExport";

function host(platform: string, api18: boolean) {
  const opened: string[] = [];
  const h: XlsxHost = {
    platform,
    supports: (set, version) => set === "ExcelApi" && (version !== "1.8" || api18),
    createWorkbook: async (b64) => {
      opened.push(b64);
    },
  };
  return { h, opened };
}

const out = { bytes: new Uint8Array(Array.from({ length: 70000 }, (_, i) => (i * 31) % 256)), name: "cw-coresci.xlsx" };

describe("handing the export over", () => {
  it("opens a new workbook on a Mac with ExcelApi 1.8, and downloads nothing", async () => {
    const { h, opened } = host("Mac", true);
    const downloads: string[] = [];
    const message = await deliverXlsx(out, h, (_b, name) => downloads.push(name));
    expect(downloads).toEqual([]);
    expect(opened).toHaveLength(1);
    expect(Buffer.from(opened[0], "base64").equals(Buffer.from(out.bytes))).toBe(true);
    expect(message).toMatch(/new workbook/);
  });

  it("opens a new workbook in Excel on Windows too", async () => {
    const { h, opened } = host("PC", true);
    await deliverXlsx(out, h, () => undefined);
    expect(opened).toHaveLength(1);
  });

  it.each([
    ["Excel on the web", "OfficeOnline", true],
    ["a desktop Excel without ExcelApi 1.8", "Mac", false],
  ])("downloads in %s", async (_what, platform, api18) => {
    const { h, opened } = host(platform, api18);
    const downloads: string[] = [];
    const message = await deliverXlsx(out, h, (_b, name) => downloads.push(name));
    expect(downloads).toEqual(["cw-coresci.xlsx"]);
    expect(opened).toEqual([]);
    expect(message).toContain("Downloaded cw-coresci.xlsx");
  });

  it("downloads outside Office", async () => {
    const downloads: string[] = [];
    await deliverXlsx(out, undefined, (_b, name) => downloads.push(name));
    expect(downloads).toEqual(["cw-coresci.xlsx"]);
  });

  it("encodes base64 as Node does", () => {
    expect(toBase64(out.bytes)).toBe(Buffer.from(out.bytes).toString("base64"));
  });
});

describe("the deployment in use", () => {
  it("is a sideload without a parameter, else the manifest's", () => {
    expect(deploymentFromUrl("")).toEqual({ kind: "sideload" });
    expect(deploymentFromUrl("?_host_Info=Excel")).toEqual({ kind: "sideload" });
    expect(deploymentFromUrl("?deployment=centralized")).toEqual({ kind: "centralized" });
    expect(deploymentFromUrl("?deployment=appsource%3AWA104380862%401.0.0.0%3Ade-DE")).toEqual({
      kind: "appsource",
      assetId: "WA104380862",
      version: "1.0.0.0",
      locale: "de-DE",
    });
    expect(() => deploymentFromUrl("?deployment=cloud")).toThrow(/deployment must be/);
  });
});
