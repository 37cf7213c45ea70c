import type { CalendarDate } from "./dates";
import type { Decimal } from "./decimal";
import type { MiningNumberKey, MiningTerms } from "./miningTerms";

export type CreditMethod = "straight-line" | "percent-of-fee";
export const CREDIT_METHODS: readonly CreditMethod[] = ["straight-line", "percent-of-fee"];

export type TermKind = "text" | "decimal" | "integer" | "cents" | "date" | "choice" | "tranches" | "capex" | "mining";

/** How a term is shown: drives number formats in the sheet and the pane. */
export type TermUnit = "text" | "mw" | "rate" | "months" | "count" | "date" | "usd" | "percent" | "choice" | "table";

/** The shape of a row of the terms table: the single description of a term that validation, the pane's form, the sheet plan and the function help all read. */
interface TermSpecBase {
  readonly key: string;
  readonly label: string;
  readonly kind: TermKind;
  readonly unit: TermUnit;
  /** What a valid value is, as a message fragment: "`key` must be …". */
  readonly expected: string;
  /** One line for a user: what the term means. */
  readonly help: string;
  /** Lower bound and whether it is included. */
  readonly min?: { readonly value: number; readonly inclusive: boolean };
  /** Upper bound and whether it is included. */
  readonly max?: { readonly value: number; readonly inclusive: boolean; readonly limit?: boolean };
  /** A `choice` term's values (its type in a deal file). */
  readonly choices?: readonly string[];
}

/** The product's own bounds (see limits.ts), beyond the spec's ranges. */
const MAX_MONEY = { value: 1e13, inclusive: true, limit: true } as const;

/** The terms of a deal, in the spec's order. */
const TERM_TABLE = [
  { key: "name", label: "Deal", kind: "text", unit: "text", expected: "text", help: "A name for the deal." },
  {
    key: "host",
    label: "Host",
    kind: "text",
    unit: "text",
    expected: "text",
    help: "The site owner who leases the capacity (e.g. Core Scientific).",
  },
  {
    key: "tenant",
    label: "Tenant",
    kind: "text",
    unit: "text",
    expected: "text",
    help: "The customer who leases the capacity (e.g. CoreWeave).",
  },
  {
    key: "capacityMW",
    label: "Capacity (MW)",
    kind: "decimal",
    unit: "mw",
    expected: "a number of MW > 0",
    help: "Critical IT capacity leased, in MW. With tranches, it must equal their sum (or be left blank).",
    min: { value: 0, inclusive: false },
    max: { value: 100_000, inclusive: true, limit: true },
  },
  {
    key: "ratePerKWMonth",
    label: "Rate ($/kW-month)",
    kind: "decimal",
    unit: "rate",
    expected: "a rate in $/kW-month >= 0",
    help: "Hosting fee in dollars per kW of critical IT capacity per month, before escalation.",
    min: { value: 0, inclusive: true },
    max: { value: 1_000_000, inclusive: true, limit: true },
  },
  {
    key: "termMonths",
    label: "Term (months)",
    kind: "integer",
    unit: "months",
    expected: "a whole number of months >= 1",
    help: "Length of each tranche's lease in months (12 years = 144).",
    min: { value: 1, inclusive: true },
    max: { value: 1200, inclusive: true, limit: true },
  },
  {
    key: "startDate",
    label: "Start date",
    kind: "date",
    unit: "date",
    expected: "a date",
    help: "When billing starts. With tranches, it must be the earliest tranche date (or be left blank).",
  },
  {
    key: "escalator",
    label: "Annual escalator",
    kind: "decimal",
    unit: "percent",
    expected: "a fraction > -1 (0.03 = 3 %)",
    help: "Yearly rate increase on each tranche's anniversary, as a fraction (3 % = 0.03).",
    min: { value: -1, inclusive: false },
    max: { value: 10, inclusive: true, limit: true },
  },
  {
    key: "prepayment",
    label: "Prepayment ($)",
    kind: "cents",
    unit: "usd",
    expected: "an amount in whole cents >= 0",
    help: "Paid by the tenant to the host up front, recouped as credits against the monthly fees.",
    min: { value: 0, inclusive: true },
    max: MAX_MONEY,
  },
  {
    key: "prepaymentDate",
    label: "Prepayment date",
    kind: "date",
    unit: "date",
    expected: "a date not after the last billing month",
    help: "When the prepayment is received; credits start in its month. Defaults to the start date.",
  },
  {
    key: "creditMethod",
    label: "Credit method",
    kind: "choice",
    unit: "choice",
    expected: '"straight-line" or "percent-of-fee"',
    help: "straight-line: equal credits over the credit months; percent-of-fee: a share of each month's fee.",
    choices: CREDIT_METHODS,
  },
  {
    key: "creditMonths",
    label: "Credit months",
    kind: "integer",
    unit: "months",
    expected: "a whole number of months >= 1",
    help: "Straight-line only: the number of billing months the prepayment is spread over. Defaults to the term.",
    min: { value: 1, inclusive: true },
    max: { value: 2400, inclusive: true, limit: true },
  },
  {
    key: "creditPercent",
    label: "Credit % of fee",
    kind: "decimal",
    unit: "percent",
    expected: "a fraction > 0 and <= 1 (0.5 = 50 %)",
    help: "Percent-of-fee only: the share of each month's gross fee credited back to the tenant.",
    min: { value: 0, inclusive: false },
    max: { value: 1, inclusive: true },
  },
  {
    key: "opexPerMWMonth",
    label: "Opex ($/MW-month)",
    kind: "decimal",
    unit: "usd",
    expected: "an amount in $/MW-month >= 0",
    help: "The host's operating cost per billed MW per month (power is passed through and not included).",
    min: { value: 0, inclusive: true },
    max: MAX_MONEY,
  },
  {
    key: "discountRate",
    label: "Discount rate",
    kind: "decimal",
    unit: "percent",
    expected: "an annual fraction > -1 (0.1 = 10 %)",
    help: "Annual rate for the NPV of the net cash flows (Excel's XNPV convention).",
    min: { value: -1, inclusive: false },
    max: { value: 10, inclusive: true, limit: true },
  },
  {
    key: "tranches",
    label: "Tranches table",
    kind: "tranches",
    unit: "table",
    expected: "a list of {date, mw}",
    help: "The ramp: each tranche bills its MW for the full term from the month of its date.",
  },
  {
    key: "capex",
    label: "Capex table",
    kind: "capex",
    unit: "table",
    expected: "a list of {date, amount}",
    help: "The host's spending on the site, by date (whoever funds it): amounts in one month add up.",
  },
  {
    key: "renewalOptions",
    label: "Renewal options",
    kind: "integer",
    unit: "count",
    expected: "a whole number of options >= 0",
    help: "How many renewal options the contract carries (e.g. 2 five-year options).",
    min: { value: 0, inclusive: true },
    max: { value: 20, inclusive: true, limit: true },
  },
  {
    key: "renewalMonths",
    label: "Renewal months",
    kind: "integer",
    unit: "months",
    expected: "a whole number of months >= 1",
    help: "Length of each renewal in months (5 years = 60). Defaults to 60.",
    min: { value: 1, inclusive: true },
    max: { value: 1200, inclusive: true, limit: true },
  },
  {
    key: "renewalRateStep",
    label: "Renewal rate step",
    kind: "decimal",
    unit: "percent",
    expected: "a fraction > -1 (0.05 = +5 %)",
    help: "Change of the rate when each renewal begins, as a fraction; escalation keeps counting anniversaries.",
    min: { value: -1, inclusive: false },
    max: { value: 10, inclusive: true, limit: true },
  },
  {
    key: "renewalsExercised",
    label: "Renewals exercised",
    kind: "integer",
    unit: "count",
    expected: "a whole number from 0 to renewalOptions",
    help: "How many of the renewal options the model assumes the tenant exercises.",
    min: { value: 0, inclusive: true },
    max: { value: 20, inclusive: true, limit: true },
  },
  {
    key: "mining",
    label: "Mining comparison",
    kind: "mining",
    unit: "table",
    expected: "an object of mining terms {hashprice, efficiencyJPerTH, powerCostPerKWh, …}",
    help: "The alternative use of the site: mining bitcoin with the host's own fleet (analysis.md §8). Optional.",
  },
] as const satisfies readonly TermSpecBase[];

