import { computeDeal, round2, type DealFile } from "../../src/core";
import { hyperformulaBackend } from "../../preview/backend";
import { PreviewWorkbook } from "../../preview/workbook";
import { WORKED_CHECK_FILE } from "../support/deals";

/** The preview inserts a sensitivity sheet whose live table HyperFormula computes through HPC.SENSITIVITY. */

function npv(file: Record<string, unknown>): number {
  const m = computeDeal(file);
  if (!m.ok || m.value.summary.npv === null) throw new Error("expected an NPV");
  return round2(m.value.summary.npv).toNumber();
}

describe("the preview's sensitivity sheet", () => {
  it("shows the table of the deal sheet's terms, recomputed when a term changes", async () => {
    const book = new PreviewWorkbook();
    const backend = hyperformulaBackend(book);
    const deal = await backend.insertDeal(WORKED_CHECK_FILE as DealFile);
    if (!deal.ok) throw new Error(deal.reason);
    const insert = backend.insertSensitivity;
    if (insert === undefined) throw new Error("the preview should insert sensitivity sheets");
    const out = await insert({
      sheetId: deal.sheetId,
      figure: "npv",
      rows: { key: "ratePerKWMonth", values: [110, 121.53] },
      cols: { key: "delayMonths", values: [0, 6] },
    });
    if (!out.ok) throw new Error(out.reason);
    const id = book.sheets().find((s) => s.name === out.sheet)?.id as number;
    expect(book.value(id, "A7")).toBe("npv");
    expect(book.value(id, "C7")).toBe(6);
    expect(book.value(id, "A9")).toBe(121.53);
    expect(book.value(id, "B8")).toBe(npv({ ...WORKED_CHECK_FILE, ratePerKWMonth: 110 }));
    expect(book.value(id, "C9")).toBe(npv({ ...WORKED_CHECK_FILE, startDate: "2025-07-01" }));
    // The grid's input cells: a new value there recomputes the table.
    book.enter(id, "B4", "100");
    expect(book.value(id, "B8")).toBe(npv({ ...WORKED_CHECK_FILE, ratePerKWMonth: 100 }));
    // The tornado's values are there, the rate among them.
    const labels = Array.from({ length: 10 }, (_, i) => book.value(id, `A${15 + i}`));
    expect(labels).toContain("Rate ($/kW-month)");
  });

  it("refuses a bad request, writing nothing", async () => {
    const book = new PreviewWorkbook();
    const backend = hyperformulaBackend(book);
    const deal = await backend.insertDeal(WORKED_CHECK_FILE as DealFile);
    if (!deal.ok) throw new Error(deal.reason);
    const before = book.sheets().length;
    const out = await backend.insertSensitivity?.({
      sheetId: deal.sheetId,
      figure: "npv",
      rows: { key: "ratePerKWMonth", values: [] },
      cols: { key: "delayMonths", values: [0] },
    });
    expect(out).toEqual({ ok: false, reason: "rows needs at least one value. Nothing was written." });
    expect(book.sheets().length).toBe(before);
  });
});
