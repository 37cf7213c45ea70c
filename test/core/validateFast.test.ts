import fc from "fast-check";
import {
  Decimal,
  LIMITS,
  NO_MEMO,
  SCALAR_TERMS,
  dealKey,
  decimalOfDouble,
  validateDeal,
  validateFast,
  type Terms,
} from "../../src/core";
import { readTermsRange } from "../../src/functions/ranges";
import { checkRanges, clearCaches } from "../../src/functions/resolve";
import { readSheetTerms, sheetTerms } from "../../src/functions/sheetTerms";
import { digits20 } from "../fuzz/dealArb";
import { atLeast, sized } from "../support/sizes";

/**
 * The functions' fast path for a terms block (sheetTerms.ts, validateFast)
 * against the reference (readTermsRange, then validateDeal with sheet
 * dates): whenever the fast path answers, the reference accepts the block
 * and gives the same terms, field by field, and the fast key is the
 * reference terms' `dealKey`; whenever the reference refuses a block, the
 * fast path leaves it to the reference (so every message is the
 * reference's). Blocks are drawn to hit both sides: plain numbers, limits
 * and just past them, 20-digit inputs and text numbers, dates as serials
 * (60, 0, past 9999) and as text, blanks, booleans, Excel error texts,
 * unknown and repeated labels.
 */

function reference(range: unknown[][]) {
  const read = readTermsRange(range);
  if (read.problems.length > 0) return undefined;
  return validateDeal(read.input, { dates: "excel" });
}

function fast(range: unknown[][]) {
  if (!readSheetTerms(range)) return undefined;
  return validateFast(sheetTerms.keys, sheetTerms.values, sheetTerms.count, NO_MEMO);
}

/** Numbers near every bound of the terms, both sides of it, and odd ones. */
const edges = SCALAR_TERMS.flatMap((t) =>
  [t.min?.value, t.max?.value]
    .filter((v): v is number => v !== undefined)
    .flatMap((v) => [v, v - 1e-9, v + 1e-9, v - 1, v + 1]),
);
const anyNumber = fc.oneof(
  fc.constantFrom(...edges, 0, -0, 1e-3, 9.99e-4, 1e-7, 1e21, 1e13, 1e13 + 2, Number.MAX_SAFE_INTEGER, 0.1 + 0.2),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -100_000, max: 10_000_000 }).map((n) => n / 100),
  fc.integer({ min: 1, max: 1_000_000 }).map((n) => n / 10_000),
  digits20(3).map(Number), // 20 digits typed, the nearest double read
);
const textNumber = fc.oneof(digits20(3), fc.constantFrom("121.53", " 200 ", "3%", "1e3", "1_000", "-0", "0.030"));
const serial = fc.oneof(
  fc.integer({ min: 40_000, max: 60_000 }),
  fc.constantFrom(0, 1, 59, 60, 61, 2_958_465, 2_958_466, 45658.75, -1),
);
const value = (kind: string) => {
  switch (kind) {
    case "date":
      return fc.oneof(
        { weight: 6, arbitrary: serial },
        { weight: 1, arbitrary: fc.constantFrom("2025-01-01", "2025-13-01", "soon") },
      );
    case "text":
      return fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.constantFrom("Seed-like", " padded ", "x".repeat(201)),
        anyNumber,
      );
    case "choice":
      return fc.constantFrom("straight-line", "percent-of-fee", "Percent of fee", "straight_line", "other", 1);
    default:
      return fc.oneof({ weight: 8, arbitrary: anyNumber }, { weight: 1, arbitrary: textNumber });
  }
};
/** Usually a plausible value, one time in about a dozen anything (so that most blocks are deals, and many are not). */
const mostly = <T>(plausible: fc.Arbitrary<T>, anything: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 12, arbitrary: plausible }, { weight: 1, arbitrary: anything });
const oddCell = fc.constantFrom(null, "", "  ", true, false, "#N/A", "#VALUE!");
/** A row beside the deal's: blank, a value with no label, a table, an unknown label, a term again, an error as a label, a number as a label, an odd value. */
const extraRow: fc.Arbitrary<unknown[]> = fc.oneof(
  fc.constantFrom<unknown[]>(
    [null, null],
    ["", " "],
    [null, 5],
    ["Capex table", 1],
    ["Bogus", 1],
    ["Term (months)", 12],
    ["#N/A", 1],
    [7, 1],
  ),
  fc.tuple(fc.constantFrom("Rate ($/kW-month)", "ratePerKWMonth"), oddCell),
);

