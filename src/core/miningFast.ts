/**
 * The mining comparison at float speed (issue 19), every output the decimal
 * reference's (mining.ts `buildMiningScheduleReference`,
 * `summarizeMiningReference`):
 * - revenue, power cost, opex: each line estimated in doubles with a proven
 *   relative error bound, its cent taken only when the estimate is further
 *   than the bound from a half cent (cents.ts `decideCents`); otherwise that
 *   line is the reference's (MiningDecimals: an exact tie costs one decimal line);
 * - sums in integer cents; the NPVs by xnpv.ts's certified sum, over discount
 *   factors made once (the same arithmetic and bound as `certifiedXnpvCents`);
 * - the breakeven hashprice: 100 × N / D in doubles with a bound, N the PV of
 *   hosting cash flow + power + opex (cents), D the PV of revenue per $1 of H;
 *   the cent taken when decided; else, as for any figure it cannot decide,
 *   the summary is the reference's.
 * The fast summary's NPVs and breakeven are the reference's rounded to the
 * cent (every output shows them so); the reference keeps them unrounded.
 * The hashprice and hashrate columns (40 digits) are made on first read.
 *
 * Error bounds are first order in u = 2^-53 and doubled for the rest, as in
 * xnpv.ts. The growth factor G_m = (1 + g)^(m/12) is exp(m × log1p(ĝ) / 12):
 * ĝ within u|g| of g; log1p within LOG1P_ULPS ulps and moved by u|g| / (1 + g)
 * by ĝ; ĉ = L̂ / 12 one rounding; ê_m = m × ĉ one rounding, so |ê_m − e_m| <=
 * Δ_m = m × err(ĉ) + u|ê_m|; exp within EXP_ULPS ulps, and e^Δ − 1 <= Δ(1 + 2^-19)
 * for Δ <= 2^-20. The reference's own growth factors are 40-digit roundings
 * (below 1e-38 relative), its quotients at 100 digits: REFERENCE_REL covers them.
 */
import { daysInMonth, monthIndex, type CalendarDate } from "./dates";
import { Decimal, asCents, type Money } from "./decimal";
import { centsDecimal, decideCents, toCents } from "./cents";
import { MiningDecimals } from "./miningDecimals";
import type { MiningRow, MiningSchedule, MiningSummary } from "./mining";
import type { MiningTerms } from "./miningTerms";
import type { Schedule } from "./schedule";
import { REFERENCE_REL as XNPV_REFERENCE_REL, TINY, monthDayOffsets } from "./xnpv";

const U = 2 ** -53;
/** V8's Math.log1p and Math.exp (fdlibm) are within 1 ulp; we allow 4. 1 ulp <= 2u relative. */
const LOG1P_ULPS = 4;
const EXP_ULPS = 4;
/** The reference's relative distance from the exact values, generously (40-digit powers, 100-digit quotients). */
const REFERENCE_REL = 1e-25;

/** What the float path keeps of a schedule for its summary, and for the reference when it must fall back. */
export interface MiningFast {
  readonly revenue: ArrayLike<number>;
  readonly powerCost: ArrayLike<number>;
  readonly miningOpex: number;
  readonly margin: ArrayLike<number>;
  readonly hostingCashFlow: ArrayLike<number>;
  /** Estimated revenue per $1 of starting hashprice, in cents, unrounded. */
  readonly unit: ArrayLike<number>;
  /** A bound on each `unit`'s relative error, in units of u (first order). */
  readonly unitErr: ArrayLike<number>;
  /** The halvings counted by each month (h). */
  readonly halvings: ArrayLike<number>;
  /** The hosting schedule's rows (the dates, and the hosting cash flow's decimal). */
  readonly hostRows: Schedule["rows"];
  /** How many months' revenue the estimate could not decide (taken from MiningDecimals): for the fuzz report. */
  readonly undecidedMonths: number;
  /** The reference schedule, built on first call. */
  readonly reference: () => MiningSchedule;
}

