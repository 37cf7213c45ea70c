import { computeDeal, money, type DealFile } from "../../src/core";
import { SEED_PRESET_ID, getPreset } from "../../src/presets";
import { hyperformulaBackend } from "../../preview/backend";
import { PreviewWorkbook } from "../../preview/workbook";
import { presetInfoFor } from "../../taskpane/model/presets";
import { WORKED, presetOk } from "../plan/fixtures";

/**
 * The preview's WorkbookBackend over HyperFormula: the same contract as the
 * Office.js backend (unique names, all-or-nothing inserts, read back,
 * update with confirmation), and the grid's edits recalculating.
 */

function cents(x: unknown): string {
  if (typeof x !== "number") throw new Error(`expected a number, got ${JSON.stringify(x)}`);
  return x.toFixed(2);
}

function contractValue(deal: unknown): string {
  const m = computeDeal(deal);
  if (!m.ok) throw m.error;
  return money(m.value.summary.contractValue);
}

const seed = getPreset(SEED_PRESET_ID);
if (!seed) throw new Error("no seed preset");
const SEED_PLAN = presetOk(seed);
/** The summary's first row (contract value), wherever the tables above it end. */
const CONTRACT_VALUE = SEED_PLAN.deal.layout.summary.ref.split(":")[0].replace("A", "B");

