import { FIGURES, FIGURE_BY_KEY, type FigureKey } from "../core";
import { FORMATS } from "./formats";

/** What the summary's formulas refer to. */
export interface SummaryContext {
  /** The terms name, e.g. "CWCoreSci_Terms". */
  readonly terms: string;
  /** The tranches name, or null when the sheet has no tranches table. */
  readonly tranches: string | null;
  /** The capex name, or null on a sheet without a capex table. */
  readonly capex: string | null;
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
  | "lastMonth"
  | "hostNpv"
  | "irr"
  | "paybackMonth"
  | "contractValueAllRenewals";

export interface SummaryRow {
  readonly key: SummaryKey;
  readonly label: string;
  readonly format: string;
  readonly note: (c: SummaryContext) => string;
  readonly formula: (c: SummaryContext) => string;
}

/** The optional table arguments every HPC function ends with: [tranches], [capex] (a blank for one left out). */
function tables(c: SummaryContext): string[] {
  if (c.capex) return [c.tranches ?? "", c.capex];
  return c.tranches ? [c.tranches] : [];
}

function args(c: SummaryContext, ...middle: string[]): string {
  return [c.terms, ...middle, ...tables(c)].join(", ");
}

/**
 * The row of each figure in HPC.DEALSUMMARY's table (1-based). Sheets saved
 * before DEALSUMMARY took a figure name hold INDEX(HPC.DEALSUMMARY(…), n, 2):
 * FIGURES only grows at the end, so these rows never move.
 */
export const DEAL_SUMMARY_ROW: Readonly<Record<FigureKey, number>> = Object.freeze(
  Object.fromEntries(FIGURES.map((f, i) => [f.key, i + 1])) as Record<FigureKey, number>,
);

/** A figure of HPC.DEALSUMMARY, picked by name. */
function fromDealSummary(key: FigureKey): (c: SummaryContext) => string {
  return (c) => `=HPC.DEALSUMMARY(${[c.terms, c.tranches ?? "", c.capex ?? "", `"${key}"`].join(", ")})`;
}

/** The label and help of a figure, from core's table. */
function figure(key: FigureKey): { readonly label: string; readonly note: () => string } {
  const f = FIGURE_BY_KEY[key];
  return { label: f.label, note: () => f.help };
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
    note: () => "Contract value × 12 ÷ months billed (the term plus the renewals exercised).",
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
    formula: (c) => `=HPC.DEALNPV(${tables(c).length > 0 ? args(c, "") : c.terms})`,
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
  { key: "hostNpv", ...figure("hostNpv"), format: FORMATS.usd, formula: fromDealSummary("hostNpv") },
  {
    key: "irr",
    ...figure("irr"),
    format: FORMATS.percent,
    note: () =>
      "The host's IRR on its capex (XIRR convention, the smallest root). #NUM! when there is none: the host cash flows never change sign, or no rate in (−99 %, 10,000 %) zeroes their XNPV.",
    formula: fromDealSummary("irr"),
  },
  { key: "paybackMonth", ...figure("paybackMonth"), format: FORMATS.date, formula: fromDealSummary("paybackMonth") },
  {
    key: "contractValueAllRenewals",
    ...figure("contractValueAllRenewals"),
    format: FORMATS.usd,
    formula: fromDealSummary("contractValueAllRenewals"),
  },
] satisfies SummaryRow[]);
