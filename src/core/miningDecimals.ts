/**
 * The decimal parts of the mining schedule (analysis.md §8), shared by the
 * decimal.js reference (mining.ts) and the float path's fallbacks
 * (miningFast.ts), so both make every decimal the same way.
 */
import { daysBetween, monthStart } from "./dates";
import { Decimal, Exact, ONE, exactRound2, round2, type Money } from "./decimal";
import type { MiningTerms } from "./miningTerms";
import type { Schedule } from "./schedule";

const HALF = new Decimal("0.5");
const TWELVE = new Decimal(12);

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

/**
 * The decimal parts of one deal's mining block, each made on first use: the
 * reference schedule reads them all; the float path (miningFast.ts) only the
 * few lines its estimate cannot decide, and the hashprice and hashrate
 * columns when a caller reads them.
 */
export class MiningDecimals {
  private kWMemo: Exact | undefined;
  private readonly roots: (Decimal | undefined)[] = [];
  private readonly years: (Decimal | undefined)[] = [];
  private readonly feeFactors = new Map<number, Exact>();
  private hashrateMemo: Decimal | undefined;
  private powerPerDayMemo: Exact | undefined;
  private revenueBaseMemo: Exact | undefined;
  private shapeMemo: Exact | undefined;
  private shapeM = -1;
  private shapeH = -1;

  constructor(readonly mining: MiningTerms) {}

  /** kW drawn on average: MW × 1,000 × uptime, exact. */
  private get kW(): Exact {
    return (this.kWMemo ??= new Exact(this.mining.sitePowerMW).times(1000).times(this.mining.uptime));
  }

  private get efficiency(): Decimal {
    return new Quotient(this.mining.efficiencyJPerTH);
  }

  /** kW × (1 − pool fee): × H_m × days ÷ efficiency is the revenue. */
  private get revenueBase(): Exact {
    return (this.revenueBaseMemo ??= this.kW.times(new Exact(ONE.minus(this.mining.poolFee))));
  }

  private get H(): Exact {
    return new Exact(this.mining.hashprice);
  }

  /** PH/s = kW ÷ J/TH (1 J/TH = 1 kW per PH/s), at 40 digits. */
  get hashrate(): Decimal {
    return (this.hashrateMemo ??= new Decimal(
      new Quotient(this.kW).dividedBy(new Quotient(this.mining.efficiencyJPerTH)),
    ).toSignificantDigits(40));
  }

  /** Power per day of the month: MW × 1,000 × 24 h × uptime × $/kWh, exact. */
  powerPerDay(): Exact {
    return (this.powerPerDayMemo ??= this.kW.times(24).times(this.mining.powerCostPerKWh));
  }

  /** The month's power cost: round2(power per day × days). */
  powerCost(days: number): Money {
    return exactRound2(this.powerPerDay().times(days));
  }

  /** 1 − pool fee as a double, within u of it (the difference is exact at 40 digits: terms have at most 20). */
  keepNumber(): number {
    return ONE.minus(this.mining.poolFee).toNumber();
  }

  /** Mining opex: round2(opex per MW-month × site power). */
  miningOpex(): Money {
    return exactRound2(new Exact(this.mining.miningOpexPerMWMonth).times(new Exact(this.mining.sitePowerMW)));
  }

  /**
   * (1 + g)^(m/12): a whole-years power times one of twelve month roots,
   * each correctly rounded at 40 digits (far beyond the spec's 34), so a
   * long schedule needs twelve fractional powers, not one a month.
   */
  growth(m: number): Decimal {
    if (this.mining.hashpriceGrowth.isZero()) return ONE;
    const y = Math.floor(m / 12);
    const r = m - 12 * y;
    const base = this.mining.hashpriceGrowth.plus(1);
    const year = y === 0 ? ONE : (this.years[y] ??= base.pow(y));
    if (r === 0) return year;
    const root = (this.roots[r] ??= base.pow(new Decimal(r).dividedBy(TWELVE)));
    return year.times(root);
  }

  /** fee share + (1 − fee share) ÷ 2^h, exact (0.5^h has h digits). */
  feeFactor(h: number): Exact {
    let f = this.feeFactors.get(h);
    if (f === undefined) {
      f =
        h === 0
          ? new Exact(1)
          : new Exact(this.mining.feeShare).plus(
              new Exact(1).minus(this.mining.feeShare).times(new Exact(HALF).pow(h)),
            );
      this.feeFactors.set(h, f);
    }
    return f;
  }

  /** H_m / H: exact but for the growth factor (40 digits, correctly rounded; 1 without growth). */
  private shape(m: number, h: number): Exact {
    // The last one kept: the reference asks for a month's revenue, hashprice and revenue per $1 in a row.
    if (this.shapeM !== m || this.shapeH !== h || this.shapeMemo === undefined) {
      this.shapeMemo = this.feeFactor(h).times(this.growth(m));
      this.shapeM = m;
      this.shapeH = h;
    }
    return this.shapeMemo;
  }

  /** H_m at 40 significant digits (the column). */
  hashprice(m: number, h: number): Decimal {
    return new Decimal(this.H.times(this.shape(m, h))).toSignificantDigits(40);
  }

  /** The month's revenue, rounded to cents from one quotient of an exact numerator. */
  revenue(m: number, h: number, days: number): Money {
    const hashprice = this.H.times(this.shape(m, h));
    return round2(new Decimal(new Quotient(this.revenueBase.times(hashprice).times(days)).dividedBy(this.efficiency)));
  }

  /** Revenue per $1 of starting hashprice, unrounded (40 digits), for the breakeven. */
  revenuePerHashprice(m: number, h: number, days: number): Decimal {
    return new Decimal(
      new Quotient(this.revenueBase.times(this.shape(m, h)).times(days)).dividedBy(this.efficiency),
    ).toSignificantDigits(40);
  }
}

/**
 * h for each row: halvings after the first day of month 0 and on or before
 * the first day of the row's month (one on or before month 0's 1st never counts).
 */
export function halvingCounts(hostRows: Schedule["rows"], firstMonthIndex: number, mining: MiningTerms): Uint16Array {
  const month0 = monthStart(firstMonthIndex);
  const halvings = mining.halvingDates.filter((d) => daysBetween(month0, d) > 0);
  const out = new Uint16Array(hostRows.length);
  let h = 0;
  for (let i = 0; i < hostRows.length; i++) {
    const date = hostRows[i].date;
    while (h < halvings.length && daysBetween(halvings[h], date) >= 0) h++;
    out[i] = h;
  }
  return out;
}
