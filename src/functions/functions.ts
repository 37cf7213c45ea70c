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
import type { Outcome } from "./outcome";

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
  return toExcel(hpcMining.miningComparison(terms, mining, tranches, capex, rate));
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
