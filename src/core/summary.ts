import { centsDecimal } from "./cents";
import { daysBetween, monthIndex, monthStart, type CalendarDate } from "./dates";
import {
  Decimal,
  ZERO,
  ZERO_MONEY,
  addMoney,
  asMoney,
  round2,
  subtractMoney,
  unrounded,
  type Money,
  type Unrounded,
} from "./decimal";
import { paybackMonth, xirr, xirrCents, type NoIrr } from "./returns";
import { buildSchedule, type Schedule, type ScheduleRow } from "./schedule";
import { billingMonths, type Terms } from "./terms";
import { certifiedXnpvCents } from "./xnpv";

export interface Summary {
  /** Σ gross fees. */
  readonly contractValue: Money;
  /** contractValue × 12 / billing months (the term plus exercised renewals), unrounded. */
  readonly averageAnnualRevenue: Unrounded;
  /** averageAnnualRevenue / capacityMW, unrounded. */
  readonly revenuePerMWYear: Unrounded;
  readonly totalCredits: Money;
  /** Prepayment not credited by the schedule's end. */
  readonly uncreditedPrepayment: Money;
  /** Σ net cash flows, prepayment included. */
  readonly totalNetCash: Money;
  /** XNPV of the net cash flows at the given or the terms' discount rate, rounded to cents (`npv`); null when there is none. */
  readonly npv: Money | null;
  readonly firstMonth: CalendarDate;
  readonly lastMonth: CalendarDate;
  /** Σ capex (analysis.md §9). */
  readonly totalCapex: Money;
  /** XNPV of the host cash flows at the discount rate, rounded to cents (`npv`); null when there is none. */
  readonly hostNpv: Money | null;
  /** The IRR of the host cash flows (XIRR convention), or null with the reason. */
  readonly irr: Decimal | null;
  readonly irrNone: NoIrr | null;
  /** The month from which the cumulative host cash flow stays >= 0; null when it ends negative. */
  readonly paybackMonth: CalendarDate | null;
  /** The contract value were every renewal option exercised (analysis.md §10). */
  readonly contractValueAllRenewals: Money;
  /** MW leased: the sum of the tranches. */
  readonly capacityMW: Decimal;
}

const DAYS_PER_YEAR = new Decimal(365);

/** A money column of the schedule that an NPV can be taken of. */
export type CashColumn = "netCashFlow" | "hostCashFlow";

/** What an XNPV reads of a schedule: its rows and first month, and its cents when it has them. */
export type NpvSource = Pick<Schedule, "rows" | "firstMonthIndex"> & Partial<Pick<Schedule, "terms" | "cents">>;

/** Discount factors as a list, or a function that makes them (called only when the reference is needed). */
export type FactorSource = readonly Decimal[] | (() => readonly Decimal[]);

/**
 * Excel's XNPV over one cash column of the schedule: Σ CF / (1 + r)^(days / 365),
 * days counted from the schedule's first row, rounded to cents (half away from
 * zero): the cent of the 40-digit `npvReference`, decided in binary floating
 * point with a proven error bound where it can be (xnpv.ts), by the reference
 * where it cannot. `factors` (of `discountFactors`) serve the reference only.
 */
export function npv(
  schedule: NpvSource,
  rate: Decimal,
  column: CashColumn = "netCashFlow",
  factors?: FactorSource,
): Money {
  const rows = schedule.rows;
  if (rows.length === 0) return ZERO_MONEY;
  const cents = schedule.cents?.[column];
  const decided = cents
    ? certifiedXnpvCents(cents, 0, schedule.firstMonthIndex, rate)
    : certifiedXnpvCents(decimalFlowsInCents(rows, column), 2, schedule.firstMonthIndex, rate);
  if (decided !== undefined) return centsDecimal(decided);
  return round2(npvReference(schedule, rate, column, typeof factors === "function" ? factors() : factors));
}

/**
 * `npv` of monthly flows given as integer cents (month i at index i, from the
 * first day of `firstMonthIndex`): for a caller that keeps the cents and not
 * the schedule (the functions' figures). Decimals are made only when the
 * float estimate cannot decide the cent.
 */
