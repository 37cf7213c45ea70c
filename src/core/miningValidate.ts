/**
 * Checks a deal's `mining` block (analysis.md §8) against the mining terms
 * table. Every problem names its term by path (`mining.uptime`,
 * `mining.halvingDates[1]`) and says what was expected; all are collected at
 * once. Never throws.
 */
import { compareDates, formatIsoDate, parseIsoDate, type CalendarDate } from "./dates";
import { Decimal, ONE, ZERO } from "./decimal";
import type { Problem } from "./errors";
import {
  DEFAULT_HALVING_DATES,
  DEFAULT_SITE_POWER_FACTOR,
  MINING_TERMS,
  MINING_TERM_SPECS,
  isMiningTermKey,
  type MiningNumberKey,
  type MiningTermSpec,
  type MiningTerms,
} from "./miningTerms";
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

/** Halving dates one block may list (a limit of this add-in: one every four years for four centuries). */
export const MAX_HALVING_DATES = 100;

const DEFAULT_HALVINGS: readonly CalendarDate[] = Object.freeze(
  DEFAULT_HALVING_DATES.map((iso) => parseIsoDate(iso) as CalendarDate),
);

/** The mining block read on its own: every number and date checked; site power still unresolved. */
export interface MiningInput {
  readonly values: Partial<Record<MiningNumberKey, Decimal>>;
  readonly halvingDates: readonly CalendarDate[];
}

function isPlainRecord(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === "object" && raw !== null && !Array.isArray(raw);
}

function expectedMessage(term: string, spec: MiningTermSpec, raw: unknown): string {
  return `${term} must be ${spec.expected}, got ${show(raw)}`;
}

function readNumber(problems: Problem[], spec: MiningTermSpec, raw: unknown): Decimal | undefined {
  const term = `mining.${spec.key}`;
  const value = readDecimal(raw, spec.unit === "percent");
  if (value === undefined) {
    problems.push({ term, message: expectedMessage(term, spec, raw), kind: "value" });
    return undefined;
  }
  if (tooManyDigits(value)) {
    problems.push({
      term,
      message: `${term} must be a number with at most ${MAX_SIGNIFICANT_DIGITS} significant digits and ${MAX_DECIMAL_PLACES} decimal places (a limit of this add-in), got ${show(raw)}`,
      kind: "num",
    });
    return undefined;
  }
  const { min, max } = spec;
  if (min && (min.inclusive ? value.lessThan(min.value) : value.lessThanOrEqualTo(min.value))) {
    problems.push({ term, message: expectedMessage(term, spec, raw), kind: "num" });
    return undefined;
  }
  if (max && (max.inclusive ? value.greaterThan(max.value) : value.greaterThanOrEqualTo(max.value))) {
    problems.push({
      term,
      message: max.limit
        ? `${term} must be at most ${max.value.toLocaleString("en-US")} (a limit of this add-in), got ${show(raw)}`
        : expectedMessage(term, spec, raw),
      kind: "num",
    });
    return undefined;
  }
  return value;
}

function readHalvingDates(problems: Problem[], raw: unknown, dates: DateInput): CalendarDate[] | undefined {
  const term = "mining.halvingDates";
  const spec = MINING_TERM_SPECS.halvingDates;
  if (!Array.isArray(raw)) {
    problems.push({ term, message: expectedMessage(term, spec, raw), kind: "value" });
    return undefined;
  }
  if (raw.length > MAX_HALVING_DATES) {
    problems.push({
      term,
      message: `${term} must hold at most ${MAX_HALVING_DATES} dates (a limit of this add-in), got ${raw.length}`,
      kind: "num",
    });
    return undefined;
  }
  const out: CalendarDate[] = [];
  const seen = new Map<string, number>();
  let okAll = true;
  raw.forEach((item: unknown, i) => {
    const where = `${term}[${i}]`;
    const date = readDate(item, dates);
    if (date === undefined) {
      const what = dates === "excel" ? "a date (an Excel date or YYYY-MM-DD text)" : "a date as YYYY-MM-DD";
      problems.push({ term: where, message: `${where} must be ${what}, got ${show(item)}`, kind: "value" });
      okAll = false;
      return;
    }
    const iso = formatIsoDate(date);
    const earlier = seen.get(iso);
    if (earlier !== undefined) {
      problems.push({
        term: where,
        message: `${term} must be a list of distinct dates: ${iso} is given twice (items ${earlier} and ${i})`,
        kind: "value",
      });
      okAll = false;
      return;
    }
    seen.set(iso, i);
    out.push(date);
  });
  return okAll ? out.sort(compareDates) : undefined;
}

/**
 * Reads the raw `mining` block: an object of the mining terms, unknown keys
 * refused, required ones present. Returns the values read (site power not
 * yet defaulted), or undefined with the problems pushed.
 */
export function readMiningBlock(problems: Problem[], raw: unknown, dates: DateInput): MiningInput | undefined {
  if (!isPlainRecord(raw)) {
    problems.push({
      term: "mining",
      message: `mining must be an object of mining terms (${MINING_TERMS.map((t) => t.key).join(", ")}), got ${show(raw)}`,
      kind: "value",
    });
    return undefined;
  }
  const before = problems.length;
  const values: Partial<Record<MiningNumberKey, Decimal>> = {};
  let halvingDates: readonly CalendarDate[] = DEFAULT_HALVINGS;
  for (const key of Object.keys(raw)) {
    if (!isMiningTermKey(key)) {
      problems.push({
        term: `mining.${key}`,
        message: `mining.${key} is not a mining term: the mining terms are ${MINING_TERMS.map((t) => t.key).join(", ")}`,
        kind: "value",
      });
      continue;
    }
    const value = raw[key];
    if (isBlank(value)) continue;
    if (key === "halvingDates") {
      const read = readHalvingDates(problems, value, dates);
      if (read) halvingDates = read;
    } else {
      const read = readNumber(problems, MINING_TERM_SPECS[key], value);
      if (read) values[key] = read;
    }
  }
  for (const spec of MINING_TERMS) {
    if (spec.required && isBlank(raw[spec.key])) {
      problems.push({
        term: `mining.${spec.key}`,
        message: `mining.${spec.key} is required: ${spec.expected}`,
        kind: "value",
      });
    }
  }
  return problems.length === before ? { values, halvingDates } : undefined;
}

/** The mining terms with every default applied; site power defaults to 1.3 × the deal's capacity. */
export function resolveMining(input: MiningInput, capacityMW: Decimal): MiningTerms {
  const v = input.values;
  const sitePowerDefault = v.sitePowerMW === undefined;
  return Object.freeze({
    hashprice: v.hashprice as Decimal,
    efficiencyJPerTH: v.efficiencyJPerTH as Decimal,
    powerCostPerKWh: v.powerCostPerKWh as Decimal,
    sitePowerMW: v.sitePowerMW ?? capacityMW.times(new Decimal(DEFAULT_SITE_POWER_FACTOR)),
    sitePowerDefault,
    uptime: v.uptime ?? ONE,
    poolFee: v.poolFee ?? ZERO,
    feeShare: v.feeShare ?? ZERO,
    hashpriceGrowth: v.hashpriceGrowth ?? ZERO,
    halvingDates: Object.freeze([...input.halvingDates]),
    miningOpexPerMWMonth: v.miningOpexPerMWMonth ?? ZERO,
  });
}
