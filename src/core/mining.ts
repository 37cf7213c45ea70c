/**
 * Hosting versus mining the same site (analysis.md §8): the monthly mining
 * schedule over the hosting schedule's months, the comparison's summary and
 * the breakeven hashprice. Pure; reads validated terms and their schedule.
 */
import { daysInMonth, type CalendarDate } from "./dates";
import { Decimal, ONE, ZERO, exactRound2 } from "./decimal";
import { DealError, problem } from "./errors";
import { MiningDecimals, halvingCounts } from "./miningDecimals";
import { buildMiningScheduleFast, summarizeMiningFast, type MiningFast } from "./miningFast";
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
  /** The float path's cents and estimates (miningFast.ts), when it built the schedule. */
  readonly fast?: MiningFast;
}

export interface MiningSummary {
  readonly miningRevenue: Decimal;
  readonly miningPowerCost: Decimal;
  readonly miningOpex: Decimal;
  readonly miningMargin: Decimal;
  readonly hostingCashFlow: Decimal;
  /** XNPV of the mining margins at the rate, or their plain sum without one (unrounded in the reference; the fast path's is the reference's to the cent). */
  readonly miningNpv: Decimal;
  /** XNPV of the hosting cash flows at the rate, or their plain sum without one (unrounded in the reference; the fast path's to the cent). */
  readonly hostingNpv: Decimal;
  /** The starting hashprice at which mining's NPV equals hosting's (shown to the cent; unrounded in the reference only). */
  readonly breakevenHashprice: Decimal;
  /** The rate the NPVs are at; null: plain sums. */
  readonly discountRate: Decimal | null;
}

/** The error of asking for the comparison of a deal without a mining block. */
export function noMiningError(): DealError {
  return new DealError([problem("value", "no-mining", ["mining"])]);
}

/** The monthly mining schedule of a deal's mining block: the float path, the reference where it cannot decide. */
export function buildMiningSchedule(schedule: Schedule, mining: MiningTerms): MiningSchedule {
  return (
    buildMiningScheduleFast(schedule, mining, buildMiningScheduleReference) ??
    buildMiningScheduleReference(schedule, mining)
  );
}

/** The reference: the monthly mining schedule in decimal.js (40 digits, quotients at 100). */
export function buildMiningScheduleReference(schedule: Schedule, mining: MiningTerms): MiningSchedule {
  const { rows: hostRows, firstMonthIndex } = schedule;
  const n = hostRows.length;
  const dec = new MiningDecimals(mining);
  const hashrate = dec.hashrate;
  const powerPerDay = dec.powerPerDay();
  const miningOpex = dec.miningOpex();
  const counts = halvingCounts(hostRows, firstMonthIndex, mining);

  const rows: MiningRow[] = [];
  const perHashprice: Decimal[] = [];
  for (let i = 0; i < n; i++) {
    const date = hostRows[i].date;
    const h = counts[i];
    const days = daysInMonth(date.year, date.month);
    const revenue = dec.revenue(i, h, days);
    const powerCost = exactRound2(powerPerDay.times(days));
    rows.push({
      date,
      hashprice: dec.hashprice(i, h),
      hashrate,
      miningRevenue: revenue,
      powerCost,
      miningOpex,
      miningMargin: revenue.minus(powerCost).minus(miningOpex),
      hostingCashFlow: hostRows[i].hostCashFlow,
      halvings: h,
    });
    // Revenue per $1 of starting hashprice, unrounded, for the breakeven.
    perHashprice.push(dec.revenuePerHashprice(i, h, days));
  }
  return { mining, rows, firstMonthIndex, revenuePerHashprice: perHashprice };
}

/**
 * The comparison's summary: sums of the monthly lines, the NPVs and the
 * breakeven hashprice. From the float path's cents when it built the
 * schedule and can decide every cent (then the NPVs and the breakeven are the
 * reference's rounded to the cent, as every output shows them); else the reference.
 */
export function summarizeMining(ms: MiningSchedule, discountRate: Decimal | null): MiningSummary {
  return summarizeMiningFast(ms, discountRate) ?? summarizeMiningReference(ms.fast?.reference() ?? ms, discountRate);
}

/**
 * The reference summary: sums of the monthly lines, the NPVs (XNPV from
 * the first row at the rate; plain sums without one) and the breakeven
 * hashprice H* = (hosting NPV + PV of power cost and mining opex) ÷ PV of
 * revenue per $1 of hashprice, revenue unrounded (so mining's NPV is linear in H).
 */
export function summarizeMiningReference(ms: MiningSchedule, discountRate: Decimal | null): MiningSummary {
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
