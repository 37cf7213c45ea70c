import { FIGURE_BY_KEY, buildSchedule, prepaymentRemaining, type CalendarDate, type FigureKey } from "../core";
import { DealFigures, scheduleTable, type Cell } from "../functions/deal";
import { figureOutcome } from "../functions/hpc";
import { cellRef, parseCell } from "./a1";
import { miningCachedValues } from "./miningCached";
import { readTerms } from "./readBack";
import { SUMMARY_ROWS, type SummaryKey } from "./summaryBlock";
import type { CellValue, SheetPlan } from "./types";

/** An Excel error value as a formula's result, e.g. HPC.DEALNPV of a deal with no discount rate. */
export interface CachedError {
  readonly error: "#VALUE!" | "#NUM!";
}

/** What a formula cell shows: a number, text, or an error. */
export type CachedValue = number | string | CachedError;

export interface CachedValuesOptions {
  /** The date TODAY() stands for (the summary's "prepayment remaining today"). */
  readonly asOf: CalendarDate;
}

/**
 * The value every formula cell of a plan shows, as the HPC functions would
 * compute it: the summary's figures and every cell of the schedule's spill
 * (and the mining block's figures and spill, `miningCachedValues`),
 * keyed by A1 ref (the spill's anchor holds its first header). The terms are
 * read back from the plan's own cells, so the values are those of the sheet
 * as written, and come from core through the functions' own conversions
 * (`DealFigures`, `scheduleTable`): money in cents, dates as Excel serials. Throws the `DealError`
 * of a plan whose terms do not validate, and a `RangeError` for a formula
 * cell whose figure it does not know (a plan this function has not caught up
 * with): a file must never carry a made-up cached value.
 */
export function planCachedValues(plan: SheetPlan, options: CachedValuesOptions): Map<string, CachedValue> {
  const byRef = new Map<string, CellValue | undefined>(plan.cells.map((c) => [c.ref, c.value]));
  const read = readTerms(plan.deal.layout, (ref) => byRef.get(ref) ?? null);
  if (!read.ok) throw read.error;
  const schedule = buildSchedule(read.value);
  const deal = DealFigures.of(schedule);
  const values = new Map<string, CachedValue>();

  // The figures the summary takes from HPC.DEALSUMMARY by name, as the function computes them.
  const fromSummary = (key: FigureKey): CachedValue => {
    const out = figureOutcome(deal, FIGURE_BY_KEY[key]);
    return out.ok ? out.value : { error: out.code };
  };
  const figure: Readonly<Record<SummaryKey, () => CachedValue>> = {
    contractValue: () => deal.contractValue,
    averageAnnualRevenue: () => deal.annualRevenue,
    capacity: () => fromSummary("capacityMW"),
    revenuePerMWYear: () => fromSummary("revenuePerMWYear"),
    npv: () =>
      deal.terms.discountRate === null
        ? { error: "#VALUE!" }
        : deal.npvAt(deal.terms.discountRate, "netCashFlow", schedule),
    prepaymentRemainingToday: () => prepaymentRemaining(schedule, options.asOf).toNumber(),
    totalCredits: () => fromSummary("totalCredits"),
    uncreditedPrepayment: () => fromSummary("uncreditedPrepayment"),
    totalNetCash: () => fromSummary("totalNetCash"),
    firstMonth: () => fromSummary("firstMonth"),
    lastMonth: () => fromSummary("lastMonth"),
    hostNpv: () => fromSummary("hostNpv"),
    irr: () => fromSummary("irr"),
    paybackMonth: () => fromSummary("paybackMonth"),
    contractValueAllRenewals: () => fromSummary("contractValueAllRenewals"),
  };
  const first = parseCell(plan.deal.layout.summary.ref.split(":")[0]);
  if (!first) throw new RangeError(`bad summary ref ${plan.deal.layout.summary.ref}`);
  SUMMARY_ROWS.forEach((row, i) => {
    values.set(cellRef(first.column + 1, first.row + i), figure[row.key]());
  });

  const anchor = parseCell(plan.schedule.anchor);
  if (!anchor) throw new RangeError(`bad schedule anchor ${plan.schedule.anchor}`);
  scheduleTable(schedule).forEach((line: readonly Cell[], r) =>
    line.forEach((cell, c) => values.set(cellRef(anchor.column + c, anchor.row + r), cell)),
  );

  for (const [ref, value] of miningCachedValues(plan, byRef)) values.set(ref, value);

  for (const cell of plan.cells) {
    if (cell.formula !== undefined && !values.has(cell.ref)) {
      throw new RangeError(`no cached value for the formula in ${cell.ref}: ${cell.formula}`);
    }
  }
  return values;
}
