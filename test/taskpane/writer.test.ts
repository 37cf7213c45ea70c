/**
 * The Office.js writer against a recorder of Excel's batches: what an insert
 * and an update write, in how many syncs, where, and what a failure leaves.
 */
import { termsKey, validateDeal, type DealFile } from "../../src/core";
import { presetOk } from "../plan/fixtures";
import { getPreset, SEED_PRESET_ID, type Preset } from "../../src/presets";
import { insertDeal, listDealSheets, readDealSheet, recalculate, updateDealSheet } from "../../taskpane/actions";
import { updateArea } from "../../taskpane/writer/cells";
import { insertPlan } from "../../taskpane/writer/insert";
import { DEAL_NAMESPACE, recordFromXml } from "../../taskpane/writer/metadata";
import { FakeExcel } from "../support/taskpane-fakeExcel";

const seed = getPreset(SEED_PRESET_ID) as Preset;

async function insertSeed(excel: FakeExcel) {
  const outcome = await insertDeal(excel.context(), seed.deal as DealFile, seed);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome;
}

function isRangeWrite(e: { address: string }): boolean {
  return e.address !== "";
}

describe("insert", () => {
  it("writes the whole plan in one batch on a new sheet, then the chart and the record", async () => {
    const excel = new FakeExcel(["Sheet1"]);
    excel.sheet("Sheet1")?.cells.set("A1", "mine");
    const before = JSON.stringify([...(excel.sheet("Sheet1")?.cells.entries() ?? [])]);
    const outcome = await insertSeed(excel);

    const plan = presetOk(seed, { existingSheetNames: ["Sheet1"] });
    expect(outcome.sheet).toBe(plan.sheet);
    // Two reads (existing names; what the workbook holds, for a rollback), one batch of writes,
    // one for the record, two for each chart (its series counted, then set): the schedule's, the mining one's.
    expect(excel.syncs).toBe(8);
    const chartOps = excel.log.filter((e) => e.address === "(chart)" || e.path === "charts.add()");
    expect(chartOps.length).toBeGreaterThan(0);
    expect(chartOps.every((e) => e.batch >= 4 && e.batch <= 7)).toBe(true);
    const others = excel.log.filter((e) => !chartOps.includes(e) && e.path !== "customXmlParts.add()");
    expect(others.every((e) => e.batch === 2)).toBe(true);
    expect(excel.log.find((e) => e.path === "customXmlParts.add()")?.batch).toBe(3);

    // Nothing outside the new sheet but its own names and its record.
    for (const e of excel.log.filter(isRangeWrite)) expect(e.sheet).toBe(plan.sheet);
    const workbookOps = new Set(excel.log.filter((e) => !isRangeWrite(e)).map((e) => e.path));
    expect([...workbookOps].sort()).toEqual(["customXmlParts.add()", "names.add()", "worksheets.add()"]);
    expect(JSON.stringify([...(excel.sheet("Sheet1")?.cells.entries() ?? [])])).toBe(before);

    const sheet = excel.sheet(plan.sheet);
    expect(sheet?.cells.get("A1")).toBe(seed.title);
    expect(sheet?.cells.get("B9")).toBe(121.53);
    expect(sheet?.cells.get("B8")).toBe(""); // capacity left blank beside a tranches table: "" clears, null would not
    expect(sheet?.cells.get(plan.schedule.anchor)).toBe(plan.schedule.formula);
    expect([...excel.names.keys()].sort()).toEqual(plan.names.map((n) => n.name).sort());
    expect(excel.names.get(plan.deal.termsName)).toBe(`=${plan.names[0].ref}`);
    expect(sheet?.charts.map((c) => c.name)).toEqual(["CWCoreSci_Chart", "CWCoreSci_MiningChart"]);
    expect(sheet?.charts[0].series.map((s) => s.name)).toEqual(plan.charts[0].series.map((s) => s.name));
    expect(sheet?.charts[0].series[1].values).toBe("J5:J159"); // net fee

    // Format before value, for every cell with both (text stays text).
    for (const cell of plan.cells.filter((c) => c.format && c.value !== undefined)) {
      const i = excel.log.findIndex((e) => e.address === cell.ref && e.path === "numberFormat");
      const j = excel.log.findIndex((e) => e.address === cell.ref && e.path === "values");
      expect(i).toBeGreaterThan(-1);
      expect(i).toBeLessThan(j);
    }
    // Inputs styled as inputs, the credit method a list.
    expect(excel.log).toContainEqual(
      expect.objectContaining({ address: "B9", path: "format.fill.color", value: "#FFCC99" }),
    );
    expect(excel.log).toContainEqual(
      expect.objectContaining({
        address: "B15",
        path: "dataValidation.rule",
        value: { list: { inCellDropDown: true, source: "straight-line,percent-of-fee" } },
      }),
    );
    expect(excel.log).toContainEqual(expect.objectContaining({ path: "freezePanes.freezeRows()", value: [4] }));

    const [xml] = [...excel.parts.values()];
    expect(xml).toContain(DEAL_NAMESPACE);
    const record = recordFromXml(xml);
    expect(record?.sheetId).toBe(sheet?.id);
    expect(record?.deal).toEqual(JSON.parse(JSON.stringify(plan.deal)));
    expect(record?.written.B9).toBe(121.53);
  });

  it.each([
    ["in its first sync, before it is named", 5, 1],
    ["in its second sync", 6, 0],
  ])("removes a chart that failed %s, and keeps the sheet and the other chart", async (_when, sync, afterOps) => {
    const excel = new FakeExcel(["Sheet1"]);
    // Syncs: names, snapshot, writes, record; then the schedule's chart (two), the mining one's (two).
    excel.failAt = { sync, afterOps, message: "Chart trouble" };
    const outcome = await insertSeed(excel);
    expect(outcome.warning).toMatch(/Chart trouble/);
    expect(excel.sheet(outcome.sheet)?.charts.map((c) => c.name)).toEqual(["CWCoreSci_MiningChart"]);
  });

  it("picks a new sheet name and name prefix when the preset's are taken, and leaves the old sheet alone", async () => {
    const excel = new FakeExcel(["Sheet1", "CW–CoreSci"], ["CWCoreSci_Terms"]);
    excel.sheet("CW–CoreSci")?.cells.set("B9", "someone's");
    const outcome = await insertSeed(excel);
    expect(outcome.sheet).toBe("CW–CoreSci (2)");
    expect(excel.sheet("CW–CoreSci")?.cells.get("B9")).toBe("someone's");
    expect(excel.names.get("CWCoreSci_Terms")).toBe("=Sheet1!$A$1");
    expect(excel.names.has("CWCoreSci2_Terms")).toBe(true);
  });

  it.each([
    ["part-way through the write batch", 3, 40],
    ["at the start of the write batch", 3, 0],
    ["in the record batch", 4, 0],
  ])("removes the partial sheet and its names when a sync fails %s", async (_what, sync, afterOps) => {
    const excel = new FakeExcel(["Sheet1"], ["Other"]);
    excel.sheet("Sheet1")?.cells.set("C3", 42);
    const before = excel.snapshot();
    excel.failAt = { sync, afterOps, message: "Simulated failure" };
    const outcome = await insertDeal(excel.context(), seed.deal as DealFile, seed);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.reason).toContain("Simulated failure");
      expect(outcome.reason).toContain("Nothing was left in the workbook");
    }
    expect(excel.snapshot()).toBe(before);
  });

  it("says so when the clean-up fails too", async () => {
    const excel = new FakeExcel(["Sheet1"]);
    const plan = presetOk(seed, { existingSheetNames: ["Sheet1"] });
    excel.failAt = { sync: 2, afterOps: 5, message: "First failure" };
    const ctx = excel.context();
    const realSync = ctx.sync.bind(ctx);
    let n = 0;
    (ctx as { sync: () => Promise<unknown> }).sync = () =>
      ++n === 3 ? Promise.reject(new Error("Offline")) : realSync();
    const outcome = await insertPlan(ctx, plan);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason).toMatch(/First failure.*clean-up failed: Offline/);
  });
});