/** A terms block: a plausible deal's rows (some left out or odd), shuffled, with now and then a blank, unknown or repeated row. */
const block = fc
  .tuple(
    fc.record({
      name: mostly(fc.constantFrom("Seed-like", "", " padded "), value("text")),
      capacityMW: mostly(fc.integer({ min: 1, max: 500 }), value("decimal")),
      ratePerKWMonth: mostly(
        fc.integer({ min: 100, max: 20_000 }).map((n) => n / 100),
        value("decimal"),
      ),
      termMonths: mostly(fc.integer({ min: 1, max: 240 }), value("integer")),
      startDate: mostly(fc.integer({ min: 44_000, max: 47_000 }), value("date")),
      escalator: mostly(fc.constantFrom(0, 0.03, 0.025, -0.01), value("decimal")),
      // Whole cents, fractions of a cent, a sum's float error, and amounts either side of 2^43 / 100.
      prepayment: mostly(
        fc.constantFrom(
          0,
          300_000_000,
          1234.56,
          0.01,
          99.99,
          0.005,
          1234.565,
          0.1 + 0.2,
          87_960_930_222.07,
          87_960_930_222.5,
          123_456_789_012.34,
        ),
        value("cents"),
      ),
      prepaymentDate: mostly(fc.integer({ min: 44_000, max: 46_000 }), value("date")),
      creditMethod: mostly(fc.constantFrom("straight-line", "percent-of-fee"), value("choice")),
      creditMonths: mostly(fc.integer({ min: 1, max: 300 }), value("integer")),
      creditPercent: mostly(fc.constantFrom(0.5, 1, 0.25), value("decimal")),
      opexPerMWMonth: mostly(fc.constantFrom(25_000, 1234.5, 0), value("decimal")),
      discountRate: mostly(fc.constantFrom(0.1, 0.08), value("decimal")),
      renewalOptions: mostly(fc.integer({ min: 0, max: 3 }), value("integer")),
      renewalMonths: mostly(fc.integer({ min: 1, max: 120 }), value("integer")),
      renewalRateStep: mostly(fc.constantFrom(0, 0.05), value("decimal")),
      renewalsExercised: mostly(fc.integer({ min: 0, max: 3 }), value("integer")),
    }),
    fc.array(fc.boolean(), { minLength: 17, maxLength: 17 }), // which terms are left out
    fc.array(fc.nat(), { minLength: 17, maxLength: 17 }), // row order
    fc.option(fc.tuple(fc.nat({ max: 20 }), extraRow), { freq: 3 }),
    fc.boolean(), // keys instead of labels
  )
  .map(([values, leftOut, order, extra, byKey]) => {
    const keys = Object.keys(values) as (keyof typeof values)[];
    const rows: unknown[][] = [];
    keys.forEach((key, i) => {
      // The required terms are rarely left out, so that most blocks are deals.
      const required = key === "capacityMW" || key === "ratePerKWMonth" || key === "termMonths" || key === "startDate";
      if (leftOut[i] && (!required || order[i] % 7 === 0)) return;
      const spec = SCALAR_TERMS.find((t) => t.key === key);
      rows.push([byKey ? key : spec?.label, values[key]]);
    });
    rows.sort((a, b) => order[keys.indexOf(a[0] as never)] - order[keys.indexOf(b[0] as never)] || 0);
    if (extra) rows.splice(Math.min(extra[0], rows.length), 0, extra[1]);
    return rows;
  });

function sameTerms(a: Terms, b: Terms): void {
  expect(a).toEqual(b);
  expect(Object.keys(a)).toEqual(Object.keys(b));
  expect(Object.isFrozen(a)).toBe(true);
  expect(Object.isFrozen(a.tranches) && Object.isFrozen(a.tranches[0]) && Object.isFrozen(a.capex)).toBe(true);
  for (const k of [
    "capacityMW",
    "ratePerKWMonth",
    "escalator",
    "prepayment",
    "opexPerMWMonth",
    "renewalRateStep",
  ] as const)
    expect(a[k].toString()).toBe(b[k].toString());
}

