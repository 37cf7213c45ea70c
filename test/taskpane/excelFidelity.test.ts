/**
 * Issue 11, items 2, 3, 4 and 9: what real Excel does that the recorder now
 * does too. Names collide case-insensitively; sheet ids change across a save
 * and reopen (and may be handed to other sheets); a chart made over a spill
 * not yet calculated has no series; merged rows need their height set.
 */
import { type DealFile } from "../../src/core";
import { presetOk } from "../plan/fixtures";
import { getPreset, SEED_PRESET_ID, type Preset } from "../../src/presets";
import { mergedRowHeights } from "../../src/xlsx/rowHeights";
import { insertDeal, listDealSheets, readDealSheet, updateDealSheet } from "../../taskpane/actions";
import { insertPlan } from "../../taskpane/writer/insert";
import { SHEET_MARKER, recordFromXml } from "../../taskpane/writer/metadata";
import { FakeExcel } from "../support/taskpane-fakeExcel";

const seed = getPreset(SEED_PRESET_ID) as Preset;

async function insertSeed(excel: FakeExcel) {
  const outcome = await insertDeal(excel.context(), seed.deal as DealFile, seed);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome;
}

describe("rollback removes only what the insert created (item 2)", () => {
  it("leaves a user's sheet that took the plan's name in the meantime", async () => {
    const plan = presetOk(seed, { existingSheetNames: ["Sheet1"] });
    const excel = new FakeExcel(["Sheet1", plan.sheet.toUpperCase()]);
    excel.sheet(plan.sheet)?.cells.set("A1", "the user's own");
    const before = excel.snapshot();
    const outcome = await insertPlan(excel.context(), plan);
    expect(outcome.ok).toBe(false);
    expect(excel.snapshot()).toBe(before);
  });

  it("leaves a user's name that collides case-insensitively with one of the plan's", async () => {
    const plan = presetOk(seed, { existingSheetNames: ["Sheet1"] });
    const theirs = plan.names[1].name.toLowerCase();
    const excel = new FakeExcel(["Sheet1"], [theirs]);
    const before = excel.snapshot();
    const outcome = await insertPlan(excel.context(), plan);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason).toContain("Nothing was left in the workbook");
    expect(excel.names.get(theirs)).toBe("=Sheet1!$A$1");
    expect(excel.snapshot()).toBe(before);
  });

  it("plans around a name taken in another case", async () => {
    const plan = presetOk(seed, { existingSheetNames: ["Sheet1"] });
    const excel = new FakeExcel(["Sheet1"], [plan.names[0].name.toUpperCase()]);
    const outcome = await insertDeal(excel.context(), seed.deal as DealFile, seed);
    expect(outcome.ok).toBe(true);
  });
});

