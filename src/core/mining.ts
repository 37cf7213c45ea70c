/**
 * Hosting versus mining the same site (analysis.md §8): the monthly mining
 * schedule over the hosting schedule's months, the comparison's summary and
 * the breakeven hashprice. Pure; reads validated terms and their schedule.
 */
import { daysBetween, daysInMonth, monthStart, type CalendarDate } from "./dates";
import { Decimal, Exact, ONE, ZERO, exactRound2, round2 } from "./decimal";
import { DealError, problem } from "./errors";
import type { MiningTerms } from "./miningTerms";
import type { Schedule } from "./schedule";
import { discountFactors } from "./summary";

/** One month of the mining alternative. Money lines are in cents. */
export interface MiningRow {
  /** First day of the month (the hosting schedule's row). */
  readonly date: CalendarDate;
  /** H_m: the month's hashprice, $/PH/s/day (40 significant digits). */
  readonly hashprice: Decimal;
  /** PH/s: site power × 1,000 ÷ efficiency × uptime. */
  readonly hashrate: Decimal;
  readonly miningRevenue: Decimal;
  readonly powerCost: Decimal;
  readonly miningOpex: Decimal;
  /** Revenue − power cost − mining opex. */
  readonly miningMargin: Decimal;
  /** The hosting schedule's host cash flow: net cash flow − capex. */
  readonly hostingCashFlow: Decimal;
  /** Halvings counted by this month (h). */
  readonly halvings: number;
}

export interface MiningSchedule {
  readonly mining: MiningTerms;
  readonly rows: readonly MiningRow[];
  /** Month index of rows[0] (the hosting schedule's first row). */
  readonly firstMonthIndex: number;
  /**
   * Each month's revenue per $1 of starting hashprice, unrounded:
   * hashrate × (1 + g)^(m/12) × fee factor × days × (1 − pool fee). The
   * breakeven hashprice is linear in these.
   */
  readonly revenuePerHashprice: readonly Decimal[];
}

export interface MiningSummary {
  readonly miningRevenue: Decimal;
  readonly miningPowerCost: Decimal;
  readonly miningOpex: Decimal;
  readonly miningMargin: Decimal;
  readonly hostingCashFlow: Decimal;
  /** XNPV of the mining margins at the rate, or their plain sum without one (unrounded). */
  readonly miningNpv: Decimal;
  /** XNPV of the hosting cash flows at the rate, or their plain sum without one (unrounded). */
  readonly hostingNpv: Decimal;
  /** The starting hashprice at which mining's NPV equals hosting's (unrounded; shown to the cent). */
  readonly breakevenHashprice: Decimal;
  /** The rate the NPVs are at; null: plain sums. */
  readonly discountRate: Decimal | null;
}

const HALF = new Decimal("0.5");
const TWELVE = new Decimal(12);

/** The error of asking for the comparison of a deal without a mining block. */
export function noMiningError(): DealError {
  return new DealError([problem("value", "no-mining", ["mining"])]);
}

/**
 * (1 + g)^(m/12) for m = 0, 1, …: a whole-years power times one of twelve
 * month roots, each correctly rounded at 40 digits (far beyond the spec's 34),
 * so a long schedule needs twelve fractional powers, not one a month.
 */
function growthFactors(g: Decimal, count: number): Decimal[] {
  if (g.isZero()) return new Array<Decimal>(count).fill(ONE);
  const base = g.plus(1);
  const roots = Array.from({ length: 12 }, (_, r) => (r === 0 ? ONE : base.pow(new Decimal(r).dividedBy(TWELVE))));
  const years: Decimal[] = [];
  const out: Decimal[] = [];
  for (let m = 0; m < count; m++) {
    const y = Math.floor(m / 12);
    while (years.length <= y) years.push(years.length === 0 ? ONE : base.pow(years.length));
    const r = m - 12 * y;
    out.push(r === 0 ? years[y] : years[y].times(roots[r]));
  }
  return out;
}

/**
 * Revenue is rounded from a quotient taken once, of an exact numerator, at
 * 100 digits: site kW × uptime × H_m × days × (1 − pool fee) ÷ efficiency.
 * Dividing first (hashrate, then products) at any finite precision can put
 * a line that is exactly half a cent on the wrong side of it.
 */
const Quotient = Decimal.clone({
  precision: 100,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -100,
  toExpPos: 100,
});