/** exp(m × log1p(x) / k) for m = 0 … n − 1, with Δ-bounds (relative, units of u); undefined when out of range. */
function powerSeries(
  x: number,
  k: number,
  n: number,
  offsets?: ArrayLike<number>,
): { readonly value: number[]; readonly err: number[] } | undefined {
  const value = zeros(n);
  const err = zeros(n);
  if (Number.isNaN(x)) return undefined;
  if (x === 0) {
    value.fill(1);
    return { value, err };
  }
  const onePlusX = 1 + x;
  if (!(onePlusX >= 2 ** -30) || !Number.isFinite(x)) return undefined;
  if (Math.abs(x) < 2 ** -1000) return undefined; // the conversion's error is relative
  const L = Math.log1p(x);
  const errL = 2 * LOG1P_ULPS * Math.abs(L) + (1.01 * Math.abs(x)) / onePlusX; // units of u
  const c = L / k;
  const errC = errL / Math.abs(k) + Math.abs(c);
  for (let m = 0; m < n; m++) {
    const t = offsets === undefined ? m : offsets[m];
    if (t === 0) {
      value[m] = 1;
      continue;
    }
    const e = t * c;
    const delta = (t * errC + Math.abs(e)) * U;
    if (!(delta <= 2 ** -20) || !(Math.abs(e) <= 700)) return undefined;
    value[m] = Math.exp(e);
    err[m] = (delta * (1 + 2 ** -19)) / U + 2 * EXP_ULPS;
  }
  return { value, err };
}

/**
 * n zeros as a plain array: on the JS heap (a Float64Array of this size has an
 * off-heap store, whose allocation and collection cost more than the work here).
 */
function zeros(n: number): number[] {
  return new Array<number>(n).fill(0.5).fill(0); // 0.5 first: double elements from the start, no transition later
}

/** A Decimal as a double: within u relative of it (decimal.js prints, V8 parses correctly rounded). */
const num = (x: Decimal): number => x.toNumber();

/** A term as a double for powerSeries: NaN (no float path) when a non-zero term becomes 0 or subnormal. */
function number(x: Decimal): number {
  const v = x.toNumber();
  return v === 0 && !x.isZero() ? Number.NaN : v;
}

/**
 * The float path's schedule, or undefined when the float path does not apply
 * (a hosting line not in safe cents, growth out of the float's range): then
 * the caller builds the reference.
 */
