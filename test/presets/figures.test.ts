import { Decimal, computeDeal, money, round2, type DealModel } from "../../src/core";
import { PRESETS } from "../../src/presets";

/**
 * The reported figures each preset is derived from, transcribed from
 * shared/deals/reported-facts.md independently of the presets themselves:
 * total contract value (V, or D for the 150 MW Applied Digital addition folded
 * into the 400 MW preset), MW and term. `contractValue` is the exact total the
 * engine computes, hand-checked: MW × 1,000 × rate × months for a flat rate.
 */
const REPORTED: Record<string, { value: number; mw: number; months: number; contractValue: string }> = {
  "coreweave-core-scientific-2024": { value: 3.5e9, mw: 200, months: 144, contractValue: "3500064000.00" },
  "coreweave-core-scientific-70mw-2024": { value: 1.225e9, mw: 70, months: 144, contractValue: "1225022400.00" },
  "coreweave-core-scientific-112mw-2024": { value: 2.0e9, mw: 112, months: 144, contractValue: "2000033280.00" },
  "coreweave-core-scientific-120mw-2024": { value: 2.0e9, mw: 120, months: 144, contractValue: "1999987200.00" },
  "applied-digital-coreweave-polaris-forge-1-2025": {
    value: 7e9,
    mw: 250,
    months: 180,
    contractValue: "7000200000.00",
  },
  "applied-digital-coreweave-polaris-forge-1-400mw-2025": {
    value: 11e9,
    mw: 400,
    months: 180,
    contractValue: "11000160000.00",
  },
  "terawulf-fluidstack-lake-mariner-2025": { value: 3.7e9, mw: 200, months: 120, contractValue: "3700080000.00" },
  "cipher-fluidstack-barber-lake-2025": { value: 3.0e9, mw: 168, months: 120, contractValue: "3000009600.00" },
  "cipher-aws-2025": { value: 5.5e9, mw: 300, months: 180, contractValue: "5499900000.00" },
  // 245,000 kW × 12 × Σ_{y<15} round2(128.02 × 1.03^y) summed month by month.
  "hut-8-fluidstack-river-bend-2025": { value: 7.0e9, mw: 245, months: 180, contractValue: "7000236889.92" },
};

function model(deal: unknown): DealModel {
  const result = computeDeal(deal);
  if (!result.ok) throw result.error;
  return result.value;
}

/** Σ over a tranche's months of (1 + escalator)^floor(k / 12): the months a kW bills, escalation-weighted. */
function escalatedMonths(months: number, escalator: Decimal): Decimal {
  let total = new Decimal(0);
  for (let k = 0; k < months; k++) total = total.plus(escalator.plus(1).pow(Math.floor(k / 12)));
  return total;
}

it("checks every preset against a reported figure", () => {
  expect(Object.keys(REPORTED).sort()).toEqual(PRESETS.map((p) => p.id).sort());
});

describe.each(PRESETS.map((p) => [p.id, p] as const))("preset %s", (id, preset) => {
  const reported = REPORTED[id];
  const { terms, schedule, summary } = model(preset.deal);
  const kW = terms.capacityMW.times(1000);
  const weightedMonths = escalatedMonths(terms.termMonths, terms.escalator);

  it("has the reported capacity and term", () => {
    expect(terms.capacityMW.toNumber()).toBe(reported.mw);
    expect(terms.termMonths).toBe(reported.months);
  });

  it("has the rate that gives the reported value, to the nearest cent", () => {
    // Solved for the escalator too: value / (kW × Σ_k (1 + e)^floor(k/12)).
    const solved = new Decimal(reported.value).dividedBy(kW.times(weightedMonths));
    expect(terms.ratePerKWMonth.toFixed(2)).toBe(round2(solved).toFixed(2));
    expect(terms.ratePerKWMonth.decimalPlaces()).toBeLessThanOrEqual(2);
  });

  it("has the hand-checked contract value", () => {
    expect(money(summary.contractValue)).toBe(reported.contractValue);
  });

  it("comes within rounding of the reported value", () => {
    // Tolerance: the most that rounding the rate to the cent (half a cent per
    // escalation-weighted kW-month) and each month's fee to the cent (half a
    // cent per row) can move the total. A wrong MW, term, rate or escalator
    // moves it by far more: one cent of rate on 200 MW over 12 years is $288,000.
    const tolerance = kW.times(weightedMonths).times(0.005).plus(new Decimal(schedule.rows.length).times(0.005));
    const gap = summary.contractValue.minus(reported.value).abs();
    expect(gap.lessThanOrEqualTo(tolerance)).toBe(true);
    // And well inside 0.01 % of the headline figure.
    expect(gap.dividedBy(reported.value).lessThan(0.0001)).toBe(true);
  });

  it("bills every tranche for the full term, whatever the ramp", () => {
    const billedMWMonths = schedule.rows.reduce((s, r) => s.plus(r.billedMW), new Decimal(0));
    expect(billedMWMonths.toString()).toBe(terms.capacityMW.times(terms.termMonths).toString());
  });
});