describe("deals in this workbook", () => {
  it("finds the deal sheets from their records, by sheet id, after a rename; ignores orphans and foreign parts", async () => {
    const excel = new FakeExcel(["Sheet1"]);
    const a = await insertSeed(excel);
    const other = getPreset("hut8-fluidstack-2025") ?? (await import("../../src/presets")).PRESETS[5];
    const b = await insertDeal(excel.context(), other.deal as DealFile, other);
    expect(b.ok).toBe(true);
    excel.parts.set("{foreign}", `<x xmlns="${DEAL_NAMESPACE}"><payload>not json</payload></x>`);
    excel.parts.set("{other-ns}", `<x xmlns="urn:someone-else"><payload>{}</payload></x>`);

    const found = await listDealSheets(excel.context());
    expect(found.map((d) => d.title)).toEqual([seed.title, other.title]);
    expect(found[0]).toEqual({ sheetId: a.sheetId, sheet: a.sheet, title: seed.title, presetId: seed.id });

    const sheet = excel.sheets.find((s) => s.id === a.sheetId);
    if (sheet) sheet.name = "Renamed by a user";
    excel.sheets.splice(
      excel.sheets.findIndex((s) => s.name === (b.ok ? b.sheet : "")),
      1,
    );
    const again = await listDealSheets(excel.context());
    expect(again).toEqual([{ sheetId: a.sheetId, sheet: "Renamed by a user", title: seed.title, presetId: seed.id }]);
  });

  it("reads a deal sheet's terms back as the deal it was inserted with", async () => {
    const excel = new FakeExcel();
    const a = await insertSeed(excel);
    const read = await readDealSheet(excel.context(), a.sheetId);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const back = validateDeal(read.file, { dates: "excel" });
    const original = validateDeal(seed.deal);
    expect(back.ok && original.ok && termsKey(back.value) === termsKey(original.value)).toBe(true);
  });
});