export function buildMiningScheduleFast(
  schedule: Schedule,
  mining: MiningTerms,
  buildReference: (schedule: Schedule, mining: MiningTerms) => MiningSchedule,
): MiningSchedule | undefined {
  const { rows: hostRows, firstMonthIndex } = schedule;
  const n = hostRows.length;
  const dec = new MiningDecimals(mining);
  const growth = powerSeries(number(mining.hashpriceGrowth), 12, n);
  if (growth === undefined) return undefined;

  let hosting: ArrayLike<number> | undefined = schedule.cents?.hostCashFlow;
  if (hosting === undefined) {
    const out = zeros(n);
    for (let i = 0; i < n; i++) {
      const c = toCents(hostRows[i].hostCashFlow);
      if (c === undefined) return undefined;
      out[i] = c;
    }
    hosting = out;
  }
  // Power and opex: float estimates of exact products, the cent taken when decided, else the exact decimal's.
  // Power per day in cents: site MW, uptime, $/kWh converted (3u), × 1,000, × 24, × uptime, × $/kWh, × 100 (5u);
  // × days: 9u. Opex: opex per MW-month and site MW converted (2u), × and × 100 (2u): 4u.
  const site = num(mining.sitePowerMW);
  const uptime = num(mining.uptime);
  const perDayCents = site * 1000 * 24 * uptime * num(mining.powerCostPerKWh) * 100;
  const opex = decideCents(num(mining.miningOpexPerMWMonth) * site * 100, 2 * 4 + 1) ?? toCents(dec.miningOpex());
  if (opex === undefined) return undefined;
  const powerByDays: (number | undefined)[] = [];
  const powerOf = (days: number): number | undefined => {
    let c = powerByDays[days];
    if (c === undefined) {
      c = decideCents(perDayCents * days, 2 * 9 + 1) ?? toCents(dec.powerCost(days));
      powerByDays[days] = c;
    }
    return c;
  };

  // Revenue per $1 of H in cents, per halving count: ((kW × keep) × fee_h) ÷ efficiency × 100, kW = site MW × 1,000
  // × uptime: 4 conversions (u each), the fee factor (3u), 6 roundings: 13u; × days, × G_m: 15u + the growth's;
  // × H (a conversion, a rounding): 17u.
  const kW = site * 1000 * uptime;
  const keep = dec.keepNumber();
  const eff = num(mining.efficiencyJPerTH);
  const H = num(mining.hashprice);
  const counts = halvingCountsByMonth(n, firstMonthIndex, mining);
  const perDollar: number[] = [];
  const share = num(mining.feeShare);
  // fee share + (1 − fee share) × 2^−h: within 3u of the exact factor (both terms >= 0, 2^−h exact, each <= the sum).
  const feeOf = (h: number): number => {
    let half = 1;
    for (let k = 0; k < h; k++) half *= 0.5; // exact
    return h === 0 ? 1 : share + (1 - share) * half;
  };
  const perDollarOf = (h: number): number => (perDollar[h] ??= ((kW * keep * feeOf(h)) / eff) * 100);

  const revenue = zeros(n);
  const powerCost = zeros(n);
  const margin = zeros(n);
  const unit = zeros(n);
  const unitErr = zeros(n);
  let undecided = 0;
  let year = Math.floor(firstMonthIndex / 12);
  let month = firstMonthIndex - 12 * year + 1;
  for (let i = 0; i < n; i++) {
    const days = daysInMonth(year, month);
    if (++month > 12) {
      month = 1;
      year++;
    }
    const h = counts[i];
    const v = perDollarOf(h) * days * growth.value[i];
    unit[i] = v;
    unitErr[i] = 15 + growth.err[i];
    const estimate = v * H;
    let r = decideCents(estimate, 2 * (17 + growth.err[i]) + 1); // + 1: the reference's own error (REFERENCE_REL)
    if (r === undefined) {
      undecided++;
      r = toCents(dec.revenue(i, h, days));
      if (r === undefined) return undefined;
    }
    const p = powerOf(days);
    if (p === undefined) return undefined;
    revenue[i] = r;
    powerCost[i] = p;
    margin[i] = r - p - opex;
    if (!(Math.abs(margin[i]) <= 2 ** 51)) return undefined;
  }

  let referenceMemo: MiningSchedule | undefined;
  const fast: MiningFast = {
    revenue,
    powerCost,
    miningOpex: opex,
    margin,
    hostingCashFlow: hosting,
    unit,
    unitErr,
    halvings: counts,
    hostRows,
    undecidedMonths: undecided,
    reference: () => (referenceMemo ??= buildReference(schedule, mining)),
  };
  // The rows and the per-$1 revenue column are made on first read: the summary needs neither.
  let rows: readonly MiningRow[] | undefined;
  let perHashprice: readonly Decimal[] | undefined;
  return {
    mining,
    get rows(): readonly MiningRow[] {
      if (rows === undefined) {
        const table = new MiningTable(dec, hostRows, counts, fast);
        rows = Array.from({ length: n }, (_, i) => new FastMiningRow(table, i));
      }
      return rows;
    },
    firstMonthIndex,
    get revenuePerHashprice(): readonly Decimal[] {
      return (perHashprice ??= hostRows.map((r, i) => dec.revenuePerHashprice(i, counts[i], daysOf(r.date))));
    },
    fast,
  };
}

/**
 * h for each row by month numbers (the reference, `halvingCounts`, compares
 * dates): a halving on the 1st counts from its own month, one later in the
 * month from the next; one on or before the first row's 1st never counts.
 */
function halvingCountsByMonth(n: number, firstMonthIndex: number, mining: MiningTerms): number[] {
  const out = zeros(n);
  for (const d of mining.halvingDates) {
    const from = monthIndex(d) + (d.day === 1 ? 0 : 1);
    if (from <= firstMonthIndex) continue;
    for (let i = from - firstMonthIndex; i < n; i++) out[i]++;
  }
  return out;
}

const daysOf = (d: CalendarDate): number => daysInMonth(d.year, d.month);

/** What the rows of one fast schedule share. */
class MiningTable {
  private readonly decimals = new Map<number, Money>();

  constructor(
    readonly dec: MiningDecimals,
    readonly hostRows: Schedule["rows"],
    readonly counts: readonly number[],
    readonly fast: MiningFast,
  ) {}

  decimal(c: number): Money {
    let d = this.decimals.get(c);
    if (d === undefined) {
      d = centsDecimal(c);
      this.decimals.set(c, d);
    }
    return d;
  }
}

