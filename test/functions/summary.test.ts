import fc from "fast-check";
import {
  Decimal,
  FIGURES,
  buildSchedule,
  figureCell,
  npv,
  round2,
  summarize,
  summaryBase,
  validateDeal,
  type Summary,
} from "../../src/core";
import { buildScheduleReference } from "../../src/core/schedule";
import { CentsSummary } from "../../src/core/summaryCents";
import { DealFigures, summaryAtOwnRate, summaryTableOfSummary } from "../../src/functions/deal";
import { dealArb } from "../fuzz/dealArb";
import { QUICK } from "../support/sizes";

/** Every field of a summary as text: decimals exactly, dates, nulls. */
function textOf(s: Summary): Record<string, string> {
  return Object.fromEntries(
    Object.entries(s).map(([k, v]) => [k, v === null ? "null" : typeof v === "object" ? JSON.stringify(v) : String(v)]),
  );
}

/** `fast`'s fields read by `reference`'s keys (a CentsSummary's fields are getters), as text, and its table's cells. */
function sameSummary(fast: Summary, reference: Summary): void {
  const keys = Object.keys(reference) as (keyof Summary)[];
  const plain = fast instanceof CentsSummary ? fast.toSummary() : fast;
  expect(Object.keys(plain)).toEqual(keys);
  expect(textOf(Object.fromEntries(keys.map((k) => [k, fast[k]])) as unknown as Summary)).toEqual(textOf(reference));
  // The table's cells, from the cents, are `figureCell` of the reference's values (no tolerance: Object.is).
  const cells = summaryTableOfSummary(fast).map((row) => row[1]);
  expect(cells).toEqual(FIGURES.map((f) => figureCell(f, f.value(reference))));
  cells.forEach((cell, i) => expect(Object.is(cell, figureCell(FIGURES[i], FIGURES[i].value(reference)))).toBe(true));
}

describe("the functions' summary of a schedule", () => {
  it("is the core's summarize of the decimal schedule, field for field and cell for cell, at any length", () => {
    let withCapex = 0;
    let long = 0;
    fc.assert(
      fc.property(dealArb, fc.constantFrom<unknown>(undefined, null, 0.08, 0, -0.05, "0.1234567"), (raw, rate) => {
        const deal: Record<string, unknown> = { ...raw };
        if (rate !== undefined) deal.discountRate = rate;
        const checked = validateDeal(deal);
        if (!checked.ok) return;
        if (checked.value.capex.length > 0) withCapex++;
        const schedule = buildSchedule(checked.value);
        if (schedule.rows.length > 360) long++;
        // The reference: `summarize` on the 40-digit schedule (no cents: every figure from its decimals).
        const decimal = buildScheduleReference(checked.value);
        const reference = summarize(decimal);
        const fast = summaryAtOwnRate(schedule);
        sameSummary(fast, reference);
        // Without NPVs (DealFigures.summaryOf): the reference at no rate.
        sameSummary(DealFigures.of(schedule, "key").summaryOf(schedule), summarize(decimal, null));
        if (fast.paybackMonth !== null) expect(Object.isFrozen(fast.paybackMonth)).toBe(true);
      }),
      // The quick loop: 40 deals from a fixed seed (at 40 random ones, no deal over 30 years about one run in 30).
      QUICK ? { numRuns: 40, seed: 2026 } : { numRuns: 120 },
    );
    expect(withCapex).toBeGreaterThan(5);
    expect(long).toBeGreaterThan(0);
  }, 60_000);
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
