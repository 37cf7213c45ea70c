/**
 * A portfolio: a named book of deals (analysis.md §7). Each deal is computed
 * on its own terms; the combined schedule adds their monthly lines, so a
 * portfolio's lines are the sums of its deals' lines to the cent. Its NPV is
 * taken at the portfolio's rate (or one given with the request), never at
 * the deals' own.
 */
import { monthIndex, monthStart, type CalendarDate } from "./dates";
import { Decimal, Exact, ZERO, ZERO_MONEY, addMoney, asMoney, subtractMoney, type Money } from "./decimal";
import { fail, nested, ok, problem, type Problem, type Result } from "./errors";
import { LIMITS } from "./limits";
import { FIGURES, type Figure, type FigureValue } from "./outputs";
import type { MonthlyRows } from "./periods";
import { paybackMonth, xirr } from "./returns";
import { buildSchedule, type Schedule, type ScheduleRow } from "./schedule";
import { contractValueAllRenewals as dealAllRenewals, discountFactors, npv, type Summary } from "./summary";
import type { Terms } from "./terms";
import { validateDeal, validateNumberTerm, type ValidateOptions } from "./validate";
import { isBlank, show } from "./values";

export interface Portfolio {
  readonly name: string;
  /** One or more validated deals, in the file's order. */
  readonly deals: readonly Terms[];
  readonly discountRate: Decimal | null;
}

/** The keys of a portfolio file. */
export const PORTFOLIO_KEYS = ["name", "deals", "discountRate"] as const;

function isPlainRecord(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === "object" && raw !== null && !Array.isArray(raw);
}

/** A parsed file is a portfolio when it is an object with a `deals` key (a deal file has none). */
export function isPortfolioFile(raw: unknown): boolean {
  return isPlainRecord(raw) && Object.prototype.hasOwnProperty.call(raw, "deals");
}

/** How a deal is named in messages: `deals[2] ("Barber Lake")`, or `deals[2]` when it has no name. */
export function dealLabel(index: number, raw: unknown): string {
  let name: unknown;
  try {
    name = isPlainRecord(raw) ? raw.name : undefined;
  } catch {
    name = undefined;
  }
  if (typeof name !== "string" || name.trim() === "") return `deals[${index}]`;
  const shown = name.length > 60 ? `${name.slice(0, 57)}...` : name;
  return `deals[${index}] (${JSON.stringify(shown)})`;
}

/** A deal's problem as the portfolio reports it: the term as `deals[2].termMonths`, the message naming the deal. */
export function dealProblem(index: number, raw: unknown, p: Problem): Problem {
  return nested(p, ["deals", index], dealLabel(index, raw));
}

/** Checks a portfolio file (or the same object built from sheets); every deal's problems, each naming its deal. */
export function validatePortfolio(input: unknown, options: ValidateOptions = {}): Result<Portfolio> {
  try {
    return validateUnsafe(input, options);
  } catch (e) {
    const reason = e instanceof Error ? e.message : "reading it raised an error";
    return fail([problem("value", "portfolio-unreadable", [], { reason })]);
  }
}

