/**
 * Reading one cell value as Excel hands it to a custom function. Plain
 * values pass through; Excel error values (which arrive as
 * `CustomFunctions.Error`-like objects, as error text in some hosts, or as
 * `Excel.ErrorCellValue` data types) become an `ExcelErrorValue`, so the
 * adapter can name the term that holds one instead of reporting "got an object".
 */
import { isBlank } from "../core";

/** An Excel error value found in an input cell. */
export class ExcelErrorValue {
  constructor(readonly code: string) {}
}

const ERROR_TEXTS: ReadonlySet<string> = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
]);

function readObjectCell(raw: object): unknown {
  if (raw instanceof ExcelErrorValue) return raw;
  const obj = raw as { code?: unknown; type?: unknown; basicValue?: unknown };
  // CustomFunctions.Error (and the HyperFormula plugin's errors): { code: "#N/A", message? }.
  if (typeof obj.code === "string" && obj.code.startsWith("#")) return new ExcelErrorValue(obj.code);
  // Excel data types (allowCustomDataForDataTypeAny): unwrap to the basic value.
  if (typeof obj.type === "string" && "basicValue" in obj) {
    if (obj.type === "Error")
      return new ExcelErrorValue(typeof obj.basicValue === "string" ? obj.basicValue : "#VALUE!");
    const basic = obj.basicValue;
    if (basic === null || typeof basic !== "object") return readCell(basic);
  }
  return raw;
}

/**
 * A cell value ready for the calculation module: `null` for an empty cell,
 * an `ExcelErrorValue` for an error, anything else unchanged (the core
 * reports wrong types with the term's name).
 */
export function readCell(raw: unknown): unknown {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === "string") return ERROR_TEXTS.has(raw) ? new ExcelErrorValue(raw) : raw;
  if (typeof raw === "object") return readObjectCell(raw);
  return raw;
}

/** An empty cell: null, or text that is empty or only spaces (the core's `isBlank`). */
export const isEmptyCell: (value: unknown) => boolean = isBlank;

/** A short rendering of a cell value for an error message. */
export function describeCell(value: unknown): string {
  if (value instanceof ExcelErrorValue) return `the Excel error ${value.code}`;
  if (typeof value === "string") {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  }
  if (typeof value === "number") return Object.is(value, -0) ? "0" : String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value === null || value === undefined) return "an empty cell";
  if (Array.isArray(value)) return "a range";
  return typeof value === "object" ? "an object" : typeof value;
}

/**
 * A range argument as rows of cells. Excel passes a matrix parameter as a
 * 2-D array; a scalar (a single value typed in the formula) is treated as a
 * 1×1 range. Undefined when the argument was left out.
 */
export function asRows(range: unknown): readonly (readonly unknown[])[] | undefined {
  if (range === undefined || range === null) return undefined;
  if (!Array.isArray(range)) return [[range]];
  // Excel passes a rectangle of rows; anything else (a flat list, or rows mixed with plain
  // values, as a script or another engine might pass) is read as rows, one value per plain item.
  if (range.every((row) => Array.isArray(row))) return range as unknown[][];
  if (!range.some((row) => Array.isArray(row))) return [range];
  return range.map((row) => (Array.isArray(row) ? row : [row]));
}
