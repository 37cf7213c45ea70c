/**
 * Sensible default ranges for the inputs of a sensitivity table or tornado:
 * what an analyst would try first (the rate ±10 %, a ramp 0–12 months late).
 * Only a starting point: the pane lets the user change every value.
 */
import { Decimal } from "./decimal";
import { DELAY_MONTHS } from "./sensitivity";
import type { Terms } from "./terms";

export interface DefaultRange {
  readonly low: Decimal;
  readonly high: Decimal;
  /** Decimal places the values are rounded to. */
  readonly places: number;
}

type Num = number | string | Decimal;
const d = (x: Num) => new Decimal(x);

/** The input's default low and high for this deal. */
export function defaultRange(key: string, terms: Terms): DefaultRange {
  const around = (base: Decimal, spread: Num, places: number, min?: Num, max?: Num) => {
    let low = base.minus(spread);
    let high = base.plus(spread);
    if (min !== undefined && low.lessThan(min)) low = d(min);
    if (max !== undefined && high.greaterThan(max)) high = d(max);
    return { low, high, places };
  };
  const share = (base: Decimal, fraction: number, places: number) => {
    const spread = base.times(fraction);
    return base.isZero() ? { low: d(0), high: d(0), places } : around(base, spread, places, 0);
  };
  switch (key) {
    case DELAY_MONTHS:
      return { low: d(0), high: d(12), places: 0 };
    case "ratePerKWMonth":
      return share(terms.ratePerKWMonth, 0.1, 2);
    case "capacityMW":
      return share(terms.capacityMW, 0.1, 3);
    case "prepayment":
      return share(terms.prepayment, 0.2, 2);
    case "opexPerMWMonth":
      return terms.opexPerMWMonth.isZero()
        ? { low: d(0), high: d(20000), places: 0 }
        : share(terms.opexPerMWMonth, 0.2, 2);
    case "escalator":
      return around(terms.escalator, "0.02", 4, "-0.5");
    case "discountRate":
      return around(terms.discountRate ?? d("0.1"), "0.04", 4, 0);
    case "termMonths":
      return around(d(terms.termMonths), 36, 0, 12);
    case "creditMonths":
      return around(d(terms.creditMonths ?? terms.termMonths), 24, 0, 1);
    case "creditPercent":
      return around(terms.creditPercent ?? d("0.5"), "0.2", 4, "0.05", 1);
    case "renewalOptions":
      return { low: d(0), high: d(Math.max(terms.renewalOptions, 1) + 1), places: 0 };
    case "renewalsExercised":
      return { low: d(0), high: d(terms.renewalOptions), places: 0 };
    case "renewalMonths":
      return around(d(terms.renewalMonths), 24, 0, 12);
    case "renewalRateStep":
      return around(terms.renewalRateStep, "0.1", 4, "-0.5");
    default:
      return miningRange(key, terms) ?? { low: d(0), high: d(1), places: 2 };
  }
}

/** `count` evenly spaced values from low to high, rounded to the range's places, without repeats. */
export function rangeValues(range: DefaultRange, count: number): Decimal[] {
  const n = Math.max(1, Math.floor(count));
  const out: Decimal[] = [];
  for (let i = 0; i < n; i++) {
    const v =
      n === 1
        ? range.low
        : range.low.plus(
            range.high
              .minus(range.low)
              .times(i)
              .dividedBy(n - 1),
          );
    const rounded = v.toDecimalPlaces(range.places, Decimal.ROUND_HALF_UP);
    if (!out.some((o) => o.equals(rounded))) out.push(rounded);
  }
  return out;
}

/** The mining block's inputs: the hashprice, efficiency, power cost and opex ±20 %, site power ±10 %, the fractions over plausible spans. */
function miningRange(key: string, terms: Terms): DefaultRange | undefined {
  const m = terms.mining;
  if (m === null || !key.startsWith("mining.")) return undefined;
  const share = (base: Decimal, fraction: number, places: number): DefaultRange => ({
    low: base.times(1 - fraction),
    high: base.times(1 + fraction),
    places,
  });
  switch (key.slice("mining.".length)) {
    case "hashprice":
      return share(m.hashprice, 0.2, 2);
    case "efficiencyJPerTH":
      return share(m.efficiencyJPerTH, 0.2, 1);
    case "powerCostPerKWh":
      return share(m.powerCostPerKWh, 0.2, 4);
    case "sitePowerMW":
      return share(m.sitePowerMW, 0.1, 3);
    case "uptime":
      return { low: new Decimal("0.85"), high: new Decimal(1), places: 3 };
    case "poolFee":
      return { low: new Decimal(0), high: new Decimal("0.03"), places: 4 };
    case "feeShare":
      return { low: new Decimal(0), high: new Decimal("0.1"), places: 4 };
    case "hashpriceGrowth":
      return { low: new Decimal("-0.2"), high: new Decimal("0.2"), places: 4 };
    case "miningOpexPerMWMonth":
      return m.miningOpexPerMWMonth.isZero()
        ? { low: new Decimal(0), high: new Decimal(20000), places: 0 }
        : share(m.miningOpexPerMWMonth, 0.2, 2);
    default:
      return undefined;
  }
}
