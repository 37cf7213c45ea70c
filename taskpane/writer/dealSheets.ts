/**
 * The deal-sheet service: Insert, Read terms and Update terms written once,
 * over a small workbook interface that each writer implements (the
 * Office.js writer in `officeWorkbook.ts`, the preview's HyperFormula
 * workbook in preview/backend.ts). The service plans and decides (names
 * to avoid, what fits, which cells a user changed, whether they approved);
 * a workbook only reads and writes.
 */
import type { DealFile } from "../../src/core";
import {
  parseCell,
  columnLetter,
  planDeal,
  miningBlockOf,
  planMiningAddition,
  planTermsUpdate,
  readDealFile,
  type MiningAddition,
  type MiningProvenance,
  type CellValue,
  type DealSheetInfo,
  type PlanCell,
  type PlanChart,
  type PlanInput,
  type PresetInfo,
  type ProvenanceMap,
  type SheetPlan,
} from "../../src/plan";
import { updateArea, writtenValues } from "./cells";
import { changedCells, editsApproved, type ChangedCell } from "./edits";
import { describeError } from "./errors";

export type InsertOutcome =
  | {
      readonly ok: true;
      readonly sheet: string;
      readonly sheetId: string;
      /** Set when the sheet is complete but something around it is not (its chart): for the pane to show. */
      readonly warning?: string;
    }
  | { readonly ok: false; readonly reason: string };

export type ReadOutcome =
  | { readonly ok: true; readonly sheet: string; readonly file: DealFile }
  | { readonly ok: false; readonly reason: string };

export type UpdateOutcome =
  | { readonly status: "updated"; readonly sheet: string }
  | { readonly status: "refused"; readonly reason: string }
  | { readonly status: "confirm"; readonly sheet: string; readonly changed: readonly ChangedCell[] }
  | { readonly status: "failed"; readonly reason: string };

export interface UpdateOptions {
  readonly provenance?: ProvenanceMap;
  /** The new deal's mining provenance (a preset's). */
  readonly miningProvenance?: MiningProvenance;
  /**
   * The changes the user confirmed overwriting (from a "confirm" outcome).
   * The update goes ahead only if the sheet's changes are still exactly these.
   */
  readonly approvedEdits?: readonly ChangedCell[];
}

/** A deal sheet as a workbook stores it: where it is, the plan's info, and what the add-in last wrote there. */
export interface StoredDealSheet {
  readonly sheetId: string;
  /** The sheet's current name. */
  readonly sheet: string;
  readonly deal: DealSheetInfo;
  readonly written: Readonly<Record<string, CellValue>>;
}

/** What the service needs of a workbook. */
export interface DealWorkbook<S extends StoredDealSheet = StoredDealSheet> {
  /** The sheet names and defined names a new plan must not reuse. */
  existingNames(): Promise<{ readonly sheets: readonly string[]; readonly names: readonly string[] }>;
  /** Writes a plan as a new sheet, all of it or (on failure) nothing, with its record. */
  insertPlan(plan: SheetPlan): Promise<InsertOutcome>;
  /** The deal sheet of that id, or undefined when it is gone. */
  findDealSheet(sheetId: string): Promise<S | undefined>;
  /** A reader of the sheet's current values over its update area. */
  readArea(found: S): Promise<(ref: string) => unknown>;
  /** Writes an update's cells, points the chart at the new schedule and records what was written. */
  writeUpdate(
    found: S,
    cells: readonly PlanCell[],
    charts: readonly PlanChart[],
    written: Record<string, CellValue>,
  ): Promise<void>;
  /** What to tell the user after a failed update (e.g. that some cells may have been written). */
  readonly afterFailedUpdate?: string;
  /** A reader of the sheet's current values over these areas (A1 ranges). */
  readAreas(found: S, refs: readonly string[]): Promise<(ref: string) => unknown>;
  /**
   * Writes a mining block onto a deal sheet, all of it or (on failure)
   * nothing, with the sheet's new record; then its chart, whose failure
   * leaves the block in place with a warning.
   */
  writeAddition(found: S, addition: MiningAddition, written: Record<string, CellValue>): Promise<AddMiningOutcome>;
}

export type AddMiningOutcome =
  | { readonly status: "added"; readonly sheet: string; readonly warning?: string }
  | { readonly status: "refused"; readonly reason: string }
  | { readonly status: "failed"; readonly reason: string };

const GONE = "That deal sheet is no longer in this workbook (it was deleted, or its record was removed).";

/** Plans the deal against the workbook's sheet and defined names (so nothing is replaced), then inserts it. */
export async function insertDealWith(book: DealWorkbook, deal: DealFile, preset?: PresetInfo): Promise<InsertOutcome> {
  let plan: SheetPlan;
  try {
    const existing = await book.existingNames();
    const planned = planDeal(deal, { existingSheetNames: existing.sheets, existingNames: existing.names, preset });
    if (!planned.ok) throw planned.error;
    plan = planned.value;
  } catch (e) {
    return { ok: false, reason: `The deal could not be inserted: ${describeError(e)}. Nothing was written.` };
  }
  return book.insertPlan(plan);
}

