import { compareDates, formatIsoDate, monthIndex, monthStart, type CalendarDate } from "./dates";
import { Decimal, Exact, ZERO } from "./decimal";
import { fail, ok, type Problem, type Result } from "./errors";
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

function expectedMessage(term: string, spec: TermSpec, raw: unknown): string {
  return `${term} must be ${spec.expected}, got ${show(raw)}`;
}

class Collector {
  readonly problems: Problem[] = [];

  value(term: string, message: string): void {
    this.problems.push({ term, message, kind: "value" });
  }

  num(term: string, message: string): void {
    this.problems.push({ term, message, kind: "num" });
  }
}

function checkRange(c: Collector, term: string, spec: TermSpec, value: Decimal, raw: unknown): boolean {
  const { min, max } = spec;
  if (min && (min.inclusive ? value.lessThan(min.value) : value.lessThanOrEqualTo(min.value))) {
    c.num(term, expectedMessage(term, spec, raw));
    return false;
  }
  if (max && (max.inclusive ? value.greaterThan(max.value) : value.greaterThanOrEqualTo(max.value))) {
    // A bound of the spec itself is stated in `expected`; the product's own limits say the limit.
    c.num(
      term,
      max.limit
        ? `${term} must be at most ${max.value.toLocaleString("en-US")} (a limit of this add-in), got ${show(raw)}`
        : expectedMessage(term, spec, raw),
    );
    return false;
  }
  return true;
}

function readNumberTerm(c: Collector, spec: TermSpec, raw: unknown, term: string = spec.key): Decimal | undefined {
  const value = readDecimal(raw, spec.unit === "percent");
  if (value === undefined) {
    c.value(term, expectedMessage(term, spec, raw));
    return undefined;
  }
  if (tooManyDigits(value)) {
    c.num(
      term,
      `${term} must be a number with at most ${MAX_SIGNIFICANT_DIGITS} significant digits and ${MAX_DECIMAL_PLACES} decimal places (a limit of this add-in), got ${show(raw)}`,
    );
    return undefined;
  }
  if (spec.kind === "integer" && !value.isInteger()) {
    c.num(term, expectedMessage(term, spec, raw));
    return undefined;
  }
  if (spec.kind === "cents" && value.decimalPlaces() > 2) {
    c.num(term, expectedMessage(term, spec, raw));
    return undefined;
  }
  return checkRange(c, term, spec, value, raw) ? value : undefined;
}

function readDateTerm(c: Collector, term: string, raw: unknown, dates: DateInput): CalendarDate | undefined {
  const value = readDate(raw, dates);
  if (value === undefined) {
    const what = dates === "excel" ? "a date (an Excel date or YYYY-MM-DD text)" : "a date as YYYY-MM-DD";
    c.value(term, `${term} must be ${what} between 1900-01-01 and 9999-12-31, got ${show(raw)}`);
  }
  return value;
}

const TRANCHE_MW: TermSpec = {
  ...TERM_SPECS.capacityMW,
  expected: "a number of MW > 0",
};

function readTranches(c: Collector, raw: unknown, dates: DateInput): Tranche[] | undefined {
  if (!Array.isArray(raw)) {
    c.value("tranches", `tranches must be a list of {"date", "mw"} objects, got ${show(raw)}`);
    return undefined;
  }
  if (raw.length === 0) {
    c.value("tranches", "tranches must hold at least one tranche (or be left out), got an empty list");
    return undefined;
  }
  if (raw.length > LIMITS.maxTranches) {
    c.num("tranches", `tranches must hold at most ${LIMITS.maxTranches} tranches, got ${raw.length}`);
    return undefined;
  }
  const out: Tranche[] = [];
  let okAll = true;
  raw.forEach((item: unknown, i) => {
    const where = `tranches[${i}]`;
    if (!isPlainRecord(item)) {
      c.value(where, `${where} must be an object {"date": "YYYY-MM-DD", "mw": number}, got ${show(item)}`);
      okAll = false;
      return;
    }
    for (const k of Object.keys(item)) {
      if (k !== "date" && k !== "mw") {
        c.value(`${where}.${k}`, `${where} has an unknown field ${show(k)}: a tranche has only "date" and "mw"`);
        okAll = false;
      }
    }
    const rawDate = item.date;
    const rawMW = item.mw;
    let date: CalendarDate | undefined;
    let mw: Decimal | undefined;
    if (isBlank(rawDate)) c.value(`${where}.date`, `${where}.date is required: the date the tranche starts billing`);
    else date = readDateTerm(c, `${where}.date`, rawDate, dates);
    if (isBlank(rawMW)) c.value(`${where}.mw`, `${where}.mw is required: ${TRANCHE_MW.expected}`);
    else mw = readNumberTerm(c, TRANCHE_MW, rawMW, `${where}.mw`);
    if (date && mw) out.push(Object.freeze({ date, mw }));
    else okAll = false;
  });
  if (!okAll) return undefined;
  return out.sort((a, b) => compareDates(a.date, b.date));
}

