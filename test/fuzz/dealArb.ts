import fc from "fast-check";

/**
 * Random deal files for the fast-path fuzz targets (fastpath, xnpv): ramps,
 * half-cent ties (60 MW × 101.13 × 1.025²), long escalations, 20-digit
 * inputs, both credit methods, capex and renewals.
 */

/** A decimal with up to 20 significant digits, as a string (the terms' limit). */
export const digits20 = (intDigits: number) =>
  fc
    .tuple(
      fc.integer({ min: 0, max: 10 ** intDigits - 1 }),
      fc.bigInt({ min: 0n, max: 10n ** BigInt(20 - intDigits) - 1n }),
    )
    .map(([i, f]) => `${i}.${f.toString().padStart(20 - intDigits, "0")}`);

const mwArb = fc.oneof(
  fc.integer({ min: 1, max: 500 }),
  fc.integer({ min: 1, max: 500_000 }).map((n) => n / 1000),
  fc.constantFrom(60, 0.1, 0.3, 200),
  digits20(3).filter((s) => Number(s) > 0),
);
const rateArb = fc.oneof(
  fc.constant(0),
  fc.constant("101.13"), // 60 MW × 101.13 × 1.025² = 6,374,982.375: an exact half-cent tie
  fc.integer({ min: 1, max: 50_000 }).map((n) => n / 100),
  fc.integer({ min: 1, max: 1_000_000 }).map((n) => n / 10_000),
  digits20(3),
);
const fractionArb = (min: number, max: number) =>
  fc.oneof(
    fc.constant(0),
    fc.integer({ min, max }).map((n) => n / 10_000),
    digits20(1).map((s) => `0.0${s.slice(2, 20)}`), // 20 significant digits below 0.1
  );
const escalatorArb = fc.oneof(fc.constant("0.025"), fc.constant(0.03), fractionArb(-500, 1000));
const centsArb = (maxDollars: number) =>
  fc
    .tuple(fc.integer({ min: 0, max: maxDollars }), fc.integer({ min: 0, max: 99 }))
    .map(([d, c]) => (d * 100 + c) / 100);

const isoOf = (month: number, day: number): string => {
  const year = Math.floor(month / 12);
  const m = month - year * 12 + 1;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, "0")}-${String(Math.min(day, last)).padStart(2, "0")}`;
};
const JAN_2025 = 2025 * 12;

export const dealArb = fc
  .record({
    tranches: fc.array(
      fc.record({ offset: fc.integer({ min: 0, max: 48 }), day: fc.integer({ min: 1, max: 31 }), mw: mwArb }),
      { minLength: 1, maxLength: 4 },
    ),
    termMonths: fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 1, max: 240 }) },
      { weight: 1, arbitrary: fc.integer({ min: 241, max: 1200 }) }, // long escalations
    ),
    rate: rateArb,
    escalator: escalatorArb,
    creditMethod: fc.constantFrom("straight-line", "percent-of-fee"),
    creditMonths: fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }),
    creditPercent: fc.oneof(
      fc.integer({ min: 1, max: 10_000 }).map((n) => n / 10_000),
      digits20(1).filter((s) => Number(s) > 0 && Number(s) <= 1),
      fc.constant(0.5),
    ),
    prepayment: fc.oneof(fc.constant(0), centsArb(1000), centsArb(1_000_000), centsArb(1_000_000_000)),
    prepaymentOffset: fc.option(fc.integer({ min: -24, max: 300 }), { nil: undefined }),
    opex: fc.oneof(
      fc.constant(0),
      fc.integer({ min: 1, max: 10_000_000 }).map((n) => n / 1000),
      digits20(5),
    ),
    capex: fc.array(
      fc.record({
        offset: fc.integer({ min: -12, max: 200 }),
        day: fc.integer({ min: 1, max: 28 }),
        amount: centsArb(1e9),
      }),
      { maxLength: 3 },
    ),
    renewalOptions: fc.integer({ min: 0, max: 3 }),
    renewalMonths: fc.integer({ min: 1, max: 120 }),
    renewalRateStep: fractionArb(-500, 2000),
    exercised: fc.nat(),
  })
  .map((g) => {
    const raw: Record<string, unknown> = {
      tranches: g.tranches.map((t) => ({ date: isoOf(JAN_2025 + t.offset, t.day), mw: t.mw })),
      ratePerKWMonth: g.rate,
      termMonths: g.termMonths,
      escalator: g.escalator,
      prepayment: g.prepayment,
      creditMethod: g.creditMethod,
      creditPercent: g.creditPercent,
      opexPerMWMonth: g.opex,
      discountRate: 0.08,
    };
    if (g.creditMonths !== undefined) raw.creditMonths = g.creditMonths;
    if (g.prepaymentOffset !== undefined) raw.prepaymentDate = isoOf(JAN_2025 + g.prepaymentOffset, 1);
    if (g.capex.length > 0)
      raw.capex = g.capex.map((c) => ({ date: isoOf(JAN_2025 + c.offset, c.day), amount: c.amount }));
    if (g.renewalOptions > 0) {
      raw.renewalOptions = g.renewalOptions;
      raw.renewalMonths = g.renewalMonths;
      raw.renewalRateStep = g.renewalRateStep;
      raw.renewalsExercised = g.exercised % (g.renewalOptions + 1);
    }
    return raw;
  });
