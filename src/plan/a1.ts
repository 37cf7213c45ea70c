/** A1 references: the plan's only way of naming a place on the sheet. */

/** Excel's last column (XFD) and row. */
export const MAX_COLUMN = 16384;
export const MAX_ROW = 1048576;

/** 1 → "A", 27 → "AA". */
export function columnLetter(column: number): string {
  if (!Number.isInteger(column) || column < 1 || column > MAX_COLUMN) throw new RangeError(`no column ${column}`);
  let n = column;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = (n - 1 - r) / 26;
  }
  return letters;
}

/** "A" → 1, "AA" → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A cell on the sheet, 1-based. */
export interface CellAddress {
  readonly column: number;
  readonly row: number;
}

export function cellRef(column: number, row: number): string {
  if (!Number.isInteger(row) || row < 1 || row > MAX_ROW) throw new RangeError(`no row ${row}`);
  return `${columnLetter(column)}${row}`;
}

export function rangeRef(fromColumn: number, fromRow: number, toColumn: number, toRow: number): string {
  return `${cellRef(fromColumn, fromRow)}:${cellRef(toColumn, toRow)}`;
}

const CELL = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/;
const RANGE = /^(\$?[A-Z]{1,3}\$?\d{1,7})(?::(\$?[A-Z]{1,3}\$?\d{1,7}))?$/;

/** Parses "B4" or "$B$4". */
export function parseCell(ref: string): CellAddress | undefined {
  const m = CELL.exec(ref);
  if (!m) return undefined;
  const column = columnNumber(m[1]);
  const row = Number(m[2]);
  if (column > MAX_COLUMN || row < 1 || row > MAX_ROW) return undefined;
  return { column, row };
}

/** True for a cell ("B4") or a range ("A5:B19") in A1 notation, relative or absolute, on Excel's grid. */
export function isA1Ref(ref: string): boolean {
  const m = RANGE.exec(ref);
  if (!m) return false;
  return parseCell(m[1]) !== undefined && (m[2] === undefined || parseCell(m[2]) !== undefined);
}

/** "A5:B19" → "$A$5:$B$19". */
export function absolute(ref: string): string {
  return ref
    .split(":")
    .map((part) => {
      const cell = parseCell(part);
      if (!cell) throw new RangeError(`not an A1 reference: ${ref}`);
      return `$${columnLetter(cell.column)}$${cell.row}`;
    })
    .join(":");
}

/** A sheet name quoted for a formula or a defined name: 'It''s'. Always quoted, which is always valid. */
export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** "'CW–CoreSci'!$A$5:$B$19": the form of a workbook-scoped name's reference and of a chart's ranges. */
export function sheetRef(sheet: string, ref: string): string {
  return `${quoteSheet(sheet)}!${absolute(ref)}`;
}
