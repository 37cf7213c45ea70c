import fc from "fast-check";
import { dealKey, termsKey, termsKeyReference, validateDeal, type Terms } from "../../src/core";
import { dealArb } from "../fuzz/dealArb";
import { atLeast, sized } from "../support/sizes";

/**
 * termsKey writes the canonical text directly; termsKeyReference serializes
 * the deal file (toDealFile) with JSON.stringify. They must give the same
 * text, character for character, for every deal validation accepts.
 */

function valid(raw: unknown, dates: "iso" | "excel" = "iso"): Terms | undefined {
  const checked = validateDeal(raw, { dates });
  return checked.ok ? checked.value : undefined;
}

/** Numbers whose JSON text is unusual: exponents, the smallest and largest, 20 digits, percent text. */
const oddNumber = fc.oneof(
  fc.constantFrom(0, -0, 1e-7, 1.5e-7, 1e-6, 0.1, 0.3, 1e20, 1e21, 123456789012345680000, 0.000001234),
  fc.constantFrom("1e-7", "0.00000012345678901234", "12345678901234567890", "3%", "1_000", "+2.50", ".5", "1E3"),
  fc.double({ min: 0, max: 1, noNaN: true }),
  // Up to 16 digits at exponents around the plain-text limits (1e-7, 1e21), as numbers and as text.
  fc
    .tuple(fc.integer({ min: 1, max: 2 ** 53 - 1 }), fc.integer({ min: -24, max: 8 }), fc.boolean())
    .map(([m, k, asText]) => (asText ? `${m}e${k}` : Number(`${m}e${k}`))),
  fc.double({ min: 1, max: 1e22, noNaN: true }),
);

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.constantFrom('"quoted"', "back\\slash", "line\nbreak", "\u2028"),
);

const MINING = {
  hashprice: 50,
  efficiencyJPerTH: 25,
  powerCostPerKWh: 0.05,
  uptime: 0.95,
  poolFee: 0.02,
  halvingDates: ["2028-04-17", "2032-04-14"],
};

describe("termsKey", () => {
  it("is JSON.stringify(toDealFile(terms)) for random deals (ramps, 20 digits, capex, renewals)", () => {
    let checked = 0;
    fc.assert(
      fc.property(
        dealArb,
        fc.record({
          name: fc.option(text, { nil: undefined }),
          host: fc.option(text, { nil: undefined }),
          tenant: fc.option(text, { nil: undefined }),
          discountRate: fc.option(oddNumber, { nil: undefined, freq: 2 }),
          opexPerMWMonth: fc.option(oddNumber, { nil: undefined, freq: 2 }),
          mining: fc.option(fc.constantFrom(MINING, { ...MINING, sitePowerMW: 1 }), { nil: undefined }),
        }),
        (deal, extra) => {
          const raw: Record<string, unknown> = { ...deal };
          for (const [k, v] of Object.entries(extra)) if (v !== undefined) raw[k] = v;
          const terms = valid(raw);
          if (terms === undefined) return;
          checked++;
          expect(termsKey(terms)).toBe(termsKeyReference(terms));
        },
      ),
      { numRuns: sized(3000) },
    );
    expect(checked).toBeGreaterThan(atLeast(500));
  });

  it("is the reference text for single-tranche deals typed as in a sheet (serials, odd numbers as numbers or text)", () => {
    fc.assert(
      fc.property(
        fc.record({
          capacityMW: oddNumber,
          ratePerKWMonth: oddNumber,
          escalator: oddNumber,
          prepayment: fc.oneof(
            oddNumber,
            fc.integer({ min: 0, max: 1e12 }).map((c) => c / 100),
          ),
          creditPercent: oddNumber,
          renewalRateStep: oddNumber,
        }),
        fc.boolean(),
        (numbers, percent) => {
          const terms = valid(
            {
              ...numbers,
              termMonths: 12,
              startDate: 45658,
              renewalOptions: 1,
              ...(percent ? { creditMethod: "percent-of-fee" } : { creditPercent: undefined }),
            },
            "excel",
          );
          if (terms === undefined) return;
          expect(termsKey(terms)).toBe(termsKeyReference(terms));
        },
      ),
      { numRuns: sized(2000) },
    );
  });
});

/**
 * dealKey, the functions' compact key (numbers as their doubles' bits),
 * tells terms apart exactly as termsKey does.
 */
describe("dealKey", () => {
  it("tells terms apart exactly as termsKey does, for random deals and their near twins", () => {
    const terms = (raw: unknown) => {
      const r = validateDeal(raw);
      return r.ok ? r.value : undefined;
    };
    fc.assert(
      fc.property(
        dealArb,
        dealArb,
        fc.constantFrom("ratePerKWMonth", "escalator", "name", "opexPerMWMonth"),
        (a, b, field) => {
          const twin = { ...a, [field]: field === "name" ? "x" : "0.0300000000000000001" };
          const ta = terms(a);
          for (const other of [terms(b), terms(twin), terms({ ...a })]) {
            if (ta === undefined || other === undefined) continue;
            expect(dealKey(ta) === dealKey(other)).toBe(termsKey(ta) === termsKey(other));
          }
        },
      ),
      { numRuns: sized(1500) },
    );
  });

  it("keys a decimal that is no double's text apart from the double nearest it", () => {
    const one = (rate: unknown) => {
      const r = validateDeal({ capacityMW: 1, ratePerKWMonth: rate, termMonths: 12, startDate: "2025-01-01" });
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    expect(dealKey(one("0.10000000000000000001"))).not.toBe(dealKey(one(0.1)));
    expect(dealKey(one("0.1"))).toBe(dealKey(one(0.1)));
    expect(dealKey(one("-0"))).toBe(dealKey(one(0)));
    expect(dealKey(one("0.10000000000000000001")).startsWith("E")).toBe(true);
  });
});