describe("update terms", () => {
  const edited = (changes: Record<string, unknown>): DealFile => ({ ...(seed.deal as DealFile), ...changes });

  it("writes only the terms block and the tranches table, in one batch, and retargets the chart", async () => {
    const excel = new FakeExcel();
    const a = await insertSeed(excel);
    const record = recordFromXml([...excel.parts.values()][0]);
    const area = new Set(updateArea(record?.deal.layout ?? ({} as never)));
    const mark = excel.log.length;
    const syncsBefore = excel.syncs;
    const outcome = await updateDealSheet(excel.context(), a.sheetId, edited({ ratePerKWMonth: 130, termMonths: 120 }));
    expect(outcome).toEqual({ status: "updated", sheet: a.sheet });
    const writes = excel.log.slice(mark);
    const lastBatch = excel.syncs - 1;
    expect(writes.every((e) => e.batch === lastBatch)).toBe(true);
    expect(excel.syncs - syncsBefore).toBe(4); // records, their XML + the area, then one write batch
    for (const e of writes.filter((w) => w.address !== "" && w.address !== "(chart)")) {
      expect([e.address, area.has(e.address)]).toEqual([e.address, true]);
    }
    expect(excel.sheet(a.sheet)?.cells.get("B9")).toBe(130);
    expect(excel.sheet(a.sheet)?.charts[0].series[0].values).toBe("H5:H135");
    expect(recordFromXml([...excel.parts.values()][0])?.written.B9).toBe(130);
  });

  it("asks before overwriting a cell the user changed, and writes nothing until confirmed", async () => {
    const excel = new FakeExcel();
    const a = await insertSeed(excel);
    excel.sheet(a.sheet)?.cells.set("B9", 125);
    excel.sheet(a.sheet)?.cells.set("A30", 45900); // a spare tranche row
    const mark = excel.log.length;
    const outcome = await updateDealSheet(excel.context(), a.sheetId, edited({ escalator: 0.02 }));
    expect(outcome.status).toBe("confirm");
    if (outcome.status === "confirm") {
      expect(outcome.changed.map((c) => [c.ref, c.what, c.wrote, c.now])).toEqual([
        ["B9", "Rate ($/kW-month)", 121.53, 125],
        ["A30", "Tranche 4 date", null, 45900],
      ]);
    }
    expect(excel.log.length).toBe(mark);
    if (outcome.status !== "confirm") throw new Error("no confirm");
    // A cell changed again while the user decided: ask again, write nothing.
    excel.sheet(a.sheet)?.cells.set("B9", 126);
    const stale = await updateDealSheet(excel.context(), a.sheetId, edited({ escalator: 0.02 }), {
      approvedEdits: outcome.changed,
    });
    expect(stale.status).toBe("confirm");
    if (stale.status === "confirm") expect(stale.changed.find((c) => c.ref === "B9")?.now).toBe(126);
    expect(excel.log.length).toBe(mark);
    const confirmed = await updateDealSheet(excel.context(), a.sheetId, edited({ escalator: 0.02 }), {
      approvedEdits: stale.status === "confirm" ? stale.changed : [],
    });
    expect(confirmed.status).toBe("updated");
    expect(excel.sheet(a.sheet)?.cells.get("B9")).toBe(121.53);
    expect(excel.sheet(a.sheet)?.cells.get("A30")).toBe("");
  });

  it("refuses a deal whose tranches do not fit the sheet's table, writing nothing", async () => {
    const excel = new FakeExcel();
    const a = await insertSeed(excel);
    const mark = excel.log.length;
    const tranches = Array.from({ length: 6 }, (_, i) => ({ date: `2025-0${i + 1}-01`, mw: 10 }));
    const outcome = await updateDealSheet(excel.context(), a.sheetId, edited({ tranches, capacityMW: 60 }));
    expect(outcome.status).toBe("refused");
    if (outcome.status === "refused") expect(outcome.reason).toContain("6 tranches");
    expect(excel.log.length).toBe(mark);
  });

  it("refuses a sheet that is gone", async () => {
    const excel = new FakeExcel();
    const outcome = await updateDealSheet(excel.context(), "{nope}", seed.deal as DealFile);
    expect(outcome.status).toBe("refused");
  });
});

it("recalculates the workbook in full", async () => {
  const excel = new FakeExcel();
  await recalculate(excel.context());
  expect(excel.calculations).toEqual(["Full"]);
});
