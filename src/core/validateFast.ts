/**
 * The common case of `validateDeal`, straight from a sheet's doubles: a
 * terms block of plain numbers (dates as Excel serials), its texts and a
 * credit method as written, one tranche, no table. It returns the terms
 * `validateDeal` would return and their `dealKey`, or undefined whenever
 * it is not sure: a text number, an ISO date, a value out of range, a
 * missing term, anything `validateDeal` would refuse or reads otherwise.
 * The caller then runs `validateDeal` itself, so every message is the
 * reference's. test/core/validateFast.test.ts proves the two equal over
 * random blocks (20-digit inputs, limits, text numbers, serials).
 *
 * Why: a new deal's terms were read through a Map, a collector and a
 * Decimal for every number, then keyed from the decimals' texts: more than
 * building its schedule. Here the numbers are checked as doubles (every
 * bound is a whole number, which a double compares exactly), a Decimal is
 * made (or taken from the caller's memo) only for the terms that hold one,
 * and the key is written from the numbers' own texts.
 */
import { doublesText, keyDoubles } from "./dealFile";
import { fromExcelSerial, formatIsoDate, monthIndex, type CalendarDate } from "./dates";
import { ZERO, type Decimal } from "./decimal";
import { LIMITS } from "./limits";
import { TERM_SPECS, type CreditMethod, type TermKey, type TermSpec, type Terms } from "./terms";
import { decimalOfDouble, readDecimal } from "./values";

/** Validated terms and their `dealKey` (the shape of a checked result the functions keep). */
export interface FastTerms {
  readonly ok: true;
  readonly terms: Terms;
  readonly key: string;
}

/** A numeric term's bounds, read once from its spec (every bound is a whole number), and where it goes. */
class Bound {
  readonly whole: boolean;
  readonly cents: boolean;
  readonly lo: number;
  readonly loIn: boolean;
  readonly hi: number;
  readonly hiIn: boolean;
  constructor(
    spec: TermSpec,
    readonly slot: number,
  ) {
    this.whole = spec.kind === "integer";
    this.cents = spec.kind === "cents";
    this.lo = spec.min?.value ?? -Infinity;
    this.loIn = spec.min?.inclusive ?? true;
    this.hi = spec.max?.value ?? Infinity;
    this.hiIn = spec.max?.inclusive ?? true;
  }
}

/** The numeric terms this path reads (besides the credit terms), in the order of `validateFast`'s slots. */
const NUMERIC: readonly TermKey[] = [
  "capacityMW",
  "ratePerKWMonth",
  "termMonths",
  "escalator",
  "prepayment",
  "opexPerMWMonth",
  "discountRate",
  "renewalOptions",
  "renewalMonths",
  "renewalRateStep",
  "renewalsExercised",
];
const BOUNDS: Readonly<Partial<Record<TermKey, Bound>>> = Object.fromEntries(
  NUMERIC.map((key, slot) => [key, new Bound(TERM_SPECS[key], slot)]),
);
/** Below this, a double's whole number of cents is exact and its text has at most 15 digits. */
const CENTS_EXACT = 2 ** 43 / 100;
const CREDIT_MONTHS = new Bound(TERM_SPECS.creditMonths, -1);
const CREDIT_PERCENT = new Bound(TERM_SPECS.creditPercent, -1);

/**
 * A double that `readNumberTerm` accepts for a term with no digits check to
 * make (0 or at least 0.001: at most 19 places, 17 digits) and within the
 * spec's bounds (whole numbers: compared exactly as doubles, as its
 * `compareBound` does). Whole numbers only for the integer kind; whole
 * cents for the cents kind (x = round(100x) / 100 below 2^43 / 100: then
 * its shortest text has at most two places, see `decimalOfDouble`; a
 * fraction of a cent, or a larger amount, goes to the reference).
 */
function within(b: Bound, x: number): boolean {
  if (!(x === 0 || Math.abs(x) >= 0.001) || !Number.isFinite(x)) return false;
  if (b.whole && !Number.isInteger(x)) return false;
  if (b.cents && !(Math.abs(x) < CENTS_EXACT && Math.round(x * 100) / 100 === x)) return false;
  if (b.loIn ? x < b.lo : x <= b.lo) return false;
  if (b.hiIn ? x > b.hi : x >= b.hi) return false;
  return true;
}

/** A date read from an Excel serial, with its ISO text. */
export interface SerialDate {
  readonly date: CalendarDate;
  readonly iso: string;
}

