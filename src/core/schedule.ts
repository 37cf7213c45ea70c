import { monthIndex, monthStart, type CalendarDate } from "./dates";
import {
  Decimal,
  Escalation,
  Exact,
  ZERO,
  ZERO_MONEY,
  addMoney,
  asMoney,
  exactRound2,
  subtractMoney,
  type Money,
} from "./decimal";
import { CentsRow, CentsTable, ExactFraction, decideCents, toCents, type RowState, type ScheduleCents } from "./cents";
import { billingMonths, type Terms } from "./terms";

/** One month of the schedule. Money lines are in cents. */
export interface ScheduleRow {
  /** First day of the month. */
  readonly date: CalendarDate;
  readonly billedMW: Decimal;
  /** The MW-weighted rate of the billing tranches ($/kW-month), exact; 0 when nothing bills. */
  readonly rate: Decimal;
  readonly grossFee: Money;
  readonly credit: Money;
  readonly netFee: Money;
  readonly opex: Money;
  /** Net fee − opex, plus the prepayment in its month. */
  readonly netCashFlow: Money;
  /** The host's capex of the month (analysis.md §9); 0 when none. */
  readonly capex: Money;
  /** Net cash flow − capex. */
  readonly hostCashFlow: Money;
  /** Prepayment not yet credited after this month's credit. */
  readonly prepaymentRemaining: Money;
}

export interface Schedule {
  readonly terms: Terms;
  readonly rows: readonly ScheduleRow[];
  /** Month index of rows[0]. */
  readonly firstMonthIndex: number;
  /** The money columns in integer cents, when the fast path built the schedule (cents.ts). */
  readonly cents?: ScheduleCents;
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
  readonly grossFee: Money;
  readonly opex: Money;
  readonly billing: boolean;
  /** Percent-of-fee: round2(creditPercent × gross). */
  readonly percentCredit: Money;
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
  private readonly decimals = new Map<number, Money>();

  constructor(
    prepaymentCents: number,
    private readonly n: number,
  ) {
    this.step = Math.floor(prepaymentCents / n);
    this.stepRemainder = prepaymentCents - this.step * n;
  }

  /** The scheduled credit of the next credit month (0 after the N-th). */
  next(): Money {
    const cents = this.nextCents();
    if (cents === 0) return ZERO_MONEY;
    let d = this.decimals.get(cents);
    if (d === undefined) {
      d = asMoney(new Decimal(cents).dividedBy(HUNDRED)); // whole cents ÷ 100: exact
      this.decimals.set(cents, d);
    }
    return d;
  }

