/**
 * The terms of a deal's optional `mining` block (analysis.md §8): the
 * alternative use of the same site, mining bitcoin with the host's own fleet.
 * Declared once, in the style of the deal's terms table (terms.ts):
 * validation (miningValidate.ts), the pane's form, the sheet's labels and the
 * function help all read this table.
 */
import type { CalendarDate } from "./dates";
import type { Decimal } from "./decimal";
import type { TermUnit } from "./terms";

/** The unit of a mining term: the deal's units, plus the two of the mining world. */
export type MiningTermUnit = TermUnit | "hashprice" | "efficiency" | "kwh" | "dates";

interface MiningTermSpecBase {
  readonly key: string;
  readonly label: string;
  readonly kind: "decimal" | "dates";
  readonly unit: MiningTermUnit;
  /** Whether the block must give it (no default). */
  readonly required: boolean;
  /** What a valid value is, as a message fragment: "`mining.key` must be …". */
  readonly expected: string;
  /** One line for a user: what the term means, and its default. */
  readonly help: string;
  readonly min?: { readonly value: number; readonly inclusive: boolean };
  readonly max?: { readonly value: number; readonly inclusive: boolean; readonly limit?: boolean };
}

/** The default halvings: 10 minutes a block from block 840,000 on 2024-04-20, every 210,000 blocks. */
export const DEFAULT_HALVING_DATES: readonly string[] = Object.freeze(["2028-04-17", "2032-04-14", "2036-04-11"]);

/**
 * Site power defaults to this multiple of the deal's capacity (critical IT
 * MW): an assumption (a site's gross power is about 1.25–1.45× its critical
 * IT load), to be stated wherever the default shows.
 */
export const DEFAULT_SITE_POWER_FACTOR = 1.3;

/** Stated wherever the default site power shows (sheet, pane, docs). */
export const SITE_POWER_ASSUMPTION =
  "Site power defaults to 1.3 × the deal's capacity (critical IT MW): an assumption, since a site's gross power is about 1.25–1.45× its critical IT load.";

