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
    ...figure("contractValue"),
    format: FORMATS.usd,
    formula: (c) => `=HPC.CONTRACTVALUE(${args(c)})`,
  },
  {
    key: "averageAnnualRevenue",
    ...figure("averageAnnualRevenue"),
    format: FORMATS.usd,
    formula: (c) => `=HPC.ANNUALREVENUE(${args(c)})`,
  },
  // Core's sum of the tranches (exact), not the sheet's: the same figure as DEALSUMMARY's and the CLI's.
  { key: "capacity", ...figure("capacityMW"), format: FORMATS.mw, formula: fromDealSummary("capacityMW") },
  {
    key: "revenuePerMWYear",
    ...figure("revenuePerMWYear"),
    format: FORMATS.usd,
    formula: fromDealSummary("revenuePerMWYear"),
  },
  {
    key: "npv",
    ...figure("npv"),
    format: FORMATS.usd,
    // The rate argument is left out: the function takes the terms' discount rate.
    formula: (c) => `=HPC.DEALNPV(${tables(c).length > 0 ? args(c, "") : c.terms})`,
  },
  {
    // Not a figure of DEALSUMMARY: it depends on the date (today) as well as the deal.
    key: "prepaymentRemainingToday",
    label: "Prepayment remaining today",
    format: FORMATS.usd,
    note: () => "Prepayment not yet credited back to the tenant as of today.",
    formula: (c) => `=HPC.PREPAYREMAINING(${args(c, "TODAY()")})`,
  },
  { key: "totalCredits", ...figure("totalCredits"), format: FORMATS.usd, formula: fromDealSummary("totalCredits") },
  {
    key: "uncreditedPrepayment",
    ...figure("uncreditedPrepayment"),
    format: FORMATS.usd,
    formula: fromDealSummary("uncreditedPrepayment"),
  },
  { key: "totalNetCash", ...figure("totalNetCash"), format: FORMATS.usd, formula: fromDealSummary("totalNetCash") },
  { key: "firstMonth", ...figure("firstMonth"), format: FORMATS.date, formula: fromDealSummary("firstMonth") },
  { key: "lastMonth", ...figure("lastMonth"), format: FORMATS.date, formula: fromDealSummary("lastMonth") },
  { key: "hostNpv", ...figure("hostNpv"), format: FORMATS.usd, formula: fromDealSummary("hostNpv") },
  {
    key: "irr",
    ...figure("irr"),
    format: FORMATS.percent,
    // The sheet's note adds what the cell shows when there is no IRR (core's help says when there is none).
    note: () => `${FIGURE_BY_KEY.irr.help} The cell shows #NUM! then.`,
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