  /** The same, in cents. */
  nextCents(): number {
    if (this.j >= this.n) return 0;
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
    return cents;
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
  const grossFee = count > 0 ? exactRound2(weighted.times(1000)) : ZERO_MONEY;
  return {
    billedMW: new Decimal(billedMW),
    // The one division of the schedule, at the product's 40 digits: the rate column is informational.
    rate: count > 0 ? new Decimal(weighted).dividedBy(new Decimal(billedMW)) : ZERO,
    grossFee,
    opex: exactRound2(opexRate.times(billedMW)),
    billing: count > 0,
    percentCredit: creditPercent ? exactRound2(creditPercent.times(grossFee)) : ZERO_MONEY,
    until,
  };
}

/** rate × (1 + escalator)^y × (1 + renewalRateStep)^n, exact to 80 digits, memoized by (y, n). */
function exactRates(terms: Terms): (year: number, renewals: number) => Exact {
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
  return rateFor;
}

/**
 * The monthly schedule of validated terms (spec §3), all in decimal.js: the
 * reference the fast path (`buildSchedule`) is tested against, and its
 * fallback. What bills changes only
 * when a tranche starts, ends or passes an anniversary, so the fees are
 * computed once per such change, not once per month.
 */
export function buildScheduleReference(terms: Terms): Schedule {
  const months = billingMonths(terms);
  const tranches: TrancheState[] = terms.tranches.map((t) => {
    const start = monthIndex(t.date);
    return { start, end: start + months, mw: new Exact(t.mw), mwRate: new Map() };
  });
  // Money terms are whole cents (validated: the terms' cents rule).
  const P = asMoney(terms.prepayment);
  const hasPrepayment = P.greaterThan(0);
  const prepMonth = monthIndex(terms.prepaymentDate);
  const capexByMonth = new Map<number, Money>();
  let first = hasPrepayment ? Math.min(tranches[0].start, prepMonth) : tranches[0].start;
  for (const item of terms.capex) {
    if (item.amount.isZero()) continue;
    const m = monthIndex(item.date);
    capexByMonth.set(m, addMoney(capexByMonth.get(m) ?? ZERO_MONEY, asMoney(item.amount)));
    first = Math.min(first, m);
  }
  const last = Math.max(...tranches.map((t) => t.end)) - 1;

  const rateFor = exactRates(terms);
  const clock: RenewalClock = { termMonths: terms.termMonths, renewalMonths: terms.renewalMonths };

  const percentOfFee = terms.creditMethod === "percent-of-fee";
  const straightLine =
    hasPrepayment && !percentOfFee ? new StraightLineCredits(P.times(100).toNumber(), terms.creditMonths ?? 1) : null;

  const opexRate = new Exact(terms.opexPerMWMonth);
  const creditPercent = percentOfFee && terms.creditPercent ? new Exact(terms.creditPercent) : null;
  const rows: ScheduleRow[] = [];
  let remaining: Money = P;
  let carry = ZERO_MONEY;
  let state: FeeState | undefined;

  for (let m = first; m <= last; m++) {
    if (state === undefined || m >= state.until) {
      state = feeState(m, tranches, rateFor, clock, opexRate, creditPercent);
    }
    const { grossFee, opex } = state;

    let credit = ZERO_MONEY;
    // Once the prepayment is recouped there is nothing left to credit (and carry cannot matter).
    if (hasPrepayment && state.billing && m >= prepMonth && !remaining.isZero()) {
      const scheduled = straightLine ? straightLine.next() : state.percentCredit;
      const due = carry.isZero() ? scheduled : addMoney(scheduled, carry);
      credit = due;
      if (remaining.lessThan(credit)) credit = remaining;
      if (grossFee.lessThan(credit)) credit = grossFee;
      carry = credit === due ? ZERO_MONEY : subtractMoney(due, credit);
      if (!credit.isZero()) remaining = subtractMoney(remaining, credit);
    }

    const netFee = credit.isZero() ? grossFee : subtractMoney(grossFee, credit);
    let netCashFlow = opex.isZero() ? netFee : subtractMoney(netFee, opex);
    if (hasPrepayment && m === prepMonth) netCashFlow = addMoney(netCashFlow, P);
    const capex = capexByMonth.get(m) ?? ZERO_MONEY;

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
      hostCashFlow: capex.isZero() ? netCashFlow : subtractMoney(netCashFlow, capex),
      prepaymentRemaining: remaining,
    });
  }
  return { terms, rows, firstMonthIndex: first };
}

/** Cents are exact integers in a double up to here; a line beyond it sends the deal to the reference. */
const MAX_CENTS = Number.MAX_SAFE_INTEGER;

/** One fee state of the fast path, in cents; `exact` is the reference's state, made only when needed. */
interface CentsState {
  readonly until: number;
  readonly billing: boolean;
  readonly grossFee: number;
  readonly opex: number;
  readonly percentCredit: number;
  readonly row: () => RowState;
}

/**
 * The monthly schedule of validated terms (spec §3), identical to
 * `buildScheduleReference` in every field of every row (test/fuzz/fastpath).
 *
 * The fees are estimated in binary floating point with a proven relative
 * error bound and rounded to the cent only when the estimate is further from
 * a half cent than that bound (`decideCents`); a state the estimate cannot
 * decide (an exact half-cent tie, a very long escalation) is computed by the
 * reference's exact `feeState`. Every other line is integer-cents arithmetic
 * on doubles, exact while it stays below 2^53; a deal that would exceed it is
 * built by the reference.
 */
