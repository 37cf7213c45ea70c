/**
 * Excel custom functions of the HPC namespace: the entry point of the
 * `functions` bundle, loaded by the shared runtime's page.
 *
 * Each function is a thin wrapper over `hpc.ts`. The JSDoc below is the
 * function help a user reads in Excel's function wizard: the build generates
 * `functions.json` from it (custom-functions-metadata-plugin), and the
 * plugin's loader appends `CustomFunctions.associate(ID, function)` for
 * every `@customfunction` to this file when it is bundled. Loading this
 * bundle needs nothing from its host but the `CustomFunctions` global: no
 * DOM, no Office.js call, no network.
 */
import * as hpc from "./hpc";
import * as hpcMining from "./mining";
import * as portfolio from "./portfolio";
import type { Outcome } from "./outcome";
import { sensitivity as sensitivityTable } from "./sensitivity";

/** A failed call becomes one error value in its cell (never an exception: Excel would show a bare #VALUE!). */
function toExcel<T>(outcome: Outcome<T>): T | CustomFunctions.Error {
  if (outcome.ok) return outcome.value;
  const code =
    outcome.code === "#NUM!" ? CustomFunctions.ErrorCode.invalidNumber : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, outcome.message);
}

/**
 * Monthly cash flows of a data-center hosting deal, as a table that spills: a header row, then one row per month with Date, Billed MW, Rate, Gross fee, Credit, Net fee, Opex, Net cash flow, Capex, Host cash flow and Prepayment remaining.
 * @customfunction HOSTINGCASHFLOW
 * @param {any[][]} terms The deal's terms: a two-column range with labels such as Capacity (MW), Rate ($/kW-month), Term (months) and Start date in the first column and their values in the second. Blank rows are ignored.
 * @param {any[][]} [tranches] Optional ramp: a two-column range of start dates and MW, one row per tranche, with or without a header row. Leave out for one tranche of Capacity (MW) from Start date.
 * @param {any[][]} [capex] Optional host capex: a two-column range of dates and amounts, with or without a header row.
 * @returns {any[][]} The monthly schedule with a header row; dates are Excel dates, amounts are in dollars.
 */
export function hostingCashflow(terms: unknown[][], tranches?: unknown[][], capex?: unknown[][]) {
  return toExcel(hpc.hostingCashflowShared(terms, tranches, capex));
}

/**
 * Prepayment not yet credited back to the tenant at a date: the prepayment minus the credits of every month that began on or before that date. Give a range of dates to get one amount per date.
 * @customfunction PREPAYREMAINING
 * @param {any[][]} terms The deal's terms: a two-column range of labels and values, as for HPC.HOSTINGCASHFLOW.
 * @param {any[][]} date The date to measure at, or a range of dates (blank cells in a range give blank results).
 * @param {any[][]} [tranches] Optional ramp: a two-column range of start dates and MW, with or without a header row.
 * @param {any[][]} [capex] Optional host capex: a two-column range of dates and amounts, with or without a header row.
 * @returns {any[][]} The prepayment still to be credited, in dollars, shaped like the date argument.
 */
export function prepayRemaining(terms: unknown[][], date: unknown[][], tranches?: unknown[][], capex?: unknown[][]) {
  return toExcel(hpc.prepayRemaining(terms, date, tranches, capex));
}

/**
 * Contract value of a hosting deal: the sum of all monthly gross hosting fees over the term, in dollars.
 * @customfunction CONTRACTVALUE
 * @param {any[][]} terms The deal's terms: a two-column range of labels and values, as for HPC.HOSTINGCASHFLOW.
 * @param {any[][]} [tranches] Optional ramp: a two-column range of start dates and MW, with or without a header row.
 * @param {any[][]} [capex] Optional host capex: a two-column range of dates and amounts, with or without a header row.
 * @returns {number} The contract value in dollars.
 */
export function contractValue(terms: unknown[][], tranches?: unknown[][], capex?: unknown[][]) {
  return toExcel(hpc.contractValue(terms, tranches, capex));
}

/**
 * Average annual revenue of a hosting deal: the contract value × 12 / the billing months (the term plus exercised renewals), in dollars, rounded to cents.
 * @customfunction ANNUALREVENUE
 * @param {any[][]} terms The deal's terms: a two-column range of labels and values, as for HPC.HOSTINGCASHFLOW.
 * @param {any[][]} [tranches] Optional ramp: a two-column range of start dates and MW, with or without a header row.
 * @param {any[][]} [capex] Optional host capex: a two-column range of dates and amounts, with or without a header row.
 * @returns {number} The average annual revenue in dollars.
 */
