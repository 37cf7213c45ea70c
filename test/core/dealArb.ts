import fc from "fast-check";

/** Small random deals for portfolio and period properties: ramps, both credit methods, capex, renewals. */
export const dealArb = fc.record({
  start: fc.integer({ min: 0, max: 60 }),
  tranches: fc.array(fc.record({ offset: fc.integer({ min: 0, max: 30 }), mw: fc.integer({ min: 1, max: 300_000 }) }), {
    minLength: 1,
    maxLength: 4,
  }),
  termMonths: fc.integer({ min: 1, max: 80 }),
  rate: fc.integer({ min: 0, max: 2_000_000 }),
  escalator: fc.integer({ min: -300, max: 900 }),
  prepayment: fc.integer({ min: 0, max: 5_000_000_000 }),
  prepaymentOffset: fc.integer({ min: -12, max: 10 }),
  percentOfFee: fc.boolean(),
  opex: fc.integer({ min: 0, max: 100_000 }),
  capex: fc.array(fc.record({ offset: fc.integer({ min: -12, max: 20 }), cents: fc.integer({ min: 0, max: 1e12 }) }), {
    maxLength: 3,
  }),
  renewals: fc.integer({ min: 0, max: 2 }),
});

export type DealShape = typeof dealArb extends fc.Arbitrary<infer T> ? T : never;

/** A valid deal file from the shape (dates from 2020-01 on). */
export function dealOf(s: DealShape): Record<string, unknown> {
  const month = (m: number) => {
    const base = 2020 * 12 + s.start + m;
    return `${Math.floor(base / 12)}-${String((base % 12) + 1).padStart(2, "0")}-01`;
  };
  const trancheStart = Math.min(...s.tranches.map((t) => t.offset));
  return {
    tranches: s.tranches.map((t) => ({ date: month(t.offset + 12), mw: t.mw / 1000 })),
    ratePerKWMonth: s.rate / 10_000,
    termMonths: s.termMonths,
    escalator: s.escalator / 10_000,
    prepayment: s.prepayment / 100,
    prepaymentDate: month(Math.min(12 + trancheStart + s.prepaymentOffset, 12 + trancheStart + s.termMonths - 1)),
    ...(s.percentOfFee ? { creditMethod: "percent-of-fee", creditPercent: 0.3 } : {}),
    opexPerMWMonth: s.opex,
    capex: s.capex.map((c) => ({
      date: month(Math.min(12 + trancheStart + c.offset, 12 + trancheStart + s.termMonths - 1)),
      amount: c.cents / 100,
    })),
    renewalOptions: s.renewals,
    renewalsExercised: s.renewals > 0 ? 1 : 0,
    renewalMonths: 7,
  };
}
