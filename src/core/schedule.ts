import { monthIndex, monthStart, type CalendarDate } from "./dates";
import { Decimal, Escalation, Exact, ZERO, exactRound2 } from "./decimal";
import { billingMonths, type Terms } from "./terms";

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
  /** The host's capex of the month (analysis.md §9); 0 when none. */
  readonly capex: Decimal;
  /** Net cash flow − capex. */
  readonly hostCashFlow: Decimal;
  /** Prepayment not yet credited after this month's credit. */
  readonly prepaymentRemaining: Decimal;
}

export interface Schedule {
  readonly terms: Terms;
  readonly rows: readonly ScheduleRow[];
  /** Month index of rows[0]. */
  readonly firstMonthIndex: number;
}

const HUNDRED = new Decimal(100);
const EXACT_ZERO = new Exact(0);

interface TrancheState {
  readonly start: number;
  readonly end: number; // exclusive
  readonly mw: Exact;
  /** mw × rate of (escalation year y, renewals begun n), computed once per pair it is needed. */
  readonly mwRate: Map<number, Exact>;
}

/** When renewals begin, in months of a tranche (analysis.md §10). */
interface RenewalClock {
  readonly termMonths: number;
  readonly renewalMonths: number;
}

/** Renewals begun by month k of a tranche: a renewal begins at k = termMonths + j × renewalMonths. */
function renewalsBegun(k: number, clock: RenewalClock): number {
  return k < clock.termMonths ? 0 : 1 + Math.floor((k - clock.termMonths) / clock.renewalMonths);
}

/** The first month of a tranche (k) after k at which a renewal begins. */
function nextRenewal(k: number, clock: RenewalClock): number {
  return clock.termMonths + renewalsBegun(k, clock) * clock.renewalMonths;
}

/** What bills in a month; it changes only when a tranche starts, ends or has an anniversary. */
interface FeeState {
  readonly billedMW: Decimal;
  readonly rate: Decimal;
  readonly grossFee: Decimal;
  readonly opex: Decimal;
  readonly billing: boolean;
  /** Percent-of-fee: round2(creditPercent × gross). */
  readonly percentCredit: Decimal;
  /** The first month after this one in which the state may change. */
  readonly until: number;
}

/**
 * Straight-line scheduled credits, round2(P × j / N) − round2(P × (j − 1) / N),
 * in exact integer cents: P × j = N × a + r is kept as (a, r) and advanced by
 * (⌊P/N⌋, P mod N) each credit month, so no division is repeated. Exact for
 * P below 2^53 cents, which the limits guarantee (limits.ts).
 */
class StraightLineCredits {
  private readonly step: number;
  private readonly stepRemainder: number;
  private a = 0;
  private r = 0;
  private cumulative = 0;
  private j = 0;
  private readonly decimals = new Map<number, Decimal>();

  constructor(
    prepaymentCents: number,
    private readonly n: number,
  ) {
    this.step = Math.floor(prepaymentCents / n);
    this.stepRemainder = prepaymentCents - this.step * n;
  }

  /** The scheduled credit of the next credit month (0 after the N-th). */
  next(): Decimal {
    if (this.j >= this.n) return ZERO;
    this.j++;
    this.a += this.step;
    this.r += this.stepRemainder;
    if (this.r >= this.n) {
      this.a++;
      this.r -= this.n;
    }
    const rounded = this.a + (2 * this.r >= this.n ? 1 : 0); // half away from zero
    const cents = rounded - this.cumulative;
    this.cumulative = rounded;
    let d = this.decimals.get(cents);
    if (d === undefined) {
      d = new Decimal(cents).dividedBy(HUNDRED);
      this.decimals.set(cents, d);
    }
    return d;
  }
}

function feeState(
  m: number,
  tranches: readonly TrancheState[],
  rateFor: (year: number, renewals: number) => Exact,
  clock: RenewalClock,
  opexRate: Exact,
  creditPercent: Exact | null,
): FeeState {
  let billedMW = EXACT_ZERO;
  let weighted = EXACT_ZERO;
  let count = 0;
  let until = Number.POSITIVE_INFINITY;
  for (const t of tranches) {
    if (m < t.start) {
      until = Math.min(until, t.start);
      continue;
    }
    if (m >= t.end) continue;
    const k = m - t.start;
    const year = Math.floor(k / 12);
    const n = renewalsBegun(k, clock);
    until = Math.min(until, t.start + 12 * (year + 1), t.start + nextRenewal(k, clock), t.end);
    const key = year * 64 + n;
    let mwRate = t.mwRate.get(key);
    if (mwRate === undefined) {
      mwRate = t.mw.times(rateFor(year, n));
      t.mwRate.set(key, mwRate);
    }
    billedMW = billedMW.plus(t.mw);
    weighted = weighted.plus(mwRate);
    count++;
  }
  // Σ mw × 1000 × rate = 1000 × Σ mw × rate, exactly.
  const grossFee = count > 0 ? exactRound2(weighted.times(1000)) : ZERO;
  return {
    billedMW: new Decimal(billedMW),
    // The one division of the schedule, at the product's 40 digits: the rate column is informational.
    rate: count > 0 ? new Decimal(weighted).dividedBy(new Decimal(billedMW)) : ZERO,
    grossFee,
    opex: exactRound2(opexRate.times(billedMW)),
    billing: count > 0,
    percentCredit: creditPercent ? exactRound2(creditPercent.times(grossFee)) : ZERO,
    until,
  };
}

