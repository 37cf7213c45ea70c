import { fromExcelSerial, parseIsoDate, type CalendarDate } from "./dates";
import { Decimal } from "./decimal";

/**
 * Reading one raw value (from JSON or from an Excel cell) as a typed value.
 * Each reader returns the value, or `undefined` when the raw value is not of
 * that type; range checks are the validator's job.
 */

/** How dates arrive: ISO text from JSON files, serial numbers (or ISO text) from Excel. */
export type DateInput = "iso" | "excel";

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,6})?$/;
const MAX_NUMBER_TEXT = 64;
/**
 * Digits a number may carry: significant digits and decimal places. Excel
 * holds 15-17 significant digits and a JSON number as many; the caps keep
 * every product of the schedule exact and its cost bounded (text such as
 * "1e-999999" would otherwise carry a million digits into every sum).
 */
export const MAX_SIGNIFICANT_DIGITS = 20;
export const MAX_DECIMAL_PLACES = 20;

/** True when a number has more digits than the model takes (see the caps above). */
export function tooManyDigits(value: Decimal): boolean {
  return value.precision(false) > MAX_SIGNIFICANT_DIGITS || value.decimalPlaces() > MAX_DECIMAL_PLACES;
}

/** A term with no value: absent, null, or a blank cell/string. Its default applies. */
export function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");
}

/** A finite number, or a decimal number written as text ("121.53", "3%"). */
export function readDecimal(raw: unknown, allowPercentSign: boolean): Decimal | undefined {
  if (typeof raw === "number") {
    return Number.isFinite(raw) ? new Decimal(raw === 0 ? 0 : raw) : undefined;
  }
  if (typeof raw !== "string" || raw.length > MAX_NUMBER_TEXT) return undefined;
  let text = raw.trim().replace(/_/g, "");
  let percent = false;
  if (allowPercentSign && text.endsWith("%")) {
    percent = true;
    text = text.slice(0, -1).trim();
  }
  if (!NUMBER_TEXT.test(text)) return undefined;
  const value = new Decimal(text);
  return percent ? value.dividedBy(100) : value;
}

export function readDate(raw: unknown, dates: DateInput): CalendarDate | undefined {
  if (typeof raw === "string") return raw.length > MAX_NUMBER_TEXT ? undefined : parseIsoDate(raw);
  if (dates === "excel" && typeof raw === "number") return fromExcelSerial(raw);
  return undefined;
}

/** A short, safe rendering of a raw value for an error message. */
export function show(raw: unknown): string {
  let text: string;
  if (typeof raw === "string") text = JSON.stringify(raw);
  else if (typeof raw === "number") text = Object.is(raw, -0) ? "0" : String(raw);
  else if (typeof raw === "boolean") text = raw ? "TRUE" : "FALSE";
  else if (raw === null) text = "null";
  else if (Array.isArray(raw)) text = `a list of ${raw.length}`;
  else if (typeof raw === "object") text = "an object";
  else text = typeof raw;
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
