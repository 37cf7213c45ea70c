/**
 * The exported workbook's chart (issue 11 item 5): DrawingML parts written
 * after exceljs, for the live and the values-only file. Structurally always;
 * and, where LibreOffice is installed, opened by it and printed to a PDF in
 * which the chart shows (CI installs libreoffice-calc-nogui and poppler-utils).
 */
import { execFileSync, spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import JSZip from "jszip";
import { toExcelSerial } from "../../src/core";
import { parseCell, planCachedValues, type SheetPlan } from "../../src/plan";
import { presetOk } from "../plan/fixtures";
import { PRESETS, getPreset, SEED_PRESET_ID, type Preset } from "../../src/presets";
import { exportPlanXlsx } from "../../src/xlsx";
import { CHART_CONTENT_TYPE, CHART_REL } from "../../src/xlsx/chart";
import { AS_OF } from "./helpers";

/** Throws unless every start tag has its end tag, in order (enough to catch a broken part). */
function checkWellFormed(xml: string): void {
  const stack: string[] = [];
  for (const [tag] of xml.matchAll(/<[^>]+>/g)) {
    if (tag.startsWith("<?") || tag.startsWith("<!")) continue;
    const name = /^<\/?([\w:.-]+)/.exec(tag)?.[1];
    if (!name) throw new Error(`bad tag ${tag}`);
    if (tag.startsWith("</")) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}>`);
    } else if (!tag.endsWith("/>")) stack.push(name);
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join("> <")}>`);
}

/** The children's names of each element named `parent` (direct children only). */
function childNames(xml: string, parent: string): string[][] {
  const out: string[][] = [];
  const re = new RegExp(`<${parent}(?:\\s[^>]*)?>`, "g");
  for (const m of xml.matchAll(re)) {
    const names: string[] = [];
    let depth = 0;
    for (const [tag] of xml.slice((m.index ?? 0) + m[0].length).matchAll(/<[^>]+>/g)) {
      const name = /^<\/?([\w:.-]+)/.exec(tag)?.[1] ?? "";
      if (tag.startsWith("</")) {
        if (depth === 0) break;
        depth--;
      } else {
        if (depth === 0) names.push(name);
        if (!tag.endsWith("/>")) depth++;
      }
    }
    out.push(names);
  }
  return out;
}

async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const path of Object.keys(zip.files))
    if (!zip.files[path].dir) out[path] = await zip.files[path].async("string");
  return out;
}

function cells(ref: string): string[] {
  const m = /!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(ref);
  if (!m) throw new Error(ref);
  return Array.from({ length: Number(m[3]) - Number(m[2]) + 1 }, (_, i) => `${m[1]}${Number(m[2]) + i}`);
}

const unescape = (s: string) =>
  s
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

/**
 * Each plan's export in each mode, made once for this file: a plan's charts are checked in the same
 * file, and the seed's by two tests.
 */
const exported = new Map<string, Promise<Record<string, string>>>();
function exportedParts(plan: SheetPlan, mode: "live" | "values"): Promise<Record<string, string>> {
  const key = `${plan.deal.presetId ?? plan.sheet}|${mode}`;
  let p = exported.get(key);
  if (!p) exported.set(key, (p = exportPlanXlsx(plan, { mode, asOf: AS_OF }).then(parts)));
  return p;
}

