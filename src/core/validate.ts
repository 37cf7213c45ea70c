import { compareDates, formatIsoDate, monthIndex, monthStart, type CalendarDate } from "./dates";
import { Decimal, Exact, ZERO } from "./decimal";
import {
  fail,
  ok,
  problem,
  renamed,
  type Problem,
  type ProblemCode,
  type ProblemKind,
  type ProblemParams,
  type ProblemPath,
  type Result,
} from "./errors";
import { LIMITS } from "./limits";
import { readMiningBlock, resolveMining, type MiningInput } from "./miningValidate";
import {
  CREDIT_METHODS,
  TERMS,
  termForLabel,
  type CreditMethod,
  TERM_SPECS,
  isTermKey,
  type CapexItem,
  type TermKey,
  type TermSpec,
  type Terms,
  type Tranche,
} from "./terms";
import {
  MAX_DECIMAL_PLACES,
  MAX_SIGNIFICANT_DIGITS,
  isBlank,
  readDate,
  readDecimal,
  show,
  tooManyDigits,
  type DateInput,
} from "./values";

export interface ValidateOptions {
  /** How dates arrive: "iso" (deal files, the default) or "excel" (serial numbers or ISO text). */
  readonly dates?: DateInput;
  /**
   * The decimal of each number read, remembered by the caller across calls
   * (the core keeps no cache of its own): a number's decimal is the decimal
   * of its shortest text, whatever term it is read for, and decimals are
   * immutable, so a remembered one serves as well as a new one. The caller
   * bounds it (`set` may forget).
   */
  readonly numbers?: DecimalMemo;
}

/** Decimals of numbers (a finite number, −0 as 0), kept by a caller of `validateDeal`. */
export interface DecimalMemo {
  get(n: number): Decimal | undefined;
  set(n: number, value: Decimal): void;
}

type Parsed = {
  name?: string;
  host?: string;
  tenant?: string;
  capacityMW?: Decimal;
  ratePerKWMonth?: Decimal;
  termMonths?: number;
  startDate?: CalendarDate;
  escalator?: Decimal;
  prepayment?: Decimal;
  prepaymentDate?: CalendarDate;
  creditMethod?: CreditMethod;
  opexPerMWMonth?: Decimal;
  discountRate?: Decimal;
  tranches?: Tranche[];
  capex?: CapexItem[];
  renewalOptions?: number;
  renewalMonths?: number;
  renewalRateStep?: Decimal;
  renewalsExercised?: number;
  mining?: MiningInput;
};

function isPlainRecord(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === "object" && raw !== null && !Array.isArray(raw);
}

export class Collector {
  readonly problems: Problem[] = [];

  /** The caller's memo of decimals of numbers, if any (`ValidateOptions.numbers`). */
  constructor(readonly numbers?: DecimalMemo) {}

  value(code: ProblemCode, path: ProblemPath, params: ProblemParams = {}): void {
    this.problems.push(problem("value", code, path, params));
  }

  num(code: ProblemCode, path: ProblemPath, params: ProblemParams = {}): void {
    this.problems.push(problem("num", code, path, params));
  }

  /** "`path` must be <what the spec expects>, got <raw>". */
  expected(kind: ProblemKind, path: ProblemPath, spec: Pick<TermSpec, "expected">, raw: unknown): void {
    this.problems.push(problem(kind, "expected", path, { expected: spec.expected, got: show(raw) }));
  }
}

/**
 * value − bound's sign. A value read from a JS number is the decimal of its
 * shortest text, which rounds back to that number; rounding is monotonic, so
 * against a bound that is itself a double (a whole number here) the number's
 * own comparison has the same sign, without making a Decimal of the bound.
 */
function compareBound(value: Decimal, raw: unknown, bound: number): number {
  if (typeof raw === "number" && Number.isInteger(bound) && Math.abs(bound) <= Number.MAX_SAFE_INTEGER) {
    return raw < bound ? -1 : raw > bound ? 1 : 0;
  }
  return value.comparedTo(bound);
}