describe("validateFast (a sheet's terms block from its doubles)", () => {
  it("answers only for blocks the reference accepts, with the reference's terms and their dealKey", () => {
    let answered = 0;
    let refused = 0;
    fc.assert(
      fc.property(block, (range) => {
        const ref = reference(range);
        const got = fast(range);
        if (ref === undefined || !ref.ok) {
          expect(got).toBeUndefined();
          refused++;
          return;
        }
        if (got === undefined) return;
        answered++;
        sameTerms(got.terms, ref.value);
        expect(got.key).toBe(dealKey(ref.value));
      }),
      { numRuns: sized(4000) },
    );
    // Both sides drawn often: the property could fail either way.
    // Quick: about 38 answered of 400 (σ ≈ 6), so 10 rather than a tenth of 250.
    expect(answered).toBeGreaterThan(atLeast(250, 10));
    expect(refused).toBeGreaterThan(atLeast(400));
  });

  it("gives the functions the verdict and the message the general path gives, block for block", () => {
    let failed = 0;
    fc.assert(
      fc.property(block, (range) => {
        clearCaches();
        const got = checkRanges(range, undefined);
        clearCaches();
        // An empty tranches range reads as none, and takes the general path (rawKey, readTermsRange, validateDeal).
        const general = checkRanges(range, []);
        expect(got.ok).toBe(general.ok);
        if (got.ok && general.ok) {
          sameTerms(got.terms, general.terms);
          expect(got.key).toBe(general.key);
        } else if (!got.ok && !general.ok) {
          failed++;
          expect(got.code).toBe(general.code);
          expect(got.message).toBe(general.message);
        }
      }),
      { numRuns: sized(1500) },
    );
    expect(failed).toBeGreaterThan(atLeast(100));
  });

  it("answers for the common sheet (plain numbers, serials, the credit method as listed)", () => {
    const range = [
      ["Deal", "Seed-like"],
      ["Capacity (MW)", 200],
      ["Rate ($/kW-month)", 121.53],
      ["Term (months)", 144],
      ["Start date", 45658],
      ["Annual escalator", 0.03],
      ["Prepayment ($)", 300000000],
      ["Prepayment date", 45474],
      ["Credit method", "straight-line"],
      ["Credit months", 144],
      ["Opex ($/MW-month)", 25000],
      ["Discount rate", 0.1],
    ];
    const got = fast(range);
    const ref = reference(range);
    expect(got).toBeDefined();
    expect(ref?.ok).toBe(true);
    if (got && ref?.ok) {
      sameTerms(got.terms, ref.value);
      expect(got.key).toBe(dealKey(ref.value));
    }
  });

  it("leaves a deal near the fee limit, a text number, an ISO date or a fraction of a cent to the reference", () => {
    const base = (extra: unknown[][]) => [
      ["Capacity (MW)", 100_000],
      ["Term (months)", 12],
      ["Start date", 45658],
      ...extra,
    ];
    // 100,000 MW × 1000 kW × rate = 1e13 exactly at a rate of 100,000: the limit itself, accepted by the exact check only.
    expect(fast(base([["Rate ($/kW-month)", 100_000]]))).toBeUndefined();
    expect(reference(base([["Rate ($/kW-month)", 100_000]]))?.ok).toBe(true);
    expect(reference(base([["Rate ($/kW-month)", 100_000.01]]))?.ok).toBe(false);
    expect(fast(base([["Rate ($/kW-month)", "121.53"]]))).toBeUndefined();
    expect(
      fast(
        base([
          ["Rate ($/kW-month)", 1],
          ["Prepayment date", "2025-01-01"],
        ]),
      ),
    ).toBeUndefined();
    expect(
      fast(
        base([
          ["Rate ($/kW-month)", 1],
          ["Prepayment ($)", 10.005],
        ]),
      ),
    ).toBeUndefined();
    expect(fast(base([["Rate ($/kW-month)", 1]]))).toBeDefined();
  });

  it("answers for a prepayment in dollars and cents, as the reference reads it", () => {
    for (const amount of [1234.56, 0.01, 99.99, 87_960_930_222.07]) {
      const range = [
        ["Capacity (MW)", 60],
        ["Rate ($/kW-month)", 101.13],
        ["Term (months)", 24],
        ["Start date", 45658],
        ["Prepayment ($)", amount],
      ];
      const got = fast(range);
      const ref = reference(range);
      expect(got).toBeDefined();
      if (got && ref?.ok) {
        sameTerms(got.terms, ref.value);
        expect(got.terms.prepayment.toString()).toBe(String(amount));
        expect(got.key).toBe(dealKey(ref.value));
      } else throw new Error(`${amount}: the reference refused`);
    }
  });
});

describe("decimalOfDouble", () => {
  const doubles = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => n / 100),
    fc.tuple(fc.integer({ min: 1, max: 2 ** 53 - 1 }), fc.integer({ min: 0, max: 22 })).map(([m, k]) => m / 10 ** k),
    fc.tuple(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: -8, max: 16 })).map(([m, k]) => m * 10 ** k),
    digits20(3).map(Number),
    fc.constantFrom(
      0.1,
      0.3,
      121.53,
      1e-3,
      1e7,
      12345678,
      1234567.8,
      99.99,
      1e15,
      2 ** 53 - 1,
      5e-324,
      LIMITS.maxMonthlyFee,
    ),
  );

  it("is new Decimal(x), limb for limb, whenever it answers (and it answers for few-digit numbers)", () => {
    let answered = 0;
    fc.assert(
      fc.property(doubles, (x) => {
        const got = decimalOfDouble(x);
        if (got === undefined) return;
        answered++;
        const ref = new Decimal(x);
        expect({ s: got.s, e: got.e, d: got.d }).toEqual({ s: ref.s, e: ref.e, d: ref.d });
        expect(got.toString()).toBe(ref.toString());
      }),
      { numRuns: sized(20_000) },
    );
    expect(answered).toBeGreaterThan(atLeast(5000));
    for (const x of [121.53, 0.03, 0.1, 200, 300000000, 25000, 1234.56]) expect(decimalOfDouble(x)).toBeDefined();
    expect(decimalOfDouble(0)).toBeUndefined();
  });
});