describe("the HyperFormula backend", () => {
  it("inserts a deal as a new sheet that computes core's figures, and lists it", async () => {
    const book = new PreviewWorkbook();
    const backend = hyperformulaBackend(book);
    const out = await backend.insertDeal(seed.deal, presetInfoFor(seed, seed.deal));
    expect(out).toMatchObject({ ok: true, sheet: SEED_PLAN.sheet });
    const id = book.sheets().find((s) => s.name === SEED_PLAN.sheet)?.id as number;
    expect(cents(book.value(id, CONTRACT_VALUE))).toBe("3500064000.00");
    expect(await backend.listDealSheets()).toEqual([
      expect.objectContaining({ sheet: SEED_PLAN.sheet, presetId: seed.id }),
    ]);
    // The schedule's chart and the mining comparison's (the seed has a mining block).
    expect(book.records.get(id)?.charts.map((c) => c.role ?? "schedule")).toEqual(["schedule", "mining"]);
    const mining = SEED_PLAN.deal.layout.mining;
    if (!mining) throw new Error("the seed has a mining block");
    expect(book.value(id, mining.spill.anchor)).toBe("Date");
    const figures = Number(mining.figures.ref.split(":")[1].slice(1));
    expect(typeof book.value(id, `B${figures}`)).toBe("number"); // the breakeven hashprice, live
  });

  it("re-sizes the mining comparison when an edit changes the schedule's length", async () => {
    const book = new PreviewWorkbook();
    await hyperformulaBackend(book).insertDeal(seed.deal, presetInfoFor(seed, seed.deal));
    const id = book.sheets().find((s) => s.name === SEED_PLAN.sheet)?.id as number;
    const mining = SEED_PLAN.deal.layout.mining;
    if (!mining) throw new Error("the seed has a mining block");
    const anchor = mining.spill.anchor;
    const row = (n: number) => anchor.replace(/\d+$/, String(n));
    const last = 4 + SEED_PLAN.schedule.rows - 1;
    expect(book.value(id, row(last))).not.toBeNull();
    book.enter(id, `B${SEED_PLAN.deal.layout.terms.rows.termMonths}`, "120");
    expect(book.value(id, row(last))).toBeNull();
    expect(book.value(id, row(last - 24))).not.toBeNull();
  });

  it("gives a second insert of the same deal its own sheet and names", async () => {
    const book = new PreviewWorkbook();
    const backend = hyperformulaBackend(book);
    await backend.insertDeal(WORKED);
    const second = await backend.insertDeal(WORKED);
    expect(second).toMatchObject({ ok: true, sheet: "CW–CoreSci (2)" });
    expect(book.namedExpressions().sort()).toEqual([
      "CWCoreSci2_Capex",
      "CWCoreSci2_Terms",
      "CWCoreSci_Capex",
      "CWCoreSci_Terms",
    ]);
    const sheets = await backend.listDealSheets();
    expect(sheets.map((s) => s.sheet)).toEqual(["CW–CoreSci", "CW–CoreSci (2)"]);
  });

  it("leaves nothing behind when an insert fails half way", async () => {
    const book = new PreviewWorkbook();
    const backend = hyperformulaBackend(book);
    const real = book.hf.batch.bind(book.hf);
    let calls = 0;
    jest.spyOn(book.hf, "batch").mockImplementation((f) => {
      if (++calls === 2) throw new Error("disk full");
      return real(f);
    });
    const out = await backend.insertDeal(WORKED);
    expect(out).toEqual({ ok: false, reason: expect.stringContaining("disk full") });
    expect(book.sheets().map((s) => s.name)).toEqual(["Sheet1"]);
    expect(book.namedExpressions()).toEqual([]);
    expect(await backend.listDealSheets()).toEqual([]);
  });

  it("reads the terms back and updates them, asking before overwriting a user's edit", async () => {
    const book = new PreviewWorkbook();
    const backend = hyperformulaBackend(book);
    const out = await backend.insertDeal(WORKED);
    if (!out.ok) throw new Error(out.reason);
    const read = await backend.readTerms(out.sheetId);
    expect(read).toMatchObject({ ok: true, file: expect.objectContaining({ capacityMW: 200, termMonths: 144 }) });

    const id = book.sheets().find((s) => s.name === out.sheet)?.id as number;
    book.enter(id, "B10", "120"); // a user's edit of the term, in the grid
    const shorter: DealFile = { ...WORKED, termMonths: 60 };
    const ask = await backend.updateTerms(out.sheetId, shorter);
    expect(ask).toMatchObject({ status: "confirm", changed: [expect.objectContaining({ ref: "B10", now: 120 })] });
    if (ask.status !== "confirm") throw new Error("no confirm");
    book.enter(id, "B10", "119"); // changed again while the user decided: asked again
    const again = await backend.updateTerms(out.sheetId, shorter, { approvedEdits: ask.changed });
    expect(again).toMatchObject({ status: "confirm", changed: [expect.objectContaining({ ref: "B10", now: 119 })] });
    if (again.status !== "confirm") throw new Error("no confirm");
    expect(await backend.updateTerms(out.sheetId, shorter, { approvedEdits: again.changed })).toMatchObject({
      status: "updated",
    });
    const summary = book.records.get(id)?.deal.layout.summary.ref.split(":")[0] ?? "";
    expect(cents(book.value(id, summary.replace("A", "B")))).toBe(contractValue(shorter));
    // The spill follows the new length: 60 months from the first billing month, plus the header.
    expect(book.records.get(id)?.charts[0].points).toBe(computeDealRows(shorter));
    expect(book.value(id, `E${5 + computeDealRows(shorter)}`)).toBeNull();
  });

  it("updates the capex table with the terms, and reads it back", async () => {
    const book = new PreviewWorkbook();
    const backend = hyperformulaBackend(book);
    const out = await backend.insertDeal(WORKED);
    if (!out.ok) throw new Error(out.reason);
    const withCapex: DealFile = { ...WORKED, capex: [{ date: "2024-08-01", amount: 12345.67 }] };
    expect(await backend.updateTerms(out.sheetId, withCapex)).toMatchObject({ status: "updated" });
    const read = await backend.readTerms(out.sheetId);
    expect(read).toMatchObject({
      ok: true,
      file: expect.objectContaining({ capex: [{ date: 45505, amount: 12345.67 }] }),
    });
    const tooMany: DealFile = { ...WORKED, capex: [1, 2, 3, 4].map((d) => ({ date: `2024-08-0${d}`, amount: d })) };
    expect(await backend.updateTerms(out.sheetId, tooMany)).toMatchObject({
      status: "refused",
      reason: expect.stringContaining("capex table has 3 rows"),
    });
  });

  it("recalculates when an input cell is edited, and only input cells are editable", () => {
    const book = new PreviewWorkbook();
    const id = book.insertPlan(SEED_PLAN);
    book.records.set(id, { deal: SEED_PLAN.deal, written: {}, charts: SEED_PLAN.charts });
    book.enter(id, "B27", "100");
    const { capacityMW: _c, startDate: _s, ...rest } = seed.deal;
    const tranches = seed.deal.tranches as { date: string; mw: number }[];
    expect(cents(book.value(id, CONTRACT_VALUE))).toBe(
      contractValue({ ...rest, tranches: [{ ...tranches[0], mw: 100 }, ...tranches.slice(1)] }),
    );
    expect(() => book.enter(id, CONTRACT_VALUE, "1")).toThrow("not an input cell");
  });
});

function computeDealRows(deal: DealFile): number {
  const m = computeDeal(deal);
  if (!m.ok) throw m.error;
  return m.value.schedule.rows.length;
}