/** One month of a fast mining schedule: the `MiningRow` shape, each field made on first read. */
class FastMiningRow implements MiningRow {
  private hashpriceMemo: Decimal | undefined;

  constructor(
    private readonly table: MiningTable,
    private readonly i: number,
  ) {}

  get date(): CalendarDate {
    return this.table.hostRows[this.i].date;
  }
  get hashprice(): Decimal {
    return (this.hashpriceMemo ??= this.table.dec.hashprice(this.i, this.table.counts[this.i]));
  }
  get hashrate(): Decimal {
    return this.table.dec.hashrate;
  }
  get miningRevenue(): Decimal {
    return this.table.decimal(this.table.fast.revenue[this.i]);
  }
  get powerCost(): Decimal {
    return this.table.decimal(this.table.fast.powerCost[this.i]);
  }
  get miningOpex(): Decimal {
    return this.table.decimal(this.table.fast.miningOpex);
  }
  get miningMargin(): Decimal {
    return this.table.decimal(this.table.fast.margin[this.i]);
  }
  get hostingCashFlow(): Decimal {
    return this.table.hostRows[this.i].hostCashFlow;
  }
  get halvings(): number {
    return this.table.counts[this.i];
  }
}

/**
 * xnpv.ts's `certifiedXnpvCents` over factors made once (`powerSeries`, whose
 * bound is xnpv.ts's term for term): Σ x_i f_i of integer cents, each term
 * split exactly into an integer and a remainder, the remainders' sum bounded
 * as it goes; the cent (half away from zero) when the estimate is further than
 * the bound from a half cent, else undefined.
 */
function certifiedSumCents(flows: ArrayLike<number>, f: readonly number[], rho: readonly number[]): number | undefined {
  const n = flows.length;
  let sumH = 0;
  let sumL = 0;
  let sumErr = 0; // the remainders' rounding, in units of u
  let bound = 0; // the terms' error, absolute, in cents
  let magnitude = 0;
  for (let i = 0; i < n; i++) {
    const x = flows[i];
    if (x === 0) continue;
    const t = x * f[i];
    if (!(Math.abs(t) < 2 ** 52)) return undefined;
    const at = Math.abs(t);
    bound += at * (rho[i] + 1) * U + (Math.abs(x) + 1) * TINY;
    magnitude += at;
    const h = Math.round(t);
    sumH += h;
    if (!(Math.abs(sumH) <= 2 ** 53 - 2 ** 12)) return undefined;
    sumL += t - h; // exact: h is a multiple of t's ulp
    sumErr += Math.abs(sumL);
  }
  const k = Math.floor(sumL);
  const whole = sumH + k;
  const frac = sumL - k;
  const total = 2 * (bound + (sumErr + 1 + Math.abs(sumL)) * U + magnitude * XNPV_REFERENCE_REL);
  if (!(total < 0.25) || !(Math.abs(whole) < 2 ** 52)) return undefined;
  if (Math.abs(frac - 0.5) <= total) return undefined;
  const cents = frac > 0.5 ? whole + 1 : whole;
  return cents === 0 ? 0 : cents;
}

function allZero(xs: ArrayLike<number>): boolean {
  for (let i = 0; i < xs.length; i++) if (xs[i] !== 0) return false;
  return true;
}

/** Σ of integer cents, or undefined when a partial sum could pass 2^53 (then not exact). */
function centsSum(xs: ArrayLike<number>): number | undefined {
  let s = 0;
  let abs = 0;
  for (let i = 0; i < xs.length; i++) {
    s += xs[i];
    abs += Math.abs(xs[i]);
  }
  return abs <= 2 ** 53 - 1 ? s : undefined;
}

/**
 * The comparison's summary from the float path's cents, or undefined when a
 * figure cannot be decided (then the caller takes the reference's). Sums are
 * exact; the NPVs and the breakeven hashprice are the reference's values
 * rounded to the cent (every output shows them to the cent).
 */
