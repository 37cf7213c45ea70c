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
import { FakeExcel } from "../support/taskpane-fakeExcel";
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
      if (book instanceof FakeExcel) book.sheet(sheet)?.cells.set(ref, v);
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
      tranches: withMining.tranches?.map((t) => ({ ...t, date: t.date.replace("2025", "2027") })),
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

describe("a failed mining addition over Office.js", () => {
  const deal = { ...(seed.deal as DealFile), mining: undefined } as DealFile;
  const withMining = { ...(seed.deal as DealFile), mining: SEED_MINING };

  /** An inserted sheet, and the sync (counted from before the addition) that writes the block. */
  async function inserted(excel: FakeExcel) {
    const backend = excelBackend((batch) => batch(excel.context()));
    const out = await backend.insertDeal(deal);
    if (!out.ok) throw new Error(out.reason);
    return { backend, sheetId: out.sheetId, before: excel.syncs };
  }

  it("leaves nothing: its names removed, its areas cleared, the record as it was", async () => {
    // A first run finds the batch that writes the block.
    const probe = new FakeExcel();
    const p = await inserted(probe);
    expect(await p.backend.addMining?.(p.sheetId, withMining)).toMatchObject({ status: "added" });
    const writeBatch = probe.log.find(
      (e) => e.path === "names.add()" && (e.value as { name: string }).name.endsWith("_Mining"),
    )?.batch;
    if (writeBatch === undefined) throw new Error("no mining name added");

    const excel = new FakeExcel();
    const { backend, sheetId, before } = await inserted(excel);
    const recordBefore = [...excel.parts.values()][0];
    // A log entry's batch counts the syncs before it; failAt, the sync that sends it.
    excel.failAt = { sync: before + (writeBatch - p.before) + 1, afterOps: 5, message: "Write trouble" };
    const out = await backend.addMining?.(sheetId, withMining);
    expect(out).toMatchObject({ status: "failed", reason: expect.stringMatching(/Write trouble.*Nothing was left/) });
    expect([...excel.names.keys()].some((n) => n.endsWith("_Mining"))).toBe(false);
    expect([...excel.parts.values()][0]).toBe(recordBefore);
    expect(excel.log.filter((e) => e.path === "clear()").map((e) => e.address)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^A\d+:C\d+$/), expect.stringMatching(/^AD4:AK\d+$/)]),
    );
  });
});
