import { cellFormat, type CellValue, type PlanCell, type SheetLayout } from "../../src/plan";
import type { RangeLike, WorksheetLike } from "./excelLike";
import { applyStyle } from "./styles";

/** Office.js leaves a cell unchanged for null in `values`; "" empties it. */
export function excelValue(value: CellValue | undefined): string | number | boolean {
  return value === null || value === undefined ? "" : value;
}

/** A data-validation prompt's title is at most 32 characters and its message 255 (Excel's limits). */
function prompt(title: string, message: string) {
  return { showPrompt: true, title: title.slice(0, 32), message: message.slice(0, 255) };
}

export interface CellWriteOptions {
  /** Input prompts and list validations: an insert sets them; an update leaves the ones the insert set. */
  readonly validation: boolean;
  /** The term's label, for a prompt's title. */
  readonly labelOf?: (ref: string) => string | undefined;
}

/**
 * Writes one plan cell: its format before its value (every text value gets
 * "@" first, so that Excel keeps it as text and never reads it as a formula
 * or a date), then its dressing.
 */
export function writeCell(sheet: WorksheetLike, cell: PlanCell, options: CellWriteOptions): RangeLike {
  const range = sheet.getRange(cell.ref);
  const format = cellFormat(cell);
  if (format !== undefined) range.numberFormat = [[format]];
  if (cell.formula !== undefined) range.formulas = [[cell.formula]];
  else range.values = [[excelValue(cell.value)]];
  if (cell.style) applyStyle(range, cell.style);
  if (options.validation) {
    if (cell.choices && cell.choices.length > 0) {
      range.dataValidation.rule = { list: { inCellDropDown: true, source: cell.choices.join(",") } };
    }
    if (cell.help) range.dataValidation.prompt = prompt(options.labelOf?.(cell.ref) ?? "Input", cell.help);
  }
  return range;
}

/**
 * Every cell an update may write: each term's value and note cells, every
 * row of the tranches and capex tables, and their notes; each mining term's
 * value and note cells, when the sheet has the mining block. The add-in owns these
 * cells; it records what it wrote there to tell a user's edit from its own.
 */
export function updateArea(layout: SheetLayout): string[] {
  const refs: string[] = [];
  for (const row of Object.values(layout.terms.rows)) {
    refs.push(`${layout.terms.valueColumn}${row}`, `${layout.terms.noteColumn}${row}`);
  }
  const t = layout.tranches;
  if (t) {
    for (let row = t.firstRow; row < t.firstRow + t.rows; row++)
      refs.push(`${t.dateColumn}${row}`, `${t.mwColumn}${row}`);
    refs.push(t.noteRef);
  }
  const x = layout.capex;
  if (x) {
    for (let row = x.firstRow; row < x.firstRow + x.rows; row++)
      refs.push(`${x.dateColumn}${row}`, `${x.amountColumn}${row}`);
    refs.push(x.noteRef);
  }
  const m = layout.mining;
  if (m) for (const row of Object.values(m.rows)) refs.push(`${m.valueColumn}${row}`, `${m.noteColumn}${row}`);
  return refs;
}

/** The values of `cells` at the refs of the update area (a ref with no cell was left empty). */
export function writtenValues(layout: SheetLayout, cells: readonly PlanCell[]): Record<string, CellValue> {
  const byRef = new Map(cells.map((c) => [c.ref, c]));
  const written: Record<string, CellValue> = {};
  for (const ref of updateArea(layout)) written[ref] = byRef.get(ref)?.value ?? null;
  return written;
}

/** Two cell values are the same content: blanks alike, text as text, numbers exactly. */
export function sameValue(a: unknown, b: unknown): boolean {
  const blank = (x: unknown) => x === null || x === undefined || x === "";
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  return a === b;
}

/** "'CW–CoreSci'!$H$5:$H$159" → "H5:H159": the chart's ranges are on its own sheet. */
export function localRef(sheetQualified: string): string {
  const bang = sheetQualified.lastIndexOf("!");
  return (bang >= 0 ? sheetQualified.slice(bang + 1) : sheetQualified).replace(/\$/g, "");
}
