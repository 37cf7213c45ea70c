/**
 * Heights for the plan's merged, wrapped rows. Excel fits a row to wrapped
 * text on its own, but not when the text is in a merged cell: a writer must
 * set the height. Shared by the .xlsx export and the Office.js writer (no
 * exceljs here, so the pane's start-up bundle can import it).
 */
import { columnLetter, parseCell, type SheetPlan } from "../plan";

/** Excel's default column width, in characters, where the plan sets none. */
const DEFAULT_WIDTH = 8.43;
/** Points per line of the default font (Calibri 11). */
export const LINE_POINTS = 15;

/** The row height, in points, of each merged and wrapped area's top row; `text` gives the text it will hold. */
export function mergedRowHeights(
  plan: Pick<SheetPlan, "ranges" | "columns" | "cells">,
  text: (ref: string) => string = (ref) => {
    const v = plan.cells.find((c) => c.ref === ref)?.value;
    return v === undefined || v === null ? "" : String(v);
  },
): { row: number; height: number }[] {
  const widths = new Map(plan.columns.map((c) => [c.column, c.width]));
  const heights: { row: number; height: number }[] = [];
  for (const range of plan.ranges) {
    if (!range.merge || !range.wrap) continue;
    const [a, b = a] = range.ref.split(":");
    const from = parseCell(a);
    const to = parseCell(b);
    if (!from || !to) continue;
    let chars = 0;
    for (let col = from.column; col <= to.column; col++) chars += widths.get(columnLetter(col)) ?? DEFAULT_WIDTH;
    const lines = Math.max(1, Math.ceil((text(a).length * 1.1) / Math.max(chars, 1)));
    heights.push({ row: from.row, height: lines * LINE_POINTS });
  }
  return heights;
}
