/**
 * The deal-sheet service (issue 12 item 4, first half): Insert, Read and
 * Update written once, over the Office.js workbook and the preview's. The
 * same steps give the same outcomes on both.
 */
import { type DealFile } from "../../src/core";
import { getPreset, SEED_PRESET_ID, type Preset } from "../../src/presets";
import { hyperformulaBackend } from "../../preview/backend";
import { PreviewWorkbook } from "../../preview/workbook";
import { excelBackend } from "../../taskpane/backend/excelBackend";
import type { WorkbookBackend } from "../../taskpane/backend/types";
import { DEFAULT_LOOK, FakeExcel, type LogEntry } from "../support/taskpane-fakeExcel";
import { recordFromXml } from "../../taskpane/writer/metadata";
import { addressOf } from "../../preview/hyperformula/planWriter";
import { placeMiningBlock, planMiningAddition, type PlanChart } from "../../src/plan";
import { SEED_MINING } from "../../src/presets/mining";
import { presetOk } from "../plan/fixtures";

const seed = getPreset(SEED_PRESET_ID) as Preset;

function office(): { backend: WorkbookBackend; setB9: (sheet: string, v: number) => void } {
  const excel = new FakeExcel();
  return {
    backend: excelBackend((batch) => batch(excel.context())),
    setB9: (sheet, v) => excel.sheet(sheet)?.cells.set("B9", v),
  };
}

function preview(): { backend: WorkbookBackend; setB9: (sheet: string, v: number) => void } {
  const book = new PreviewWorkbook();
  return {
    backend: hyperformulaBackend(book),
    setB9: (sheet, v) => book.enter(book.sheets().find((s) => s.name === sheet)?.id ?? -1, "B9", String(v)),
  };
}

describe.each([
  ["Office.js", office],
  ["preview", preview],
])("the deal-sheet service over the %s workbook", (_name, make) => {
  it("inserts, asks before overwriting a user's edit, updates once approved, and reads the terms back", async () => {
    const { backend, setB9 } = make();
    const inserted = await backend.insertDeal(seed.deal as DealFile, seed);
    expect(inserted).toMatchObject({ ok: true, sheet: "CW–CoreSci" });
    if (!inserted.ok) return;
    expect((await backend.listDealSheets()).map((d) => d.sheet)).toEqual(["CW–CoreSci"]);

    setB9(inserted.sheet, 125);
    const deal = { ...(seed.deal as DealFile), termMonths: 120 };
    const asked = await backend.updateTerms(inserted.sheetId, deal);
    expect(asked.status).toBe("confirm");
    if (asked.status !== "confirm") return;
    expect(asked.changed.map((c) => [c.ref, c.what, c.wrote, c.now])).toEqual([
      ["B9", "Rate ($/kW-month)", 121.53, 125],
    ]);
    expect(await backend.updateTerms(inserted.sheetId, deal, { approvedEdits: asked.changed })).toEqual({
      status: "updated",
      sheet: inserted.sheet,
    });
    const read = await backend.readTerms(inserted.sheetId);
    expect(read.ok && [read.file.termMonths, read.file.ratePerKWMonth]).toEqual([120, 121.53]);
  });

  it("refuses a sheet that is not there, and a deal that does not fit", async () => {
    const { backend } = make();
    expect((await backend.updateTerms("nope", seed.deal as DealFile)).status).toBe("refused");
    expect((await backend.readTerms("nope")).ok).toBe(false);
    const inserted = await backend.insertDeal(seed.deal as DealFile, seed);
    if (!inserted.ok) throw new Error(inserted.reason);
    const tranches = Array.from({ length: 6 }, (_, i) => ({ date: `2025-0${i + 1}-01`, mw: 10 }));
    const outcome = await backend.updateTerms(inserted.sheetId, {
      ...(seed.deal as DealFile),
      tranches,
      capacityMW: 60,
    });
    expect(outcome.status).toBe("refused");
    if (outcome.status === "refused") expect(outcome.reason).toContain("6 tranches");
  });
});

