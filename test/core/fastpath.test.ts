import fc from "fast-check";
import { Decimal, validateDeal, type Terms } from "../../src/core";
import { ExactFraction, decideCents } from "../../src/core/cents";
import { buildSchedule, buildScheduleReference } from "../../src/core/schedule";

/** The fast schedule's parts (cents.ts) and named cases; test/fuzz/fastpath.test.ts compares random deals. */

function terms(raw: Record<string, unknown>): Terms {
  const r = validateDeal(raw);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function same(t: Terms): void {
  const fast = buildSchedule(t);
  const ref = buildScheduleReference(t);
  expect(fast.cents).toBeDefined();
  const keys = [
    "grossFee",
    "credit",
    "netFee",
    "opex",
    "netCashFlow",
    "capex",
    "hostCashFlow",
    "prepaymentRemaining",
    "billedMW",
    "rate",
  ] as const;
  for (const key of keys) {
    expect(fast.rows.map((r) => r[key].toString())).toEqual(ref.rows.map((r) => r[key].toString()));
  }
}

describe("decideCents", () => {
  it("leaves a value within its error bound of a half cent undecided", () => {
    expect(decideCents(637498237.5, 10)).toBeUndefined();
    expect(decideCents(637498237.5000001, 10)).toBeUndefined();
    expect(decideCents(637498237.49, 10)).toBe(637498237);
    expect(decideCents(637498237.51, 10)).toBe(637498238);
    expect(decideCents(-2.7, 4)).toBe(-3);
    expect(Object.is(decideCents(-0.2, 4), 0)).toBe(true);
    expect(decideCents(2 ** 51, 4)).toBeUndefined();
  });
});

describe("ExactFraction", () => {
  it("rounds fraction × cents half away from zero, exactly", () => {
    expect(new ExactFraction(new Decimal("0.5")).timesCents(12345)).toBe(6173); // 6172.5 → 6173
    expect(new ExactFraction(new Decimal("0.5")).timesCents(-12345)).toBe(-6173);
    expect(new ExactFraction(new Decimal("0.125")).timesCents(4)).toBe(1); // 0.5 → 1
    expect(new ExactFraction(new Decimal("0.1234567890123456789")).timesCents(100)).toBeUndefined();
  });

  it("agrees with decimal.js over random fractions and amounts", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 6 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: -1e9, max: 1e9 }),
        (a, k, c) => {
          const f = new Decimal(a).dividedBy(new Decimal(10).pow(k));
          const want = f.times(c).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
          expect(new ExactFraction(f).timesCents(c)).toBe(want === 0 ? 0 : want);
        },
      ),
    );
  });
});

describe("buildSchedule (cents) = buildScheduleReference", () => {
  it("an exact half-cent tie: 60 MW × 101.13 × 1.025² = 6,374,982.375 rounds up", () => {
    const t = terms({
      capacityMW: 60,
      startDate: "2025-01-01",
      termMonths: 36,
      ratePerKWMonth: 101.13,
      escalator: 0.025,
      prepayment: 0,
      creditMethod: "straight-line",
    });
    const fast = buildSchedule(t);
    expect(fast.rows[24].grossFee.toString()).toBe("6374982.38");
    same(t);
  });

  it("50 % of odd cents (ties on every credit), with carry, opex, capex and renewals with a rate step", () => {
    same(
      terms({
        tranches: [
          { date: "2025-01-15", mw: 80 },
          { date: "2025-03-01", mw: 80.001 },
          { date: "2025-06-01", mw: 40 },
        ],
        termMonths: 144,
        ratePerKWMonth: 121.53,
        escalator: 0.03,
        prepayment: 300000000.01,
        prepaymentDate: "2024-07-01",
        creditMethod: "percent-of-fee",
        creditPercent: 0.5,
        opexPerMWMonth: 25000.333,
        capex: [{ date: "2024-12-01", amount: 1000000.07 }],
        renewalOptions: 2,
        renewalMonths: 60,
        renewalRateStep: 0.05,
        renewalsExercised: 2,
      }),
    );
  });

  it("20-digit inputs and a 100-year escalation", () => {
    same(
      terms({
        capacityMW: "12.345678901234567891",
        startDate: "2025-01-01",
        termMonths: 1200,
        ratePerKWMonth: "101.13000000000000001",
        escalator: "0.0250000000000000001",
        prepayment: 123456789.12,
        creditMethod: "straight-line",
        creditMonths: 37,
        opexPerMWMonth: "1234.5678901234567891",
      }),
    );
  });
});
