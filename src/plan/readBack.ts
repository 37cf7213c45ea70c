import { isBlank, validateDeal, type DealFile, type Result, type Terms } from "../core";
import type { ScalarTermKey, SheetLayout } from "./types";

/** Reads one cell's value by A1 reference; a blank cell reads as "", null or undefined. */
export type CellReader = (ref: string) => unknown;

/**
 * The deal file a sheet's terms block, tranches table and capex table hold, as read back
 * through `read` (from Excel, from a preview, or from a plan's own cells):
 * blank cells left out, dates as they are (serials). Validate it with
 * `{ dates: "excel" }`, or use `readTerms`.
 */
export function readDealFile(layout: SheetLayout, read: CellReader): DealFile {
  const file: DealFile = {};
  for (const [key, row] of Object.entries(layout.terms.rows) as [ScalarTermKey, number][]) {
    const raw = read(`${layout.terms.valueColumn}${row}`);
    if (!isBlank(raw)) file[key] = raw;
  }
  const t = layout.tranches;
  if (t) {
    const tranches: { date: unknown; mw: unknown }[] = [];
    for (let row = t.firstRow; row < t.firstRow + t.rows; row++) {
      const date = read(`${t.dateColumn}${row}`);
      const mw = read(`${t.mwColumn}${row}`);
      if (!isBlank(date) || !isBlank(mw)) tranches.push({ date, mw });
    }
    if (tranches.length > 0) file.tranches = tranches;
  }
  const x = layout.capex;
  if (x) {
    const capex: { date: unknown; amount: unknown }[] = [];
    for (let row = x.firstRow; row < x.firstRow + x.rows; row++) {
      const date = read(`${x.dateColumn}${row}`);
      const amount = read(`${x.amountColumn}${row}`);
      if (!isBlank(date) || !isBlank(amount)) capex.push({ date, amount });
    }
    if (capex.length > 0) file.capex = capex;
  }
  return file;
}

/** The validated terms a sheet holds: `readDealFile`, then core's validation with Excel dates. */
export function readTerms(layout: SheetLayout, read: CellReader): Result<Terms> {
  return validateDeal(readDealFile(layout, read), { dates: "excel" });
}