/** The monthly mining schedule of a deal's mining block over its hosting schedule's months. */
export function buildMiningSchedule(schedule: Schedule, mining: MiningTerms): MiningSchedule {
  const { rows: hostRows, firstMonthIndex } = schedule;
  const n = hostRows.length;
  const sitePower = new Exact(mining.sitePowerMW);
  // kW drawn on average: MW × 1,000 × uptime, exact.
  const kW = sitePower.times(1000).times(mining.uptime);
  // PH/s = kW ÷ J/TH (1 J/TH = 1 kW per PH/s), at 40 digits.
  const hashrate = new Decimal(new Quotient(kW).dividedBy(new Quotient(mining.efficiencyJPerTH))).toSignificantDigits(
    40,
  );
  const efficiency = new Quotient(mining.efficiencyJPerTH);
  const keep = new Exact(ONE.minus(mining.poolFee));
  const revenueBase = kW.times(keep); // × H_m × days ÷ efficiency
  // Power per day of the month: MW × 1,000 × 24 h × uptime × $/kWh, exact.
  const powerPerDay = kW.times(24).times(mining.powerCostPerKWh);
  const miningOpex = exactRound2(new Exact(mining.miningOpexPerMWMonth).times(sitePower));
  const growth = growthFactors(mining.hashpriceGrowth, n);
  const month0 = monthStart(firstMonthIndex);
  // Halvings after the first day of month 0 only: one on or before it never counts.
  const halvings = mining.halvingDates.filter((d) => daysBetween(month0, d) > 0);
  const feeFactors = new Map<number, Exact>();
  const feeFactor = (h: number): Exact => {
    let f = feeFactors.get(h);
    if (f === undefined) {
      // fee share + (1 − fee share) ÷ 2^h, exact (0.5^h has h digits).
      f =
        h === 0
          ? new Exact(1)
          : new Exact(mining.feeShare).plus(new Exact(1).minus(mining.feeShare).times(new Exact(HALF).pow(h)));
      feeFactors.set(h, f);
    }
    return f;
  };
  const H = new Exact(mining.hashprice);

  const rows: MiningRow[] = [];
  const perHashprice: Decimal[] = [];
  let h = 0;
  for (let i = 0; i < n; i++) {
    const date = hostRows[i].date;
    while (h < halvings.length && daysBetween(halvings[h], date) >= 0) h++;
    const days = daysInMonth(date.year, date.month);
    // H_m / H: exact but for the growth factor (40 digits, correctly rounded; 1 without growth).
    const shape = feeFactor(h).times(growth[i]);
    const hashprice = H.times(shape);
    const revenue = round2(new Decimal(new Quotient(revenueBase.times(hashprice).times(days)).dividedBy(efficiency)));
    const powerCost = exactRound2(powerPerDay.times(days));
    rows.push({
      date,
      hashprice: new Decimal(hashprice).toSignificantDigits(40),
      hashrate,
      miningRevenue: revenue,
      powerCost,
      miningOpex,
      miningMargin: revenue.minus(powerCost).minus(miningOpex),
      hostingCashFlow: hostRows[i].hostCashFlow,
      halvings: h,
    });
    // Revenue per $1 of starting hashprice, unrounded, for the breakeven.
    perHashprice.push(
      new Decimal(new Quotient(revenueBase.times(shape).times(days)).dividedBy(efficiency)).toSignificantDigits(40),
    );
  }
  return { mining, rows, firstMonthIndex, revenuePerHashprice: perHashprice };
}

/**
 * The comparison's summary: sums of the monthly lines, the NPVs (XNPV from
 * the first row at the rate; plain sums without one) and the breakeven
 * hashprice H* = (hosting NPV + PV of power cost and mining opex) ÷ PV of
 * revenue per $1 of hashprice, revenue unrounded (so mining's NPV is linear in H).
 */
export function summarizeMining(ms: MiningSchedule, discountRate: Decimal | null): MiningSummary {
  const { rows } = ms;
  const factors = discountRate === null ? null : discountFactors(discountRate, ms.firstMonthIndex, rows.length);
  let miningRevenue = ZERO;
  let miningPowerCost = ZERO;
  let miningOpex = ZERO;
  let miningMargin = ZERO;
  let hostingCashFlow = ZERO;
  let miningNpv = ZERO;
  let hostingNpv = ZERO;
  let costPv = ZERO;
  let unitPv = ZERO;
  rows.forEach((r, i) => {
    miningRevenue = miningRevenue.plus(r.miningRevenue);
    miningPowerCost = miningPowerCost.plus(r.powerCost);
    miningOpex = miningOpex.plus(r.miningOpex);
    miningMargin = miningMargin.plus(r.miningMargin);
    hostingCashFlow = hostingCashFlow.plus(r.hostingCashFlow);
    const f = factors === null ? ONE : factors[i];
    miningNpv = miningNpv.plus(r.miningMargin.times(f));
    hostingNpv = hostingNpv.plus(r.hostingCashFlow.times(f));
    costPv = costPv.plus(r.powerCost.plus(r.miningOpex).times(f));
    unitPv = unitPv.plus(ms.revenuePerHashprice[i].times(f));
  });
  return {
    miningRevenue,
    miningPowerCost,
    miningOpex,
    miningMargin,
    hostingCashFlow,
    miningNpv,
    hostingNpv,
    // unitPv > 0: hashrate, days, 1 − pool fee, growth and fee factors and discount factors are all > 0.
    breakevenHashprice: hostingNpv.plus(costPv).dividedBy(unitPv),
    discountRate,
  };
}

/** The comparison of a deal: its mining schedule and summary; a DealError naming `mining` when it has none. */
export function compareMining(
  schedule: Schedule,
  discountRate: Decimal | null = schedule.terms.discountRate,
): { readonly schedule: MiningSchedule; readonly summary: MiningSummary } {
  const mining = schedule.terms.mining;
  if (mining === null) throw noMiningError();
  const ms = buildMiningSchedule(schedule, mining);
  return { schedule: ms, summary: summarizeMining(ms, discountRate) };
}