const CAPEX_AMOUNT: TermSpec = {
  ...TERM_SPECS.prepayment,
  expected: "an amount in whole cents >= 0",
};

function readCapex(c: Collector, raw: unknown, dates: DateInput): CapexItem[] | undefined {
  if (!Array.isArray(raw)) {
    c.value("capex", `capex must be a list of {"date", "amount"} objects, got ${show(raw)}`);
    return undefined;
  }
  if (raw.length > LIMITS.maxCapexItems) {
    c.num("capex", `capex must hold at most ${LIMITS.maxCapexItems} items, got ${raw.length}`);
    return undefined;
  }
  const out: CapexItem[] = [];
  let okAll = true;
  raw.forEach((item: unknown, i) => {
    const where = `capex[${i}]`;
    if (!isPlainRecord(item)) {
      c.value(where, `${where} must be an object {"date": "YYYY-MM-DD", "amount": number}, got ${show(item)}`);
      okAll = false;
      return;
    }
    for (const k of Object.keys(item)) {
      if (k !== "date" && k !== "amount") {
        c.value(`${where}.${k}`, `${where} has an unknown field ${show(k)}: a capex item has only "date" and "amount"`);
        okAll = false;
      }
    }
    let date: CalendarDate | undefined;
    let amount: Decimal | undefined;
    if (isBlank(item.date)) c.value(`${where}.date`, `${where}.date is required: the date the money is spent`);
    else date = readDateTerm(c, `${where}.date`, item.date, dates);
    if (isBlank(item.amount)) c.value(`${where}.amount`, `${where}.amount is required: ${CAPEX_AMOUNT.expected}`);
    else amount = readNumberTerm(c, CAPEX_AMOUNT, item.amount, `${where}.amount`);
    if (date && amount) out.push(Object.freeze({ date, amount }));
    else okAll = false;
  });
  if (!okAll) return undefined;
  // Stable: items of one date keep their order (they add up in the schedule anyway).
  return out.sort((a, b) => compareDates(a.date, b.date));
}

function readChoice(c: Collector, spec: TermSpec, raw: unknown): CreditMethod | undefined {
  if (typeof raw === "string") {
    const folded = raw
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, "-");
    const found = CREDIT_METHODS.find((m) => m === folded);
    if (found) return found;
  }
  c.value(spec.key, expectedMessage(spec.key, spec, raw));
  return undefined;
}

function readText(c: Collector, spec: TermSpec, raw: unknown): string | undefined {
  if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
  if (typeof raw !== "string") {
    c.value(spec.key, expectedMessage(spec.key, spec, raw));
    return undefined;
  }
  if (raw.length > LIMITS.maxTextLength) {
    c.num(spec.key, `${spec.key} must be at most ${LIMITS.maxTextLength} characters, got ${raw.length}`);
    return undefined;
  }
  return raw.trim();
}

function unknownKeyMessage(key: string): string {
  const guess = termForLabel(key);
  const hint = guess ? `did you mean "${guess}"?` : `the terms are ${TERMS.map((t) => t.key).join(", ")}`;
  return `unknown term ${show(key)}: ${hint}`;
}

function readTerms(c: Collector, input: Record<string, unknown>, dates: DateInput): Parsed {
  const p: Parsed = {};
  for (const key of Object.keys(input)) {
    if (!isTermKey(key)) {
      c.value(key, unknownKeyMessage(key));
      continue;
    }
    const spec = TERM_SPECS[key];
    const raw = input[key];
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
        (p as Record<string, unknown>)[key] = v?.toNumber();
        break;
      }
      case "date":
        (p as Record<string, unknown>)[key] = readDateTerm(c, key, raw, dates);
        break;
      case "choice":
        p.creditMethod = readChoice(c, spec, raw);
        break;
      case "tranches":
        p.tranches = readTranches(c, raw, dates);
        break;
      case "capex":
        p.capex = readCapex(c, raw, dates);
        break;
      case "mining":
        p.mining = readMiningBlock(c.problems, raw, dates);
        break;
    }
  }
  return p;
}

