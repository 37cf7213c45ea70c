import { daysBetween, formatIsoDate, monthIndex, monthStart, type CalendarDate } from "./dates";
import { Decimal, ZERO } from "./decimal";
import type { Schedule } from "./schedule";

export interface Summary {
  /** Σ gross fees. */
  readonly contractValue: Decimal;
  /** contractValue × 12 / termMonths, unrounded. */
  readonly averageAnnualRevenue: Decimal;
  /** averageAnnualRevenue / capacityMW, unrounded. */
  readonly revenuePerMWYear: Decimal;
  readonly totalCredits: Decimal;
  /** Prepayment not credited by the schedule's end. */
  readonly uncreditedPrepayment: Decimal;
  /** Σ net cash flows, prepayment included. */
  readonly totalNetCash: Decimal;
  /** XNPV of the net cash flows at the given or the terms' discount rate; null when there is none. */
  readonly npv: Decimal | null;
  readonly firstMonth: CalendarDate;
  readonly lastMonth: CalendarDate;
}

const DAYS_PER_YEAR = new Decimal(365);

/**
 * Excel's XNPV over the schedule's net cash flows: Σ CF / (1 + r)^(days / 365),
 * days counted from the schedule's first row. Unrounded.
 */
export function npv(schedule: Schedule, rate: Decimal): Decimal {
  const rows = schedule.rows;
  if (rows.length === 0) return ZERO;
  const factors = discountFactors(rate, schedule.firstMonthIndex, rows.length);
  let total = rows[0].netCashFlow;
  for (let i = 1; i < rows.length; i++) {
    const cf = rows[i].netCashFlow;
    if (!cf.isZero()) total = total.plus(cf.times(factors[i]));
  }
  return total;
}

/** Discount factors already computed, by rate and first month: they depend on nothing else. */
const FACTOR_CACHE_ENTRIES = 64;
const factorCache = new Map<string, Decimal[]>();

/**
 * 1 / (1 + r)^(d/365) for the first day of each month from `firstMonth` on
 * (d counted from the first), built up month by month: a row's factor is the
 * previous row's times perDay^(days between them), and a month has 28 to 31
 * days, so four powers serve a whole schedule. Deals that share a rate and a
 * first month (a portfolio, or one deal whose other terms change) share the
 * factors; the cache is small and least-recently-used.
 */
function discountFactors(rate: Decimal, firstMonth: number, count: number): readonly Decimal[] {
  const key = `${rate.toString()}@${firstMonth}`;
  let factors = factorCache.get(key);
  if (factors) {
    factorCache.delete(key);
  } else {
    factors = [new Decimal(1)];
    if (factorCache.size >= FACTOR_CACHE_ENTRIES) factorCache.delete(factorCache.keys().next().value as string);
  }
  factorCache.set(key, factors);
  if (factors.length < count) {
    const perDay = rate.plus(1).ln().dividedBy(DAYS_PER_YEAR).negated().exp();
    const steps = new Map<number, Decimal>();
    for (let i = factors.length; i < count; i++) {
      const gap = daysBetween(monthStart(firstMonth + i - 1), monthStart(firstMonth + i));
      let step = steps.get(gap);
      if (step === undefined) {
        step = perDay.pow(gap);
        steps.set(gap, step);
      }
      factors.push(factors[i - 1].times(step));
    }
  }
  return factors;
}

export function summarize(schedule: Schedule, discountRate: Decimal | null = schedule.terms.discountRate): Summary {
  const { terms, rows } = schedule;
  let contractValue = ZERO;
  let totalCredits = ZERO;
  let totalNetCash = ZERO;
  for (const row of rows) {
    contractValue = contractValue.plus(row.grossFee);
    totalCredits = totalCredits.plus(row.credit);
    totalNetCash = totalNetCash.plus(row.netCashFlow);
  }
  const averageAnnualRevenue = contractValue.times(12).dividedBy(terms.termMonths);
  return {
    contractValue,
    averageAnnualRevenue,
    revenuePerMWYear: averageAnnualRevenue.dividedBy(terms.capacityMW),
    totalCredits,
    uncreditedPrepayment: terms.prepayment.minus(totalCredits),
    totalNetCash,
    npv: discountRate === null ? null : npv(schedule, discountRate),
    firstMonth: rows[0].date,
    lastMonth: rows[rows.length - 1].date,
  };
}

/**
 * Prepayment remaining at a date: P − Σ credits of the months whose first day
 * is on or before the date. P before any credit, the uncredited remainder
 * after the schedule's end.
 */
export function prepaymentRemaining(schedule: Schedule, date: CalendarDate): Decimal {
  const { rows, firstMonthIndex, terms } = schedule;
  const i = Math.min(monthIndex(date) - firstMonthIndex, rows.length - 1);
  return i < 0 ? terms.prepayment : rows[i].prepaymentRemaining;
}

/** The month as the summary shows it: ISO date of its first day. */
export function monthLabel(d: CalendarDate): string {
  return formatIsoDate(d);
}

/**
 * The month whose credit brings the prepayment remaining to 0 (first day),
 * or null when there is no prepayment or it is not fully credited by the end.
 */
export function fullyCreditedMonth(schedule: Schedule): CalendarDate | null {
  if (schedule.terms.prepayment.isZero()) return null;
  return schedule.rows.find((r) => r.prepaymentRemaining.isZero())?.date ?? null;
}
