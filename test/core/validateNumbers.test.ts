import fc from "fast-check";
import { Decimal, termsKey, validateDeal, type Result, type Terms } from "../../src/core";
import { dealArb } from "../fuzz/dealArb";
import { sized } from "../support/sizes";

/**
 * validateDeal's `numbers` memo (the caller's decimals of numbers already
 * read) changes nothing but the cost: the same terms, the same problems,
 * with a memo shared across deals, hits, misses and evictions included.
 */

/** A small memo, emptied when full (as the functions' is), shared by every run. */
const store = new Map<number, Decimal>();
const memo = {
  get: (n: number) => store.get(n),
  set: (n: number, value: Decimal) => {
    if (store.size >= 64) store.clear();
    store.set(n, value);
  },
};

function same(a: Result<Terms>, b: Result<Terms>): void {
  expect(b.ok).toBe(a.ok);
  if (a.ok && b.ok) {
    expect(termsKey(b.value)).toBe(termsKey(a.value));
    expect(b.value.capacityMW.toString()).toBe(a.value.capacityMW.toString());
  } else if (!a.ok && !b.ok) {
    expect(b.error.problems).toEqual(a.error.problems);
    expect(b.error.message).toBe(a.error.message);
  }
}

const number = fc.oneof(
  fc.constantFrom(0, -0, 1, 0.1, 0.03, 144, 25_000, 3e8, 1e-7, 1e21, -5, Number.NaN, Infinity, 1.5, 0.5),
  fc.double({ noNaN: false }),
  fc.integer({ min: -1000, max: 1_000_000 }).map((n) => n / 100),
);

describe("validateDeal with a memo of decimals", () => {
  it("gives what it gives without one, for random deals", () => {
    fc.assert(
      fc.property(dealArb, (raw) => {
        same(validateDeal(raw), validateDeal(raw, { numbers: memo }));
      }),
      { numRuns: sized(1500) },
    );
  });

  it("gives the same terms and messages for any numbers, sheet-style (serials), valid or not", () => {
    fc.assert(
      fc.property(
        fc.record({
          capacityMW: number,
          ratePerKWMonth: number,
          termMonths: fc.oneof(number, fc.integer({ min: 1, max: 400 })),
          startDate: fc.oneof(number, fc.integer({ min: 40_000, max: 60_000 })),
          escalator: number,
          prepayment: number,
          creditMethod: fc.constantFrom("straight-line", "percent-of-fee", "Percent of fee"),
          creditPercent: number,
          creditMonths: number,
          opexPerMWMonth: number,
          discountRate: number,
          renewalOptions: fc.oneof(number, fc.constant(1)),
          renewalRateStep: number,
          tranches: fc.option(fc.array(fc.record({ date: number, mw: number }), { maxLength: 3 }), { nil: undefined }),
        }),
        (raw) => {
          const input: Record<string, unknown> = { ...raw };
          if (raw.tranches === undefined) delete input.tranches;
          same(validateDeal(input, { dates: "excel" }), validateDeal(input, { dates: "excel", numbers: memo }));
        },
      ),
      { numRuns: sized(3000) },
    );
  });
});