export function annualRevenue(terms: unknown[][], tranches?: unknown[][], capex?: unknown[][]) {
  return toExcel(hpc.annualRevenue(terms, tranches, capex));
}

/**
 * Net present value of a hosting deal's monthly net cash flows (prepayment included), discounted as Excel's XNPV from the first month of the schedule, in dollars, rounded to cents.
 * @customfunction DEALNPV
 * @param {any[][]} terms The deal's terms: a two-column range of labels and values, as for HPC.HOSTINGCASHFLOW.
 * @param [rate] Optional annual discount rate as a fraction (10% = 0.1). Leave out or blank to use the Discount rate in the terms.
 * @param {any[][]} [tranches] Optional ramp: a two-column range of start dates and MW, with or without a header row.
 * @param {any[][]} [capex] Optional host capex: a two-column range of dates and amounts, with or without a header row.
 * @returns {number} The NPV in dollars.
 */
export function dealNpv(terms: unknown[][], rate?: unknown, tranches?: unknown[][], capex?: unknown[][]) {
  return toExcel(hpc.dealNpv(terms, rate, tranches, capex));
}

/**
 * Key figures of a hosting deal. Without a figure: a two-column table (label, value) in a fixed order that only grows at the end, a figure with no value left blank. With a figure name: that one value.
 * @customfunction DEALSUMMARY
 * @param {any[][]} terms The deal's terms: a two-column range of labels and values, as for HPC.HOSTINGCASHFLOW.
 * @param {any[][]} [tranches] Optional ramp: a two-column range of start dates and MW, with or without a header row.
 * @param {any[][]} [capex] Optional host capex: a two-column range of dates and amounts, with or without a header row.
 * @param [figure] Optional figure, e.g. "irr", "hostNpv", "paybackMonth". irr is #NUM! when the host cash flows never change sign or no rate in (-99 %, 10,000 %) zeroes their XNPV (the smallest root); paybackMonth is #NUM! when they end negative.
 * @returns {any[][]} One row per figure (its label and its value), or the one figure asked for. Amounts in dollars, months as Excel dates, the IRR as a fraction.
 */
export function dealSummary(terms: unknown[][], tranches?: unknown[][], capex?: unknown[][], figure?: unknown) {
  return toExcel(hpc.dealSummary(terms, tranches, capex, figure));
}

/**
 * Hosting versus mining the same site, month by month, as a table that spills: Date, Hashprice, Hashrate (PH/s), Mining revenue, Power cost, Mining opex, Mining margin and Hosting cash flow.
 * @customfunction MININGCOMPARISON
 * @param {any[][]} terms The deal's terms: a two-column range of labels and values, as for HPC.HOSTINGCASHFLOW.
 * @param {any[][]} mining The mining terms: a two-column range of labels (Hashprice ($/PH/s/day), Fleet efficiency (J/TH), Power cost ($/kWh), …) and values. Halving dates: a text list of YYYY-MM-DD dates, "none", or blank for the defaults.
 * @param {any[][]} [tranches] Optional ramp: a two-column range of start dates and MW, with or without a header row.
 * @param {any[][]} [capex] Optional host capex: a two-column range of dates and amounts, with or without a header row.
 * @param [rate] Optional annual discount rate as a fraction; the rows do not depend on it. Leave out to use the terms' Discount rate.
 * @returns {any[][]} The monthly comparison with a header row; dates are Excel dates, amounts in dollars.
 */
export function miningComparison(
  terms: unknown[][],
  mining: unknown[][],
  tranches?: unknown[][],
  capex?: unknown[][],
  rate?: unknown,
) {
  return toExcel(hpcMining.miningComparisonShared(terms, mining, tranches, capex, rate));
}

/**
 * Breakeven hashprice ($/PH/s/day, to the cent): the starting hashprice at which mining the site is worth as much as hosting it (NPV of mining margins = NPV of hosting cash flows; plain sums without a rate).
 * @customfunction BREAKEVENHASHPRICE
 * @param {any[][]} terms The deal's terms: a two-column range of labels and values, as for HPC.HOSTINGCASHFLOW.
 * @param {any[][]} mining The mining terms: a two-column range of labels and values, as for HPC.MININGCOMPARISON.
 * @param {any[][]} [tranches] Optional ramp: a two-column range of start dates and MW, with or without a header row.
 * @param {any[][]} [capex] Optional host capex: a two-column range of dates and amounts, with or without a header row.
 * @param [rate] Optional annual discount rate as a fraction (10% = 0.1). Leave out to use the terms' Discount rate (none: plain sums).
 * @returns {number} The breakeven hashprice in dollars per PH/s per day.
 */
