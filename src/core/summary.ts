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
  const t0 = rows[0].date;
  // (1 + r)^(d/365) = exp(d × ln(1 + r) / 365): one logarithm for the whole schedule.
  const lnGrowthPerDay = rate.plus(1).ln().dividedBy(DAYS_PER_YEAR);
  let total = ZERO;
  for (const row of rows) {
    if (row.netCashFlow.isZero()) continue;
    const days = daysBetween(t0, row.date);
    total = total.plus(days === 0 ? row.netCashFlow : row.netCashFlow.dividedBy(lnGrowthPerDay.times(days).exp()));
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