const MINING_TERM_TABLE = [
  {
    key: "hashprice",
    label: "Hashprice ($/PH/s/day)",
    kind: "decimal",
    unit: "hashprice",
    required: true,
    expected: "a hashprice in USD per PH/s per day > 0",
    help: "What a PH/s of hashrate earns a day (USD) at the first month of the schedule, before the pool fee.",
    min: { value: 0, inclusive: false },
    max: { value: 1e9, inclusive: true, limit: true },
  },
  {
    key: "efficiencyJPerTH",
    label: "Fleet efficiency (J/TH)",
    kind: "decimal",
    unit: "efficiency",
    required: true,
    expected: "an efficiency in J/TH > 0",
    help: "Joules the fleet spends per terahash (e.g. 23.6 J/TH): lower is better.",
    min: { value: 0, inclusive: false },
    max: { value: 1e9, inclusive: true, limit: true },
  },
  {
    key: "powerCostPerKWh",
    label: "Power cost ($/kWh)",
    kind: "decimal",
    unit: "kwh",
    required: true,
    expected: "a power cost in $/kWh >= 0",
    help: "What the site pays for a kWh of power when it mines (when it hosts, power is passed through).",
    min: { value: 0, inclusive: true },
    max: { value: 1e6, inclusive: true, limit: true },
  },
  {
    key: "sitePowerMW",
    label: "Site power (MW)",
    kind: "decimal",
    unit: "mw",
    required: false,
    expected: "a number of MW > 0",
    help: "Gross power the fleet draws at full load. Default: 1.3 × the deal's capacity (an assumption).",
    min: { value: 0, inclusive: false },
    max: { value: 1_000_000, inclusive: true, limit: true },
  },
  {
    key: "uptime",
    label: "Uptime",
    kind: "decimal",
    unit: "percent",
    required: false,
    expected: "a fraction > 0 and <= 1 (0.95 = 95 %)",
    help: "Share of the time the fleet runs; scales hashrate and power. Default 1.",
    min: { value: 0, inclusive: false },
    max: { value: 1, inclusive: true },
  },
  {
    key: "poolFee",
    label: "Pool fee",
    kind: "decimal",
    unit: "percent",
    required: false,
    expected: "a fraction >= 0 and < 1 (0.02 = 2 %)",
    help: "The mining pool's share of revenue. Default 0.",
    min: { value: 0, inclusive: true },
    max: { value: 1, inclusive: false },
  },
  {
    key: "feeShare",
    label: "Transaction-fee share of hashprice",
    kind: "decimal",
    unit: "percent",
    required: false,
    expected: "a fraction >= 0 and <= 1 (0.1 = 10 %)",
    help: "Share of hashprice from transaction fees, which a halving does not cut. Default 0.",
    min: { value: 0, inclusive: true },
    max: { value: 1, inclusive: true },
  },
  {
    key: "hashpriceGrowth",
    label: "Hashprice growth (annual)",
    kind: "decimal",
    unit: "percent",
    required: false,
    expected: "an annual fraction > -1 (-0.1 = -10 % a year)",
    help: "Yearly change of hashprice apart from halvings, compounded monthly as (1 + g)^(m/12). Default 0.",
    min: { value: -1, inclusive: false },
    max: { value: 10, inclusive: true, limit: true },
  },
  {
    key: "halvingDates",
    label: "Halving dates",
    kind: "dates",
    unit: "dates",
    required: false,
    expected: "a list of distinct dates as YYYY-MM-DD ([] for none)",
    help: "Each halves the block-subsidy part of hashprice from the first month after it (from its own month when on the 1st). Default 2028-04-17, 2032-04-14, 2036-04-11.",
  },
  {
    key: "miningOpexPerMWMonth",
    label: "Mining opex ($/MW-month)",
    kind: "decimal",
    unit: "usd",
    required: false,
    expected: "an amount in $/MW-month >= 0",
    help: "The fleet's other operating costs per MW of site power a month (not scaled by uptime or days). Default 0.",
    min: { value: 0, inclusive: true },
    max: { value: 1e13, inclusive: true, limit: true },
  },
] as const satisfies readonly MiningTermSpecBase[];

export type MiningTermKey = (typeof MINING_TERM_TABLE)[number]["key"];

export type MiningTermSpec = Omit<MiningTermSpecBase, "key"> & { readonly key: MiningTermKey };

/** The mining terms, in the spec's order. */
export const MINING_TERMS: readonly MiningTermSpec[] = Object.freeze(MINING_TERM_TABLE);

export const MINING_TERM_SPECS: Readonly<Record<MiningTermKey, MiningTermSpec>> = Object.freeze(
  Object.fromEntries(MINING_TERM_TABLE.map((t) => [t.key, t])) as Record<MiningTermKey, MiningTermSpec>,
);

/** Whether a string names a mining term (own keys only). */
export function isMiningTermKey(key: string): key is MiningTermKey {
  return Object.prototype.hasOwnProperty.call(MINING_TERM_SPECS, key);
}

/** The mining terms given as one number each (all but the halving dates). */
export type MiningNumberKey = Exclude<MiningTermKey, "halvingDates">;

/** Validated mining terms, every default applied (site power resolved against the deal's capacity). */
export interface MiningTerms {
  readonly hashprice: Decimal;
  readonly efficiencyJPerTH: Decimal;
  readonly powerCostPerKWh: Decimal;
  readonly sitePowerMW: Decimal;
  /** True when sitePowerMW is the default 1.3 × capacity (an assumption to state). */
  readonly sitePowerDefault: boolean;
  readonly uptime: Decimal;
  readonly poolFee: Decimal;
  readonly feeShare: Decimal;
  readonly hashpriceGrowth: Decimal;
  /** Sorted, distinct. */
  readonly halvingDates: readonly CalendarDate[];
  readonly miningOpexPerMWMonth: Decimal;
}
