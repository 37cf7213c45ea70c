/**
 * The mining functions' results cache: the same deal and mining cells answer
 * from the cache; a change to either (or to the rate, for the figures)
 * computes afresh. Checked against the core's compareMining over random
 * sequences of changes, exactly.
 */
import "../support/customFunctionsShim";
import fc from "fast-check";
import {
  Decimal,
  MINING_FIGURES,
  buildSchedule,
  compareMining,
  money,
  toExcelSerial,
  validateDeal,
} from "../../src/core";
import { miningComparison, miningSummary } from "../../src/functions/functions";
import {
  clearMiningResults,
  miningComparison as ownComparison,
  miningComparisonShared,
} from "../../src/functions/mining";
import { clearCaches } from "../../src/functions/resolve";
import { WORKED_CHECK_FILE, workedCheckTerms } from "../support/deals";
import { QUICK } from "../support/sizes";

const state = fc.record({
  hashprice: fc.integer({ min: 20, max: 80 }),
  power: fc.constantFrom(0.03, 0.04, 0.05),
  rate: fc.constantFrom(undefined, 0, 0.08, 0.1),
  dealRate: fc.constantFrom(110, 121.53),
});

type State = { hashprice: number; power: number; rate: number | undefined; dealRate: number };

function miningRange(s: State): unknown[][] {
  return [
    ["Hashprice ($/PH/s/day)", s.hashprice],
    ["Fleet efficiency (J/TH)", 23.6],
    ["Power cost ($/kWh)", s.power],
    ["Uptime", 0.95],
    ["Halving dates", "2028-04-17"],
  ];
}

function terms(s: State): unknown[][] {
  return workedCheckTerms().map((r) => (r[0] === "Rate ($/kW-month)" ? [r[0], s.dealRate] : r));
}

function core(s: State) {
  const checked = validateDeal({
    ...WORKED_CHECK_FILE,
    ratePerKWMonth: s.dealRate,
    mining: {
      hashprice: s.hashprice,
      efficiencyJPerTH: 23.6,
      powerCostPerKWh: s.power,
      uptime: 0.95,
      halvingDates: ["2028-04-17"],
    },
  });
  if (!checked.ok) throw checked.error;
  const rate = s.rate === undefined ? checked.value.discountRate : new Decimal(s.rate);
  return compareMining(buildSchedule(checked.value), rate);
}

describe("the mining results cache", () => {
  beforeAll(() => {
    clearCaches();
    clearMiningResults();
  });

  it("answers as the core computed afresh, as the deal, the mining cells and the rate change", () => {
    fc.assert(
      fc.property(fc.array(state, { minLength: 1, maxLength: 6 }), (states) => {
        for (const s of states) {
          const want = core(s);
          for (let twice = 0; twice < 2; twice++) {
            const table = miningComparison(
              terms(s),
              miningRange(s),
              null as never,
              null as never,
              s.rate,
            ) as number[][];
            expect(table.length - 1).toBe(want.schedule.rows.length);
            want.schedule.rows.forEach((r, i) => {
              expect(table[i + 1][0]).toBe(toExcelSerial(r.date));
              expect(table[i + 1][3]).toBe(r.miningRevenue.toNumber());
            });
            const figures = miningSummary(terms(s), miningRange(s), null as never, null as never, null, s.rate) as [
              string,
              number,
            ][];
            expect(figures.map((r) => r[1].toFixed(2))).toEqual(
              MINING_FIGURES.map((f) => money(f.value(want.summary) as never)),
            );
          }
        }
      }),
      // Each run is a sequence of changes, each computed afresh by the 100-digit reference: 5 in npm test.
      { numRuns: QUICK ? 5 : 15 },
    );
  });
});

describe("the cached comparison table, handed out", () => {
  const s: State = { hashprice: 52, power: 0.04, rate: undefined, dealRate: 121.53 };
  const want = () => miningComparison(terms(s), miningRange(s)) as number[][];

  it("is the caller's own on a first call, then one frozen table, the same every time, with the same cells", () => {
    clearMiningResults();
    const first = miningComparisonShared(terms(s), miningRange(s));
    if (!first.ok) throw new Error(first.message);
    expect(Object.isFrozen(first.value)).toBe(false);
    const expected = first.value.map((row) => [...row]);
    const second = miningComparisonShared(terms(s), miningRange(s));
    const third = miningComparisonShared(terms(s), miningRange(s));
    if (!second.ok || !third.ok) throw new Error("no table");
    expect(Object.isFrozen(second.value) && second.value.every((row) => Object.isFrozen(row))).toBe(true);
    expect(third.value).toBe(second.value);
    // Object.is per cell (the sign of zero included), and the first table written over changes nothing cached.
    (first.value as unknown[][])[1][3] = -1;
    second.value.forEach((row, i) => row.forEach((c, j) => expect(Object.is(c, expected[i][j])).toBe(true)));
  });

  it("is a copy of its own for hosts that write into it, packed or unpacked", () => {
    clearMiningResults();
    const a = ownComparison(terms(s), miningRange(s));
    const b = ownComparison(terms(s), miningRange(s)); // from the packed numbers
    if (!a.ok || !b.ok) throw new Error("no table");
    expect(b.value).not.toBe(a.value);
    expect(b.value).toEqual(a.value);
    b.value[1][1] = "x";
    miningComparisonShared(terms(s), miningRange(s)); // unpacked and frozen
    const c = ownComparison(terms(s), miningRange(s)); // a copy of the frozen rows
    if (!c.ok) throw new Error("no table");
    expect(Object.isFrozen(c.value[1])).toBe(false);
    expect(c.value).toEqual(a.value);
    expect(c.value).toEqual(want());
  });
});