/** An exact sum (tranche MW may differ widely in scale). */
function sum(values: readonly Decimal[]): Decimal {
  return new Decimal(values.reduce((a: Exact, b) => a.plus(b), new Exact(0)));
}

/**
 * Checks raw terms (a parsed deal file, or terms read from a sheet) and
 * returns immutable, normalized terms with every default applied, or a
 * `DealError` listing every problem found. Never throws.
 */
export function validateDeal(input: unknown, options: ValidateOptions = {}): Result<Terms> {
  try {
    return validateUnsafe(input, options.dates ?? "iso");
  } catch (e) {
    // A hostile object (a throwing getter, a proxy) must not escape as an exception.
    return fail([
      {
        term: "deal",
        message: `the deal could not be read: ${describeThrown(e)}`,
        kind: "value",
      },
    ]);
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

function validateUnsafe(raw: unknown, dates: DateInput): Result<Terms> {
  if (!isPlainRecord(raw)) {
    return fail([
      { term: "deal", message: `a deal must be an object of terms (a JSON object), got ${show(raw)}`, kind: "value" },
    ]);
  }
  // Read every value once, into an object with no prototype: a getter cannot answer
  // differently on a second read, and nothing inherited is ever taken for a term.
  const snapshot: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(raw)) snapshot[key] = raw[key];
  const input = snapshot;
  const c = new Collector();
  const p = readTerms(c, input, dates);
  const given = (key: TermKey) => Object.prototype.hasOwnProperty.call(input, key) && !isBlank(input[key]);

  const creditMethod: CreditMethod = p.creditMethod ?? "straight-line";
  let creditMonths: number | undefined;
  let creditPercent: Decimal | undefined;
  if (creditMethod === "straight-line" && given("creditMonths")) {
    creditMonths = readNumberTerm(c, TERM_SPECS.creditMonths, input.creditMonths)?.toNumber();
  }
  if (creditMethod === "percent-of-fee" && given("creditPercent")) {
    creditPercent = readNumberTerm(c, TERM_SPECS.creditPercent, input.creditPercent);
  }

  for (const key of ["ratePerKWMonth", "termMonths"] as const) {
    if (!given(key)) c.value(key, `${key} is required: ${TERM_SPECS[key].expected}`);
  }
  if (!given("tranches")) {
    if (!given("capacityMW")) c.value("capacityMW", "capacityMW is required (or give tranches): a number of MW > 0");
    if (!given("startDate")) c.value("startDate", "startDate is required (or give tranches): a date");
  }
  if (creditMethod === "percent-of-fee" && !given("creditPercent")) {
    c.value(
      "creditPercent",
      'creditPercent is required when creditMethod is "percent-of-fee": a fraction > 0 and <= 1 (0.5 = 50 %)',
    );
  }

  let tranches = p.tranches;
  if (tranches) {
    const total = sum(tranches.map((t) => t.mw));
    if (p.capacityMW && !p.capacityMW.equals(total)) {
      c.value(
        "capacityMW",
        `capacityMW must equal the sum of the tranches (${total.toString()} MW) or be left blank, got ${p.capacityMW.toString()}`,
      );
    }
    if (total.greaterThan(100_000))
      c.num("tranches", `tranches must add up to at most 100,000 MW, got ${total.toString()}`);
    if (p.startDate && compareDates(p.startDate, tranches[0].date) !== 0) {
      c.value(
        "startDate",
        `startDate must equal the earliest tranche date (${formatIsoDate(tranches[0].date)}) or be left blank, got ${formatIsoDate(p.startDate)}`,
      );
    }
  } else if (p.capacityMW && p.startDate) {
    tranches = [Object.freeze({ date: p.startDate, mw: p.capacityMW })];
  }

  const renewalOptions = p.renewalOptions ?? 0;
  const renewalMonths = p.renewalMonths ?? 60;
  const renewalsExercised = p.renewalsExercised ?? 0;
  if (renewalsExercised > renewalOptions) {
    c.num(
      "renewalsExercised",
      `renewalsExercised must be a whole number from 0 to renewalOptions (${renewalOptions}), got ${renewalsExercised}`,
    );
  }

  if (tranches && p.termMonths !== undefined) {
    const first = monthIndex(tranches[0].date);
    const lastStart = Math.max(...tranches.map((t) => monthIndex(t.date)));
    // The last billing month, exercised renewals included (analysis.md §10).
    const last = lastStart + p.termMonths + renewalsExercised * renewalMonths - 1;
    const lastText = formatIsoDate(monthStart(last)).slice(0, 7);
    const prepayment = p.prepayment ?? ZERO;
    const prepaymentDate = p.prepaymentDate ?? tranches[0].date;
    if (p.prepaymentDate && monthIndex(p.prepaymentDate) > last) {
      c.num(
        "prepaymentDate",
        `prepaymentDate must be a date not after the last billing month (${lastText}), got ${formatIsoDate(p.prepaymentDate)}`,
      );
    }
    let start = prepayment.isZero() ? first : Math.min(first, monthIndex(prepaymentDate));
    (p.capex ?? []).forEach((item, i) => {
      const m = monthIndex(item.date);
      if (m > last) {
        c.num(
          `capex[${i}].date`,
          `capex[${i}].date must be a date not after the last billing month (${lastText}), got ${formatIsoDate(item.date)}`,
        );
      }
      if (item.amount.greaterThan(0)) start = Math.min(start, m);
    });
    // The longest schedule any request can build: every renewal option exercised.
    const longest = lastStart + p.termMonths + Math.max(renewalOptions, renewalsExercised) * renewalMonths - 1;
    if (longest - start + 1 > LIMITS.maxScheduleMonths) {
      c.num(
        "tranches",
        `the schedule must span at most ${LIMITS.maxScheduleMonths} months (every renewal option included), got ${longest - start + 1}: tranches, renewals, the prepayment date or capex dates are too far apart`,
      );
    }
  }

  if (c.problems.length === 0 && tranches && p.ratePerKWMonth && p.termMonths !== undefined) {
    const escalator = p.escalator ?? ZERO;
    const step = p.renewalRateStep ?? ZERO;
    const months = p.termMonths + renewalOptions * renewalMonths;
    const peak = peakMonthlyFee(sum(tranches.map((t) => t.mw)), p.ratePerKWMonth, escalator, months).times(
      step.greaterThan(0) ? step.plus(1).pow(renewalOptions) : 1,
    );
    if (peak.greaterThan(LIMITS.maxMonthlyFee)) {
      const term = escalator.greaterThan(0) ? "escalator" : step.greaterThan(0) ? "renewalRateStep" : "ratePerKWMonth";
      c.num(
        term,
        `${term} is too large: the deal's largest monthly fee (capacity × rate${escalator.greaterThan(0) ? " × escalation" : ""}${step.greaterThan(0) ? " × renewal steps" : ""}) must be at most $${LIMITS.maxMonthlyFee.toLocaleString("en-US")} (a limit of this add-in, so that every line stays exact to the cent in Excel), got about $${peak.toSignificantDigits(3).toNumber().toExponential(2)}`,
      );
    }
  }

  if (c.problems.length > 0 || !tranches || p.ratePerKWMonth === undefined || p.termMonths === undefined) {
    // Every path above that leaves a term unread records why; this is a last guard, never silence.
    if (c.problems.length === 0) c.value("deal", "the deal could not be read: a term changed while it was being read");
    return fail(c.problems);
  }
  const startDate = tranches[0].date;
  const terms: Terms = {
    name: p.name ?? "",
    host: p.host ?? "",
    tenant: p.tenant ?? "",
    capacityMW: sum(tranches.map((t) => t.mw)),
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
    capex: Object.freeze([...(p.capex ?? [])]),
    renewalOptions,
    renewalMonths,
    renewalRateStep: p.renewalRateStep ?? ZERO,
    renewalsExercised,
    mining: p.mining ? resolveMining(p.mining, sum(tranches.map((t) => t.mw))) : null,
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
    return fail([{ term: label, message: `${label} is not a numeric term`, kind: "value" }]);
  }
  const c = new Collector();
  const value = isBlank(raw) ? undefined : readNumberTerm(c, spec, raw, label);
  if (value === undefined) {
    if (c.problems.length === 0) c.value(label, `${label} is required: ${spec.expected}`);
    return fail(c.problems);
  }
  return ok(value);
}
