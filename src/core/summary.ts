import { daysBetween, formatIsoDate, monthIndex, type CalendarDate } from "./dates";
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
  // 1 / (1 + r)^(d/365) is built up month by month: the discount factor of a
  // row is the previous row's times perDay^(days between them), and a month
  // has 28 to 31 days, so four powers serve the whole schedule.
  const perDay = rate.plus(1).ln().dividedBy(DAYS_PER_YEAR).negated().exp();
  const stepFactors = new Map<number, Decimal>();
  let factor = new Decimal(1);
  let total = rows[0].netCashFlow;
  for (let i = 1; i < rows.length; i++) {
    const gap = daysBetween(rows[i - 1].date, rows[i].date);
    let step = stepFactors.get(gap);
    if (step === undefined) {
      step = perDay.pow(gap);
      stepFactors.set(gap, step);
    }
    factor = factor.times(step);
    const cf = rows[i].netCashFlow;
    if (!cf.isZero()) total = total.plus(cf.times(factor));
  }
  return total;
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
