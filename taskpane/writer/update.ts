/**
 * Reading a deal sheet's terms back, and the "update terms only" path, in
 * Office.js: the deal-sheet service (`dealSheets.ts`) over the Office
 * workbook (`officeWorkbook.ts`). It writes the terms block and the tranches
 * table of a sheet the add-in inserted, nothing else, and asks before
 * overwriting a cell whose content is no longer what the add-in last wrote.
 */
import type { MiningProvenance, PlanInput } from "../../src/plan";
import {
  addMiningWith,
  readDealSheetWith,
  updateDealSheetWith,
  type AddMiningOutcome,
  type ReadOutcome,
  type UpdateOptions,
  type UpdateOutcome,
} from "./dealSheets";
import type { ExcelContextLike } from "./excelLike";
import { officeWorkbook } from "./officeWorkbook";

export type { ChangedCell } from "./edits";
export type { AddMiningOutcome, ReadOutcome, UpdateOptions, UpdateOutcome } from "./dealSheets";

/** The deal file a deal sheet's terms block and tranches table hold now (dates as Excel serials). */
export function readDealSheet(ctx: ExcelContextLike, sheetId: string): Promise<ReadOutcome> {
  return readDealSheetWith(officeWorkbook(ctx), sheetId);
}

/** Writes a new deal into a deal sheet's terms block and tranches table (see `updateDealSheetWith`). */
export function updateDealSheet(
  ctx: ExcelContextLike,
  sheetId: string,
  deal: PlanInput,
  options: UpdateOptions = {},
): Promise<UpdateOutcome> {
  return updateDealSheetWith(officeWorkbook(ctx), sheetId, deal, options);
}

/** Adds the mining block of `deal` to a deal sheet inserted without one (see `addMiningWith`). */
export function addMiningBlock(
  ctx: ExcelContextLike,
  sheetId: string,
  deal: PlanInput,
  options: { readonly miningProvenance?: MiningProvenance } = {},
): Promise<AddMiningOutcome> {
  return addMiningWith(officeWorkbook(ctx), sheetId, deal, options);
}