async function checkChartParts(plan: SheetPlan, mode: "live" | "values", index = 0): Promise<void> {
  const p = await exportedParts(plan, mode);
  const chart = plan.charts[index];
  const n = index + 1;
  for (const path of [`xl/charts/chart${n}.xml`, "xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels"]) {
    expect([path, typeof p[path]]).toEqual([path, "string"]);
    checkWellFormed(p[path]);
  }
  checkWellFormed(p["xl/worksheets/sheet1.xml"]);
  const types = p["[Content_Types].xml"];
  expect(types).toContain(`<Override PartName="/xl/charts/chart${n}.xml" ContentType="${CHART_CONTENT_TYPE.chart}"/>`);
  expect(types).toContain(
    `<Override PartName="/xl/drawings/drawing1.xml" ContentType="${CHART_CONTENT_TYPE.drawing}"/>`,
  );

  // Sheet → drawing → chart.
  const drawingId = /<drawing r:id="(rId\d+)"\/>/.exec(p["xl/worksheets/sheet1.xml"])?.[1];
  expect(p["xl/worksheets/_rels/sheet1.xml.rels"]).toContain(
    `<Relationship Id="${drawingId}" Type="${CHART_REL.drawing}" Target="../drawings/drawing1.xml"/>`,
  );
  const sheetChildren = childNames(p["xl/worksheets/sheet1.xml"], "worksheet")[0];
  expect(sheetChildren.slice(-3)).toEqual(["pageMargins", "pageSetup", "drawing"]);
  const chartIds = [...p["xl/drawings/drawing1.xml"].matchAll(/<c:chart [^>]*r:id="(rId\d+)"\/>/g)].map((m) => m[1]);
  expect(chartIds).toHaveLength(plan.charts.length);
  expect(p["xl/drawings/_rels/drawing1.xml.rels"]).toContain(
    `<Relationship Id="${chartIds[index]}" Type="${CHART_REL.chart}" Target="../charts/chart${n}.xml"/>`,
  );
  // Anchored over the plan's cells (0-based column and row).
  const from = parseCell(chart.from);
  expect(p["xl/drawings/drawing1.xml"]).toContain(
    `<xdr:from><xdr:col>${(from?.column ?? 0) - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${(from?.row ?? 0) - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>`,
  );
  if (index === 0) {
    expect(p["xl/drawings/drawing1.xml"]).toContain(
      "<xdr:from><xdr:col>16</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>3</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>",
    );
  }

  // The chart: a line chart, Excel's element order, its series over the schedule with cached values.
  const xml = p[`xl/charts/chart${n}.xml`];
  expect(childNames(xml, "c:chartSpace")[0]).toEqual(["c:date1904", "c:lang", "c:roundedCorners", "c:chart"]);
  expect(childNames(xml, "c:chart")[0]).toEqual([
    "c:title",
    "c:autoTitleDeleted",
    "c:plotArea",
    "c:legend",
    "c:plotVisOnly",
    "c:dispBlanksAs",
  ]);
  expect(childNames(xml, "c:plotArea")[0]).toEqual(["c:layout", "c:lineChart", "c:dateAx", "c:valAx"]);
  const sers = childNames(xml, "c:ser");
  expect(sers).toHaveLength(chart.series.length);
  sers.forEach((s, i) => {
    // A marked series (the halvings on the mining margin) has a data point per mark, in schema order.
    const marked = chart.marks?.series === i ? chart.marks.points.map(() => "c:dPt") : [];
    expect(s).toEqual(["c:idx", "c:order", "c:tx", "c:spPr", "c:marker", ...marked, "c:cat", "c:val", "c:smooth"]);
  });
  const axIds = [...xml.matchAll(/<c:axId val="(\d+)"\/>/g)].map((m) => m[1]);
  expect(new Set(axIds).size).toBe(2);
  expect([...xml.matchAll(/<c:crossAx val="(\d+)"\/>/g)].map((m) => m[1]).sort()).toEqual([...new Set(axIds)].sort());

  const cached = planCachedValues(plan, { asOf: AS_OF });
  const refs = [...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => unescape(m[1]));
  expect(refs).toEqual(chart.series.flatMap((s) => [s.nameRef, chart.categories, s.values]));
  const caches = [...xml.matchAll(/<c:numCache>([\s\S]*?)<\/c:numCache>/g)].map((m) => m[1]);
  chart.series.forEach((s, i) => {
    const values = caches[2 * i + 1];
    expect(values).toContain(`<c:ptCount val="${chart.points}"/>`);
    const points = [...values.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)];
    expect(points.map((m) => Number(m[2]))).toEqual(cells(s.values).map((ref) => cached.get(ref)));
  });
  expect(caches[0]).toContain(`<c:pt idx="0"><c:v>${cached.get(cells(chart.categories)[0])}</c:v></c:pt>`);
}

