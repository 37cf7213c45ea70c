/**
 * The number formats the sheet plan uses, rendered as Excel renders them,
 * for the preview's grid and chart: dates (yyyy-mm-dd, yyyy-mm), money and
 * MW patterns ($#,##0.00, #,##0.0##, $#,##0.00##), 0.00%, 0, scaling with
 * trailing commas and a quoted suffix ($#,##0,,"M"), and @ (text). Anything
 * else falls back to General. Pure: no DOM, no engine.
 */
import { Decimal, formatIsoDate, fromExcelSerial } from "../src/core";

/** A cell's value as the grid shows it: a number, text, a boolean, or empty. */
export type DisplayValue = number | string | boolean | null;

interface NumberPattern {
  readonly currency: boolean;
  readonly grouping: boolean;
  readonly minDecimals: number;
  readonly maxDecimals: number;
  readonly percent: boolean;
  /** Trailing commas: each divides by 1,000. */
  readonly scale: number;
  readonly suffix: string;
}

const NUMBER_PATTERN = /^(\$?)([#0,]*0)(?:\.(0*)(#*))?(,*)(%?)(?:"([^"]*)")?$/;

function numberPattern(format: string): NumberPattern | null {
  const m = NUMBER_PATTERN.exec(format);
  if (!m) return null;
  const [, currency, integer, zeros = "", hashes = "", commas, percent, suffix = ""] = m;
  return {
    currency: currency === "$",
    grouping: integer.includes(","),
    minDecimals: zeros.length,
    maxDecimals: zeros.length + hashes.length,
    percent: percent === "%",
    scale: commas.length,
    suffix,
  };
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function formatNumber(x: number, p: NumberPattern): string {
  let d = new Decimal(x);
  if (p.percent) d = d.times(100);
  if (p.scale > 0) d = d.dividedBy(new Decimal(1000).pow(p.scale));
  let fixed = d.abs().toFixed(p.maxDecimals, Decimal.ROUND_HALF_UP);
  if (p.maxDecimals > p.minDecimals) {
    const [int, frac = ""] = fixed.split(".");
    let f = frac;
    while (f.length > p.minDecimals && f.endsWith("0")) f = f.slice(0, -1);
    fixed = f.length > 0 ? `${int}.${f}` : int;
  }
  const [int, frac] = fixed.split(".");
  const body = (p.grouping ? group(int) : int) + (frac !== undefined ? `.${frac}` : "");
  // Excel shows a value that rounds to zero without its minus sign.
  const negative = d.isNegative() && /[1-9]/.test(fixed);
  return `${negative ? "-" : ""}${p.currency ? "$" : ""}${body}${p.percent ? "%" : ""}${p.suffix}`;
}

function formatDate(serial: number, format: string): string | null {
  const date = fromExcelSerial(Math.floor(serial));
  if (!date) return null;
  const iso = formatIsoDate(date);
  if (format === "yyyy-mm-dd") return iso;
  if (format === "yyyy-mm") return iso.slice(0, 7);
  return null;
}

/** General: integers as they are, other numbers to 10 significant digits (about what Excel's General shows). */
function formatGeneral(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e11) return String(x);
  return String(Number(x.toPrecision(10)));
}

/** The text a cell shows for `value` under the Excel number format `format` (undefined: General). */
export function formatValue(value: DisplayValue, format?: string): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "#NUM!";
  if (format === undefined || format === "General" || format === "@") return formatGeneral(value);
  if (/^y{4}-m{2}(-d{2})?$/.test(format)) return formatDate(value, format) ?? formatGeneral(value);
  const pattern = numberPattern(format);
  return pattern ? formatNumber(value, pattern) : formatGeneral(value);
}

/** The text an input cell's editor starts with: what Excel's formula bar shows for it. */
export function editText(value: DisplayValue, format?: string): string {
  if (value === null) return "";
  if (typeof value !== "number") return formatValue(value, "@");
  if (format === "yyyy-mm-dd") return formatDate(value, format) ?? String(value);
  if (format?.endsWith("%")) return `${new Decimal(value).times(100).toString()}%`;
  return String(value);
}