export function npvOfCents(flows: Float64Array, firstMonthIndex: number, rate: Decimal): Money {
  if (flows.length === 0) return ZERO_MONEY;
  const decided = certifiedXnpvCents(flows, 0, firstMonthIndex, rate);
  if (decided !== undefined) return centsDecimal(decided);
  const rows = Array.from(flows, (c) => ({ netCashFlow: centsDecimal(c) }) as ScheduleRow);
  return round2(npvReference({ rows, firstMonthIndex }, rate, "netCashFlow"));
}

/** A column's decimals × 100 as doubles: each within 2 rounding errors (u) of the exact cents. */
function decimalFlowsInCents(rows: Schedule["rows"], column: CashColumn): Float64Array {
  const out = new Float64Array(rows.length);
  let last: Decimal | undefined;
  let value = 0;
  for (let i = 0; i < rows.length; i++) {
    const flow = rows[i][column];
    if (flow !== last) {
      value = flow.toNumber() * 100;
      last = flow;
    }
    out[i] = value;
  }
  return out;
}

/**
 * The 40-digit XNPV of a cash column, unrounded: the reference `npv` rounds
 * (and the oracle of its float path in the tests).
 */
export function npvReference(
  schedule: NpvSource,
  rate: Decimal,
  column: CashColumn = "netCashFlow",
  factors: readonly Decimal[] = discountFactors(rate, schedule.firstMonthIndex, schedule.rows.length),
): Unrounded {
  const rows = schedule.rows;
  if (rows.length === 0) return unrounded(ZERO);
  let total: Decimal = rows[0][column];
  for (let i = 1; i < rows.length; i++) {
    const cf = rows[i][column];
    if (!cf.isZero()) total = total.plus(cf.times(factors[i]));
  }
  return unrounded(total);
}

/**
 * 1 / (1 + r)^(d/365) for the first day of each month from `firstMonth` on
 * (d counted from the first), built up month by month: a row's factor is the
 * previous row's times perDay^(days between them), and a month has 28 to 31
 * days, so four powers serve a whole schedule. They depend on the rate and
 * the first month only: a caller may keep them for every deal that shares both.
 */
export function discountFactors(rate: Decimal, firstMonth: number, count: number): readonly Decimal[] {
  const factors = [new Decimal(1)];
  const perDay = rate.plus(1).ln().dividedBy(DAYS_PER_YEAR).negated().exp();
  const steps = new Map<number, Decimal>();
  for (let i = 1; i < count; i++) {
    const gap = daysBetween(monthStart(firstMonth + i - 1), monthStart(firstMonth + i));
    let step = steps.get(gap);
    if (step === undefined) {
      step = perDay.pow(gap);
      steps.set(gap, step);
    }
    factors.push(factors[i - 1].times(step));
  }
  return factors;
}

/** The contract value were every renewal option exercised. */
export function contractValueAllRenewals(schedule: Pick<Schedule, "terms">, contractValue: Money): Money {
  const { terms } = schedule;
  if (terms.renewalsExercised === terms.renewalOptions) return contractValue;
  const all = buildSchedule({ ...terms, renewalsExercised: terms.renewalOptions });
  const fast = all.cents && centsSum(all.cents.grossFee);
  if (fast) return fast;
  return all.rows.reduce((sum, r) => (r.grossFee.isZero() ? sum : addMoney(sum, r.grossFee)), ZERO_MONEY);
}

/** Σ of a money column from the schedule's cents, or undefined without them or past 2^53 (then sum the decimals). */
export function columnSum(schedule: Schedule, column: keyof NonNullable<Schedule["cents"]>): Money | undefined {
  const c = schedule.cents;
  return c ? centsSum(c[column]) : undefined;
}

/** Σ of a cents column as a Decimal, or undefined when a partial sum could pass 2^53 (then sum the decimals). */
function centsSum(column: Float64Array): Money | undefined {
  let sum = 0;
  for (let i = 0; i < column.length; i++) {
    sum += column[i];
    if (!(Math.abs(sum) <= Number.MAX_SAFE_INTEGER)) return undefined;
  }
  return centsDecimal(sum);
}