describe("an exported workbook carries its chart", () => {
  // `npm test` checks every eighth preset (the seed, the only one with a mining chart, first); CI's
  // `npm run test:full` all (test/support/quick.js).
  const checked = process.env.HPC_QUICK_TESTS === "1" ? PRESETS.filter((_, i) => i % 8 === 0) : PRESETS;
  it.each(checked.map((p) => [p.id, p] as const))("%s, live and values-only", async (_id, preset) => {
    const plan = presetOk(preset);
    expect(plan.charts).toHaveLength(preset.deal.mining ? 2 : 1);
    for (const [i] of plan.charts.entries()) {
      await checkChartParts(plan, "live", i);
      await checkChartParts(plan, "values", i);
    }
  });

  it("the seed's mining chart: hosting cash flow and mining margin, its title naming the halvings, marked", async () => {
    const plan = presetOk(getPreset(SEED_PRESET_ID) as Preset);
    const chart = plan.charts[1];
    expect(chart.role).toBe("mining");
    // The halvings' first months (May 2028, May 2032, May 2036) marked on the mining margin.
    const cached = planCachedValues(plan, { asOf: AS_OF });
    const dates = cells(chart.categories).map((ref) => cached.get(ref));
    expect(chart.marks?.series).toBe(1);
    expect(chart.marks?.points.map((i) => dates[i])).toEqual([
      toExcelSerial({ year: 2028, month: 5, day: 1 }),
      toExcelSerial({ year: 2032, month: 5, day: 1 }),
      toExcelSerial({ year: 2036, month: 5, day: 1 }),
    ]);
    const xml = (await exportedParts(plan, "values"))["xl/charts/chart2.xml"];
    for (const i of chart.marks?.points ?? []) {
      expect(xml).toContain(`<c:dPt><c:idx val="${i}"/><c:marker><c:symbol val="diamond"/>`);
    }
    expect(chart.title).toBe("Hosting cash flow and mining margin (halvings: 2028-04, 2032-04, 2036-04)");
    expect(chart.series.map((s) => s.name)).toEqual(["Hosting cash flow", "Mining margin"]);
  });
});

function has(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
}

describe("LibreOffice opens the exported chart", () => {
  // `npm test` leaves this round trip to CI's `npm run test:full` (test/support/quick.js).
  const skipped = process.env.HPC_QUICK_TESTS === "1";
  const soffice = !skipped && has("soffice");
  const pdftotext = has("pdftotext");
  const run = soffice ? it : it.skip;
  if (!soffice && !skipped) {
    console.log("skipped: soffice not found (apt-get install -y --no-install-recommends libreoffice-calc-nogui)");
  }

  run(
    "converts both files to PDF, and the values-only chart shows its title, legend and money axis",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "hpc-chart-"));
      try {
        const plan = presetOk(getPreset(SEED_PRESET_ID) as Preset);
        for (const mode of ["live", "values"] as const) {
          writeFileSync(join(dir, `${mode}.xlsx`), await exportPlanXlsx(plan, { mode, asOf: AS_OF }));
          execFileSync(
            "soffice",
            [
              `-env:UserInstallation=file://${join(dir, "profile")}`,
              "--headless",
              "--convert-to",
              "pdf",
              "--outdir",
              dir,
              join(dir, `${mode}.xlsx`),
            ],
            { stdio: "pipe", timeout: 120_000 },
          );
          expect(
            readFileSync(join(dir, `${mode}.pdf`))
              .subarray(0, 5)
              .toString(),
          ).toBe("%PDF-");
        }
        if (!pdftotext) {
          console.log("chart text not checked: pdftotext not found (apt-get install -y poppler-utils)");
          return;
        }
        const text = execFileSync("pdftotext", [join(dir, "values.pdf"), "-"]).toString();
        expect(text).toContain(plan.charts[0].title);
        for (const s of plan.charts[0].series) expect(text).toContain(s.name);
        expect(text).toContain("$300M"); // the value axis, in the chart's money format
        // The mining chart too (the page edge cuts its title: its start), its axis below zero (capex months).
        expect(text).toContain("Hosting cash flow and mini");
        expect(text).toContain("-$50M");
        // LibreOffice has no HPC functions: the live file's chart is there, its values #NAME?.
        expect(execFileSync("pdftotext", [join(dir, "live.pdf"), "-"]).toString()).toContain(plan.charts[0].title);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});