export function buildSchedule(terms: Terms): Schedule {
  return buildScheduleCents(terms) ?? buildScheduleReference(terms);
}

function buildScheduleCents(terms: Terms): Schedule | undefined {
  const months = billingMonths(terms);
  const starts = terms.tranches.map((t) => monthIndex(t.date));
  const mws = terms.tranches.map((t) => t.mw.toNumber());
  const P = toCents(terms.prepayment);
  if (P === undefined) return undefined;
  const hasPrepayment = P > 0;
  const prepMonth = monthIndex(terms.prepaymentDate);
  const capexByMonth = new Map<number, number>();
  let first = hasPrepayment ? Math.min(starts[0], prepMonth) : starts[0];
  for (const item of terms.capex) {
    if (item.amount.isZero()) continue;
    const c = toCents(item.amount);
    if (c === undefined) return undefined;
    const m = monthIndex(item.date);
    const sum = (capexByMonth.get(m) ?? 0) + c;
    if (!(Math.abs(sum) <= MAX_CENTS)) return undefined;
    capexByMonth.set(m, sum);
    first = Math.min(first, m);
  }
  const last = Math.max(...starts) + months - 1;
  const clock: RenewalClock = { termMonths: terms.termMonths, renewalMonths: terms.renewalMonths };

  // Float rates: rate × g^y × s^n. Relative errors in units of 2^-53: each conversion of
  // an input 1; g = 1 + e is off by (|e| / |g| + 1) relative, and so each power adds
  // that plus one for its multiplication.
  const rate = terms.ratePerKWMonth.toNumber();
  const e = terms.escalator.toNumber();
  const g = 1 + e;
  const gError = Math.abs(e) / Math.abs(g) + 2;
  const sStep = terms.renewalRateStep.toNumber();
  const s = 1 + sStep;
  const sError = Math.abs(sStep) / Math.abs(s) + 2;
  const gPow = [1];
  const sPow = [1];
  const opexRate = terms.opexPerMWMonth.toNumber();
  const percentOfFee = terms.creditMethod === "percent-of-fee";
  const creditPercent = percentOfFee && terms.creditPercent ? terms.creditPercent.toNumber() : 0;
  const percentExact = percentOfFee && terms.creditPercent ? new ExactFraction(terms.creditPercent) : undefined;

  // The reference's exact machinery, made only for a state the floats cannot decide or a rate column read.
  let exact:
    | { tranches: TrancheState[]; rateFor: (y: number, n: number) => Exact; opex: Exact; percent: Exact | null }
    | undefined;
  const exactState = (m: number): FeeState => {
    exact ??= {
      tranches: terms.tranches.map((t, i) => ({
        start: starts[i],
        end: starts[i] + months,
        mw: new Exact(t.mw),
        mwRate: new Map(),
      })),
      rateFor: exactRates(terms),
      opex: new Exact(terms.opexPerMWMonth),
      percent: percentOfFee && terms.creditPercent ? new Exact(terms.creditPercent) : null,
    };
    return feeState(m, exact.tranches, exact.rateFor, clock, exact.opex, exact.percent);
  };

  const centsState = (m: number): CentsState | undefined => {
    let billed = 0;
    let weighted = 0;
    let count = 0;
    let maxYear = 0;
    let maxRenewals = 0;
    let until = Number.POSITIVE_INFINITY;
    for (let i = 0; i < starts.length; i++) {
      const start = starts[i];
      if (m < start) {
        until = Math.min(until, start);
        continue;
      }
      const end = start + months;
      if (m >= end) continue;
      const k = m - start;
      const year = Math.floor(k / 12);
      const n = renewalsBegun(k, clock);
      until = Math.min(until, start + 12 * (year + 1), start + nextRenewal(k, clock), end);
      while (gPow.length <= year) gPow.push(gPow[gPow.length - 1] * g);
      while (sPow.length <= n) sPow.push(sPow[sPow.length - 1] * s);
      billed += mws[i];
      weighted += mws[i] * (rate * gPow[year] * sPow[n]);
      maxYear = Math.max(maxYear, year);
      maxRenewals = Math.max(maxRenewals, n);
      count++;
    }
    let exactMemo: FeeState | undefined;
    const row = (): RowState => (exactMemo ??= exactState(m));
    // Each bound doubled for the second-order terms the first-order count leaves out.
    let grossFee =
      count === 0
        ? 0
        : decideCents(weighted * 100_000, 2 * (6 + count + maxYear * (gError + 1) + maxRenewals * (sError + 1)));
    let opex = count === 0 || opexRate === 0 ? 0 : decideCents(opexRate * billed * 100, 2 * (count + 4));
    let percentCredit =
      grossFee === undefined
        ? undefined
        : creditPercent === 0
          ? 0
          : (decideCents(creditPercent * grossFee, 6) ?? percentExact?.timesCents(grossFee));
    if (grossFee === undefined || opex === undefined || percentCredit === undefined) {
      const x = row() as FeeState;
      grossFee = toCents(x.grossFee);
      opex = toCents(x.opex);
      percentCredit = toCents(x.percentCredit);
      if (grossFee === undefined || opex === undefined || percentCredit === undefined) return undefined;
    }
    return { until, billing: count > 0, grossFee, opex, percentCredit, row };
  };

  const straightLine = hasPrepayment && !percentOfFee ? new StraightLineCredits(P, terms.creditMonths ?? 1) : null;
  const length = last - first + 1;
  // One buffer for the eight columns: one allocation instead of eight.
  const buffer = new Float64Array(8 * length);
  const column = (k: number) => buffer.subarray(k * length, (k + 1) * length);
  const cents: ScheduleCents = {
    grossFee: column(0),
    credit: column(1),
    netFee: column(2),
    opex: column(3),
    netCashFlow: column(4),
    capex: column(5),
    hostCashFlow: column(6),
    prepaymentRemaining: column(7),
  };
  const stateOf = new Uint16Array(length);
  const rowStates: (() => RowState)[] = [];
  let remaining = P;
  let carry = 0;
  let state: CentsState | undefined;

  for (let m = first, i = 0; m <= last; m++, i++) {
    if (state === undefined || m >= state.until) {
      state = centsState(m);
      if (state === undefined) return undefined;
      rowStates.push(state.row);
    }
    stateOf[i] = rowStates.length - 1;
    const { grossFee, opex } = state;

    let credit = 0;
    if (hasPrepayment && state.billing && m >= prepMonth && remaining !== 0) {
      const scheduled = straightLine ? straightLine.nextCents() : state.percentCredit;
      const due = scheduled + carry;
      if (!(due <= MAX_CENTS)) return undefined;
      credit = due;
      if (remaining < credit) credit = remaining;
      if (grossFee < credit) credit = grossFee;
      carry = due - credit;
      remaining -= credit;
    }

    const netFee = grossFee - credit;
    let netCashFlow = netFee - opex;
    if (hasPrepayment && m === prepMonth) netCashFlow += P;
    const capex = capexByMonth.get(m) ?? 0;
    const hostCashFlow = netCashFlow - capex;
    if (!(Math.abs(netCashFlow) <= MAX_CENTS && Math.abs(hostCashFlow) <= MAX_CENTS)) return undefined;

    cents.grossFee[i] = grossFee;
    cents.credit[i] = credit;
    cents.netFee[i] = netFee;
    cents.opex[i] = opex;
    cents.netCashFlow[i] = netCashFlow;
    cents.capex[i] = capex;
    cents.hostCashFlow[i] = hostCashFlow;
    cents.prepaymentRemaining[i] = remaining;
  }
  const table = new CentsTable(cents, first, stateOf, rowStates);
  const rows: ScheduleRow[] = new Array<ScheduleRow>(length);
  for (let i = 0; i < length; i++) rows[i] = new CentsRow(table, i);
  return { terms, rows, firstMonthIndex: first, cents };
}