/**
 * returns.ts's `paybackMonth` over cents: the same rule on exact integer
 * sums. undefined (not null) when a partial sum could pass 2^53: then the
 * decimal rule decides.
 */
function centsPayback(flows: Float64Array, dates: readonly CalendarDate[]): CalendarDate | null | undefined {
  const i = paybackIndexOfCents(flows);
  return i === undefined || i === null ? i : dates[i];
}

/** `centsPayback`'s row index: the payback month's row, null for none, undefined past 2^53. */
export function paybackIndexOfCents(flows: Float64Array): number | null | undefined {
  let cumulative = 0;
  let lastNegative = -1;
  for (let i = 0; i < flows.length; i++) {
    cumulative += flows[i];
    if (!(Math.abs(cumulative) <= Number.MAX_SAFE_INTEGER)) return undefined;
    if (cumulative < 0) lastNegative = i;
  }
  if (lastNegative === flows.length - 1) return null;
  return lastNegative + 1;
}

/** Σ gross fees, credits, net cash flows and capex: from the cents when the schedule has them. */
function totals(schedule: Schedule): {
  contractValue: Money;
  totalCredits: Money;
  totalNetCash: Money;
  totalCapex: Money;
} {
  const c = schedule.cents;
  if (c) {
    const contractValue = centsSum(c.grossFee);
    const totalCredits = centsSum(c.credit);
    const totalNetCash = centsSum(c.netCashFlow);
    const totalCapex = centsSum(c.capex);
    if (contractValue && totalCredits && totalNetCash && totalCapex) {
      return { contractValue, totalCredits, totalNetCash, totalCapex };
    }
  }
  let contractValue = ZERO_MONEY;
  let totalCredits = ZERO_MONEY;
  let totalNetCash = ZERO_MONEY;
  let totalCapex = ZERO_MONEY;
  for (const row of schedule.rows) {
    contractValue = addMoney(contractValue, row.grossFee);
    totalCredits = addMoney(totalCredits, row.credit);
    totalNetCash = addMoney(totalNetCash, row.netCashFlow);
    if (!row.capex.isZero()) totalCapex = addMoney(totalCapex, row.capex);
  }
  return { contractValue, totalCredits, totalNetCash, totalCapex };
}

/** The costly part of a summary: the host's IRR (a root search) and payback, and a second schedule's value. */
export type SummaryReturns = Pick<Summary, "irr" | "irrNone" | "paybackMonth" | "contractValueAllRenewals">;
/** A summary without its returns: sums of the schedule's lines (and the NPVs when a rate is given). */
export type SummaryBase = Omit<Summary, keyof SummaryReturns>;

export function summarize(schedule: Schedule, discountRate: Decimal | null = schedule.terms.discountRate): Summary {
  const base = summaryBase(schedule, discountRate);
  const dates = schedule.rows.map((r) => r.date);
  const cents = schedule.cents?.hostCashFlow;
  // With cents, the decimals are made only if a sum could pass 2^53 (never within the limits).
  const hostFlows = cents ? undefined : schedule.rows.map((r) => r.hostCashFlow);
  return withReturns(
    base,
    returnsOf(
      schedule.terms,
      dates,
      hostFlows ?? (() => schedule.rows.map((r) => r.hostCashFlow)),
      cents,
      base.contractValue,
    ),
  );
}