/** The terms of a deal, in the spec's order, then the analyst's extensions (analysis.md §9–§10). */
export const TERMS: readonly TermSpec[] = Object.freeze(TERM_TABLE);

/** An ISO `YYYY-MM-DD` date, as a deal file writes it. */
export type IsoDate = `${number}-${number}-${number}`;

/**
 * How a deal file writes a number and a date. Presets write JSON numbers and
 * ISO dates; `toDealFile` writes a decimal no JSON number holds exactly as
 * text, and dates as the text `formatIsoDate` gives.
 */
export interface JsonForms {
  readonly number: unknown;
  readonly date: unknown;
}
export type WrittenForms = { readonly number: number | string; readonly date: string };
export type PresetForms = { readonly number: number; readonly date: IsoDate };

/** The mining block of a deal file (miningTerms.ts's table): a number per term, the halving dates a list. */
export type MiningFileBlock<F extends JsonForms = WrittenForms> = { readonly [K in MiningNumberKey]?: F["number"] } & {
  readonly halvingDates?: readonly F["date"][];
};

/** A term's value in a deal file, by its kind (a `choice` term: one of its choices). */
interface JsonByKind<F extends JsonForms> {
  readonly text: string;
  readonly decimal: F["number"];
  readonly integer: F["number"];
  readonly cents: F["number"];
  readonly date: F["date"];
  readonly choice: string;
  readonly tranches: readonly { readonly date: F["date"]; readonly mw: F["number"] }[];
  readonly capex: readonly { readonly date: F["date"]; readonly amount: F["number"] }[];
  readonly mining: MiningFileBlock<F>;
}