/** The deal file a deal sheet's terms block and tranches table hold now (dates as Excel serials). */
export async function readDealSheetWith(book: DealWorkbook, sheetId: string): Promise<ReadOutcome> {
  try {
    const found = await book.findDealSheet(sheetId);
    if (!found) return { ok: false, reason: GONE };
    const read = await book.readArea(found);
    return { ok: true, sheet: found.sheet, file: readDealFile(found.deal.layout, read) };
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
export async function updateDealSheetWith<S extends StoredDealSheet>(
  book: DealWorkbook<S>,
  sheetId: string,
  deal: PlanInput,
  options: UpdateOptions = {},
): Promise<UpdateOutcome> {
  try {
    const found = await book.findDealSheet(sheetId);
    if (!found) return { status: "refused", reason: GONE };
    const layout = found.deal.layout;
    const update = planTermsUpdate({ sheet: found.sheet, deal: found.deal }, deal, {
      provenance: options.provenance,
      miningProvenance: options.miningProvenance,
    });
    if (!update.fits) return { status: "refused", reason: `Not updated: ${update.reason}.` };

    const read = await book.readArea(found);
    const changed = changedCells(layout, found.written, read);
    if (!editsApproved(changed, options.approvedEdits)) return { status: "confirm", sheet: found.sheet, changed };

    const area = new Set(updateArea(layout));
    for (const cell of update.cells) {
      // planTermsUpdate only gives cells of the area; this is the service's own guarantee.
      if (!area.has(cell.ref)) throw new Error(`the update plan has a cell outside the terms block: ${cell.ref}`);
    }
    await book.writeUpdate(found, update.cells, update.charts, writtenValues(layout, update.cells));
    return { status: "updated", sheet: found.sheet };
  } catch (e) {
    const after = book.afterFailedUpdate ? ` ${book.afterFailedUpdate}` : "";
    return { status: "failed", reason: `The update failed: ${describeError(e)}.${after}` };
  }
}

/** Every cell of an A1 range, row by row. */
function cellsOf(ref: string): string[] {
  const [a, b = a] = ref.split(":");
  const from = parseCell(a);
  const to = parseCell(b);
  if (!from || !to) throw new RangeError(`not an A1 range: ${ref}`);
  const refs: string[] = [];
  for (let row = from.row; row <= to.row; row++) {
    for (let col = from.column; col <= to.column; col++) refs.push(`${columnLetter(col)}${row}`);
  }
  return refs;
}

const isBlankCell = (v: unknown) => v === null || v === undefined || v === "";

/** At most this many occupied cells are named in a refusal. */
const SHOWN_CELLS = 5;

/**
 * Adds the mining block of `deal` (its `mining` terms, and nothing else of
 * it) to a deal sheet inserted without one, where an insert would have put
 * it. The block is planned over the sheet's own terms, read back: the
 * comparison's spill follows them, so the chart's length and its halving
 * marks must too, whatever deal the pane shows. Never writes over anything:
 * when a cell of the block's areas holds something, it refuses and names the
 * cells. The sheet's terms are left as they are.
 */
export async function addMiningWith<S extends StoredDealSheet>(
  book: DealWorkbook<S>,
  sheetId: string,
  deal: PlanInput,
  options: { readonly miningProvenance?: MiningProvenance } = {},
): Promise<AddMiningOutcome> {
  try {
    const found = await book.findDealSheet(sheetId);
    if (!found) return { status: "refused", reason: GONE };
    const existing = await book.existingNames();
    const onSheet = readDealFile(found.deal.layout, await book.readArea(found));
    const planned = planMiningAddition(
      { sheet: found.sheet, deal: found.deal },
      { ...onSheet, mining: miningBlockOf(deal) },
      { miningProvenance: options.miningProvenance, existingNames: existing.names, dates: "excel" },
    );
    if (!planned.ok) {
      return {
        status: "refused",
        reason: `Not added: ${planned.reason} (the sheet's terms, the pane's mining inputs).`,
      };
    }
    const addition = planned.value;
    const read = await book.readAreas(found, addition.areas);
    const occupied = addition.areas.flatMap(cellsOf).filter((ref) => !isBlankCell(read(ref)));
    if (occupied.length > 0) {
      const shown = occupied.slice(0, SHOWN_CELLS).join(", ") + (occupied.length > SHOWN_CELLS ? ", …" : "");
      return {
        status: "refused",
        reason:
          `Not added: the mining block needs ${addition.areas.join(" and ")} empty, and ${shown} ` +
          `${occupied.length === 1 ? "holds" : "hold"} something. Move it, or insert the deal as a new sheet.`,
      };
    }
    const written = { ...writtenValues(addition.deal.layout, addition.cells), ...found.written };
    return await book.writeAddition(found, addition, written);
  } catch (e) {
    return { status: "failed", reason: `The mining block could not be added: ${describeError(e)}.` };
  }
}
