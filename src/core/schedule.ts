import { monthIndex, monthStart, type CalendarDate } from "./dates";
import { Decimal, ZERO, minDecimal, round2 } from "./decimal";
import type { Terms } from "./terms";

/** One month of the schedule. Money lines are in cents. */
export interface ScheduleRow {
  /** First day of the month. */
  readonly date: CalendarDate;
  readonly billedMW: Decimal;
  /** The MW-weighted rate of the billing tranches ($/kW-month), exact; 0 when nothing bills. */
  readonly rate: Decimal;
  readonly grossFee: Decimal;
  readonly credit: Decimal;
  readonly netFee: Decimal;
  readonly opex: Decimal;
  /** Net fee − opex, plus the prepayment in its month. */
  readonly netCashFlow: Decimal;
  /** Prepayment not yet credited after this month's credit. */
  readonly prepaymentRemaining: Decimal;
}

export interface Schedule {
  readonly terms: Terms;
  readonly rows: readonly ScheduleRow[];
  /** Month index of rows[0]. */
  readonly firstMonthIndex: number;
}

const THOUSAND = new Decimal(1000);

interface TrancheState {
  readonly start: number;
  readonly end: number; // exclusive
  readonly mw: Decimal;
  readonly kw: Decimal;
}

/**
 * The monthly schedule of validated terms (spec §3). Per-tranche fees change
 * only on anniversaries, so each tranche's fee for escalation year y is
 * computed once and reused for its twelve months.
 */
export function buildSchedule(terms: Terms): Schedule {
  const tranches: TrancheState[] = terms.tranches.map((t) => {
    const start = monthIndex(t.date);
    return { start, end: start + terms.termMonths, mw: t.mw, kw: t.mw.times(THOUSAND) };
  });
  const P = terms.prepayment;
  const hasPrepayment = P.greaterThan(0);
  const prepMonth = monthIndex(terms.prepaymentDate);
  const firstBilling = tranches[0].start;
  const first = hasPrepayment ? Math.min(firstBilling, prepMonth) : firstBilling;
  const last = Math.max(...tranches.map((t) => t.end)) - 1;

  // rates[y] = ratePerKWMonth × (1 + escalator)^y, exact at 40 digits.
  const rates: Decimal[] = [terms.ratePerKWMonth];
  const growth = terms.escalator.plus(1);
  const rateForYear = (y: number): Decimal => {
    while (rates.length <= y) rates.push(rates[rates.length - 1].times(growth));
    return rates[y];
  };

  const straightLine = terms.creditMethod === "straight-line";
  const N = terms.creditMonths ?? 0;
  const pct = terms.creditPercent ?? ZERO;
  const opexRate = terms.opexPerMWMonth;

  const rows: ScheduleRow[] = [];
  let remaining = P;
  let carry = ZERO;
  let creditIndex = 0; // j of the last credit month
  let scheduledSoFar = ZERO; // round2(P × j / N)
  let lastBilledMW: Decimal | undefined;
  let lastOpex = ZERO;

  for (let m = first; m <= last; m++) {
    let billedMW = ZERO;
    let exactFee = ZERO;
    let weighted = ZERO;
    let onlyRate = ZERO;
    let count = 0;
    for (const t of tranches) {
      if (m < t.start || m >= t.end) continue;
      const r = rateForYear(Math.floor((m - t.start) / 12));
      if (count === 0) {
        billedMW = t.mw;
        exactFee = t.kw.times(r);
        onlyRate = r;
      } else {
        if (count === 1) weighted = billedMW.times(onlyRate);
        billedMW = billedMW.plus(t.mw);
        exactFee = exactFee.plus(t.kw.times(r));
        weighted = weighted.plus(t.mw.times(r));
      }
      count++;
    }
    const billing = count > 0;
    const grossFee = billing ? round2(exactFee) : ZERO;
    const rate = count === 0 ? ZERO : count === 1 ? onlyRate : weighted.dividedBy(billedMW);

    let credit = ZERO;
    if (hasPrepayment && billing && m >= prepMonth) {
      let scheduled: Decimal;
      if (straightLine) {
        if (creditIndex < N) {
          creditIndex++;
          const next = round2(P.times(creditIndex).dividedBy(N));
          scheduled = next.minus(scheduledSoFar);
          scheduledSoFar = next;
        } else {
          scheduled = ZERO;
        }
      } else {
        scheduled = round2(pct.times(grossFee));
      }
      const due = scheduled.plus(carry);
      credit = minDecimal(minDecimal(grossFee, remaining), due);
      carry = due.minus(credit);
      remaining = remaining.minus(credit);
    }

    if (lastBilledMW === undefined || !billedMW.equals(lastBilledMW)) {
      lastOpex = round2(opexRate.times(billedMW));
      lastBilledMW = billedMW;
    }
    const netFee = grossFee.minus(credit);
    let netCashFlow = netFee.minus(lastOpex);
    if (hasPrepayment && m === prepMonth) netCashFlow = netCashFlow.plus(P);

    rows.push({
      date: monthStart(m),
      billedMW,
      rate,
      grossFee,
      credit,
      netFee,
      opex: lastOpex,
      netCashFlow,
      prepaymentRemaining: remaining,
    });
  }
  return { terms, rows, firstMonthIndex: first };
}
