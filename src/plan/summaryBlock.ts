import { SUMMARY_LABELS } from "../core";
import { FORMATS } from "./formats";

/** What the summary's formulas refer to. */
export interface SummaryContext {
  /** The terms name, e.g. "CWCoreSci_Terms". */
  readonly terms: string;
  /** The tranches name, or null when the sheet has no tranches table. */
  readonly tranches: string | null;
  /** The capacity, as a formula body: the capacity term's cell, or the sum of the tranches table's MW column. */
  readonly capacity: string;
}

export type SummaryKey =
  | "contractValue"
  | "averageAnnualRevenue"
  | "capacity"
  | "revenuePerMWYear"
  | "npv"
  | "prepaymentRemainingToday"
  | "totalCredits"
  | "uncreditedPrepayment"
  | "totalNetCash"
  | "firstMonth"
  | "lastMonth";

export interface SummaryRow {
  readonly key: SummaryKey;
  readonly label: string;
  readonly format: string;
  readonly note: (c: SummaryContext) => string;
  readonly formula: (c: SummaryContext) => string;
}

function args(c: SummaryContext, ...middle: string[]): string {
  return [c.terms, ...middle, ...(c.tranches ? [c.tranches] : [])].join(", ");
}

/** The row of each figure in HPC.DEALSUMMARY's result (1-based): the functions' own order of its labels. */
export const DEAL_SUMMARY_ROW: Readonly<Record<keyof typeof SUMMARY_LABELS, number>> = Object.freeze(
  Object.fromEntries(Object.keys(SUMMARY_LABELS).map((key, i) => [key, i + 1])) as Record<
    keyof typeof SUMMARY_LABELS,
    number
  >,
);

/**
 * A figure of HPC.DEALSUMMARY, picked by position. (A lookup by label reads
 * better, but VLOOKUP over a function's array result fails in HyperFormula;
 * the position comes from the functions' own label table, and the evaluation
 * test checks the label found there.)
 */
function fromDealSummary(key: keyof typeof SUMMARY_LABELS): (c: SummaryContext) => string {
  return (c) => `=INDEX(HPC.DEALSUMMARY(${args(c)}), ${DEAL_SUMMARY_ROW[key]}, 2)`;
}

/**
 * The summary block. Every money figure comes from an HPC function, so from
 * core, to the cent: the sheet does no arithmetic on money. The figures with
 * no function of their own are taken from HPC.DEALSUMMARY, which also keeps
 * the summary independent of the schedule's spill and its length.
 */
export const SUMMARY_ROWS: readonly SummaryRow[] = Object.freeze([
  {
    key: "contractValue",
    label: "Contract value",
    format: FORMATS.usd,
    note: () => "Σ of the monthly gross fees.",
    formula: (c) => `=HPC.CONTRACTVALUE(${args(c)})`,
  },
  {
    key: "averageAnnualRevenue",
    label: "Average annual revenue",
    format: FORMATS.usd,
    note: () => "Contract value × 12 ÷ term months.",
    formula: (c) => `=HPC.ANNUALREVENUE(${args(c)})`,
  },
  {
    key: "capacity",
    label: "Capacity (MW)",
    format: FORMATS.mw,
    note: (c) => (c.tranches ? "The sum of the tranches." : "The capacity term."),
    formula: (c) => `=${c.capacity}`,
  },
  {
    key: "revenuePerMWYear",
    label: "Revenue per MW-year",
    format: FORMATS.usd,
    note: () => "Average annual revenue ÷ capacity.",
    formula: fromDealSummary("revenuePerMWYear"),
  },
  {
    key: "npv",
    label: "NPV at the discount rate",
    format: FORMATS.usd,
    note: () => "XNPV of the net cash flows, from the first month, at the discount rate term.",
    // The rate argument is left out: the function takes the terms' discount rate.
    formula: (c) => `=HPC.DEALNPV(${c.tranches ? `${c.terms}, , ${c.tranches}` : c.terms})`,
  },
  {
    key: "prepaymentRemainingToday",
    label: "Prepayment remaining today",
    format: FORMATS.usd,
    note: () => "Prepayment not yet credited back to the tenant as of today.",
    formula: (c) => `=HPC.PREPAYREMAINING(${args(c, "TODAY()")})`,
  },
  {
    key: "totalCredits",
    label: "Total credits",
    format: FORMATS.usd,
    note: () => "Σ of the schedule's credits.",
    formula: fromDealSummary("totalCredits"),
  },
  {
    key: "uncreditedPrepayment",
    label: "Uncredited prepayment",
    format: FORMATS.usd,
    note: () => "Prepayment still not credited after the last month.",
    formula: fromDealSummary("uncreditedPrepayment"),
  },
  {
    key: "totalNetCash",
    label: "Total net cash",
    format: FORMATS.usd,
    note: () => "Σ of the schedule's net cash flows, the prepayment included.",
    formula: fromDealSummary("totalNetCash"),
  },
  {
    key: "firstMonth",
    label: "First month",
    format: FORMATS.date,
    note: () => "The schedule's first row.",
    formula: fromDealSummary("firstMonth"),
  },
  {
    key: "lastMonth",
    label: "Last month",
    format: FORMATS.date,
    note: () => "The schedule's last row.",
    formula: fromDealSummary("lastMonth"),
  },
] satisfies SummaryRow[]);