/** The date of an Excel serial and its ISO text, or null when the serial is no date (`fromExcelSerial`). */
export function serialDate(serial: number): SerialDate | null {
  const date = fromExcelSerial(serial);
  return date === undefined ? null : { date, iso: formatIsoDate(date) };
}

/**
 * What `validateFast` makes of a sheet's values, kept by its caller across
 * calls (the core keeps no cache): a book's deals share most numbers and
 * dates. Each must answer as the function it stands for: `decimal(x)` as
 * `decimalOfDouble(x) ?? new Decimal(x)` for a finite x (a decimal's value
 * is all that matters: they are immutable), `date(serial)` as `serialDate`.
 * `slot` tells the numbers of one term apart (0 to 7), for a caller that
 * remembers the last one of each.
 */
export interface FastMemo {
  decimal(x: number, slot: number): Decimal;
  date(serial: number): SerialDate | null;
}

/** The memo that remembers nothing. */
export const NO_MEMO: FastMemo = Object.freeze({
  decimal: (x: number): Decimal => decimalOfDouble(x) ?? (readDecimal(x, false) as Decimal),
  date: serialDate,
});

/** A text term as `readText` reads it, or undefined (a boolean, too long: the reference's to word). */
function textOf(raw: unknown): string | undefined {
  if (typeof raw === "number") return Number.isFinite(raw) ? String(raw) : undefined;
  if (typeof raw !== "string" || raw.length > LIMITS.maxTextLength) return undefined;
  return raw.trim();
}

function isBlankValue(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");
}

/**
 * The terms of `count` entries (`keys[i]`, `values[i]`, in the block's row
 * order, each key once, none a table), as `validateDeal(input, {dates:
 * "excel"})` reads them, with their `dealKey`; or undefined.
 */