function checkRange(c: Collector, path: ProblemPath, spec: NumberSpec, value: Decimal, raw: unknown): boolean {
  const { min, max } = spec;
  if (min && (min.inclusive ? compareBound(value, raw, min.value) < 0 : compareBound(value, raw, min.value) <= 0)) {
    c.expected("num", path, spec, raw);
    return false;
  }
  if (max && (max.inclusive ? compareBound(value, raw, max.value) > 0 : compareBound(value, raw, max.value) >= 0)) {
    // A bound of the spec itself is stated in `expected`; the product's own limits say the limit.
    if (max.limit) c.num("limit", path, { max: max.value.toLocaleString("en-US"), got: show(raw) });
    else c.expected("num", path, spec, raw);
    return false;
  }
  return true;
}

/**
 * A JS number of magnitude >= 0.001 (or 0) never has too many digits: its
 * shortest text has at most 17 significant digits, so at most 16 + 3 = 19
 * decimal places (the caps are 20 and 20).
 */
function fewDigitsNumber(raw: unknown): boolean {
  return typeof raw === "number" && (raw === 0 || Math.abs(raw) >= 0.001);
}

/** What reading a number needs of a term's spec: a deal term's, or a field of a table or block. */
export type NumberSpec = Pick<TermSpec, "kind" | "expected" | "min" | "max"> & {
  /** Only "percent" matters here: it lets "3%" be read as 0.03. */
  readonly unit: string;
};

/**
 * Reads one number of a term (or of a field: `path` names it) with the
 * spec's rules: digits, whole numbers, cents, range. Exported for the blocks
 * that specify their fields in the same table style (mining).
 */
export function readNumberTerm(
  c: Collector,
  spec: NumberSpec & { readonly key?: string },
  raw: unknown,
  path: ProblemPath = [spec.key ?? ""],
): Decimal | undefined {
  const value =
    c.numbers !== undefined && typeof raw === "number"
      ? memoDecimal(c.numbers, raw)
      : readDecimal(raw, spec.unit === "percent");
  if (value === undefined) {
    c.expected("value", path, spec, raw);
    return undefined;
  }
  if (!fewDigitsNumber(raw) && tooManyDigits(value)) {
    c.num("digits", path, { significant: MAX_SIGNIFICANT_DIGITS, places: MAX_DECIMAL_PLACES, got: show(raw) });
    return undefined;
  }
  // A number's shortest text is whole exactly when the number is (a whole double rounds to itself only).
  if (spec.kind === "integer" && !(typeof raw === "number" ? Number.isInteger(raw) : value.isInteger())) {
    c.expected("num", path, spec, raw);
    return undefined;
  }
  if (spec.kind === "cents" && value.decimalPlaces() > 2) {
    c.expected("num", path, spec, raw);
    return undefined;
  }
  return checkRange(c, path, spec, value, raw) ? value : undefined;
}

/** `readDecimal` of a number, through the caller's memo. */
function memoDecimal(memo: DecimalMemo, raw: number): Decimal | undefined {
  let value = memo.get(raw);
  if (value === undefined) {
    value = readDecimal(raw, false);
    if (value !== undefined) memo.set(raw, value);
  }
  return value;
}

export function readDateTerm(
  c: Collector,
  path: ProblemPath,
  raw: unknown,
  dates: DateInput,
): CalendarDate | undefined {
  const value = readDate(raw, dates);
  if (value === undefined) {
    const what = dates === "excel" ? "a date (an Excel date or YYYY-MM-DD text)" : "a date as YYYY-MM-DD";
    c.value("date", path, { what, got: show(raw) });
  }
  return value;
}

/** A table term's rows: {date, value} objects, each field specified like a term. */
interface TableSpec<T> {
  readonly key: "tranches" | "capex";
  readonly field: "mw" | "amount";
  readonly spec: NumberSpec;
  /** "a tranche", "a capex item": the item as messages name it. */
  readonly item: string;
  readonly itemNoun: string;
  readonly max: number;
  /** Whether an empty list is an error (tranches) or means none (capex). */
  readonly allowEmpty: boolean;
  /** Whether the list is sorted by date as it is read. */
  readonly sorted: boolean;
  readonly dateHelp: string;
  readonly make: (date: CalendarDate, value: Decimal) => T;
}

const TRANCHES_TABLE: TableSpec<Tranche> = {
  key: "tranches",
  field: "mw",
  spec: { ...TERM_SPECS.capacityMW, expected: "a number of MW > 0" },
  item: "a tranche",
  itemNoun: "tranche",
  max: LIMITS.maxTranches,
  allowEmpty: false,
  sorted: true,
  dateHelp: "the date the tranche starts billing",
  make: (date, mw) => Object.freeze({ date, mw }),
};

