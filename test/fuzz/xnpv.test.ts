import fc from "fast-check";
import {
  Decimal,
  discountFactors,
  npv,
  npvOfCents,
  npvReference,
  round2,
  summarize,
  validateDeal,
  type Schedule,
} from "../../src/core";
import { buildScheduleReference } from "../../src/core/schedule";
import { buildSchedule } from "../../src/core/schedule";
import { certifiedXnpvCents } from "../../src/core/xnpv";
import { dealArb, digits20 } from "./dealArb";
import { Counter, fuzz, runs } from "./support";

/**
 * The float XNPV with a certified cent (core/xnpv.ts) against the 40-digit
 * reference (`npvReference`, rounded half away from zero): whenever the float
 * path decides a cent, it is the reference's; `npv` (float or fallback) is the
 * reference's cent as a string. Over synthetic flows (sparse, huge, exact
 * half-cent ties at rate 1 and 3, up to 2,400 months, extreme and 20-digit
 * rates) and over random deals' schedules. `npm run fuzz` runs FUZZ_RUNS ties
 * and at most 30,000 of the others: the 40-digit oracle costs ~10 ms a case
 * (20,000 of each took 6.5 minutes on the 2-core machine).
 */

/** Cases of a target whose oracle is the 40-digit XNPV. */
const oracleRuns = (small: number): number => Math.min(runs(small), 30_000);

const JAN_2025 = 2025 * 12;

/** A rate: ordinary, 20-digit, tiny, huge, near −1, and the tie makers 1 and 3 (factors 1/2, 1/4 a year). */
const rateArb = fc.oneof(
  fc.constantFrom("0", "1", "3", "0.1", "0.08", "-0.5", "100", "1e10", "-0.99", "-0.999999", "1e-18", "-1e-18"),
  fc.integer({ min: -9_999, max: 100_000 }).map((n) => String(n / 10_000)),
  digits20(1),
  digits20(1).map((s) => `-0.${s.slice(2)}`),
  digits20(3),
);

/** Flows in cents from a seed: sparse or dense, small, odd or huge (up to 2^52), either sign. */
const flowsArb = fc
  .record({
    n: fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 1, max: 300 }) },
      { weight: 1, arbitrary: fc.integer({ min: 301, max: 2400 }) },
    ),
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    density: fc.constantFrom(0.02, 0.3, 1),
    scale: fc.constantFrom(10, 1e4, 1e9, 1e12, 2 ** 45),
    negative: fc.constantFrom(0, 0.1, 0.5),
    firstMonth: fc.oneof(fc.constant(JAN_2025), fc.integer({ min: 1900 * 12, max: 2200 * 12 })),
  })
  .map((g) => {
    let x = g.seed;
    const next = () => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return (x >>> 0) / 2 ** 32;
    };
    const flows = new Float64Array(g.n);
    for (let i = 0; i < g.n; i++) {
      if (next() > g.density) continue;
      const c = Math.floor(next() * g.scale);
      flows[i] = next() < g.negative ? -c : c;
    }
    return { flows, firstMonth: g.firstMonth };
  });

/** Exact ties: from January 2025, 365 and 730 days make (1 + r)^(−d/365) = 1/2, 1/4 at r = 1 and 1/16 at r = 3. */
const tieArb = fc
  .record({
    rate: fc.constantFrom("1", "3"),
    at12: fc.integer({ min: -99, max: 99 }),
    at24: fc.integer({ min: -99, max: 99 }),
    first: fc.integer({ min: -1e6, max: 1e6 }),
  })
  .map((g) => {
    const flows = new Float64Array(25);
    flows[0] = g.first;
    flows[12] = g.at12;
    flows[24] = g.at24;
    return { flows, firstMonth: JAN_2025, rate: g.rate };
  });

/** A schedule of just the two cash columns, as the npv functions read them (rows of decimals, and the cents or not). */
function scheduleOf(flows: Float64Array, firstMonth: number, withCents: boolean): Schedule {
  const rows = Array.from(flows, (c) => {
    const d = new Decimal(`${c}e-2`);
    return { netCashFlow: d, hostCashFlow: d };
  });
  return {
    terms: {} as Schedule["terms"],
    rows: rows as unknown as Schedule["rows"],
    firstMonthIndex: firstMonth,
    ...(withCents ? { cents: { netCashFlow: flows, hostCashFlow: flows } as unknown as Schedule["cents"] } : {}),
  };
}

function referenceCents(schedule: Schedule, rate: Decimal): string {
  return round2(npvReference(schedule, rate)).toString();
}

