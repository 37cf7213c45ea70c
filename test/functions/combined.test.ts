/**
 * A portfolio's combined rows from the deals' cents (src/functions/combined.ts)
 * against the core's combineSchedules: every field the roll-up reads, of every
 * month, and every period of the roll-up, as exact decimal strings.
 */
import fc from "fast-check";
import {
  Decimal,
  PERIOD_KINDS,
  buildSchedule,
  combineSchedules,
  rollUp,
  validateDeal,
  type PeriodRow,
  type Terms,
} from "../../src/core";
import { combinedRows } from "../../src/functions/combined";

const FIELDS = [
  "billedMW",
  "grossFee",
  "credit",
  "netFee",
  "opex",
  "netCashFlow",
  "capex",
  "hostCashFlow",
  "prepaymentRemaining",
] as const;

const money = (max: number) =>
  fc.tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max: 99 })).map(([d, c]) => (d * 100 + c) / 100);

const dealArb = fc.record({
  tranches: fc.array(
    fc.record({
      offset: fc.integer({ min: 0, max: 36 }),
      mw: fc.oneof(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 500_000 }).map((n) => n / 1000),
        fc.constant("12.3456789012345678901"),
      ),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  term: fc.integer({ min: 1, max: 150 }),
  rate: fc.integer({ min: 0, max: 50_000 }).map((n) => n / 100),
  escalator: fc.constantFrom(0, 0.025, 0.03, -0.01),
  prepayment: fc.oneof(fc.constant(0), money(1_000_000), money(500_000_000)),
  prepaymentOffset: fc.integer({ min: -12, max: 40 }),
  creditMethod: fc.constantFrom("straight-line", "percent-of-fee"),
  creditPercent: fc.integer({ min: 1, max: 10_000 }).map((n) => n / 10_000),
  opex: fc.oneof(fc.constant(0), money(50_000)),
  capex: fc.array(fc.record({ offset: fc.integer({ min: -12, max: 100 }), amount: money(1e8) }), { maxLength: 2 }),
  renewals: fc.integer({ min: 0, max: 2 }),
  renewalMonths: fc.integer({ min: 1, max: 24 }),
  exercised: fc.nat(),
});

/** The quick loop's size (at least 20, so that enough books are compared), 60 in full. */
const RUNS = Math.max(20, Number(process.env.FC_NUM_RUNS ?? 60));

function terms(d: typeof dealArb extends fc.Arbitrary<infer T> ? T : never): Terms | undefined {
  const iso = (offset: number) => {
    const m = 2025 * 12 + offset;
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}-01`;
  };
  const raw: Record<string, unknown> = {
    tranches: d.tranches.map((t) => ({ date: iso(t.offset), mw: t.mw })),
    ratePerKWMonth: d.rate,
    termMonths: d.term,
    escalator: d.escalator,
    prepayment: d.prepayment,
    prepaymentDate: iso(d.prepaymentOffset),
    creditMethod: d.creditMethod,
    creditPercent: d.creditPercent,
    opexPerMWMonth: d.opex,
  };
  if (d.capex.length > 0) raw.capex = d.capex.map((c) => ({ date: iso(c.offset), amount: c.amount }));
  if (d.renewals > 0) {
    raw.renewalOptions = d.renewals;
    raw.renewalMonths = d.renewalMonths;
    raw.renewalsExercised = d.exercised % (d.renewals + 1);
  }
  const checked = validateDeal(raw);
  return checked.ok ? checked.value : undefined;
}

describe("the combined rows from cents", () => {
  it("equal the core's combineSchedules in every field the roll-up reads, and roll up the same", () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.array(dealArb, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 12 }), (raw, fy) => {
        const list = raw.map(terms).filter((t): t is Terms => t !== undefined);
        if (list.length === 0) return;
        const deals = list.map((t) => ({ terms: t, schedule: buildSchedule(t) }));
        const fast = combinedRows(deals);
        const core = combineSchedules(deals);
        // Every generated deal is within exact cents: the fast path must not decline.
        if (fast === undefined) throw new Error("combinedRows declined a portfolio within exact cents");
        compared++;
        expect(fast.firstMonthIndex).toBe(core.firstMonthIndex);
        expect(fast.rows.length).toBe(core.rows.length);
        core.rows.forEach((r, i) => {
          const f = fast.rows[i];
          expect(f.date).toEqual(r.date);
          for (const k of FIELDS) expect([i, k, f[k].toString()]).toEqual([i, k, r[k].toString()]);
        });
        for (const period of PERIOD_KINDS) {
          const options = { period, fiscalYearEndMonth: fy };
          expect(rollUp(fast, options).map(text)).toEqual(rollUp(core, options).map(text));
        }
      }),
      { numRuns: RUNS },
    );
    // About half the random books have every deal in exact cents (the others go to the core's path).
    expect(compared).toBeGreaterThan(RUNS / 10);
  });
});

/** A period row as text, its decimals as their exact strings. */
function text(p: PeriodRow): string[] {
  return Object.entries(p).map(([k, v]) => `${k}=${v instanceof Decimal ? v.toString() : JSON.stringify(v)}`);
}