const CAPEX_TABLE: TableSpec<CapexItem> = {
  key: "capex",
  field: "amount",
  spec: { ...TERM_SPECS.prepayment, expected: "an amount in whole cents >= 0" },
  item: "a capex item",
  itemNoun: "capex item",
  max: LIMITS.maxCapexItems,
  allowEmpty: true,
  sorted: false,
  dateHelp: "the date the money is spent",
  make: (date, amount) => Object.freeze({ date, amount }),
};

function readTable<T extends { readonly date: CalendarDate }>(
  c: Collector,
  table: TableSpec<T>,
  raw: unknown,
  dates: DateInput,
): T[] | undefined {
  const { key, field } = table;
  const shape = `{"date", "${field}"}`;
  if (!Array.isArray(raw)) {
    c.value("not-a-list", [key], { shape, got: show(raw) });
    return undefined;
  }
  if (raw.length === 0 && !table.allowEmpty) {
    c.value("empty-list", [key], { item: table.itemNoun });
    return undefined;
  }
  if (raw.length > table.max) {
    c.num("too-many", [key], { max: table.max, items: `${table.itemNoun}s`, count: raw.length });
    return undefined;
  }
  const out: T[] = [];
  let okAll = true;
  raw.forEach((item: unknown, i) => {
    if (!isPlainRecord(item)) {
      c.value("not-an-item", [key, i], { shape: `{"date": "YYYY-MM-DD", "${field}": number}`, got: show(item) });
      okAll = false;
      return;
    }
    for (const k of Object.keys(item)) {
      if (k !== "date" && k !== field) {
        c.value("unknown-field", [key, i, k], { field: show(k), item: table.item, fields: `"date" and "${field}"` });
        okAll = false;
      }
    }
    let date: CalendarDate | undefined;
    let value: Decimal | undefined;
    if (isBlank(item.date)) c.value("required", [key, i, "date"], { expected: table.dateHelp });
    else date = readDateTerm(c, [key, i, "date"], item.date, dates);
    if (isBlank(item[field])) c.value("required", [key, i, field], { expected: table.spec.expected });
    else value = readNumberTerm(c, table.spec, item[field], [key, i, field]);
    if (date && value) out.push(table.make(date, value));
    else okAll = false;
  });
  if (!okAll) return undefined;
  // Tranches are read sorted (the earliest is the start); capex keeps the input's order, so that
  // later checks name the item the user wrote (capex[i]), and is sorted when the terms are frozen.
  return table.sorted ? out.sort((a, b) => compareDates(a.date, b.date)) : out;
}

function readChoice(c: Collector, spec: TermSpec, raw: unknown): CreditMethod | undefined {
  // A method as written in a deal file or picked from the list folds to itself.
  if (raw === "straight-line" || raw === "percent-of-fee") return raw;
  if (typeof raw === "string") {
    const folded = raw
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, "-");
    const found = CREDIT_METHODS.find((m) => m === folded);
    if (found) return found;
  }
  c.expected("value", [spec.key], spec, raw);
  return undefined;
}

function readText(c: Collector, spec: TermSpec, raw: unknown): string | undefined {
  if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
  if (typeof raw !== "string") {
    c.expected("value", [spec.key], spec, raw);
    return undefined;
  }
  if (raw.length > LIMITS.maxTextLength) {
    c.num("text-too-long", [spec.key], { max: LIMITS.maxTextLength, length: raw.length });
    return undefined;
  }
  return raw.trim();
}

function unknownKey(c: Collector, key: string): void {
  const guess = termForLabel(key);
  const hint = guess ? `did you mean "${guess}"?` : `the terms are ${TERMS.map((t) => t.key).join(", ")}`;
  c.value("unknown-term", [key], { got: show(key), hint });
}