function check(flows: Float64Array, firstMonth: number, rate: Decimal, tally: { decided: number }): void {
  const schedule = scheduleOf(flows, firstMonth, true);
  const expected = referenceCents(schedule, rate);
  const decided = certifiedXnpvCents(flows, 0, firstMonth, rate);
  if (decided !== undefined) {
    tally.decided++;
    const got = new Decimal(`${decided}e-2`).toString();
    if (got !== expected) throw new Error(`float cent ${got} ≠ reference ${expected} at ${rate.toString()}`);
  }
  // Flows given as decimals only (no cents): toNumber() × 100, two more roundings in the bound.
  const viaDecimals = certifiedXnpvCents(
    Array.from(flows, (c) => new Decimal(`${c}e-2`).toNumber() * 100),
    2,
    firstMonth,
    rate,
  );
  if (viaDecimals !== undefined && new Decimal(`${viaDecimals}e-2`).toString() !== expected) {
    throw new Error(`float cent from decimals ${viaDecimals} ≠ reference ${expected}`);
  }
  expect(npv(schedule, rate).toString()).toBe(expected);
  expect(npvOfCents(flows, firstMonth, rate).toString()).toBe(expected);
  expect(npv(scheduleOf(flows, firstMonth, false), rate).toString()).toBe(expected);
}

describe("float XNPV with a certified cent = the 40-digit reference's cent", () => {
  const synthetic = new Counter("xnpv: synthetic flows vs decimal.js");
  const ties = new Counter("xnpv: exact half-cent ties");
  const deals = new Counter("xnpv: random deals' npv and hostNpv vs decimal.js");
  const tally = { decided: 0 };
  const tieTally = { decided: 0 };
  const dealTally = { valid: 0, decided: 0 };

  afterAll(() => {
    synthetic.note(`${tally.decided.toLocaleString("en-US")} decided by the float path, the rest by the reference`);
    ties.note(`${tieTally.decided.toLocaleString("en-US")} decided by the float path (ties must not be)`);
    deals.note(`${dealTally.valid.toLocaleString("en-US")} valid deals, ${dealTally.decided} NPVs by the float path`);
  });

  it("over synthetic flows and rates", () => {
    fuzz(synthetic, oracleRuns(150), [flowsArb, rateArb], ({ flows, firstMonth }, rate) =>
      check(flows, firstMonth, new Decimal(rate), tally),
    );
    // The float path must decide most of these (extremes by design: sums past 2^52 cents, rates near −1), or it
    // is not the fast path; the deals below are decided nearly always.
    expect(tally.decided).toBeGreaterThan(synthetic.count * 0.6);
  });

  it("leaves exact half-cent ties to the reference", () => {
    fuzz(ties, runs(100), [tieArb], ({ flows, firstMonth, rate }) => {
      check(flows, firstMonth, new Decimal(rate), tieTally);
      // The exact value: flows[12] × (1+r)^−1 + flows[24] × (1+r)^−2, in cents; a tie is never decided.
      const q = Number(rate) + 1;
      const exact = flows[0] + flows[12] / q + flows[24] / (q * q);
      if (Math.abs(exact - Math.trunc(exact)) === 0.5) {
        expect(certifiedXnpvCents(flows, 0, firstMonth, new Decimal(rate))).toBeUndefined();
      }
    });
  });

  it("over random deals: npv and hostNpv of the fast schedule at random rates", () => {
    fuzz(deals, oracleRuns(60), [dealArb, rateArb], (raw, rateText) => {
      const checked = validateDeal(raw);
      if (!checked.ok) return;
      const rate = new Decimal(rateText);
      if (rate.lessThanOrEqualTo(-1)) return;
      dealTally.valid++;
      const fast = buildSchedule(checked.value);
      // The fast schedule is the reference's, field by field (fastpath.test.ts): its decimals serve the reference NPV.
      const factors = discountFactors(rate, fast.firstMonthIndex, fast.rows.length);
      for (const column of ["netCashFlow", "hostCashFlow"] as const) {
        const expected = round2(npvReference(fast, rate, column, factors)).toString();
        const c = fast.cents?.[column];
        if (c && certifiedXnpvCents(c, 0, fast.firstMonthIndex, rate) !== undefined) dealTally.decided++;
        expect(npv(fast, rate, column).toString()).toBe(expected);
      }
      if (fast.rows.length <= 300 && dealTally.valid % 10 === 0) {
        const ref = buildScheduleReference(checked.value);
        expect(summarize(fast, rate).npv?.toString()).toBe(
          round2(npvReference(ref, rate, "netCashFlow", factors)).toString(),
        );
      }
    });
  });
});