export function breakevenHashprice(
  terms: unknown[][],
  mining: unknown[][],
  tranches?: unknown[][],
  capex?: unknown[][],
  rate?: unknown,
) {
  return toExcel(hpcMining.breakevenHashprice(terms, mining, tranches, capex, rate));
}

/**
 * Hosting-versus-mining figures. Without a figure: a two-column table (label, value) in a fixed order that only grows at the end. With a figure name (e.g. "miningNpv", "breakevenHashprice"): that one value.
 * @customfunction MININGSUMMARY
 * @param {any[][]} terms The deal's terms: a two-column range of labels and values, as for HPC.HOSTINGCASHFLOW.
 * @param {any[][]} mining The mining terms: a two-column range of labels and values, as for HPC.MININGCOMPARISON.
 * @param {any[][]} [tranches] Optional ramp: a two-column range of start dates and MW, with or without a header row.
 * @param {any[][]} [capex] Optional host capex: a two-column range of dates and amounts, with or without a header row.
 * @param [figure] Optional figure: miningRevenue, miningPowerCost, miningMargin, hostingCashFlow, miningNpv, hostingNpv or breakevenHashprice.
 * @param [rate] Optional annual discount rate as a fraction (10% = 0.1). Leave out to use the terms' Discount rate (none: plain sums).
 * @returns {any[][]} One row per figure (label and value), or the one figure asked for, in dollars.
 */
export function miningSummary(
  terms: unknown[][],
  mining: unknown[][],
  tranches?: unknown[][],
  capex?: unknown[][],
  figure?: unknown,
  rate?: unknown,
) {
  return toExcel(hpcMining.miningSummary(terms, mining, tranches, capex, figure, rate));
}

/**
 * A hosting deal's cash flows by month, quarter or fiscal year, as a table that spills: a header row, then one row per period (Q1 2025, FY2026, …) with its dates, months, billed MW and money columns, which add up to the schedule's totals.
 * @customfunction PERIODS
 * @param {any[][]} terms The deal's terms: a two-column range of labels and values, as for HPC.HOSTINGCASHFLOW.
 * @param {any[][]} [tranches] Optional ramp: a two-column range of start dates and MW, with or without a header row.
 * @param {any[][]} [capex] Optional host capex: a two-column range of dates and amounts, with or without a header row.
 * @param [period] Optional "month", "quarter" or "year". Leave out for quarters.
 * @param [fiscalYearEnd] Optional month the fiscal year ends in, 1 to 12 (6 = June: Q1 FY2026 is July–September 2025). Leave out for calendar years (12).
 * @returns {any[][]} The period table with a header row; Start and End are Excel dates, amounts are in dollars.
 */
export function periods(
  terms: unknown[][],
  tranches?: unknown[][],
  capex?: unknown[][],
  period?: unknown,
  fiscalYearEnd?: unknown,
) {
  return toExcel(portfolio.periods(terms, tranches, capex, period, fiscalYearEnd));
}

/**
 * Run rate of a hosting deal at a date: 12 × the gross fee of the month containing the date (0 outside the schedule), the "annualized revenue" companies report.
 * @customfunction RUNRATE
 * @param {any[][]} terms The deal's terms: a two-column range of labels and values, as for HPC.HOSTINGCASHFLOW.
 * @param date The date (an Excel date or YYYY-MM-DD text).
 * @param {any[][]} [tranches] Optional ramp: a two-column range of start dates and MW, with or without a header row.
 * @param {any[][]} [capex] Optional host capex: a two-column range of dates and amounts, with or without a header row.
 * @returns {number} The run rate in dollars a year.
 */
export function runRate(terms: unknown[][], date: unknown, tranches?: unknown[][], capex?: unknown[][]) {
  return toExcel(portfolio.runRate(terms, date, tranches, capex));
}

/**
 * Combined monthly cash flows of a portfolio of hosting deals, as a table that spills with the columns of HPC.HOSTINGCASHFLOW: each month's lines are the sums of the deals' lines.
 * @customfunction PORTFOLIOCASHFLOW
 * @param {any[][][]} deals The deals, three arguments each: terms, tranches, capex (leave tranches or capex empty, e.g. =HPC.PORTFOLIOCASHFLOW(A_Terms,,,B_Terms,B_Tranches,)).
 * @returns {any[][]} The combined monthly schedule with a header row.
 */
export function portfolioCashflow(deals: unknown[][][]) {
  return toExcel(portfolio.portfolioCashflow(deals));
}

