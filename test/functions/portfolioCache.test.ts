/**
 * The portfolio functions' results cache: a table of the same deals asked for
 * the same way is the one computed before; a change to any deal (or an option)
 * computes it again. Checked against the core's own portfolio, computed afresh,
 * over random sequences of changes.
 */
import fc from "fast-check";
import {
  buildPortfolio,
  combineSchedules,
  fromExcelSerial,
  rollUp,
  runRate,
  toExcelSerial,
  validatePortfolio,
  type Decimal,
  type PeriodKind,
} from "../../src/core";
import * as fn from "../../src/functions/portfolio";
import { clearCaches } from "../../src/functions/resolve";
import { serial } from "../support/deals";
import { QUICK } from "../support/sizes";

const PERIODS: readonly PeriodKind[] = ["month", "quarter", "year"];

interface Slot {
  capacity: number;
  rate: number;
  term: number;
  start: string;
}

function termsRange(s: Slot, k: number): unknown[][] {
  return [
    ["Deal", `Deal ${k}`],
    ["Capacity (MW)", s.capacity],
    ["Rate ($/kW-month)", s.rate],
    ["Term (months)", s.term],
    ["Start date", serial(s.start)],
    ["Annual escalator", 0.03],
    ["Prepayment ($)", 1_000_000],
    ["Prepayment date", serial("2024-12-01")],
    ["Credit method", "percent-of-fee"],
    ["Credit percent", 0.25],
  ];
}

function coreModel(slots: readonly Slot[]) {
  const p = validatePortfolio({
    deals: slots.map((s, k) => ({
      name: `Deal ${k}`,
      capacityMW: s.capacity,
      ratePerKWMonth: s.rate,
      termMonths: s.term,
      startDate: s.start,
      escalator: 0.03,
      prepayment: 1_000_000,
      prepaymentDate: "2024-12-01",
      creditMethod: "percent-of-fee",
      creditPercent: 0.25,
    })),
  });
  if (!p.ok) throw p.error;
  return buildPortfolio(p.value, null);
}

const slot = fc.record({
  capacity: fc.integer({ min: 1, max: 300 }),
  rate: fc.integer({ min: 5000, max: 20000 }).map((c) => c / 100),
  term: fc.integer({ min: 6, max: 60 }),
  start: fc.constantFrom("2025-01-01", "2025-04-01", "2025-11-01", "2026-02-01"),
});

const money = (d: Decimal) => d.toNumber();

describe("the portfolio results cache", () => {
  beforeEach(() => {
    clearCaches();
    fn.clearPortfolioResults();
  });

  it("answers as the core's portfolio computed afresh, as deals and options change", () => {
    fc.assert(
      fc.property(
        fc.array(slot, { minLength: 1, maxLength: 4 }),
        fc.array(fc.record({ at: fc.nat(), to: slot, period: fc.constantFrom(...PERIODS) }), { maxLength: 6 }),
        (initial, changes) => {
          const slots = initial.map((s) => ({ ...s }));
          const check = (period: PeriodKind) => {
            const args = slots.flatMap((s, k) => [termsRange(s, k), null, null]);
            const model = coreModel(slots);
            const options = { period, fiscalYearEndMonth: 12 };
            const want = [
              ...rollUp(model.combined, options).map((r) => [r.period, toExcelSerial(r.start), money(r.grossFee)]),
            ];
            for (let twice = 0; twice < 2; twice++) {
              const got = fn.portfolioPeriods(period, null, args);
              if (!got.ok) throw new Error(got.message);
              expect(got.value.slice(1).map((r) => [r[0], r[1], r[5]])).toEqual(want);
              const cash = fn.portfolioCashflow(args);
              if (!cash.ok) throw new Error(cash.message);
              expect(cash.value.length - 1).toBe(model.combined.rows.length);
              expect(cash.value.slice(1).map((r) => r[3])).toEqual(model.combined.rows.map((r) => money(r.grossFee)));
              const date = serial(slots[0].start) + 40;
              const rr = fn.portfolioRunRate(date, args);
              if (!rr.ok) throw new Error(rr.message);
              const at = fromExcelSerial(date);
              if (!at) throw new Error("bad date");
              expect(rr.value).toBe(runRate(model.combined, at).toNumber());
              // The combined schedule the functions use (no portfolio summary) is the model's.
              expect(combineSchedules(model.deals).rows.length).toBe(model.combined.rows.length);
            }
          };
          check("quarter");
          for (const c of changes) {
            slots[c.at % slots.length] = { ...c.to };
            check(c.period);
          }
        },
      ),
      // Each run rebuilds portfolios afresh after every change: 8 in npm test.
      { numRuns: QUICK ? 8 : 25 },
    );
  });
});