function readTerms(c: Collector, input: ReadonlyMap<string, unknown>, dates: DateInput): Parsed {
  const p: Parsed = {};
  for (const [key, raw] of input) {
    if (!isTermKey(key)) {
      unknownKey(c, key);
      continue;
    }
    const spec = TERM_SPECS[key];
    // Credit terms are read once the credit method is known: the one it does not use is ignored.
    if (isBlank(raw) || key === "creditMonths" || key === "creditPercent") continue;
    switch (spec.kind) {
      case "text":
        (p as Record<string, unknown>)[key] = readText(c, spec, raw);
        break;
      case "decimal":
      case "cents":
        (p as Record<string, unknown>)[key] = readNumberTerm(c, spec, raw);
        break;
      case "integer": {
        const v = readNumberTerm(c, spec, raw);
        (p as Record<string, unknown>)[key] = v === undefined ? undefined : wholeNumber(v, raw);
        break;
      }
      case "date":
        (p as Record<string, unknown>)[key] = readDateTerm(c, [key], raw, dates);
        break;
      case "choice":
        p.creditMethod = readChoice(c, spec, raw);
        break;
      case "tranches":
        p.tranches = readTable(c, TRANCHES_TABLE, raw, dates);
        break;
      case "capex":
        p.capex = readTable(c, CAPEX_TABLE, raw, dates);
        break;
      case "mining":
        p.mining = readMiningBlock(c.problems, raw, dates);
        break;
    }
  }
  return p;
}

/** A whole term's value as a number: the raw number itself when it was one (its decimal is exactly it; no −0). */
function wholeNumber(v: Decimal, raw: unknown): number {
  return typeof raw === "number" ? (raw === 0 ? 0 : raw) : v.toNumber();
}

/**
 * A decimal as a double, to about 1e−14 relative, from its digits (base 1e7
 * limbs, decimal.js's documented d, e, s): cheaper than toNumber's text.
 */
function approx(x: Decimal): number {
  const d = x.d;
  if (!d || d.length === 0 || d[0] === 0) return 0;
  let m = d[0];
  if (d.length > 1) m += d[1] / 1e7;
  if (d.length > 2) m += d[2] / 1e14;
  const d0 = d[0];
  // Digits of the first limb − 1.
  const lead = d0 >= 1e6 ? 6 : d0 >= 1e5 ? 5 : d0 >= 1e4 ? 4 : d0 >= 1e3 ? 3 : d0 >= 100 ? 2 : d0 >= 10 ? 1 : 0;
  return x.s * m * 10 ** (x.e - lead);
}

/** An exact sum (tranche MW may differ widely in scale). */
function sum(values: readonly Decimal[]): Decimal {
  if (values.length === 1) return values[0]; // a Decimal of the product's precision already (read by readDecimal)
  return new Decimal(values.reduce((a: Exact, b) => a.plus(b), new Exact(0)));
}

/**
 * Checks raw terms (a parsed deal file, or terms read from a sheet) and
 * returns immutable, normalized terms with every default applied, or a
 * `DealError` listing every problem found. Never throws.
 */
export function validateDeal(input: unknown, options: ValidateOptions = {}): Result<Terms> {
  try {
    return validateUnsafe(input, options.dates ?? "iso", options.numbers);
  } catch (e) {
    // A hostile object (a throwing getter, a proxy) must not escape as an exception.
    return fail([problem("value", "unreadable", [], { reason: describeThrown(e) })]);
  }
}

function describeThrown(e: unknown): string {
  try {
    return e instanceof Error ? e.message : String(e);
  } catch {
    return "reading it raised an error";
  }
}

/** The largest monthly fee a deal can bill: all its MW at the last year's escalated rate. */
function peakMonthlyFee(capacityMW: Decimal, rate: Decimal, escalator: Decimal, termMonths: number): Decimal {
  const years = Math.floor((termMonths - 1) / 12);
  const growth = escalator.greaterThan(0) ? escalator.plus(1).pow(years) : new Decimal(1);
  return capacityMW.times(1000).times(rate).times(growth);
}

/**
 * The peak fee in doubles, when it is below the limit by far more than its
 * error (inputs to 1e−14, a few roundings and two powers of at most 200:
 * relative error far below 1e−9, against a 0.1 % margin): then the exact
 * check cannot fail.
 */
function surelyBelowFeeLimit(
  capacityMW: Decimal,
  rate: Decimal,
  escalator: Decimal,
  step: Decimal,
  termMonths: number,
  renewalOptions: number,
): boolean {
  const e = approx(escalator);
  const s = approx(step);
  const years = Math.floor((termMonths - 1) / 12);
  const estimate =
    approx(capacityMW) * 1000 * approx(rate) * (e > 0 ? (1 + e) ** years : 1) * (s > 0 ? (1 + s) ** renewalOptions : 1);
  return estimate < LIMITS.maxMonthlyFee * 0.999;
}