function validateUnsafe(input: unknown, options: ValidateOptions): Result<Portfolio> {
  if (!isPlainRecord(input)) {
    return fail([problem("value", "not-a-portfolio", [], { got: show(input) })]);
  }
  const problems: Problem[] = [];
  for (const key of Object.keys(input)) {
    if (!(PORTFOLIO_KEYS as readonly string[]).includes(key)) {
      problems.push(problem("value", "unknown-portfolio-key", [key], { got: JSON.stringify(key) }));
    }
  }
  let name = "";
  const rawName = input.name;
  if (!isBlank(rawName)) {
    if (typeof rawName !== "string") {
      problems.push(problem("value", "expected", ["name"], { expected: "text", got: show(rawName) }));
    } else if (rawName.length > LIMITS.maxTextLength) {
      problems.push(problem("num", "text-too-long", ["name"], { max: LIMITS.maxTextLength, length: rawName.length }));
    } else name = rawName;
  }
  let discountRate: Decimal | null = null;
  if (!isBlank(input.discountRate)) {
    const rate = validateNumberTerm("discountRate", input.discountRate);
    if (rate.ok) discountRate = rate.value;
    else problems.push(...rate.error.problems);
  }
  const rawDeals = input.deals;
  const deals: Terms[] = [];
  if (!Array.isArray(rawDeals)) {
    problems.push(problem("value", "deals-not-a-list", ["deals"], { got: show(rawDeals) }));
  } else if (rawDeals.length === 0) {
    problems.push(problem("value", "empty-portfolio", ["deals"]));
  } else if (rawDeals.length > LIMITS.maxPortfolioDeals) {
    problems.push(
      problem("num", "too-many", ["deals"], {
        max: LIMITS.maxPortfolioDeals,
        items: "deals (a limit of this add-in)",
        count: rawDeals.length,
      }),
    );
  } else {
    rawDeals.forEach((raw: unknown, i) => {
      const checked = validateDeal(raw, options);
      if (checked.ok) deals.push(checked.value);
      else problems.push(...checked.error.problems.map((p) => dealProblem(i + 1, raw, p)));
    });
  }
  if (problems.length === 0) {
    const span = spanProblem(deals);
    if (span) problems.push(span);
  }
  if (problems.length > 0) return fail(problems);
  return ok(Object.freeze({ name, deals: Object.freeze(deals), discountRate }));
}

/** The deals' combined schedule must fit the product's schedule limit; undefined when it does. */
export function spanProblem(deals: readonly Terms[]): Problem | undefined {
  const first = Math.min(...deals.map((t) => firstMonthOf(t)));
  const last = Math.max(...deals.map((t) => lastMonthOf(t)));
  if (last - first + 1 <= LIMITS.maxScheduleMonths) return undefined;
  return problem("num", "portfolio-too-long", ["deals"], { max: LIMITS.maxScheduleMonths, months: last - first + 1 });
}

/** The month index of a deal's first schedule row (schedule.ts: tranche, prepayment or capex month). */
function firstMonthOf(t: Terms): number {
  let first = monthIndex(t.tranches[0].date);
  if (t.prepayment.greaterThan(0)) first = Math.min(first, monthIndex(t.prepaymentDate));
  for (const c of t.capex) if (!c.amount.isZero()) first = Math.min(first, monthIndex(c.date));
  return first;
}

function lastMonthOf(t: Terms): number {
  return (
    Math.max(...t.tranches.map((x) => monthIndex(x.date))) + t.termMonths + t.renewalsExercised * t.renewalMonths - 1
  );
}

/** The portfolio summary: a deal summary's figures, but no average annual revenue (deals differ in term). */
export type PortfolioSummary = Omit<Summary, "averageAnnualRevenue" | "revenuePerMWYear"> & {
  readonly averageAnnualRevenue: null;
  readonly revenuePerMWYear: null;
};

/** The figures a portfolio has (analysis.md §7); a figure added later for deals only is none for a portfolio. */
export const PORTFOLIO_FIGURE_KEYS: ReadonlySet<string> = new Set([
  "contractValue",
  "averageAnnualRevenue",
  "revenuePerMWYear",
  "totalCredits",
  "uncreditedPrepayment",
  "totalNetCash",
  "npv",
  "firstMonth",
  "lastMonth",
  "totalCapex",
  "hostNpv",
  "irr",
  "paybackMonth",
  "contractValueAllRenewals",
  "capacityMW",
]);

/** A figure's value for a portfolio: null for figures a portfolio does not define. */
export function portfolioFigureValue(figure: Figure, summary: PortfolioSummary): FigureValue {
  if (!PORTFOLIO_FIGURE_KEYS.has(figure.key)) return null;
  // The portfolio summary has every field these figures read; the two it lacks are null.
  return figure.value(summary as unknown as Summary);
}

