import { toExcelSerial, type Terms } from "../core";
import { columnNumber, rangeRef } from "./a1";
import type { ProvenanceMap } from "./blocks";
import { FORMATS } from "./formats";
import { noteText, provenanceText } from "./provenance";
import type { PlanCell, SheetLayout } from "./types";

/**
 * The capex table of a deal sheet (analysis.md §9): Date, Amount, one row per
 * dated amount, then spare rows inside its name (the HPC functions skip blank
 * rows), so a user can add spending in the sheet, and an update can write a
 * deal with a few more items without re-inserting.
 */
export const CAPEX_SPARE_ROWS = 3;

/** The capex block's rows, placed from `top` (its title row): the layout entry and the first row after it. */
export function capexLayout(
  top: number,
  terms: Terms,
  columns: { readonly date: string; readonly amount: string; readonly note: string },
): { readonly capex: NonNullable<SheetLayout["capex"]>; readonly next: number } {
  const rows = terms.capex.length + CAPEX_SPARE_ROWS;
  return {
    capex: {
      headerRow: top + 1,
      firstRow: top + 2,
      rows,
      dateColumn: columns.date,
      amountColumn: columns.amount,
      noteRef: `${columns.note}${top}`,
    },
    next: top + 2 + rows + 1,
  };
}

/** The first `count` rows of the capex table, e.g. "A31:B34". */
export function capexRange(layout: SheetLayout, count: number): string {
  const c = layout.capex;
  if (!c) throw new RangeError("the layout has no capex table");
  return rangeRef(columnNumber(c.dateColumn), c.firstRow, columnNumber(c.amountColumn), c.firstRow + count - 1);
}

/**
 * Every row of the capex table for a deal: one per item in date order, then
 * the spare rows blank; also the capex's provenance. Empty when the layout
 * has no capex table.
 */
export function capexCells(layout: SheetLayout, terms: Terms, provenance: ProvenanceMap = {}): PlanCell[] {
  const c = layout.capex;
  if (!c) return [];
  const cells: PlanCell[] = [];
  for (let i = 0; i < c.rows; i++) {
    const row = c.firstRow + i;
    const item = terms.capex[i];
    cells.push({
      ref: `${c.dateColumn}${row}`,
      value: item ? toExcelSerial(item.date) : null,
      format: FORMATS.date,
      style: "input",
      help: "The date the host spends this amount (it counts in that month). Leave a row blank for none.",
    });
    cells.push({
      ref: `${c.amountColumn}${row}`,
      value: item ? item.amount.toNumber() : null,
      format: FORMATS.usd,
      style: "input",
      help: "The host's capex on that date, in USD (whole cents, >= 0); amounts in one month add up.",
    });
  }
  cells.push({ ref: c.noteRef, value: noteText(provenanceText(provenance.capex)), style: "provenance" });
  return cells;
}
