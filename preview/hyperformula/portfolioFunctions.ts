/**
 * The period, run-rate and portfolio rows of the HPC functions' table
 * (DEV/TEST ONLY, as plugin.ts), in their own file. A portfolio's deals
 * repeat in groups of three arguments (terms, tranches, capex), as
 * HyperFormula's `repeatLastArgs` and Excel's repeating parameter allow.
 */
import { ArraySize } from "hyperformula";
import { FIGURES, LIMITS, PERIOD_HEADER, SCHEDULE_HEADER } from "../../src/core";
import * as portfolio from "../../src/functions/portfolio";
import { DEAL_ARGS, UNKNOWN, computedSize, joined, params, summarySize, type HpcFunction } from "./table";

export const PORTFOLIO_FUNCTIONS: Readonly<Record<string, HpcFunction>> = {
  "HPC.PERIODS": {
    parameters: params(1, 4),
    answer: "table",
    call: (terms, tranches, capex, period, fy) => portfolio.periods(terms, tranches, capex, period, fy),
    size: (at) =>
      computedSize(PERIOD_HEADER.length, joined(at.ranges(0, 3), at.literals(3, 5)), ([t, tr, c, p, fy]) =>
        portfolio.periods(t, tr, c, p, fy),
      ),
  },
  "HPC.RUNRATE": {
    parameters: params(2, 2),
    answer: "number",
    call: (terms, date, tranches, capex) => portfolio.runRate(terms, date, tranches, capex),
  },
  "HPC.PORTFOLIOCASHFLOW": {
    parameters: DEAL_ARGS,
    repeatLastArgs: 3,
    answer: "table",
    call: (...deals) => portfolio.portfolioCashflow(deals),
    size: (at) => computedSize(SCHEDULE_HEADER.length, at.ranges(0), (deals) => portfolio.portfolioCashflow(deals)),
  },
  "HPC.PORTFOLIOPERIODS": {
    parameters: params(0, 2, ...DEAL_ARGS),
    repeatLastArgs: 3,
    answer: "table",
    call: (period, fy, ...deals) => portfolio.portfolioPeriods(period, fy, deals),
    size: (at) =>
      computedSize(PERIOD_HEADER.length, joined(at.literals(0, 2), at.ranges(2)), ([period, fy, ...deals]) =>
        portfolio.portfolioPeriods(period, fy, deals),
      ),
  },
  "HPC.PORTFOLIORUNRATE": {
    parameters: params(1, 0, ...DEAL_ARGS),
    repeatLastArgs: 3,
    answer: "number",
    call: (date, ...deals) => portfolio.portfolioRunRate(date, deals),
  },
  "HPC.PORTFOLIOSUMMARY": {
    parameters: params(0, 2, ...DEAL_ARGS),
    repeatLastArgs: 3,
    answer: "figure",
    call: (figure, rate, ...deals) => portfolio.portfolioSummary(figure, rate, deals),
    size: (at) => summarySize(at, 0, FIGURES.length),
  },
  "HPC.PORTFOLIOBYDEAL": {
    parameters: params(0, 2, ...DEAL_ARGS),
    repeatLastArgs: 3,
    answer: "table",
    call: (period, fy, ...deals) => portfolio.portfolioByDeal(period, fy, deals),
    // A column a deal (plus the labels): its width is known only once computed.
    size: (at) => {
      const args = joined(at.literals(0, 2), at.ranges(2));
      if (args === UNKNOWN) return new ArraySize(1 + Math.ceil((at.count - 2) / 3), 1 + LIMITS.maxScheduleMonths);
      const [period, fy, ...deals] = args;
      const out = portfolio.portfolioByDeal(period, fy, deals);
      return out.ok ? new ArraySize(out.value[0].length, out.value.length) : ArraySize.scalar();
    },
  },
};
