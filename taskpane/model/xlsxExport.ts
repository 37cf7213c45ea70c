/**
 * The pane's .xlsx export: the same sheet plan as Insert, written by the
 * xlsx writer (src/xlsx). exceljs is large, so the writer is loaded on first
 * use as its own chunk: the pane's start-up bundle stays small.
 */
import { type CalendarDate, type DealFile } from "../../src/core";
import { planDeal, type PresetInfo } from "../../src/plan";
import { fileStem } from "./dealFileIO";

export type XlsxMode = "live" | "values";

/** Today as a calendar date (the as-of date of PREPAYREMAINING(…, TODAY()) in the file). */
export function today(now: Date = new Date()): CalendarDate {
  return Object.freeze({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}

/** The file name for an export: the sheet's name made safe, and which copy it is. */
export function xlsxFileName(sheet: string, mode: XlsxMode): string {
  return `${fileStem(sheet) || "deal"}${mode === "values" ? "-values" : ""}.xlsx`;
}

/** Writes the deal's model as an .xlsx file: the bytes and a file name. */
export async function exportDealXlsx(
  deal: DealFile,
  preset: PresetInfo | undefined,
  mode: XlsxMode,
  asOf: CalendarDate = today(),
): Promise<{ bytes: Uint8Array; name: string }> {
  const plan = planDeal(deal, { preset });
  const { exportPlanXlsx } = await import(/* webpackChunkName: "xlsx" */ "../../src/xlsx");
  const bytes = await exportPlanXlsx(plan, { mode, asOf });
  return { bytes, name: xlsxFileName(plan.sheet, mode) };
}