/** The portfolio's figures in FIGURES order. */
export function portfolioFigures(summary: PortfolioSummary): { figure: Figure; value: FigureValue }[] {
  return FIGURES.map((figure) => ({ figure, value: portfolioFigureValue(figure, summary) }));
}

export interface PortfolioDeal {
  readonly terms: Terms;
  readonly schedule: Schedule;
}

export interface PortfolioModel {
  readonly portfolio: Portfolio;
  readonly deals: readonly PortfolioDeal[];
  /** The combined schedule: the deal schedule's columns, one row per month of any deal. */
  readonly combined: MonthlyRows;
  readonly summary: PortfolioSummary;
}

/** A deal's remaining prepayment at month m: P before its first row, its last row's value after its last. */
function remainingAt(d: PortfolioDeal, m: number): Money {
  const { rows, firstMonthIndex } = d.schedule;
  const i = m - firstMonthIndex;
  if (i < 0) return asMoney(d.terms.prepayment); // a money term: whole cents
  return rows[Math.min(i, rows.length - 1)].prepaymentRemaining;
}

/** The combined monthly schedule of the deals (analysis.md §7). */
export function combineSchedules(deals: readonly PortfolioDeal[]): MonthlyRows {
  const first = Math.min(...deals.map((d) => d.schedule.firstMonthIndex));
  const last = Math.max(...deals.map((d) => d.schedule.firstMonthIndex + d.schedule.rows.length - 1));
  const rows: ScheduleRow[] = [];
  for (let m = first; m <= last; m++) {
    let billedMW = new Exact(0);
    let weighted = new Exact(0);
    let grossFee = ZERO_MONEY;
    let credit = ZERO_MONEY;
    let netFee = ZERO_MONEY;
    let opex = ZERO_MONEY;
    let netCashFlow = ZERO_MONEY;
    let capex = ZERO_MONEY;
    let hostCashFlow = ZERO_MONEY;
    let prepaymentRemaining = ZERO_MONEY;
    const rates: Decimal[] = [];
    for (const d of deals) {
      prepaymentRemaining = addMoney(prepaymentRemaining, remainingAt(d, m));
      const r = d.schedule.rows[m - d.schedule.firstMonthIndex];
      if (r === undefined) continue;
      grossFee = addMoney(grossFee, r.grossFee);
      credit = addMoney(credit, r.credit);
      netFee = addMoney(netFee, r.netFee);
      opex = addMoney(opex, r.opex);
      netCashFlow = addMoney(netCashFlow, r.netCashFlow);
      capex = addMoney(capex, r.capex);
      hostCashFlow = addMoney(hostCashFlow, r.hostCashFlow);
      if (r.billedMW.greaterThan(0)) {
        billedMW = billedMW.plus(r.billedMW);
        weighted = weighted.plus(new Exact(r.billedMW).times(r.rate));
        rates.push(r.rate);
      }
    }
    // Σ(MW × rate) / Σ MW over the billing deals, unrounded; one deal's (or equal) rates pass through unchanged.
    let rate = ZERO;
    if (rates.length > 0) {
      rate = rates.every((x) => x.equals(rates[0])) ? rates[0] : new Decimal(weighted).dividedBy(new Decimal(billedMW));
    }
    rows.push({
      date: monthStart(m),
      billedMW: new Decimal(billedMW),
      rate,
      grossFee,
      credit,
      netFee,
      opex,
      netCashFlow,
      capex,
      hostCashFlow,
      prepaymentRemaining,
    });
  }
  return { rows, firstMonthIndex: first };
}

/**
 * The portfolio's summary (analysis.md §7). `discountRate` replaces the
 * portfolio's own (a rate given with the request); the deals' rates are never used.
 */
