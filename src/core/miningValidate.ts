/**
 * Checks a deal's `mining` block (analysis.md §8) against the mining terms
 * table. Every problem names its term by path (`mining.uptime`,
 * `mining.halvingDates[1]`) and says what was expected; all are collected at
 * once. Never throws.
 */
import { compareDates, formatIsoDate, parseIsoDate, type CalendarDate } from "./dates";
import { Decimal, ONE, ZERO } from "./decimal";
import type { Problem } from "./errors";
import { LIMITS } from "./limits";
import { Collector, readDateTerm, readNumberTerm } from "./validate";
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
import { isBlank, show, type DateInput } from "./values";

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

/** Each number term's spec as readNumberTerm takes it (made once, not per read). */
type NumberSpec = Omit<MiningTermSpec, "kind"> & { readonly kind: "decimal" };
const NUMBER_SPECS: ReadonlyMap<string, NumberSpec> = new Map(
  MINING_TERMS.map((spec) => [spec.key, { ...spec, kind: "decimal" as const }]),
);

function readNumber(c: Collector, spec: MiningTermSpec, raw: unknown): Decimal | undefined {
  return readNumberTerm(c, NUMBER_SPECS.get(spec.key) ?? { ...spec, kind: "decimal" }, raw, ["mining", spec.key]);
}

/** The keys, for the messages that list them. */
const KEYS = MINING_TERMS.map((t) => t.key).join(", ");

function readHalvingDates(c: Collector, raw: unknown, dates: DateInput): CalendarDate[] | undefined {
  const path = ["mining", "halvingDates"];
  const spec = MINING_TERM_SPECS.halvingDates;
  if (!Array.isArray(raw)) {
    c.expected("value", path, spec, raw);
    return undefined;
  }
  if (raw.length > LIMITS.maxHalvingDates) {
    c.num("too-many", path, {
      max: LIMITS.maxHalvingDates,
      items: "dates (a limit of this add-in)",
      count: raw.length,
    });
    return undefined;
  }
  const out: CalendarDate[] = [];
  const seen = new Map<string, number>();
  let okAll = true;
  raw.forEach((item: unknown, i) => {
    const date = readDateTerm(c, [...path, i], item, dates);
    if (date === undefined) {
      okAll = false;
      return;
    }
    const iso = formatIsoDate(date);
    const earlier = seen.get(iso);
    if (earlier !== undefined) {
      c.value("duplicate-date", [...path, i], { date: iso, first: earlier, second: i });
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
  const c = new Collector();
  const keys = KEYS;
  if (!isPlainRecord(raw)) {
    c.value("not-a-block", ["mining"], { what: "mining terms", keys, got: show(raw) });
    problems.push(...c.problems);
    return undefined;
  }
  const values: Partial<Record<MiningNumberKey, Decimal>> = {};
  let halvingDates: readonly CalendarDate[] = DEFAULT_HALVINGS;
  for (const key of Object.keys(raw)) {
    if (!isMiningTermKey(key)) {
      c.value("unknown-block-term", ["mining", key], { what: "mining term", keys });
      continue;
    }
    const value = raw[key];
    if (isBlank(value)) continue;
    if (key === "halvingDates") {
      const read = readHalvingDates(c, value, dates);
      if (read) halvingDates = read;
    } else {
      const read = readNumber(c, MINING_TERM_SPECS[key], value);
      if (read) values[key] = read;
    }
  }
  for (const spec of MINING_TERMS) {
    if (spec.required && isBlank(raw[spec.key])) c.value("required", ["mining", spec.key], { expected: spec.expected });
  }
  problems.push(...c.problems);
  return c.problems.length === 0 ? { values, halvingDates } : undefined;
}

const SITE_POWER_FACTOR = new Decimal(DEFAULT_SITE_POWER_FACTOR);

/** The mining terms with every default applied; site power defaults to 1.3 × the deal's capacity. */
export function resolveMining(input: MiningInput, capacityMW: Decimal): MiningTerms {
  const v = input.values;
  const sitePowerDefault = v.sitePowerMW === undefined;
  return Object.freeze({
    hashprice: v.hashprice as Decimal,
    efficiencyJPerTH: v.efficiencyJPerTH as Decimal,
    powerCostPerKWh: v.powerCostPerKWh as Decimal,
    sitePowerMW: v.sitePowerMW ?? capacityMW.times(SITE_POWER_FACTOR),
    sitePowerDefault,
    uptime: v.uptime ?? ONE,
    poolFee: v.poolFee ?? ZERO,
    feeShare: v.feeShare ?? ZERO,
    hashpriceGrowth: v.hashpriceGrowth ?? ZERO,
    halvingDates: Object.freeze([...input.halvingDates]),
    miningOpexPerMWMonth: v.miningOpexPerMWMonth ?? ZERO,
  });
}
