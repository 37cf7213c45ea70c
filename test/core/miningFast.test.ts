import { Decimal, buildSchedule, validateDeal, type Terms } from "../../src/core";
import {
  buildMiningSchedule,
  buildMiningScheduleReference,
  summarizeMining,
  summarizeMiningReference,
} from "../../src/core/mining";
import { summarizeMiningFast } from "../../src/core/miningFast";
import { miningCsv, miningSummaryJson } from "../../src/cli/mining";

/**
 * The mining comparison's float path (core/miningFast.ts) on cases picked by
 * hand: exact half-cent revenue lines (no growth; a whole-year growth factor
 * such as 0.9^5), the benchmark's deal, and summaries the float path leaves
 * to the reference. Random deals: test/fuzz/mining.test.ts.
 */

function termsOf(raw: Record<string, unknown>): Terms {
  const r = validateDeal(raw);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The float path's CSV and summary figures are the reference's, byte for byte; returns the fast schedule. */
function expectSame(raw: Record<string, unknown>) {
  const terms = termsOf(raw);
  const mining = terms.mining;
  if (mining === null) throw new Error("no mining block");
  const hosting = buildSchedule(terms);
  const fast = buildMiningSchedule(hosting, mining);
  const ref = buildMiningScheduleReference(hosting, mining);
  expect(miningCsv(fast)).toBe(miningCsv(ref));
  for (const rate of [terms.discountRate, null]) {
    expect(miningSummaryJson(summarizeMining(fast, rate))).toEqual(
      miningSummaryJson(summarizeMiningReference(ref, rate)),
    );
  }
  return fast;
}

/** The seed-like deal of scripts/bench-core.mjs with its mining block. */
const BENCH = {
  capacityMW: 200,
  startDate: "2025-01-01",
  termMonths: 144,
  ratePerKWMonth: 121.53,
  escalator: 0.03,
  prepayment: 300000000,
  prepaymentDate: "2024-07-01",
  creditMethod: "straight-line",
  opexPerMWMonth: 25000,
  discountRate: 0.1,
  capex: [{ date: "2024-06-01", amount: 800000000 }],
  mining: {
    hashprice: 50,
    efficiencyJPerTH: 18,
    powerCostPerKWh: 0.045,
    sitePowerMW: 200,
    hashpriceGrowth: -0.1,
    uptime: 0.95,
    poolFee: 0.02,
    miningOpexPerMWMonth: 1234.56,
    feeShare: 0.1,
  },
};

describe("the mining float path, cases by hand", () => {
  it("the benchmark's deal: on the float path, month 60's exact tie (0.9^5) from the reference", () => {
    const fast = expectSame(BENCH);
    expect(fast.fast).toBeDefined();
    // 186,200 kW × 0.98 … × 0.9^5 × 30 days: 503,934,007.5 cents exactly, which only the reference decides.
    expect(fast.fast?.undecidedMonths).toBe(1);
    expect(fast.rows[60].miningRevenue.toFixed(2)).toBe("5039340.08");
    // Its summary, too, is decided in floats (no reference built).
    expect(summarizeMiningFast(fast, new Decimal("0.1"))).toBeDefined();
  });

  it("exact half-cent lines without growth: every tie decided by the reference, half away from zero", () => {
    // 1 MW × 1000 × 0.5 uptime ÷ 16 J/TH × $0.33 × 31 days = $319.6875 → a half cent exactly in 31-day months.
    const fast = expectSame({
      capacityMW: 1,
      ratePerKWMonth: 100,
      termMonths: 24,
      startDate: "2025-01-01",
      mining: { hashprice: 0.33, efficiencyJPerTH: 16, powerCostPerKWh: 0.05, sitePowerMW: 1, uptime: 0.5 },
    });
    expect(fast.fast?.undecidedMonths).toBeGreaterThan(0);
    expect(fast.rows[0].miningRevenue.toFixed(2)).toBe("319.69");
  });

  it("hosting and costs all zero: the breakeven is the reference's +0, stated by the float path", () => {
    const fast = expectSame({
      capacityMW: 1,
      ratePerKWMonth: 0,
      termMonths: 12,
      startDate: "2025-01-01",
      discountRate: 0.08,
      mining: { hashprice: 40, efficiencyJPerTH: 20, powerCostPerKWh: 0, hashpriceGrowth: 0.05 },
    });
    expect(summarizeMiningFast(fast, null)?.breakevenHashprice.toFixed(2)).toBe("0.00");
    expect(miningSummaryJson(summarizeMining(fast, null)).breakevenHashprice).toBe("0.00");
  });

  it("growth whose powers leave the float's range: the reference builds the schedule", () => {
    const fast = expectSame({
      capacityMW: 1,
      ratePerKWMonth: 100,
      termMonths: 600,
      startDate: "2025-01-01",
      mining: { hashprice: 40, efficiencyJPerTH: 20, powerCostPerKWh: 0.05, hashpriceGrowth: 9 },
    });
    expect(fast.fast).toBeUndefined();
  });
});