export function summarizePortfolio(
  deals: readonly PortfolioDeal[],
  combined: MonthlyRows,
  discountRate: Decimal | null,
): PortfolioSummary {
  let contractValue = ZERO_MONEY;
  let totalCredits = ZERO_MONEY;
  let totalNetCash = ZERO_MONEY;
  let totalCapex = ZERO_MONEY;
  for (const r of combined.rows) {
    contractValue = addMoney(contractValue, r.grossFee);
    totalCredits = addMoney(totalCredits, r.credit);
    totalNetCash = addMoney(totalNetCash, r.netCashFlow);
    totalCapex = addMoney(totalCapex, r.capex);
  }
  let prepayments = ZERO_MONEY;
  let capacityMW = new Exact(0);
  let contractValueAllRenewals = ZERO_MONEY;
  for (const d of deals) {
    prepayments = addMoney(prepayments, asMoney(d.terms.prepayment));
    capacityMW = capacityMW.plus(d.terms.capacityMW);
    const value = d.schedule.rows.reduce((sum, r) => addMoney(sum, r.grossFee), ZERO_MONEY);
    contractValueAllRenewals = addMoney(contractValueAllRenewals, dealAllRenewals(d.schedule, value));
  }
  const { rows } = combined;
  // XNPVs to the cent by the core's npv (a certified float, the 40-digit reference where it cannot decide).
  let factors: readonly Decimal[] | undefined;
  const factorsOnce = (rate: Decimal) => () =>
    (factors ??= discountFactors(rate, combined.firstMonthIndex, rows.length));
  const dates: CalendarDate[] = rows.map((r) => r.date);
  const hostFlows = rows.map((r) => r.hostCashFlow);
  const irr = xirr(dates, hostFlows);
  return {
    contractValue,
    averageAnnualRevenue: null,
    revenuePerMWYear: null,
    totalCredits,
    uncreditedPrepayment: subtractMoney(prepayments, totalCredits),
    totalNetCash,
    npv: discountRate === null ? null : npv(combined, discountRate, "netCashFlow", factorsOnce(discountRate)),
    firstMonth: rows[0].date,
    lastMonth: rows[rows.length - 1].date,
    totalCapex,
    hostNpv: discountRate === null ? null : npv(combined, discountRate, "hostCashFlow", factorsOnce(discountRate)),
    irr: irr.rate,
    irrNone: irr.rate === null ? irr.reason : null,
    paybackMonth: paybackMonth(dates, hostFlows),
    contractValueAllRenewals,
    capacityMW: new Decimal(capacityMW),
  };
}

/** Computes a validated portfolio: each deal's schedule, the combined schedule and the summary. */
export function buildPortfolio(
  portfolio: Portfolio,
  discountRate: Decimal | null = portfolio.discountRate,
): PortfolioModel {
  const deals = portfolio.deals.map((terms) => ({ terms, schedule: buildSchedule(terms) }));
  return portfolioOfSchedules(portfolio, deals, discountRate);
}

/** The same from schedules already built (the functions keep deals in a cache). */
export function portfolioOfSchedules(
  portfolio: Portfolio,
  deals: readonly PortfolioDeal[],
  discountRate: Decimal | null,
): PortfolioModel {
  const combined = combineSchedules(deals);
  return { portfolio, deals, combined, summary: summarizePortfolio(deals, combined, discountRate) };
}

/** Validates a raw portfolio and computes it. Never throws. */
export function computePortfolio(input: unknown, options: ValidateOptions = {}): Result<PortfolioModel> {
  const checked = validatePortfolio(input, options);
  return checked.ok ? ok(buildPortfolio(checked.value)) : fail(checked.error.problems);
}

/** Prepayment remaining at a date over the book: Σ of each deal's. */
export function portfolioRemaining(model: PortfolioModel, date: CalendarDate): Decimal {
  const m = monthIndex(date);
  return model.deals.reduce((sum, d) => sum.plus(remainingAt(d, m)), ZERO);
}