/** Everything of a summary but its returns (`hostReturns`), which a caller may compute later. */
export function summaryBase(
  schedule: Schedule,
  discountRate: Decimal | null = schedule.terms.discountRate,
): SummaryBase {
  const { terms, rows } = schedule;
  const { contractValue, totalCredits, totalNetCash, totalCapex } = totals(schedule);
  const averageAnnualRevenue = unrounded(contractValue.times(12).dividedBy(billingMonths(terms)));
  let factors: readonly Decimal[] | undefined;
  const factorsOnce = () =>
    (factors ??= discountFactors(discountRate as Decimal, schedule.firstMonthIndex, rows.length));
  return {
    contractValue,
    averageAnnualRevenue,
    revenuePerMWYear: unrounded(averageAnnualRevenue.dividedBy(terms.capacityMW)),
    totalCredits,
    uncreditedPrepayment: subtractMoney(asMoney(terms.prepayment), totalCredits),
    totalNetCash,
    npv: discountRate === null ? null : npv(schedule, discountRate, "netCashFlow", factorsOnce),
    firstMonth: rows[0].date,
    lastMonth: rows[rows.length - 1].date,
    totalCapex,
    hostNpv: discountRate === null ? null : npv(schedule, discountRate, "hostCashFlow", factorsOnce),
    capacityMW: terms.capacityMW,
  };
}

/**
 * The IRR and payback of the host cash flows (one per month from the first
 * row's date), and the contract value were every renewal exercised.
 * `hostCents`, when given, holds the same flows in cents (a faster payback).
 */
export function hostReturns(
  terms: Terms,
  dates: readonly CalendarDate[],
  hostFlows: readonly Decimal[],
  hostCents: Float64Array | undefined,
  contractValue: Money,
): SummaryReturns {
  return returnsOf(terms, dates, hostFlows, hostCents, contractValue);
}

/** `hostReturns`, the decimals made only when the cents cannot serve. */
function returnsOf(
  terms: Terms,
  dates: readonly CalendarDate[],
  hostFlows: readonly Decimal[] | (() => readonly Decimal[]),
  hostCents: Float64Array | undefined,
  contractValue: Money,
): SummaryReturns {
  const decimals = () => (typeof hostFlows === "function" ? hostFlows() : hostFlows);
  const irr = hostCents ? xirrCents(dates, hostCents) : xirr(dates, decimals());
  const payback = hostCents ? centsPayback(hostCents, dates) : undefined;
  return {
    irr: irr.rate,
    irrNone: irr.rate === null ? irr.reason : null,
    paybackMonth: payback === undefined ? paybackMonth(dates, decimals()) : payback,
    contractValueAllRenewals: contractValueAllRenewals({ terms }, contractValue),
  };
}

/** A summary from its two parts, its fields in the interface's order (files list them as they come). */
export function withReturns(base: SummaryBase, r: SummaryReturns): Summary {
  return {
    contractValue: base.contractValue,
    averageAnnualRevenue: base.averageAnnualRevenue,
    revenuePerMWYear: base.revenuePerMWYear,
    totalCredits: base.totalCredits,
    uncreditedPrepayment: base.uncreditedPrepayment,
    totalNetCash: base.totalNetCash,
    npv: base.npv,
    firstMonth: base.firstMonth,
    lastMonth: base.lastMonth,
    totalCapex: base.totalCapex,
    hostNpv: base.hostNpv,
    irr: r.irr,
    irrNone: r.irrNone,
    paybackMonth: r.paybackMonth,
    contractValueAllRenewals: r.contractValueAllRenewals,
    capacityMW: base.capacityMW,
  };
}

/**
 * Prepayment remaining at a date: P − Σ credits of the months whose first day
 * is on or before the date. P before any credit, the uncredited remainder
 * after the schedule's end.
 */
export function prepaymentRemaining(schedule: Schedule, date: CalendarDate): Money {
  const { rows, firstMonthIndex, terms } = schedule;
  const i = Math.min(monthIndex(date) - firstMonthIndex, rows.length - 1);
  return i < 0 ? asMoney(terms.prepayment) : rows[i].prepaymentRemaining;
}

/**
 * The month whose credit brings the prepayment remaining to 0 (first day),
 * or null when there is no prepayment or it is not fully credited by the end.
 */
export function fullyCreditedMonth(schedule: Schedule): CalendarDate | null {
  if (schedule.terms.prepayment.isZero()) return null;
  return schedule.rows.find((r) => r.prepaymentRemaining.isZero())?.date ?? null;
}
