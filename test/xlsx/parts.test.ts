/**
 * The package parts of a live export, unzipped: what exceljs cannot write,
 * added as Excel writes it (docs/research/xlsx-addin-parts.md), and none of
 * it in a values-only copy.
 */
import JSZip from "jszip";
import { HPC_ADDIN, exportPlanXlsx } from "../../src/xlsx";
import { RAMP, planOk } from "../plan/fixtures";
import type { SummaryKey } from "../../src/plan";
import { AS_OF, summaryRef } from "./helpers";

const plan = planOk(RAMP);
let live: JSZip;
let values: JSZip;

async function part(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`no ${path}`);
  return file.async("string");
}

/** One cell's XML, e.g. `<c r="B32" …>…</c>`. */
function cellXml(sheet: string, ref: string): string {
  return new RegExp(`<c r="${ref}"(?: [^>]*)?(?:/>|>.*?</c>)`).exec(sheet)?.[0] ?? `(no cell ${ref})`;
}

beforeAll(async () => {
  live = await JSZip.loadAsync(await exportPlanXlsx(plan, { mode: "live", asOf: AS_OF }));
  values = await JSZip.loadAsync(await exportPlanXlsx(plan, { mode: "values", asOf: AS_OF }));
});

describe("a live export's parts", () => {
  it("stores each HPC call as _xldudf_HPC_…, a dynamic array with its cached value; other formulas plain", async () => {
    const sheet = await part(live, "xl/worksheets/sheet1.xml");
    const args = `${plan.deal.termsName}, ${plan.deal.tranchesName}, ${plan.deal.capexName}`;
    const at = (key: SummaryKey) => summaryRef(plan, key);
    expect(sheet).not.toMatch(/HPC\./);
    expect(cellXml(sheet, "E4").replace(/ s="\d+"/, ' s="?"')).toBe(
      `<c r="E4" s="?" t="str" cm="1"><f t="array" ref="${plan.schedule.ref}">_xldudf_HPC_HOSTINGCASHFLOW(${args})</f><v>Date</v></c>`,
    );
    expect(cellXml(sheet, at("contractValue"))).toMatch(
      new RegExp(
        `^<c r="${at("contractValue")}" s="\\d+" cm="1"><f t="array" ref="${at("contractValue")}">_xldudf_HPC_CONTRACTVALUE\\(${args}\\)</f><v>\\d+(\\.\\d+)?</v></c>$`,
      ),
    );
    expect(cellXml(sheet, at("totalCredits"))).toContain(
      `<f t="array" ref="${at("totalCredits")}">_xldudf_HPC_DEALSUMMARY(${args}, &quot;totalCredits&quot;)</f><v>`,
    );
    // Capacity is core's sum of the tranches (DEALSUMMARY's capacityMW), not the sheet's SUM.
    expect(cellXml(sheet, at("capacity"))).toContain(
      `<f t="array" ref="${at("capacity")}">_xldudf_HPC_DEALSUMMARY(${args}, &quot;capacityMW&quot;)</f><v>400</v>`,
    );
    // Every array formula is marked, and only those: the 15 HPC summary formulas and the spill.
    expect(sheet.match(/ cm="1"/g)).toHaveLength(16);
    expect(sheet.match(/<f t="array"/g)).toHaveLength(16);
    expect(sheet).not.toMatch(/ca="1"|aca="1"/);
  });

  it("has xl/metadata.xml (one XLDAPR block), its workbook relationship and content type", async () => {
    const metadata = await part(live, "xl/metadata.xml");
    expect(metadata).toContain('<metadataType name="XLDAPR" minSupportedVersion="120000"');
    expect(metadata).toContain('<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/>');
    expect(metadata).toContain('<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>');
    expect(await part(live, "xl/_rels/workbook.xml.rels")).toMatch(
      /<Relationship Id="rId\d+" Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/sheetMetadata" Target="metadata\.xml"\/>/,
    );
    expect(await part(live, "[Content_Types].xml")).toContain(
      '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/>',
    );
  });

  it("keeps the cached values on open: Excel's calcId, never fullCalcOnLoad", async () => {
    const workbook = await part(live, "xl/workbook.xml");
    expect(workbook).toContain('<calcPr calcId="191029"/>');
    expect(workbook).not.toContain("fullCalcOnLoad");
    expect(workbook).toContain(`<definedName name="${plan.names[0].name}">`);
  });

  it("ties the workbook to the add-in: webextension1.xml with the manifest id, auto-open, the functions used", async () => {
    const we = await part(live, "xl/webextensions/webextension1.xml");
    expect(we).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8" standalone="yes"\?>\n<we:webextension xmlns:we="http:\/\/schemas\.microsoft\.com\/office\/webextensions\/webextension\/2010\/11" id="\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}">/,
    );
    expect(we).toContain(
      `<we:reference id="${HPC_ADDIN.id}" version="${HPC_ADDIN.version}" store="developer" storeType="Registry"/><we:alternateReferences/>` +
        '<we:properties><we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/></we:properties><we:bindings/>',
    );
    expect(we).toContain('uri="{7C84B067-C214-45C3-A712-C9D94CD141B2}"><we:customFunctionIdList>');
    const ids = [...we.matchAll(/<we:customFunctionIds>([^<]+)<\/we:customFunctionIds>/g)].map((m) => m[1]);
    expect(ids).toEqual([
      "_xldudf_HPC_ANNUALREVENUE",
      "_xldudf_HPC_CONTRACTVALUE",
      "_xldudf_HPC_DEALNPV",
      "_xldudf_HPC_DEALSUMMARY",
      "_xldudf_HPC_HOSTINGCASHFLOW",
      "_xldudf_HPC_PREPAYREMAINING",
    ]);
  });

  it("has taskpanes.xml pointing at it, hung off the package root, with both content types", async () => {
    expect(await part(live, "xl/webextensions/taskpanes.xml")).toContain(
      '<wetp:taskpane dockstate="right" visibility="1" width="350" row="0"><wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></wetp:taskpane>',
    );
    expect(await part(live, "xl/webextensions/_rels/taskpanes.xml.rels")).toContain(
      '<Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/>',
    );
    expect(await part(live, "_rels/.rels")).toContain(
      '<Relationship Id="rId4" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"/>',
    );
    expect(await part(live, "xl/_rels/workbook.xml.rels")).not.toContain("webextension");
    const types = await part(live, "[Content_Types].xml");
    expect(types).toContain(
      '<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/>',
    );
    expect(types).toContain(
      '<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/>',
    );
  });

  it("is the same file for the same deal, add-in and date, apart from the zip's timestamps", async () => {
    const again = await JSZip.loadAsync(await exportPlanXlsx(plan, { mode: "live", asOf: AS_OF }));
    for (const path of ["xl/webextensions/webextension1.xml", "xl/worksheets/sheet1.xml", "docProps/core.xml"]) {
      expect(await part(again, path)).toBe(await part(live, path));
    }
  });
});

describe("a values-only export's parts", () => {
  it("has no formula, no _xldudf_, no metadata and no web-extension parts", async () => {
    const sheet = await part(values, "xl/worksheets/sheet1.xml");
    expect(sheet).not.toMatch(/<f[ >]/);
    expect(sheet).not.toContain("_xldudf_");
    expect(sheet).not.toContain("cm=");
    const paths = Object.keys(values.files);
    expect(paths.filter((p) => /metadata\.xml|webextension/.test(p))).toEqual([]);
    expect(await part(values, "_rels/.rels")).not.toContain("webextension");
    expect(await part(values, "[Content_Types].xml")).not.toMatch(/webextension|sheetMetadata/);
  });
});
