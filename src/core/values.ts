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

/** Powers of ten exact in a double. */
const TEN_POW = Array.from({ length: 23 }, (_, k) => 10 ** k);
const TWO_43 = 2 ** 43;

/**
 * `new Decimal(x)` for a finite nonzero double (the decimal of its shortest
 * text), made without that text when x has few decimal places: its digits
 * are m / 10^k for the smallest k (≤ 15) with Math.round(x·10^k) / 10^k ===
 * x. Why that is the shortest text: every decimal that rounds to x is within
 * half an ulp of it, and with |x|·10^k < 2^43 the product x·10^k is within
 * 2^-9 of any such decimal's digits, so the loop finds the one with the
 * fewest places first; no decimal with fewer significant digits has more
 * places (within an ulp, spacing 10^-k is far wider), and one with as few is
 * that one. The limbs are laid out as decimal.js's parser lays them (its
 * documented d, e, s: base 1e7, the first limb holding (e + 1) mod 7 digits).
 * test/core/validateFast.test.ts compares it with `new Decimal(x)` field by
 * field over random doubles. Undefined when x is not such a number.
 */
export function decimalOfDouble(x: number): Decimal | undefined {
  if (x === 0 || !Number.isFinite(x)) return undefined;
  const a = Math.abs(x);
  let m = -1;
  let k = 0;
  if (Number.isInteger(a) && a <= Number.MAX_SAFE_INTEGER) m = a;
  else {
    for (k = 1; k <= 15; k++) {
      const s = TEN_POW[k];
      if (a * s >= TWO_43) return undefined;
      const r = Math.round(a * s);
      if (r / s === a) {
        m = r;
        break;
      }
    }
    if (m < 0) return undefined;
  }
  // Strip trailing zeros: m·10^-k with m not a multiple of 10.
  while (m % 10 === 0) {
    m /= 10;
    k--;
  }
  let n = 1; // digits of m
  while (n < 16 && m >= TEN_POW[n]) n++;
  const e = n - 1 - k;
  // Digits in the first limb: (e + 1) mod 7, or 7.
  let first = (e + 1) % 7;
  if (first <= 0) first += 7;
  const d: number[] = [];
  // The first limb, then limbs of 7 digits, the last right-padded with zeros (exact integer steps).
  if (n <= first) d.push(m * TEN_POW[first - n]);
  else {
    const head = (m - (m % TEN_POW[n - first])) / TEN_POW[n - first];
    d.push(head);
    let low = m % TEN_POW[n - first]; // the remaining n - first digits
    let digits = n - first;
    while (digits > 0) {
      if (digits >= 7) {
        const p = TEN_POW[digits - 7];
        const limb = (low - (low % p)) / p;
        d.push(limb);
        low %= p;
        digits -= 7;
      } else {
        d.push(low * TEN_POW[7 - digits]);
        digits = 0;
      }
    }
  }
  const y = new Decimal(1);
  const fields = y as unknown as { s: number; e: number; d: number[] };
  fields.s = x < 0 ? -1 : 1;
  fields.e = e;
  fields.d = d;
  return y;
}