describe.each([
  ["Office.js", () => new FakeExcel()],
  ["preview", () => new PreviewWorkbook()],
])("adding the mining block to a sheet inserted without one, over the %s workbook", (_name, make) => {
  const withoutMining = { ...(seed.deal as DealFile), mining: undefined };
  const withMining = { ...(seed.deal as DealFile), mining: { ...SEED_MINING, hashprice: 50 } };

  function setup() {
    const book = make();
    const backend =
      book instanceof FakeExcel ? excelBackend((batch) => batch(book.context())) : hyperformulaBackend(book);
    const set = (sheet: string, ref: string, v: string) => {
      // A formula shows "" here (the fake does not calculate; the preview does).
      if (book instanceof FakeExcel && v.startsWith("=")) book.setFormula(sheet, ref, v, "");
      else if (book instanceof FakeExcel) book.sheet(sheet)?.cells.set(ref, v);
      else book.hf.setCellContents(addressOf(book.sheets().find((s) => s.name === sheet)?.id ?? -1, ref), [[v]]);
    };
    return { book, backend, set };
  }

  it("adds it where an insert would, reads back the deal with mining, and then updates it like the other terms", async () => {
    const { backend } = setup();
    const inserted = await backend.insertDeal(withoutMining as DealFile);
    if (!inserted.ok) throw new Error(inserted.reason);
    expect((await backend.readTerms(inserted.sheetId)).ok && true).toBe(true);
    const added = await backend.addMining?.(inserted.sheetId, withMining);
    expect(added).toEqual({ status: "added", sheet: inserted.sheet });
    const read = await backend.readTerms(inserted.sheetId);
    if (!read.ok) throw new Error(read.reason);
    expect(read.file.mining).toEqual({ ...SEED_MINING, hashprice: 50 });
    // Added twice: refused, the sheet has it; the Update flow writes its inputs now.
    expect(await backend.addMining?.(inserted.sheetId, withMining)).toMatchObject({
      status: "refused",
      reason: expect.stringMatching(/already has a mining block/),
    });
    const updated = await backend.updateTerms(inserted.sheetId, {
      ...withMining,
      mining: { ...SEED_MINING, poolFee: 0.02 },
    });
    expect(updated).toEqual({ status: "updated", sheet: inserted.sheet });
    const again = await backend.readTerms(inserted.sheetId);
    expect(again.ok && again.file.mining).toEqual({ ...SEED_MINING, poolFee: 0.02 });
  });

  it("plans over the sheet's terms, not the pane's: the chart covers the sheet's spill and marks its halvings", async () => {
    const { book, backend } = setup();
    const inserted = await backend.insertDeal(withoutMining as DealFile);
    if (!inserted.ok) throw new Error(inserted.reason);
    // The pane shows another deal: 4 years shorter and starting 2 years later (other halving months).
    const pane = {
      ...withMining,
      termMonths: 96,
      tranches: ((seed.deal as DealFile).tranches as { date: string; mw: number }[]).map((t) => ({
        ...t,
        date: t.date.replace("2025", "2027"),
      })),
    };
    const plan = presetOk({ ...seed, deal: withoutMining });
    const expected = planMiningAddition({ sheet: plan.sheet, deal: plan.deal }, withMining);
    const fromPane = planMiningAddition({ sheet: plan.sheet, deal: plan.deal }, pane);
    if (!expected.ok || !fromPane.ok) throw new Error("no plan");
    expect(fromPane.value.chart.categories).not.toBe(expected.value.chart.categories); // the test can fail
    expect(fromPane.value.chart.marks).not.toEqual(expected.value.chart.marks);

    expect(await backend.addMining?.(inserted.sheetId, pane)).toEqual({ status: "added", sheet: inserted.sheet });
    const local = (ref: string) => ref.slice(ref.lastIndexOf("!") + 1).replace(/\$/g, "");
    const want = expected.value.chart;
    if (book instanceof FakeExcel) {
      const chart = book.sheet(inserted.sheet)?.charts.find((c) => c.name.endsWith("_MiningChart"));
      expect(chart?.series.map((s) => [s.values, s.x])).toEqual(
        want.series.map((s) => [local(s.values), local(want.categories)]),
      );
    } else {
      const id = book.sheets().find((s) => s.name === inserted.sheet)?.id ?? -1;
      const chart = book.records.get(id)?.charts.find((c: PlanChart) => c.role === "mining");
      expect(chart).toEqual(want);
    }
    // The inputs are the pane's; the terms stay the sheet's.
    const read = await backend.readTerms(inserted.sheetId);
    expect(read.ok && [read.file.termMonths, read.file.mining]).toEqual([144, withMining.mining]);
  });

  it("refuses when the sheet's terms are not valid, naming the term", async () => {
    const { backend, set } = setup();
    const inserted = await backend.insertDeal(withoutMining as DealFile);
    if (!inserted.ok) throw new Error(inserted.reason);
    set(inserted.sheet, "B9", "lots");
    expect(await backend.addMining?.(inserted.sheetId, withMining)).toMatchObject({
      status: "refused",
      reason: expect.stringMatching(/ratePerKWMonth.*the sheet's terms/),
    });
  });

  it("never writes over a cell that holds something: it refuses and names the cells", async () => {
    const { backend, set } = setup();
    const inserted = await backend.insertDeal(withoutMining as DealFile);
    if (!inserted.ok) throw new Error(inserted.reason);
    const plan = presetOk({ ...seed, deal: withoutMining });
    const where = placeMiningBlock(plan.deal.layout);
    set(inserted.sheet, `A${where.headerRow + 2}`, "my note");
    const refused = await backend.addMining?.(inserted.sheetId, withMining);
    expect(refused).toMatchObject({ status: "refused", reason: expect.stringContaining(`A${where.headerRow + 2}`) });
    const read = await backend.readTerms(inserted.sheetId);
    expect(read.ok && read.file.mining).toBeUndefined();
  });

  it("counts a formula that shows an empty text as holding something", async () => {
    const { backend, set } = setup();
    const inserted = await backend.insertDeal(withoutMining as DealFile);
    if (!inserted.ok) throw new Error(inserted.reason);
    const where = placeMiningBlock(presetOk({ ...seed, deal: withoutMining }).deal.layout);
    set(inserted.sheet, `B${where.headerRow + 3}`, '=IF(TRUE(),"","x")');
    const refused = await backend.addMining?.(inserted.sheetId, withMining);
    expect(refused).toMatchObject({ status: "refused", reason: expect.stringContaining(`B${where.headerRow + 3}`) });
  });
});

describe("adding the mining block over Office.js: the sheet as it was after any failure", () => {
  const deal = { ...(seed.deal as DealFile), mining: undefined } as DealFile;
  const withMining = { ...(seed.deal as DealFile), mining: SEED_MINING };
  // Where the block goes on the sheet the pane inserts (its record's layout).
  let header = 0;
  let spillTop = 0;
  beforeAll(async () => {
    const excel = new FakeExcel();
    await inserted(excel);
    const record = recordFromXml([...excel.parts.values()][0]);
    if (!record) throw new Error("no record");
    const planned = planMiningAddition({ sheet: record.sheetName ?? "", deal: record.deal }, withMining);
    if (!planned.ok) throw new Error(planned.reason);
    header = Number(/\d+/.exec(planned.value.areas[0])?.[0]);
    spillTop = Number(/\d+/.exec(planned.value.areas[1])?.[0]);
  });
  /** The batch that writes the block (found once). */
  let writeBatch: number | undefined;
  /** The workbook is as it was; when not, the failure shows the difference. */
  const expectAsBefore = (excel: FakeExcel, was: string) => {
    const now = excel.snapshot();
    if (now !== was) expect(JSON.parse(now)).toEqual(JSON.parse(was));
  };

  /** An inserted sheet, and the count of syncs before the addition. */
  async function inserted(excel: FakeExcel) {
    const backend = excelBackend((batch) => batch(excel.context()));
    const out = await backend.insertDeal(deal);
    if (!out.ok) throw new Error(out.reason);
    return { backend, sheetId: out.sheetId, sheet: out.sheet, before: excel.syncs };
  }

  /** A user's formats on cells of the block's areas that hold nothing, and a width on one of its columns. */
  function decorate(excel: FakeExcel, sheet: string) {
    const s = excel.sheet(sheet);
    if (!s) throw new Error(sheet);
    s.looks.set(`A${header}`, { ...DEFAULT_LOOK, fill: { color: "#FFFF00", pattern: "Solid" } });
    s.looks.set(`C${header + 1}`, { ...DEFAULT_LOOK, wrapText: true, font: { ...DEFAULT_LOOK.font, italic: true } });
    s.formats.set(`B${header + 1}`, "0.00");
    s.validation.set(`B${header + 1}`, { prompt: { showPrompt: true, title: "Mine", message: "my own prompt" } });
    s.formats.set(`AE${spillTop + 6}`, "0.0%");
    s.looks.set(`AD${spillTop}`, { ...DEFAULT_LOOK, font: { ...DEFAULT_LOOK.font, size: 14 } });
    s.widths.set("AF", 100);
  }

  /** The batch (syncs before it, counted from before the addition) of the first log entry matching. */
  async function probe(match: (e: LogEntry) => boolean) {
    const excel = new FakeExcel();
    const p = await inserted(excel);
    decorate(excel, p.sheet);
    expect(await p.backend.addMining?.(p.sheetId, withMining)).toEqual({ status: "added", sheet: p.sheet });
    const entry = excel.log.find((e) => e.batch >= p.before && match(e));
    if (!entry) throw new Error("no such write");
    return { excel, sheet: p.sheet, batch: entry.batch - p.before };
  }

  it("writes over the user's formats of the empty cells it takes (the test's cells are the block's)", async () => {
    const { excel, sheet } = await probe(() => true);
    const s = excel.sheet(sheet);
    expect(s?.looks.get(`A${header}`)?.fill?.color).not.toBe("#FFFF00");
    expect(s?.formats.get(`AE${spillTop + 6}`)).not.toBe("0.0%");
    expect(s?.widths.get("AF")).not.toBe(100);
    expect((s?.validation.get(`B${header + 1}`)?.prompt as { title: string }).title).not.toBe("Mine");
  });

  it.each([0, 7, 300])(
    "a write failing after %i of its operations leaves the workbook exactly as it was: contents, formats, prompts, widths, names, record",
    async (afterOps) => {
      writeBatch ??= (
        await probe((e) => e.path === "names.add()" && /_Mining$/.test((e.value as { name: string }).name))
      ).batch;
      const batch = writeBatch;
      const excel = new FakeExcel();
      const { backend, sheetId, sheet, before } = await inserted(excel);
      decorate(excel, sheet);
      const was = excel.snapshot();
      excel.failAt = { sync: before + batch + 1, afterOps, message: "Write trouble" };
      const out = await backend.addMining?.(sheetId, withMining);
      expect(out).toMatchObject({ status: "failed", reason: expect.stringMatching(/Write trouble.*Nothing was left/) });
      expectAsBefore(excel, was);
      // Contents only: never clear("All"), which drops a user's formats.
      expect(excel.log.filter((e) => e.path === "clear()").every((e) => (e.value as unknown[])[0] === "Contents")).toBe(
        true,
      );
    },
  );

  it("refuses, writing nothing, when the sheet already has a chart of the block's chart name", async () => {
    const excel = new FakeExcel();
    const { backend, sheetId, sheet } = await inserted(excel);
    excel.sheet(sheet)?.charts.push({ name: "CWCoreSci_MiningChart", series: [] });
    const was = excel.snapshot();
    expect(await backend.addMining?.(sheetId, withMining)).toMatchObject({
      status: "refused",
      reason: expect.stringMatching(/already has a chart named CWCoreSci_MiningChart/),
    });
    expectAsBefore(excel, was);
  });

  it.each([
    ["its first sync, before the chart is named", 1, 1],
    ["its second sync, series unset", 2, 0],
  ])("removes a chart half made (%s), keeping the block, with a warning", async (_when, sync, afterOps) => {
    // The chart's first sync makes it (charts.add, then its name and title); its second sets its series.
    const { batch } = await probe((e) => e.path === "charts.add()" && e.address.startsWith("AK"));
    const excel = new FakeExcel();
    const { backend, sheetId, sheet, before } = await inserted(excel);
    excel.failAt = { sync: before + batch + sync, afterOps, message: "Chart trouble" };
    const out = await backend.addMining?.(sheetId, withMining);
    expect(out).toMatchObject({ status: "added", warning: expect.stringMatching(/Chart trouble/) });
    expect(out?.status === "added" && out.warning).not.toMatch(/part-made/);
    expect(excel.sheet(sheet)?.charts.map((c) => c.name)).toEqual(["CWCoreSci_Chart"]);
    const read = await backend.readTerms(sheetId);
    expect(read.ok && read.file.mining).toEqual(SEED_MINING);
  });

  it("refuses when a user's dynamic array spills into the block's spill area (its cells hold no formula)", async () => {
    const excel = new FakeExcel();
    const { backend, sheetId, sheet } = await inserted(excel);
    excel.spill(sheet, `AC${spillTop + 3}`, "=SEQUENCE(2,3)", [
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const was = excel.snapshot();
    const out = await backend.addMining?.(sheetId, withMining);
    expect(out).toMatchObject({ status: "refused", reason: expect.stringContaining(`AD${spillTop + 3}`) });
    expectAsBefore(excel, was);
  });
});
