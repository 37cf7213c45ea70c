import fc from "fast-check";
import {
  Decimal,
  buildSchedule,
  npv,
  round2,
  summarize,
  summaryBase,
  validateDeal,
  type Summary,
} from "../../src/core";
import { DealFigures, summaryAtOwnRate } from "../../src/functions/deal";
import { dealArb } from "../fuzz/dealArb";

/** Every field of a summary as text: decimals exactly, dates, nulls. */
function textOf(s: Summary): Record<string, string> {
  return Object.fromEntries(
    Object.entries(s).map(([k, v]) => [k, v === null ? "null" : typeof v === "object" ? JSON.stringify(v) : String(v)]),
  );
}

describe("the functions' summary of a schedule", () => {
  it("is the core's summarize, field for field, with and without capex and a discount rate", () => {
    let withCapex = 0;
    fc.assert(
      fc.property(dealArb, fc.constantFrom<unknown>(undefined, null, 0.08, 0, -0.05, "0.1234567"), (raw, rate) => {
        const deal: Record<string, unknown> = { ...raw };
        if (rate !== undefined) deal.discountRate = rate;
        const checked = validateDeal(deal);
        if (!checked.ok) return;
        if (checked.value.capex.length > 0) withCapex++;
        const schedule = buildSchedule(checked.value);
        // The IRR's root search costs ~0.6 ms a month on some flows with capex (both sides run it): deals past
        // 30 years made this property take minutes. Long flows' IRR is test/fuzz/irr.test.ts's target.
        if (schedule.rows.length > 360) return;
        const reference = summarize(buildSchedule(checked.value));
        const fast = summaryAtOwnRate(schedule);
        expect(Object.keys(fast)).toEqual(Object.keys(reference));
        expect(textOf(fast)).toEqual(textOf(reference));
        if (fast.paybackMonth !== null) expect(Object.isFrozen(fast.paybackMonth)).toBe(true);
      }),
      { numRuns: 120 },
    );
    expect(withCapex).toBeGreaterThan(5);
  }, 120_000);
});

describe("the figures kept of a deal", () => {
  it("hold the contract value and annual revenue of the core's summary, from the cents (long deals, 20 digits)", () => {
    fc.assert(
      fc.property(dealArb, (raw) => {
        const checked = validateDeal(raw);
        if (!checked.ok) return;
        const schedule = buildSchedule(checked.value);
        const reference = summaryBase(buildSchedule(checked.value), null);
        const figures = DealFigures.of(schedule, "key");
        expect(figures.contractValue).toBe(reference.contractValue.toNumber());
        expect(figures.annualRevenue).toBe(round2(reference.averageAnnualRevenue).toNumber());
      }),
      { numRuns: 200 },
    );
  });

  it("round the annual revenue half away from zero, on exact half cents", () => {
    // Ramps of 1 kW tranches across an escalation: Σ fees × 12 / months falls on a half cent for some.
    let ties = 0;
    for (const [rate, escalator] of [
      [0.01, 0.5],
      [0.03, 0.25],
      [0.07, 0.1],
    ]) {
      for (let termMonths = 1; termMonths <= 30; termMonths++) {
        for (let j = 1; j <= Math.min(termMonths, 11); j++) {
          const second = `2025-${String(j + 1).padStart(2, "0")}-01`;
          const checked = validateDeal({
            ratePerKWMonth: rate,
            escalator,
            termMonths,
            tranches: [
              { date: "2025-01-01", mw: 0.001 },
              { date: second, mw: 0.001 },
            ],
          });
          if (!checked.ok) throw new Error(checked.error.message);
          const schedule = buildSchedule(checked.value);
          const c = Array.from(schedule.cents?.grossFee ?? []).reduce((a, b) => a + b, 0);
          const months = checked.value.termMonths;
          if ((24 * c) % (2 * months) === months) ties++;
          const reference = summaryBase(buildSchedule(checked.value), null);
          expect(DealFigures.of(schedule, "key").annualRevenue).toBe(round2(reference.averageAnnualRevenue).toNumber());
        }
      }
    }
    expect(ties).toBeGreaterThan(0);
  });
});

describe("a deal's NPV", () => {
  it("is the core's npv rounded to cents, from the schedule or from the kept cents, at any rate and column", () => {
    fc.assert(
      fc.property(
        dealArb,
        fc.constantFrom("0.08", "0", "-0.05", "0.1234567", "1.5"),
        fc.constantFrom("netCashFlow" as const, "hostCashFlow" as const),
        (raw, rateText, column) => {
          const checked = validateDeal(raw);
          if (!checked.ok) return;
          const schedule = buildSchedule(checked.value);
          const rate = new Decimal(rateText);
          const reference = round2(npv(buildSchedule(checked.value), rate, column)).toNumber();
          expect(DealFigures.of(schedule, "key").npvAt(rate, column, schedule)).toBe(reference);
          expect(DealFigures.of(schedule, "key").npvAt(rate, column)).toBe(reference);
        },
      ),
      { numRuns: 150 },
    );
  });
});