/**
 * The monthly schedule of validated terms (spec §3). What bills changes only
 * when a tranche starts, ends or passes an anniversary, so the fees are
 * computed once per such change, not once per month.
 */
export function buildSchedule(terms: Terms): Schedule {
  const months = billingMonths(terms);
  const tranches: TrancheState[] = terms.tranches.map((t) => {
    const start = monthIndex(t.date);
    return { start, end: start + months, mw: new Exact(t.mw), mwRate: new Map() };
  });
  const P = terms.prepayment;
  const hasPrepayment = P.greaterThan(0);
  const prepMonth = monthIndex(terms.prepaymentDate);
  const capexByMonth = new Map<number, Decimal>();
  let first = hasPrepayment ? Math.min(tranches[0].start, prepMonth) : tranches[0].start;
  for (const item of terms.capex) {
    if (item.amount.isZero()) continue;
    const m = monthIndex(item.date);
    capexByMonth.set(m, (capexByMonth.get(m) ?? ZERO).plus(item.amount));
    first = Math.min(first, m);
  }
  const last = Math.max(...tranches.map((t) => t.end)) - 1;

  // rates[y] = ratePerKWMonth × (1 + escalator)^y, carried at 80 significant digits (decimal.ts).
  const rates: Exact[] = [new Exact(terms.ratePerKWMonth)];
  const growth = new Escalation(terms.escalator).plus(1);
  let chain = new Escalation(terms.ratePerKWMonth);
  const rateForYear = (y: number): Exact => {
    while (rates.length <= y) {
      chain = chain.times(growth);
      rates.push(new Exact(chain));
    }
    return rates[y];
  };
  // steps[n] = (1 + renewalRateStep)^n, at the same 80 digits; the product with a year's rate is exact.
  const steps: Exact[] = [new Exact(1)];
  const stepGrowth = new Escalation(terms.renewalRateStep).plus(1);
  let stepChain = new Escalation(1);
  const rateFor = (y: number, n: number): Exact => {
    if (n === 0) return rateForYear(y);
    while (steps.length <= n) {
      stepChain = stepChain.times(stepGrowth);
      steps.push(new Exact(stepChain));
    }
    return rateForYear(y).times(steps[n]);
  };
  const clock: RenewalClock = { termMonths: terms.termMonths, renewalMonths: terms.renewalMonths };

  const percentOfFee = terms.creditMethod === "percent-of-fee";
  const straightLine =
    hasPrepayment && !percentOfFee ? new StraightLineCredits(P.times(100).toNumber(), terms.creditMonths ?? 1) : null;

  const opexRate = new Exact(terms.opexPerMWMonth);
  const creditPercent = percentOfFee && terms.creditPercent ? new Exact(terms.creditPercent) : null;
  const rows: ScheduleRow[] = [];
  let remaining = P;
  let carry = ZERO;
  let state: FeeState | undefined;

  for (let m = first; m <= last; m++) {
    if (state === undefined || m >= state.until) {
      state = feeState(m, tranches, rateFor, clock, opexRate, creditPercent);
    }
    const { grossFee, opex } = state;

    let credit = ZERO;
    // Once the prepayment is recouped there is nothing left to credit (and carry cannot matter).
    if (hasPrepayment && state.billing && m >= prepMonth && !remaining.isZero()) {
      const scheduled = straightLine ? straightLine.next() : state.percentCredit;
      const due = carry.isZero() ? scheduled : scheduled.plus(carry);
      credit = due;
      if (remaining.lessThan(credit)) credit = remaining;
      if (grossFee.lessThan(credit)) credit = grossFee;
      carry = credit === due ? ZERO : due.minus(credit);
      if (!credit.isZero()) remaining = remaining.minus(credit);
    }

    const netFee = credit.isZero() ? grossFee : grossFee.minus(credit);
    let netCashFlow = opex.isZero() ? netFee : netFee.minus(opex);
    if (hasPrepayment && m === prepMonth) netCashFlow = netCashFlow.plus(P);
    const capex = capexByMonth.get(m) ?? ZERO;

    rows.push({
      date: monthStart(m),
      billedMW: state.billedMW,
      rate: state.rate,
      grossFee,
      credit,
      netFee,
      opex,
      netCashFlow,
      capex,
      hostCashFlow: capex.isZero() ? netCashFlow : netCashFlow.minus(capex),
      prepaymentRemaining: remaining,
    });
  }
  return { terms, rows, firstMonthIndex: first };
}
