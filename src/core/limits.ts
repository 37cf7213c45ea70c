/**
 * Bounds on what one deal (or portfolio) may ask for, so that no input can make a function
 * or the CLI run for long or exhaust memory. Documented in the README.
 */
export const LIMITS = Object.freeze({
  /** 100 years of monthly rows per tranche. */
  maxTermMonths: 1200,
  /** Tranches in one deal. */
  maxTranches: 120,
  /** Dated capex amounts in one deal. */
  maxCapexItems: 1200,
  /** Rows of one schedule (first to last month). */
  maxScheduleMonths: 2400,
  /** Characters of a text term (name, host, tenant). */
  maxTextLength: 200,
  /** Halving dates one mining block may list: one every four years for four centuries. */
  maxHalvingDates: 100,
  /** Deals in one portfolio (file or function): a bound on work, like the deal limits. */
  maxPortfolioDeals: 100,
  /** Size of a deal file the CLI or the pane will read. */
  maxDealFileBytes: 1_000_000,
  /** Largest amount of a money term (prepayment, opex rate), in dollars. */
  maxAmount: 1e13,
  /**
   * Largest monthly gross fee a deal may reach (all its MW at the last
   * year's escalated rate): cents stay exact in an Excel double below 2^53.
   */
  maxMonthlyFee: 1e13,
});
