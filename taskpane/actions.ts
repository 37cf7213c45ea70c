/**
 * The pane's workbook actions as plain functions of an Excel-like context
 * (no DOM, no Office global), so that a test calls them with a recorder and
 * a later preview reuses them.
 */
import type { DealFile } from "../src/core";
import type { PresetInfo } from "../src/plan";
import { insertDealWith, type InsertOutcome } from "./writer/dealSheets";
import type { ExcelContextLike } from "./writer/excelLike";
import { officeWorkbook } from "./writer/officeWorkbook";
import { findDealSheets } from "./writer/records";

export { addMiningBlock, readDealSheet, updateDealSheet } from "./writer/update";
export type { AddMiningOutcome, ChangedCell, ReadOutcome, UpdateOptions, UpdateOutcome } from "./writer/update";
export type { InsertOutcome } from "./writer/insert";

/** A deal sheet of the open workbook, as the pane lists it. */
export interface DealSheetSummary {
  readonly sheetId: string;
  readonly sheet: string;
  readonly title: string;
  readonly presetId: string | null;
}

/** Plans the deal against the workbook's sheet and defined names (so nothing is replaced), then inserts it. */
export function insertDeal(ctx: ExcelContextLike, deal: DealFile, preset?: PresetInfo): Promise<InsertOutcome> {
  return insertDealWith(officeWorkbook(ctx), deal, preset);
}

export async function listDealSheets(ctx: ExcelContextLike): Promise<DealSheetSummary[]> {
  return (await findDealSheets(ctx)).map(({ sheetId, sheet, title, presetId }) => ({
    sheetId,
    sheet,
    title,
    presetId,
  }));
}

/**
 * Recalculates the whole workbook (Excel's full calculation): custom
 * functions are not recalculated when a workbook is opened, and a full
 * calculation is the one call (ExcelApi 1.1) that recomputes them everywhere
 * they are used, the deal sheets and any other sheet a user wrote them in.
 */
export async function recalculate(ctx: ExcelContextLike): Promise<void> {
  ctx.workbook.application.calculate("Full");
  await ctx.sync();
}
