/**
 * Reading a deal sheet's terms back, and the "update terms only" path: it
 * writes the terms block and the tranches table of a sheet the add-in
 * inserted, nothing else, and asks before overwriting a cell whose content
 * is no longer what the add-in last wrote there.
 */
import type { DealFile } from "../../src/core";
import {
  columnLetter,
  parseCell,
  planTermsUpdate,
  readDealFile,
  type PlanInput,
  type ProvenanceMap,
  type SheetLayout,
} from "../../src/plan";
import { updateArea, writeCell, writtenValues } from "./cells";
import { changedCells, editsApproved, type ChangedCell } from "./edits";

export type { ChangedCell } from "./edits";
import { chartName, retargetChart } from "./chart";
import { describeError } from "./errors";
import type { ExcelContextLike, RangeLike, WorksheetLike } from "./excelLike";
import { recordToXml } from "./metadata";
import { findDealSheets, type DealSheet } from "./records";

export type UpdateOutcome =
  | { readonly status: "updated"; readonly sheet: string }
  | { readonly status: "refused"; readonly reason: string }
  | { readonly status: "confirm"; readonly sheet: string; readonly changed: readonly ChangedCell[] }
  | { readonly status: "failed"; readonly reason: string };

export interface UpdateOptions {
  readonly provenance?: ProvenanceMap;
  /**
   * The changes the user confirmed overwriting (from a "confirm" outcome).
   * The update goes ahead only if the sheet's changes are still exactly these.
   */
  readonly approvedEdits?: readonly ChangedCell[];
}

export type ReadOutcome =
  | { readonly ok: true; readonly sheet: string; readonly file: DealFile }
  | { readonly ok: false; readonly reason: string };

/** The rectangle holding every cell of the update area: one load. */
function areaBox(layout: SheetLayout): { ref: string; top: number; left: number } {
  const cells = updateArea(layout)
    .map((r) => parseCell(r))
    .filter((c) => c !== undefined);
  const top = Math.min(...cells.map((c) => c.row));
  const bottom = Math.max(...cells.map((c) => c.row));
  const left = Math.min(...cells.map((c) => c.column));
  const right = Math.max(...cells.map((c) => c.column));
  return { ref: `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`, top, left };
}

/** Reads the update area's values; a reader over them by A1 ref. */
async function readArea(
  ctx: ExcelContextLike,
  sheet: WorksheetLike,
  layout: SheetLayout,
): Promise<(ref: string) => unknown> {
  const box = areaBox(layout);
  const range: RangeLike = sheet.getRange(box.ref);
  range.load("values");
  await ctx.sync();
  const values = range.values;
  return (ref: string) => {
    const c = parseCell(ref);
    if (!c) return undefined;
    return values[c.row - box.top]?.[c.column - box.left];
  };
}

async function findSheet(ctx: ExcelContextLike, sheetId: string): Promise<DealSheet | string> {
  const found = (await findDealSheets(ctx)).find((d) => d.sheetId === sheetId);
  return found ?? "That deal sheet is no longer in this workbook (it was deleted, or its record was removed).";
}

/** The deal file a deal sheet's terms block and tranches table hold now (dates as Excel serials). */
export async function readDealSheet(ctx: ExcelContextLike, sheetId: string): Promise<ReadOutcome> {
  try {
    const found = await findSheet(ctx, sheetId);
    if (typeof found === "string") return { ok: false, reason: found };
    const sheet = ctx.workbook.worksheets.getItemOrNullObject(sheetId);
    const read = await readArea(ctx, sheet, found.record.deal.layout);
    return { ok: true, sheet: found.sheet, file: readDealFile(found.record.deal.layout, read) };
  } catch (e) {
    return { ok: false, reason: `The terms could not be read: ${describeError(e)}` };
  }
}

/**
 * Writes a new deal into a deal sheet's terms block and tranches table.
 * Refuses when the deal does not fit the sheet's table; returns "confirm"
 * (and writes nothing) when a user changed one of the add-in's cells, unless
 * the changes are exactly the `approvedEdits` the user confirmed.
 */
export async function updateDealSheet(
  ctx: ExcelContextLike,
  sheetId: string,
  deal: PlanInput,
  options: UpdateOptions = {},
): Promise<UpdateOutcome> {
  try {
    const found = await findSheet(ctx, sheetId);
    if (typeof found === "string") return { status: "refused", reason: found };
    const { record } = found;
    const layout = record.deal.layout;
    const update = planTermsUpdate({ sheet: found.sheet, deal: record.deal }, deal, { provenance: options.provenance });
    if (!update.fits) return { status: "refused", reason: `Not updated: ${update.reason}.` };

    const sheet = ctx.workbook.worksheets.getItemOrNullObject(sheetId);
    const chart = sheet.charts.getItemOrNullObject(chartName(record.deal.prefix));
    chart.load("name");
    const read = await readArea(ctx, sheet, layout);
    const changed = changedCells(layout, record.written, read);
    if (!editsApproved(changed, options.approvedEdits)) return { status: "confirm", sheet: found.sheet, changed };

    const area = new Set(updateArea(layout));
    for (const cell of update.cells) {
      // planTermsUpdate only gives cells of the area; this is the writer's own guarantee.
      if (!area.has(cell.ref)) throw new Error(`the update plan has a cell outside the terms block: ${cell.ref}`);
      writeCell(sheet, cell, { validation: false });
    }
    if (!chart.isNullObject) for (const c of update.charts) retargetChart(sheet, chart, c);
    found.part.setXml(recordToXml({ ...record, written: writtenValues(layout, update.cells) }));
    await ctx.sync();
    return { status: "updated", sheet: found.sheet };
  } catch (e) {
    return {
      status: "failed",
      reason: `The update failed: ${describeError(e)}. Some cells of the terms block may have been written: check the sheet, or load its terms again.`,
    };
  }
}
