/**
 * Item 1 of issue 11: text never becomes a formula or a date. Excel reads a
 * string written through Range.values as if typed (=, +, - or @ start a
 * formula; "2024-07" is a date) unless the cell's format is text; the
 * recorder does the same (`excelReads`), so a text cell written without "@"
 * first fails here.
 */
import JSZip from "jszip";
import { type DealFile } from "../../src/core";
import { type PresetInfo } from "../../src/plan";
import { planOk } from "../plan/fixtures";
import { getPreset, SEED_PRESET_ID, type Preset } from "../../src/presets";
import { exportPlanXlsx } from "../../src/xlsx";
import { insertDeal, updateDealSheet } from "../../taskpane/actions";
import { excelReads, FakeExcel } from "../support/taskpane-fakeExcel";

const seed = getPreset(SEED_PRESET_ID) as Preset;
const HOSTILE = '=HYPERLINK("http://x", B13)';
const hostileDeal: DealFile = {
  ...(seed.deal as DealFile),
  name: HOSTILE,
  host: "+Core Scientific",
  tenant: "-CoreWeave",
};
const hostilePreset: PresetInfo = {
  id: seed.id,
  title: "@SUM(A1:A9)",
  description: "2024-07",
  provenance: Object.fromEntries(Object.entries(seed.provenance).map(([k, v]) => [k, { ...v, note: `=1+1 ${k}` }])),
  notes: ["=cmd|' /C calc'!A0", "-5", "2024-07"],
} as PresetInfo;

describe("the recorder reads strings as Excel does", () => {
  it.each([
    ["=A1", "formula"],
    ["+1", "formula"],
    ["-x", "formula"],
    ["@x", "formula"],
    ["2024-07", "date"],
    ["1,234.5", "number"],
  ])("%s in a General cell is a %s; in a text cell it is the text", (typed, kind) => {
    expect(excelReads(typed, undefined)).toEqual({ excelRead: kind, typed });
    expect(excelReads(typed, "@")).toBe(typed);
  });
});

describe("every text cell lands as its exact text", () => {
  it("in the Office.js writer, title, host, tenant, labels, provenance and notes of a hostile deal", async () => {
    const excel = new FakeExcel(["Sheet1"]);
    const outcome = await insertDeal(excel.context(), hostileDeal, hostilePreset);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const plan = planOk(hostileDeal, { existingSheetNames: ["Sheet1"], preset: hostilePreset });
    const sheet = excel.sheet(outcome.sheet);
    const texts = plan.cells.filter((c) => typeof c.value === "string");
    expect(texts.some((c) => c.value === HOSTILE)).toBe(true);
    expect(texts.some((c) => c.value === "-CoreWeave")).toBe(true);
    expect(texts.some((c) => c.value === "=cmd|' /C calc'!A0")).toBe(true);
    for (const c of texts) expect([c.ref, sheet?.cells.get(c.ref)]).toEqual([c.ref, c.value]);

    // An update writes its text terms as text too.
    const upd = await updateDealSheet(excel.context(), outcome.sheetId, { ...hostileDeal, tenant: "=1/0" });
    expect(upd.status).toBe("updated");
    expect(sheet?.cells.get("B7")).toBe("=1/0");
  });

  it("in the .xlsx: shared or inline strings with the text format, never a formula", async () => {
    const plan = planOk(hostileDeal, { preset: hostilePreset });
    for (const mode of ["live", "values"] as const) {
      const bytes = await exportPlanXlsx(plan, { mode, asOf: { year: 2025, month: 1, day: 1 } });
      const zip = await JSZip.loadAsync(bytes);
      const sheet = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
      const a1 = /<c r="A1"[^>]*>.*?<\/c>/.exec(sheet)?.[0] ?? "";
      expect(a1).toMatch(/t="(s|str|inlineStr)"/);
      expect(a1).not.toContain("<f>");
      expect(sheet).not.toMatch(/<f>[^<]*HYPERLINK/);
      const strings = (await zip.file("xl/sharedStrings.xml")?.async("string")) ?? "";
      expect(strings).toContain("=HYPERLINK(&quot;http://x&quot;, B13)");
      // The text format (numFmtId 49) on the title's style.
      const styles = (await zip.file("xl/styles.xml")?.async("string")) ?? "";
      const s = Number(/ s="(\d+)"/.exec(a1)?.[1]);
      const xf = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "").matchAll(/<xf [^>]*>/g)][s]?.[0];
      expect(xf).toContain('numFmtId="49"');
    }
  });
});