describe("deal-sheet records across save and reopen (item 3)", () => {
  it("marks the sheet with its record's key", async () => {
    const excel = new FakeExcel();
    const a = await insertSeed(excel);
    const record = recordFromXml([...excel.parts.values()][0]);
    expect(record?.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(excel.sheet(a.sheet)?.props.get(SHEET_MARKER)).toBe(record?.key);
  });

  it("keeps a renamed sheet linked after its id changes, even when its old id now names another sheet", async () => {
    const excel = new FakeExcel(["Sheet1"]);
    const a = await insertSeed(excel);
    const sheet = excel.sheet(a.sheet);
    if (sheet) sheet.name = "Renamed";
    excel.saveAndReopen({ reuse: true });
    expect(sheet?.id).not.toBe(a.sheetId);
    expect(excel.sheet("Sheet1")?.id).toBe(a.sheetId); // the old id is the user's sheet now

    const found = await listDealSheets(excel.context());
    expect(found).toEqual([{ sheetId: sheet?.id, sheet: "Renamed", title: seed.title, presetId: seed.id }]);
    // Update goes to the deal sheet, never to the sheet that inherited the id.
    excel.sheet("Sheet1")?.cells.set("B9", "user data");
    const upd = await updateDealSheet(excel.context(), found[0].sheetId, {
      ...(seed.deal as DealFile),
      ratePerKWMonth: 130,
    });
    expect(upd).toEqual({ status: "updated", sheet: "Renamed" });
    expect(excel.sheet("Renamed")?.cells.get("B9")).toBe(130);
    expect(excel.sheet("Sheet1")?.cells.get("B9")).toBe("user data");
    // The record's id hint was brought up to date.
    expect(recordFromXml([...excel.parts.values()][0])?.sheetId).toBe(sheet?.id);
  });

  it("does not let a copied sheet share its original's record", async () => {
    const excel = new FakeExcel(["Sheet1"]);
    const a = await insertSeed(excel);
    const copy = excel.copySheet(a.sheet, `${a.sheet} (2)`);
    const found = await listDealSheets(excel.context());
    expect(found.map((d) => d.sheet)).toEqual([a.sheet]);
    expect(copy.props.has(SHEET_MARKER)).toBe(false); // the copy's marker is removed
    expect(excel.parts.size).toBe(1);
    // Later sessions: still only the original.
    excel.saveAndReopen();
    expect((await listDealSheets(excel.context())).map((d) => d.sheet)).toEqual([a.sheet]);
  });

  it("links neither when an original and its copy cannot be told apart", async () => {
    const excel = new FakeExcel(["Sheet1"]);
    const a = await insertSeed(excel);
    excel.copySheet(a.sheet, "Copy");
    const original = excel.sheet(a.sheet);
    if (original) original.name = "Renamed";
    excel.saveAndReopen(); // new ids, and neither sheet has the recorded name
    expect(await listDealSheets(excel.context())).toEqual([]);
    expect(excel.parts.size).toBe(1); // the record is kept: its sheet is still there
  });

  it("removes the record of a deleted sheet", async () => {
    const excel = new FakeExcel(["Sheet1"]);
    const a = await insertSeed(excel);
    excel.sheets.splice(excel.sheets.indexOf(excel.sheet(a.sheet) as never), 1);
    expect(await listDealSheets(excel.context())).toEqual([]);
    expect(excel.parts.size).toBe(0);
    const read = await readDealSheet(excel.context(), a.sheetId);
    expect(read.ok).toBe(false);
  });

  it("never links an unmarked sheet to a keyed record by id alone", async () => {
    const excel = new FakeExcel(["Sheet1"]);
    const a = await insertSeed(excel);
    const sheet = excel.sheet(a.sheet);
    sheet?.props.clear();
    expect(await listDealSheets(excel.context())).toEqual([]);
  });
});

describe("the chart does not depend on the spill having calculated (item 4)", () => {
  it("adds every series explicitly over the schedule's fixed ranges when the chart starts with none", async () => {
    const excel = new FakeExcel();
    const a = await insertSeed(excel);
    const plan = presetOk(seed, { existingSheetNames: ["Sheet1"] });
    const chart = excel.sheet(a.sheet)?.charts[0];
    expect(chart?.series.map((s) => [s.name, s.values, s.x])).toEqual(
      plan.charts[0].series.map((s) => [s.name, s.values.replace(/.*!|\$/g, ""), "E5:E159"]),
    );
    expect(a.warning).toBeUndefined();
  });

  it("takes the series Excel made when the spill had calculated, and adds the others", async () => {
    const excel = new FakeExcel();
    // A recorder whose spill is calculated: the gross-fee column holds numbers before the chart is made.
    const ctx = excel.context();
    const realSync = ctx.sync.bind(ctx);
    (ctx as { sync: () => Promise<unknown> }).sync = async () => {
      await realSync();
      for (const s of excel.sheets) if (s.name !== "Sheet1") for (let r = 5; r <= 159; r++) s.cells.set(`H${r}`, r);
    };
    const a = await insertDeal(ctx, seed.deal as DealFile, seed);
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    expect(a.warning).toBeUndefined();
    // The schedule's chart takes the one series Excel made and adds two (the mining chart, over a spill
    // not calculated, adds both of its own, in the next batches).
    const adds = excel.log.filter((e) => e.path === "series.add()");
    expect(adds.map((e) => e.value)).toEqual(["Net fee", "Prepayment remaining", "Hosting cash flow", "Mining margin"]);
    const series = excel.sheet(a.sheet)?.charts[0].series;
    expect(series?.map((s) => [s.name, s.values])).toEqual([
      ["Gross fee", "H5:H159"],
      ["Net fee", "J5:J159"],
      ["Prepayment remaining", "O5:O159"],
    ]);
  });

  it("leaves the sheet in place, with a message, when the chart fails", async () => {
    const excel = new FakeExcel();
    excel.failAt = { sync: 6, afterOps: 1, message: "Chart trouble" };
    const a = await insertDeal(excel.context(), seed.deal as DealFile, seed);
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    expect(a.warning).toMatch(/chart could not be added \(Chart trouble.*line chart of Gross fee/);
    const sheet = excel.sheet(a.sheet);
    expect(sheet?.cells.get("B9")).toBe(121.53);
    // The half-made chart removed; the mining chart, made after it, is there.
    expect(sheet?.charts.map((c) => c.name)).toEqual(["CWCoreSci_MiningChart"]);
    expect((await listDealSheets(excel.context())).map((d) => d.sheet)).toEqual([a.sheet]);
  });
});

describe("rows fit their notes (item 9)", () => {
  it("sets the height of every merged, wrapped row, as the .xlsx does", async () => {
    const excel = new FakeExcel();
    await insertSeed(excel);
    const plan = presetOk(seed, { existingSheetNames: ["Sheet1"] });
    const heights = mergedRowHeights(plan);
    expect(heights.length).toBeGreaterThan(1);
    expect(heights.some((h) => h.height > 15)).toBe(true);
    for (const { row, height } of heights) {
      expect(excel.log).toContainEqual(
        expect.objectContaining({ address: `A${row}`, path: "format.rowHeight", value: height }),
      );
    }
  });
});