export function summarizeMiningFast(ms: MiningSchedule, discountRate: Decimal | null): MiningSummary | undefined {
  const fast = ms.fast;
  if (fast === undefined) return undefined;
  const n = fast.revenue.length;
  const revenue = centsSum(fast.revenue);
  const power = centsSum(fast.powerCost);
  const opexTotal = fast.miningOpex * n;
  const margin = centsSum(fast.margin);
  const hosting = centsSum(fast.hostingCashFlow);
  if (revenue === undefined || power === undefined || margin === undefined || hosting === undefined) return undefined;
  if (!Number.isSafeInteger(opexTotal)) return undefined;

  let miningNpv: number | undefined;
  let hostingNpv: number | undefined;
  let factors: number[];
  let factorErr: number[];
  if (discountRate === null) {
    miningNpv = margin;
    hostingNpv = hosting;
    factors = zeros(n).fill(1);
    factorErr = zeros(n);
  } else {
    // The factors once, for both NPVs and the breakeven (xnpv.ts's bound, the same arithmetic).
    const f = powerSeries(number(discountRate), -365, n, monthDayOffsets(ms.firstMonthIndex, n));
    if (f === undefined) return undefined;
    miningNpv = certifiedSumCents(fast.margin, f.value, f.err);
    hostingNpv = certifiedSumCents(fast.hostingCashFlow, f.value, f.err);
    // A cent of zero may be the reference's −0 ("-0.00"): let the reference say, unless every flow is 0 (then +0).
    if (miningNpv === undefined || hostingNpv === undefined) return undefined;
    if ((miningNpv === 0 && !allZero(fast.margin)) || (hostingNpv === 0 && !allZero(fast.hostingCashFlow))) {
      return undefined;
    }
    factors = f.value;
    factorErr = f.err;
  }
  const breakeven = breakevenCents(fast, factors, factorErr);
  if (breakeven === undefined) return undefined;
  return {
    miningRevenue: centsDecimal(revenue),
    miningPowerCost: centsDecimal(power),
    miningOpex: centsDecimal(opexTotal),
    miningMargin: centsDecimal(margin),
    hostingCashFlow: centsDecimal(hosting),
    miningNpv: centsDecimal(miningNpv),
    hostingNpv: centsDecimal(hostingNpv),
    breakevenHashprice: centsDecimal(breakeven),
    discountRate,
  };
}

/**
 * The breakeven hashprice in cents, 100 × N / D, or undefined when the float
 * estimate cannot decide the cent (or decides 0, whose sign only the reference knows).
 * N = Σ (hosting + power + opex)_i f_i (integer cents × factors), D = Σ unit_i f_i (all > 0).
 */
function breakevenCents(fast: MiningFast, f: readonly number[], fErr: readonly number[]): number | undefined {
  const n = fast.unit.length;
  let N = 0;
  let errN = 0; // absolute, cents
  let sumAbsN = 0;
  let D = 0;
  let errD = 0;
  for (let i = 0; i < n; i++) {
    const hcf = fast.hostingCashFlow[i];
    const x = hcf + fast.powerCost[i] + fast.miningOpex; // within u of exact
    const t = x * f[i];
    N += t;
    errN += Math.abs(t) * (fErr[i] + 2) * U + Math.abs(N) * U; // x's own rounding (past 2^53), the product's, the sum's
    // The reference sums hosting and costs apart: its error scales with both.
    sumAbsN += (Math.abs(hcf) + fast.powerCost[i] + fast.miningOpex) * f[i];
    const w = fast.unit[i] * f[i];
    D += w;
    errD += w * (fast.unitErr[i] + fErr[i] + 1) * U + D * U + 2 ** -1070; // the last: a subnormal term's
  }
  if (!(D > 2 ** -900) || !Number.isFinite(N) || !(2 * errD < D)) return undefined;
  const dLow = D - 2 * errD;
  const q = N / D;
  const c = q * 100;
  const bound =
    2 * (100 * ((2 * errN) / dLow + ((Math.abs(N) + 2 * errN) * 2 * errD) / (dLow * dLow)) + 2 * Math.abs(c) * U) +
    REFERENCE_REL * (100 * (sumAbsN / dLow) + Math.abs(c)) +
    Number.MIN_VALUE;
  const a = Math.abs(c);
  if (!(a < 2 ** 50) || !(bound < 0.25)) return undefined;
  const fl = Math.floor(a);
  const frac = a - fl;
  if (Math.abs(frac - 0.5) <= bound) return undefined;
  const r = frac > 0.5 ? fl + 1 : fl;
  if (r === 0) return N === 0 && sumAbsN === 0 ? asCents(0) : undefined; // every term 0: the reference's +0
  return asCents(c < 0 ? -r : r);
}
