import { MINING_TERMS, isBlank, validateDeal, type DealFile, type Result, type Terms } from "../core";
import { halvingDatesOf } from "./miningBlock";
import type { MiningLayout, ScalarTermKey, SheetLayout } from "./types";

/** Reads one cell's value by A1 reference; a blank cell reads as "", null or undefined. */
export type CellReader = (ref: string) => unknown;

/**
 * The deal file a sheet's terms block, tranches table, capex table and mining block hold, as read back
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
  if (layout.mining) {
    const mining = readMining(layout.mining, read);
    if (mining) file.mining = mining;
  }
  return file;
}

/**
 * The mining block's inputs as a deal file's `mining` block: blank cells
 * left out (their defaults apply), the halving dates' text read as a list
 * ("none" is []). Undefined when every input is blank: the deal then has no
 * mining block.
 */
function readMining(layout: MiningLayout, read: CellReader): Record<string, unknown> | undefined {
  const mining: Record<string, unknown> = {};
  for (const t of MINING_TERMS) {
    const raw = read(`${layout.valueColumn}${layout.rows[t.key]}`);
    const value = t.key === "halvingDates" ? halvingDatesOf(isBlank(raw) ? undefined : raw) : raw;
    if (value !== undefined && !isBlank(value)) mining[t.key] = value;
  }
  return Object.keys(mining).length > 0 ? mining : undefined;
}

/** The validated terms a sheet holds: `readDealFile`, then core's validation with Excel dates. */
export function readTerms(layout: SheetLayout, read: CellReader): Result<Terms> {
  return validateDeal(readDealFile(layout, read), { dates: "excel" });
}