type TermRow = (typeof TERM_TABLE)[number];
type JsonOf<T extends TermRow, F extends JsonForms> = T extends { readonly choices: readonly (infer C)[] }
  ? C
  : JsonByKind<F>[T["kind"]];

/**
 * A deal file, typed from the terms table: every key a term's, each optional,
 * each value of its term's kind. The one deal-file type: the presets' deals
 * (`DealFileTerms<PresetForms>`) and what `toDealFile` writes are both this.
 * (Deal-file input still to validate is `unknown`-valued: see dealFile.ts's `DealFile`.)
 */
export type DealFileTerms<F extends JsonForms = WrittenForms> = {
  readonly [T in TermRow as T["key"]]?: JsonOf<T, F>;
};

/** Every term's key, derived from the table: a new row is a new key. */
export type TermKey = (typeof TERM_TABLE)[number]["key"];

/** One row of the terms table (see TERM_TABLE). */
export type TermSpec = Omit<TermSpecBase, "key"> & { readonly key: TermKey };

/** The terms given as tables (lists of rows, or the mining block's own table) rather than one value. */
export type TableTermKey = Extract<(typeof TERM_TABLE)[number], { kind: "tranches" | "capex" | "mining" }>["key"];
export type ScalarTermKey = Exclude<TermKey, TableTermKey>;

export function isTableTerm(key: TermKey): key is TableTermKey {
  return key === "tranches" || key === "capex" || key === "mining";
}

/** The terms that hold one value each (the terms block of a sheet, the fields of the pane's form). */
export const SCALAR_TERMS: readonly (TermSpec & { readonly key: ScalarTermKey })[] = Object.freeze(
  TERM_TABLE.filter((t): t is Extract<(typeof TERM_TABLE)[number], { key: ScalarTermKey }> => !isTableTerm(t.key)),
);

/** Every term by key: total over TermKey, so a lookup needs no fallback. */
export const TERM_SPECS: Readonly<Record<TermKey, TermSpec>> = Object.freeze(
  Object.fromEntries(TERM_TABLE.map((t) => [t.key, t])) as Record<TermKey, TermSpec>,
);

export const TERM_BY_KEY: ReadonlyMap<TermKey, TermSpec> = new Map(TERM_TABLE.map((t) => [t.key, t]));

/** Whether a string names a term (own keys only: "__proto__" or "toString" never do). */
export function isTermKey(key: string): key is TermKey {
  return Object.prototype.hasOwnProperty.call(TERM_SPECS, key);
}

export interface Tranche {
  readonly date: CalendarDate;
  readonly mw: Decimal;
}

/** One dated capex amount (whole cents, >= 0). */
export interface CapexItem {
  readonly date: CalendarDate;
  readonly amount: Decimal;
}

/**
 * Validated, normalized, immutable terms: every default applied. Only
 * `validateDeal` makes these; everything downstream trusts them.
 */
export interface Terms {
  readonly name: string;
  readonly host: string;
  readonly tenant: string;
  /** The sum of the tranches. */
  readonly capacityMW: Decimal;
  readonly ratePerKWMonth: Decimal;
  readonly termMonths: number;
  /** The earliest tranche date. */
  readonly startDate: CalendarDate;
  readonly escalator: Decimal;
  readonly prepayment: Decimal;
  readonly prepaymentDate: CalendarDate;
  readonly creditMethod: CreditMethod;
  /** Straight-line only (defaults to termMonths); null under percent-of-fee. */
  readonly creditMonths: number | null;
  /** Percent-of-fee only; null under straight-line. */
  readonly creditPercent: Decimal | null;
  readonly opexPerMWMonth: Decimal;
  readonly discountRate: Decimal | null;
  /** Sorted by date; at least one. */
  readonly tranches: readonly Tranche[];
  /** Sorted by date; possibly empty. */
  readonly capex: readonly CapexItem[];
  readonly renewalOptions: number;
  readonly renewalMonths: number;
  readonly renewalRateStep: Decimal;
  readonly renewalsExercised: number;
  /** The mining alternative (analysis.md §8), or null when the deal has no mining block. */
  readonly mining: MiningTerms | null;
}

/** Months each tranche bills: the term plus the renewals exercised (analysis.md §10). */
export function billingMonths(terms: Pick<Terms, "termMonths" | "renewalsExercised" | "renewalMonths">): number {
  return terms.termMonths + terms.renewalsExercised * terms.renewalMonths;
}

/** Labels compare case-insensitively, ignoring spaces and punctuation ("Capacity (MW)" = "capacity mw" = "capacityMW"). */
export function foldLabel(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

const KEY_BY_FOLDED: ReadonlyMap<string, TermKey> = new Map(
  TERM_TABLE.flatMap((t) => [
    [foldLabel(t.key), t.key],
    [foldLabel(t.label), t.key],
  ]),
);

/** The term a key or sheet label names (case, spaces and punctuation ignored), or undefined. */
export function termForLabel(label: string): TermKey | undefined {
  return KEY_BY_FOLDED.get(foldLabel(label));
}