export function validateFast(
  keys: readonly TermKey[],
  values: readonly unknown[],
  count: number,
  memo: FastMemo = NO_MEMO,
): FastTerms | undefined {
  let name = "";
  let host = "";
  let tenant = "";
  let capacity: number | undefined;
  let rate: number | undefined;
  let termMonths: number | undefined;
  let start: number | undefined;
  let escalator: number | undefined;
  let prepayment: number | undefined;
  let prepaymentSerial: number | undefined;
  let method: CreditMethod = "straight-line";
  let creditMonthsRaw: unknown;
  let creditPercentRaw: unknown;
  let opex: number | undefined;
  let discount: number | undefined;
  let renewalOptions = 0;
  let renewalMonths = 60;
  let step: number | undefined;
  let exercised = 0;
  for (let i = 0; i < count; i++) {
    const key = keys[i];
    const raw = values[i];
    if (isBlankValue(raw)) continue;
    // Credit terms are read once the method is known (the one it does not use is ignored, whatever it holds).
    if (key === "creditMonths") {
      creditMonthsRaw = raw;
      continue;
    }
    if (key === "creditPercent") {
      creditPercentRaw = raw;
      continue;
    }
    if (key === "name" || key === "host" || key === "tenant") {
      const text = textOf(raw);
      if (text === undefined) return undefined;
      if (key === "name") name = text;
      else if (key === "host") host = text;
      else tenant = text;
      continue;
    }
    if (key === "creditMethod") {
      if (raw !== "straight-line" && raw !== "percent-of-fee") return undefined;
      method = raw;
      continue;
    }
    if (typeof raw !== "number") return undefined;
    switch (key) {
      case "startDate":
        start = raw;
        continue;
      case "prepaymentDate":
        prepaymentSerial = raw;
        continue;
      default:
    }
    const bound = BOUNDS[key];
    // A term this path does not read (tables, mining: the reference's), or a number it does not take.
    if (bound === undefined || !within(bound, raw)) return undefined;
    const x = raw === 0 ? 0 : raw; // −0 reads as 0
    switch (bound.slot) {
      case 0:
        capacity = x;
        break;
      case 1:
        rate = x;
        break;
      case 2:
        termMonths = x;
        break;
      case 3:
        escalator = x;
        break;
      case 4:
        prepayment = x;
        break;
      case 5:
        opex = x;
        break;
      case 6:
        discount = x;
        break;
      case 7:
        renewalOptions = x;
        break;
      case 8:
        renewalMonths = x;
        break;
      case 9:
        step = x;
        break;
      default:
        exercised = x;
    }
  }
  if (capacity === undefined || rate === undefined || termMonths === undefined || start === undefined) return undefined;
  const startEntry = memo.date(start);
  if (startEntry === null) return undefined;
  const prepEntry = prepaymentSerial === undefined ? startEntry : memo.date(prepaymentSerial);
  if (prepEntry === null) return undefined;

  let creditMonths: number | null = null;
  let creditPercent: number | undefined;
  if (method === "straight-line") {
    if (creditMonthsRaw === undefined) creditMonths = termMonths;
    else if (typeof creditMonthsRaw === "number" && within(CREDIT_MONTHS, creditMonthsRaw))
      creditMonths = creditMonthsRaw === 0 ? 0 : creditMonthsRaw;
    else return undefined;
  } else {
    if (typeof creditPercentRaw !== "number" || !within(CREDIT_PERCENT, creditPercentRaw)) return undefined;
    creditPercent = creditPercentRaw;
  }
  if (exercised > renewalOptions) return undefined;

  // The cross-term checks of validateDeal, for one tranche at the start date.
  const first = monthIndex(startEntry.date);
  const last = first + termMonths + exercised * renewalMonths - 1;
  if (prepaymentSerial !== undefined && monthIndex(prepEntry.date) > last) return undefined;
  const begin = (prepayment ?? 0) === 0 ? first : Math.min(first, monthIndex(prepEntry.date));
  const longest = first + termMonths + Math.max(renewalOptions, exercised) * renewalMonths - 1;
  if (longest - begin + 1 > LIMITS.maxScheduleMonths) return undefined;
  // The peak monthly fee, estimated as validateDeal's own first test does (its error is far
  // below the 0.1 % margin); a deal near the limit goes to the reference's exact check.
  const e = escalator ?? 0;
  const s = step ?? 0;
  const months = termMonths + renewalOptions * renewalMonths;
  const years = Math.floor((months - 1) / 12);
  const peak = capacity * 1000 * rate * (e > 0 ? (1 + e) ** years : 1) * (s > 0 ? (1 + s) ** renewalOptions : 1);
  if (!(peak < LIMITS.maxMonthlyFee * 0.999)) return undefined;

  const mw = memo.decimal(capacity, 0);
  const terms: Terms = {
    name,
    host,
    tenant,
    capacityMW: mw,
    ratePerKWMonth: memo.decimal(rate, 1),
    termMonths,
    startDate: startEntry.date,
    escalator: escalator === undefined ? ZERO : memo.decimal(escalator, 2),
    prepayment: prepayment === undefined ? ZERO : memo.decimal(prepayment, 3),
    prepaymentDate: prepEntry.date,
    creditMethod: method,
    creditMonths,
    creditPercent: creditPercent === undefined ? null : memo.decimal(creditPercent, 4),
    opexPerMWMonth: opex === undefined ? ZERO : memo.decimal(opex, 5),
    discountRate: discount === undefined ? null : memo.decimal(discount, 6),
    tranches: Object.freeze([Object.freeze({ date: startEntry.date, mw })]),
    capex: Object.freeze([]),
    renewalOptions,
    renewalMonths,
    renewalRateStep: step === undefined ? ZERO : memo.decimal(step, 7),
    renewalsExercised: exercised,
    mining: null,
  };
  // dealKey(terms), written from the doubles (test/core/validateFast.test.ts compares them).
  let key = `D${name.length}:${name}${host.length}:${host}${tenant.length}:${tenant}`;
  key += `${method === "straight-line" ? "s" : "p"}${creditMonths === null ? "_" : "m"}`;
  key += `${creditPercent === undefined ? "_" : "p"}${discount === undefined ? "_" : "r"}1;0;`;
  key += `${startEntry.iso};${prepEntry.iso};${startEntry.iso};_`;
  const k = keyDoubles;
  k[0] = capacity;
  k[1] = rate;
  k[2] = termMonths;
  k[3] = e;
  k[4] = prepayment ?? 0;
  let n = 5;
  if (creditMonths !== null) k[n++] = creditMonths;
  if (creditPercent !== undefined) k[n++] = creditPercent;
  k[n++] = opex ?? 0;
  if (discount !== undefined) k[n++] = discount;
  k[n++] = capacity;
  k[n++] = renewalOptions;
  k[n++] = renewalMonths;
  k[n++] = s;
  k[n++] = exercised;
  key += doublesText(n);
  return { ok: true, terms: Object.freeze(terms), key };
}
