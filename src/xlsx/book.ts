/**
 * A portfolio file as the sheets of one workbook: each deal's sheet planned
 * after the ones before it (unique sheet names and name prefixes, as the pane
 * inserts deal sheets one after another), then the portfolio sheet over their
 * named ranges (`planPortfolioSheet`, as the pane inserts it). No exceljs
 * here: the CLI plans (and refuses bad input) before loading the writer.
 */
import type { CalendarDate, DealFile, PeriodOptions, Portfolio } from "../core";
import { planDeal, planPortfolioSheet, type PortfolioSheetPlan, type SheetPlan } from "../plan";

export interface BookPlan {
  readonly deals: readonly SheetPlan[];
  readonly portfolio: PortfolioSheetPlan;
}

/**
 * `portfolio` is the validated portfolio and `files` its deals as the file
 * gives them (so that a term the author left out stays blank on the sheet).
 */
export function planBook(
  portfolio: Portfolio,
  files: readonly DealFile[],
  options: { readonly period: PeriodOptions; readonly runRateDate: CalendarDate },
): BookPlan {
  if (files.length !== portfolio.deals.length) throw new RangeError("the deal files do not match the portfolio");
  const deals: SheetPlan[] = [];
  for (const file of files) {
    const planned = planDeal(file, {
      existingSheetNames: deals.map((d) => d.sheet),
      existingNames: deals.flatMap((d) => d.names.map((n) => n.name)),
    });
    // The portfolio validated every deal already: a failure here is a mismatch, thrown as its DealError.
    if (!planned.ok) throw planned.error;
    deals.push(planned.value);
  }
  const plan = planPortfolioSheet(
    {
      name: portfolio.name,
      deals: deals.map((d, i) => ({
        title: d.deal.title,
        termsName: d.deal.termsName,
        tranchesName: d.deal.tranchesName,
        capexName: d.deal.capexName ?? null,
        terms: portfolio.deals[i],
      })),
      period: options.period,
      runRateDate: options.runRateDate,
    },
    { existingSheetNames: deals.map((d) => d.sheet) },
  );
  return { deals, portfolio: plan };
}