/**
 * A portfolio of hosting deals by month, quarter or fiscal year: the columns of HPC.PERIODS on the combined schedule.
 * @customfunction PORTFOLIOPERIODS
 * @param [period] "month", "quarter" or "year"; leave empty for quarters.
 * @param [fiscalYearEnd] Month the fiscal year ends in, 1 to 12; leave empty for calendar years.
 * @param {any[][][]} deals The deals, three arguments each: terms, tranches, capex (leave tranches or capex empty).
 * @returns {any[][]} The period table with a header row.
 */
export function portfolioPeriods(period: unknown, fiscalYearEnd: unknown, deals: unknown[][][]) {
  return toExcel(portfolio.portfolioPeriods(period, fiscalYearEnd, deals));
}

/**
 * Run rate of a portfolio at a date: 12 × the combined gross fee of the month containing the date.
 * @customfunction PORTFOLIORUNRATE
 * @param date The date (an Excel date or YYYY-MM-DD text).
 * @param {any[][][]} deals The deals, three arguments each: terms, tranches, capex (leave tranches or capex empty).
 * @returns {number} The run rate in dollars a year.
 */
export function portfolioRunRate(date: unknown, deals: unknown[][][]) {
  return toExcel(portfolio.portfolioRunRate(date, deals));
}

/**
 * Key figures of a portfolio of hosting deals, in the rows of HPC.DEALSUMMARY: sums over the deals, NPV and host returns on the combined cash flows; average annual revenue and revenue per MW-year are blank (use HPC.PORTFOLIORUNRATE).
 * @customfunction PORTFOLIOSUMMARY
 * @param [figure] Optional figure name, e.g. "contractValue", "npv", "irr"; leave empty for the table.
 * @param [rate] Annual discount rate for the NPVs (10% = 0.1); leave empty for none. The deals' own rates are not used.
 * @param {any[][][]} deals The deals, three arguments each: terms, tranches, capex (leave tranches or capex empty).
 * @returns {any[][]} One row per figure (label, value), or the one figure asked for.
 */
export function portfolioSummary(figure: unknown, rate: unknown, deals: unknown[][][]) {
  return toExcel(portfolio.portfolioSummary(figure, rate, deals));
}

/**
 * Gross fee of each deal of a portfolio by period, as a table that spills: Period, then one column per deal (headed by its name): the data of a stacked column chart.
 * @customfunction PORTFOLIOBYDEAL
 * @param [period] "month", "quarter" or "year"; leave empty for quarters.
 * @param [fiscalYearEnd] Month the fiscal year ends in, 1 to 12; leave empty for calendar years.
 * @param {any[][][]} deals The deals, three arguments each: terms, tranches, capex (leave tranches or capex empty).
 * @returns {any[][]} The table with a header row; amounts in dollars.
 */
export function portfolioByDeal(period: unknown, fiscalYearEnd: unknown, deals: unknown[][][]) {
  return toExcel(portfolio.portfolioByDeal(period, fiscalYearEnd, deals));
}

/**
 * What-if table of one figure over values of two inputs (terms, or delayMonths), that spills: a header row, then one row per value of inputA. Cells with no value hold a short text saying why.
 * @customfunction SENSITIVITY
 * @param figure The figure: contractValue, npv, hostNpv, irr, averageAnnualRevenue, totalNetCash or breakevenHashprice (needs the mining range).
 * @param inputA The input down the rows: a numeric term such as ratePerKWMonth, escalator, discountRate, termMonths, a mining term as mining.hashprice, or delayMonths (months every tranche starts later).
 * @param {any[][]} valuesA The values of inputA: a range or a single number (a blank cell gives a blank row).
 * @param inputB The input across the columns, named as inputA.
 * @param {any[][]} valuesB The values of inputB: a range or a single number (a blank cell gives a blank column).
 * @param {any[][]} terms The deal's terms: a two-column range of labels and values, as for HPC.HOSTINGCASHFLOW.
 * @param {any[][]} [tranches] Optional ramp: a two-column range of start dates and MW, with or without a header row.
 * @param {any[][]} [capex] Optional host capex: a two-column range of dates and amounts, with or without a header row.
 * @param {any[][]} [mining] Optional mining terms: a two-column range of labels and values, as for HPC.MININGCOMPARISON.
 * @returns {any[][]} The figure's name and inputB's values, then each value of inputA and the figure at each pair: dollars in cents, the IRR as a fraction.
 */
export function sensitivity(
  figure: unknown,
  inputA: unknown,
  valuesA: unknown[][],
  inputB: unknown,
  valuesB: unknown[][],
  terms: unknown[][],
  tranches?: unknown[][],
  capex?: unknown[][],
  mining?: unknown[][],
) {
  return toExcel(sensitivityTable(figure, inputA, valuesA, inputB, valuesB, terms, tranches, capex, mining));
}