function validateUnsafe(raw: unknown, dates: DateInput, numbers: DecimalMemo | undefined): Result<Terms> {
  if (!isPlainRecord(raw)) {
    return fail([problem("value", "not-a-deal", [], { got: show(raw) })]);
  }
  // Read every value once, into a Map (in the input's key order): a getter cannot answer
  // differently on a second read, and nothing inherited is ever taken for a term.
  // (A Map, not a prototype-less object: those are slow dictionaries in V8.)
  const input = new Map<string, unknown>();
  for (const key of Object.keys(raw)) input.set(key, raw[key]);
  const c = new Collector(numbers);
  const p = readTerms(c, input, dates);
  const given = (key: TermKey) => input.has(key) && !isBlank(input.get(key));

  const creditMethod: CreditMethod = p.creditMethod ?? "straight-line";
  let creditMonths: number | undefined;
  let creditPercent: Decimal | undefined;
  if (creditMethod === "straight-line" && given("creditMonths")) {
    const v = readNumberTerm(c, TERM_SPECS.creditMonths, input.get("creditMonths"));
    creditMonths = v === undefined ? undefined : wholeNumber(v, input.get("creditMonths"));
  }
  if (creditMethod === "percent-of-fee" && given("creditPercent")) {
    creditPercent = readNumberTerm(c, TERM_SPECS.creditPercent, input.get("creditPercent"));
  }

  for (const key of ["ratePerKWMonth", "termMonths"] as const) {
    if (!given(key)) c.value("required", [key], { expected: TERM_SPECS[key].expected });
  }
  if (!given("tranches")) {
    const unless = " (or give tranches)";
    if (!given("capacityMW")) c.value("required", ["capacityMW"], { unless, expected: "a number of MW > 0" });
    if (!given("startDate")) c.value("required", ["startDate"], { unless, expected: "a date" });
  }
  if (creditMethod === "percent-of-fee" && !given("creditPercent")) {
    c.value("required", ["creditPercent"], {
      unless: ' when creditMethod is "percent-of-fee"',
      expected: TERM_SPECS.creditPercent.expected,
    });
  }

  let tranches = p.tranches;
  if (tranches) {
    const total = sum(tranches.map((t) => t.mw));
    if (p.capacityMW && !p.capacityMW.equals(total)) {
      c.value("capacity-mismatch", ["capacityMW"], { total: total.toString(), got: p.capacityMW.toString() });
    }
    if (total.greaterThan(100_000)) c.num("tranches-too-large", ["tranches"], { total: total.toString() });
    if (p.startDate && compareDates(p.startDate, tranches[0].date) !== 0) {
      c.value("start-mismatch", ["startDate"], {
        earliest: formatIsoDate(tranches[0].date),
        got: formatIsoDate(p.startDate),
      });
    }
  } else if (p.capacityMW && p.startDate) {
    tranches = [Object.freeze({ date: p.startDate, mw: p.capacityMW })];
  }

  const renewalOptions = p.renewalOptions ?? 0;
  const renewalMonths = p.renewalMonths ?? 60;
  const renewalsExercised = p.renewalsExercised ?? 0;
  if (renewalsExercised > renewalOptions) {
    c.num("renewals-exceed-options", ["renewalsExercised"], { options: renewalOptions, got: renewalsExercised });
  }

  if (tranches && p.termMonths !== undefined) {
    const first = monthIndex(tranches[0].date);
    const lastStart = Math.max(...tranches.map((t) => monthIndex(t.date)));
    // The last billing month, exercised renewals included (analysis.md §10).
    const last = lastStart + p.termMonths + renewalsExercised * renewalMonths - 1;
    // Only for the messages: made when one is written.
    const lastText = () => formatIsoDate(monthStart(last)).slice(0, 7);
    const prepayment = p.prepayment ?? ZERO;
    const prepaymentDate = p.prepaymentDate ?? tranches[0].date;
    if (p.prepaymentDate && monthIndex(p.prepaymentDate) > last) {
      c.num("after-last-month", ["prepaymentDate"], { last: lastText(), got: formatIsoDate(p.prepaymentDate) });
    }
    let start = prepayment.isZero() ? first : Math.min(first, monthIndex(prepaymentDate));
    (p.capex ?? []).forEach((item, i) => {
      const m = monthIndex(item.date);
      if (m > last) {
        c.num("after-last-month", ["capex", i, "date"], { last: lastText(), got: formatIsoDate(item.date) });
      }
      if (item.amount.greaterThan(0)) start = Math.min(start, m);
    });
    // The longest schedule any request can build: every renewal option exercised.
    const longest = lastStart + p.termMonths + Math.max(renewalOptions, renewalsExercised) * renewalMonths - 1;
    if (longest - start + 1 > LIMITS.maxScheduleMonths) {
      c.num("schedule-too-long", ["tranches"], { max: LIMITS.maxScheduleMonths, months: longest - start + 1 });
    }
  }

  const capacityMW = tranches ? sum(tranches.map((t) => t.mw)) : undefined;
  if (c.problems.length === 0 && capacityMW && p.ratePerKWMonth && p.termMonths !== undefined) {
    const escalator = p.escalator ?? ZERO;
    const step = p.renewalRateStep ?? ZERO;
    const months = p.termMonths + renewalOptions * renewalMonths;
    const peak = () =>
      peakMonthlyFee(capacityMW, p.ratePerKWMonth as Decimal, escalator, months).times(
        step.greaterThan(0) ? step.plus(1).pow(renewalOptions) : 1,
      );
    if (
      !surelyBelowFeeLimit(capacityMW, p.ratePerKWMonth, escalator, step, months, renewalOptions) &&
      peak().greaterThan(LIMITS.maxMonthlyFee)
    ) {
      const term = escalator.greaterThan(0) ? "escalator" : step.greaterThan(0) ? "renewalRateStep" : "ratePerKWMonth";
      c.num("fee-too-large", [term], {
        factors: `${escalator.greaterThan(0) ? " × escalation" : ""}${step.greaterThan(0) ? " × renewal steps" : ""}`,
        peak: peak().toSignificantDigits(3).toNumber().toExponential(2),
      });
    }
  }

  if (c.problems.length > 0 || !tranches || p.ratePerKWMonth === undefined || p.termMonths === undefined) {
    // Every path above that leaves a term unread records why; this is a last guard, never silence.
    if (c.problems.length === 0) c.value("unreadable", [], { reason: "a term changed while it was being read" });
    return fail(c.problems);
  }
  const startDate = tranches[0].date;
  const terms: Terms = {
    name: p.name ?? "",
    host: p.host ?? "",
    tenant: p.tenant ?? "",
    capacityMW: capacityMW ?? sum(tranches.map((t) => t.mw)),
    ratePerKWMonth: p.ratePerKWMonth,
    termMonths: p.termMonths,
    startDate,
    escalator: p.escalator ?? ZERO,
    prepayment: p.prepayment ?? ZERO,
    prepaymentDate: p.prepaymentDate ?? startDate,
    creditMethod,
    creditMonths: creditMethod === "straight-line" ? (creditMonths ?? p.termMonths) : null,
    creditPercent: creditPercent ?? null,
    opexPerMWMonth: p.opexPerMWMonth ?? ZERO,
    discountRate: p.discountRate ?? null,
    tranches: Object.freeze([...tranches]),
    // Stable: items of one date keep their order (they add up in the schedule anyway).
    capex: Object.freeze([...(p.capex ?? [])].sort((a, b) => compareDates(a.date, b.date))),
    renewalOptions,
    renewalMonths,
    renewalRateStep: p.renewalRateStep ?? ZERO,
    renewalsExercised,
    mining: p.mining ? resolveMining(p.mining, capacityMW ?? sum(tranches.map((t) => t.mw))) : null,
  };
  return ok(Object.freeze(terms));
}

/**
 * Checks one numeric term on its own (e.g. a discount rate passed to a
 * function or a command-line option), with the same rules and messages as in
 * a deal. `label` replaces the key in messages (e.g. "rate").
 */
export function validateNumberTerm(key: TermKey, raw: unknown, label: string = key): Result<Decimal> {
  const spec = TERM_SPECS[key];
  if (spec.kind !== "decimal" && spec.kind !== "cents" && spec.kind !== "integer") {
    return fail([renamed(problem("value", "not-numeric", [key]), () => label)]);
  }
  const c = new Collector();
  const value = isBlank(raw) ? undefined : readNumberTerm(c, spec, raw, [key]);
  if (value === undefined) {
    if (c.problems.length === 0) c.value("required", [key], { expected: spec.expected });
    // Named as the caller names it ("--rate", "rate"), not as the term.
    return fail(c.problems.map((p) => renamed(p, () => label)));
  }
  return ok(value);
}
