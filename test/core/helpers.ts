import DecimalBase from "decimal.js";
import {
  computeDeal,
  money,
  parseIsoDate,
  type CalendarDate,
  type DealModel,
  type ValidateOptions,
} from "../../src/core";

/**
 * Test helpers for the calculation core. The reference model below is an
 * independent reading of spec §3 (not a copy of src/core/schedule.ts): plain
 * loops over months and tranches, in decimal arithmetic far wider than the
 * product's, so that it is exact for every deal the tests generate.
 */

/** Wide decimals for expectations: 200 significant digits, ROUND_HALF_UP = half away from zero. */
export const Wide = DecimalBase.clone({ precision: 200, rounding: DecimalBase.ROUND_HALF_UP, toExpPos: 200 });
export type Wide = InstanceType<typeof Wide>;

export function wide(x: { toString(): string } | number | string): Wide {
  return new Wide(typeof x === "object" ? x.toString() : x);
}

/** Excel's ROUND(x, 2): half away from zero. */
export function r2(x: Wide): Wide {
  return x.toDecimalPlaces(2, Wide.ROUND_HALF_UP);
}

export function cents(x: Wide): string {
  return x.toFixed(2, Wide.ROUND_HALF_UP);
}

export function d(iso: string): CalendarDate {
  const date = parseIsoDate(iso);
  if (!date) throw new Error(`bad test date ${iso}`);
  return date;
}

export function iso(date: CalendarDate): string {
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Validates and computes a deal that the test knows to be valid. */
export function model(deal: Record<string, unknown>, options?: ValidateOptions): DealModel {
  const result = computeDeal(deal, options);
  if (!result.ok) throw new Error(`expected a valid deal, got: ${result.error.message}`);
  return result.value;
}

export type MoneyColumn = "grossFee" | "credit" | "netFee" | "opex" | "netCashFlow" | "prepaymentRemaining";

/** A money column of the schedule as exact cent strings. */
export function column(m: DealModel, key: MoneyColumn): string[] {
  return m.schedule.rows.map((r) => money(r[key]));
}

export function dates(m: DealModel): string[] {
  return m.schedule.rows.map((r) => iso(r.date));
}

/** `n` copies of `value`. */
export function rep<T>(value: T, n: number): T[] {
  return Array.from({ length: n }, () => value);
}

/** Month index (year × 12 + month − 1) of a date, as the spec counts calendar months. */
export function monthOf(date: CalendarDate): number {
  return date.year * 12 + date.month - 1;
}

// ---------------------------------------------------------------------------
// Reference model (spec §3), for the property tests.

export interface RefTranche {
  /** Month index of the tranche's date. */
  readonly month: number;
  readonly mw: string;
}

export interface RefDeal {
  readonly tranches: readonly RefTranche[];
  readonly rate: string;
  readonly termMonths: number;
  readonly escalator: string;
  readonly prepayment: string;
  /** Month index of the prepayment date. */
  readonly prepaymentMonth: number;
  readonly creditMethod: "straight-line" | "percent-of-fee";
  readonly creditMonths: number;
  readonly creditPercent: string;
  readonly opex: string;
}

export interface RefRow {
  readonly month: number;
  readonly billedMW: Wide;
  readonly grossFee: Wide;
  readonly credit: Wide;
  readonly netFee: Wide;
  readonly opex: Wide;
  readonly netCashFlow: Wide;
  readonly prepaymentRemaining: Wide;
}

export function referenceSchedule(deal: RefDeal): RefRow[] {
  const P = wide(deal.prepayment);
  const starts = deal.tranches.map((t) => t.month);
  const firstBilling = Math.min(...starts);
  const first = P.greaterThan(0) ? Math.min(firstBilling, deal.prepaymentMonth) : firstBilling;
  const last = Math.max(...starts) + deal.termMonths - 1;
  const growth = wide(deal.escalator).plus(1);
  const N = deal.creditMonths;
  const factors: Wide[] = [];
  const factor = (year: number): Wide => (factors[year] ??= growth.pow(year));
  const rows: RefRow[] = [];
  let remaining = P;
  let carry = wide(0);
  let j = 0;
  for (let m = first; m <= last; m++) {
    let exact = wide(0);
    let billedMW = wide(0);
    let bills = false;
    for (const t of deal.tranches) {
      const k = m - t.month;
      if (k < 0 || k >= deal.termMonths) continue;
      bills = true;
      billedMW = billedMW.plus(t.mw);
      exact = exact.plus(
        wide(t.mw)
          .times(1000)
          .times(wide(deal.rate).times(factor(Math.floor(k / 12)))),
      );
    }
    const grossFee = r2(exact);
    let credit = wide(0);
    if (P.greaterThan(0) && bills && m >= deal.prepaymentMonth) {
      j += 1;
      let scheduled: Wide;
      if (deal.creditMethod === "straight-line") {
        scheduled = j <= N ? r2(P.times(j).dividedBy(N)).minus(r2(P.times(j - 1).dividedBy(N))) : wide(0);
      } else {
        scheduled = r2(wide(deal.creditPercent).times(grossFee));
      }
      const due = scheduled.plus(carry);
      credit = Wide.min(grossFee, remaining, due);
      carry = due.minus(credit);
      remaining = remaining.minus(credit);
    }
    const netFee = grossFee.minus(credit);
    const opex = r2(wide(deal.opex).times(billedMW));
    let netCashFlow = netFee.minus(opex);
    if (m === deal.prepaymentMonth) netCashFlow = netCashFlow.plus(P);
    rows.push({ month: m, billedMW, grossFee, credit, netFee, opex, netCashFlow, prepaymentRemaining: remaining });
  }
  return rows;
}
