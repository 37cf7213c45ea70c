import "../support/customFunctionsShim";
import fc from "fast-check";
import {
  SCHEDULE_COLUMNS,
  SCHEDULE_HEADER,
  buildSchedule,
  npv,
  toExcelSerial,
  prepaymentRemaining,
  round2,
  validateDeal,
  fromExcelSerial,
  Decimal,
  type Terms,
} from "../../src/core";
import { buildScheduleReference } from "../../src/core/schedule";
import { DealFigures, scheduleTable } from "../../src/functions/deal";
import * as cached from "../../src/functions/functions";
import { CACHE_LIMITS, cacheStats } from "../../src/functions/resolve";
import { serial } from "../support/deals";
import { sized } from "../support/sizes";

/**
 * The caches never answer with a stale value: random sequences of calls on
 * a pool of deals whose terms keep changing (more deals than the schedule
 * cache holds, so figures outlive their schedules) give, call for call,
 * what a second copy of the functions gives with its caches emptied before
 * every call.
 */

type Functions = typeof import("../../src/functions/functions");
type Resolve = typeof import("../../src/functions/resolve");
let uncached: Functions;
let uncachedResolve: Resolve;
jest.isolateModules(() => {
  /* eslint-disable @typescript-eslint/no-require-imports */
  uncached = require("../../src/functions/functions") as Functions;
  uncachedResolve = require("../../src/functions/resolve") as Resolve;
  /* eslint-enable @typescript-eslint/no-require-imports */
});

/** Pool size: more deals than the schedule cache holds. */
const SLOTS = CACHE_LIMITS.tableEntries + 8;

interface Slot {
  capacity: number;
  rate: number;
  term: number;
  start: number;
  escalator: number | null;
  prepayment: number;
  creditMethod: string;
  creditPercent: number;
  discountRate: number | null;
  opex: number;
  /** A ramp in the tranches range (MW per tranche), or none. */
  ramp: number[] | null;
  /** Layout only: blank rows and numbers as text must not matter. */
  blankRow: boolean;
}

function initial(k: number): Slot {
  return {
    capacity: 10 + k,
    rate: 100 + k / 100,
    term: 12 + (k % 13),
    start: serial("2025-01-01") + 31 * (k % 5),
    escalator: 0.03,
    prepayment: 1_000_000 * (k % 3),
    creditMethod: "straight-line",
    creditPercent: 0.25,
    discountRate: 0.1,
    opex: 0,
    ramp: null,
    blankRow: false,
  };
}

function termsRange(s: Slot): unknown[][] {
  const rows: unknown[][] = [
    ["Capacity (MW)", s.capacity],
    ["Rate ($/kW-month)", s.rate],
    ["Term (months)", s.term],
    ["Start date", s.start],
    ["Annual escalator", s.escalator],
    ["Prepayment ($)", s.prepayment],
    ["Prepayment date", serial("2024-11-20")],
    ["Credit method", s.creditMethod],
    ["Opex ($/MW-month)", s.opex],
    ["Discount rate", s.discountRate],
  ];
  if (s.creditMethod === "percent-of-fee") rows.push(["Credit percent", s.creditPercent]);
  if (s.ramp) rows.splice(0, 2, ["Rate ($/kW-month)", s.rate]); // capacity and start come from the tranches
  if (s.blankRow) rows.splice(2, 0, [null, ""]);
  return rows;
}

function tranchesRange(s: Slot): unknown[][] | undefined {
  if (!s.ramp) return undefined;
  return [["Date", "MW"], ...s.ramp.map((mw, i) => [s.start + 45 * i, mw])];
}

const change = fc.oneof(
  fc.record({ capacity: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ rate: fc.integer({ min: 1, max: 30_000 }).map((n) => n / 100) }),
  fc.record({ term: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ start: fc.integer({ min: serial("2024-06-01"), max: serial("2027-12-31") }) }),
  fc.record({
    escalator: fc.option(
      fc.integer({ min: -300, max: 1000 }).map((n) => n / 10_000),
      { nil: null },
    ),
  }),
  fc.record({ prepayment: fc.constantFrom(0, 1, 999_999.99, 5_000_000, 123_456_789.01) }),
  fc.record({ creditMethod: fc.constantFrom("straight-line", "percent-of-fee") }),
  fc.record({ creditPercent: fc.integer({ min: 1, max: 10_000 }).map((n) => n / 10_000) }),
  fc.record({
    discountRate: fc.option(
      fc.integer({ min: -200, max: 400 }).map((n) => n / 1000),
      { nil: null },
    ),
  }),
  fc.record({ opex: fc.constantFrom(0, 12_500, 25_000.5) }),
  fc.record({
    ramp: fc.option(fc.array(fc.integer({ min: 1, max: 80 }), { minLength: 1, maxLength: 3 }), { nil: null }),
  }),
  fc.record({ blankRow: fc.boolean() }),
);

const dateArb = fc.integer({ min: serial("2024-01-01"), max: serial("2031-12-31") });
const call = fc.oneof(
  fc.constant({ fn: "contractValue" as const }),
  fc.constant({ fn: "annualRevenue" as const }),
  fc.constant({ fn: "dealSummary" as const }),
  fc.constant({ fn: "hostingCashflow" as const }),
  fc.record({
    fn: fc.constant("dealNpv" as const),
    rate: fc.option(fc.constantFrom(0.05, 0.1, -0.02, 0.25), { nil: undefined }),
  }),
  fc.record({ fn: fc.constant("prepayRemaining" as const), dates: fc.array(dateArb, { minLength: 1, maxLength: 3 }) }),
);

const step = fc.record({
  slot: fc.integer({ min: 0, max: SLOTS - 1 }),
  change: fc.option(change, { freq: 3, nil: undefined }),
  call,
});

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function run(f: Functions, s: Slot, c: Step["call"]): unknown {
  const terms = termsRange(s);
  const tranches = tranchesRange(s);
  switch (c.fn) {
    case "dealNpv":
      return f.dealNpv(terms, c.rate, tranches);
    case "prepayRemaining":
      return f.prepayRemaining(terms, [c.dates], tranches);
    default:
      return f[c.fn](terms, tranches);
  }
}

/** A host that writes into what it was given, wherever it can: no later answer may change. */
function scribble(result: unknown): void {
  if (!Array.isArray(result) || Object.isFrozen(result)) return;
  for (const row of result as unknown[]) {
    if (Array.isArray(row) && !Object.isFrozen(row)) row.fill(-1);
  }
  result.push(["written by the host"]);
}

describe("the caches against no caches", () => {
  it("give the same answer as an uncached computation, call for call, as terms change", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 80 }), (steps) => {
        const slots = Array.from({ length: SLOTS }, (_, k) => initial(k));
        for (const { slot, change: delta, call: c } of steps) {
          if (delta) Object.assign(slots[slot], delta);
          const got = run(cached, slots[slot], c);
          uncachedResolve.clearCaches();
          const expected = run(uncached, slots[slot], c);
          expect(got).toEqual(expected);
          scribble(got);
        }
      }),
      { numRuns: Number(process.env.FC_NUM_RUNS ?? 40) },
    );
  });

  it("rebuilds no schedule on a second pass over every deal at other dates and NPV rates", () => {
    const slots = Array.from({ length: SLOTS }, (_, k) => initial(k + 1000));
    for (const s of slots) {
      cached.contractValue(termsRange(s));
      cached.dealSummary(termsRange(s));
    }
    const built = cacheStats().schedulesBuilt;
    for (const s of slots) {
      cached.prepayRemaining(termsRange(s), [[serial("2027-03-15")]]);
      cached.dealNpv(termsRange(s), 0.0625);
      cached.dealSummary(termsRange(s));
      cached.annualRevenue(termsRange(s));
    }
    expect(cacheStats().schedulesBuilt).toBe(built);
  });
});

/** A deal's figures against the core's own answers on its full schedule. */
const dealArb = fc.record({
  capacity: fc.integer({ min: 1, max: 500_000 }).map((n) => n / 1000),
  rate: fc.integer({ min: 0, max: 5_000_000 }).map((n) => n / 10_000),
  term: fc.integer({ min: 1, max: 240 }),
  startOffset: fc.integer({ min: 0, max: 60 }),
  escalator: fc.integer({ min: -500, max: 2000 }).map((n) => n / 10_000),
  prepayment: fc.oneof(
    fc.constant(0),
    fc.integer({ min: 1, max: 9_999_999_999_999 }).map((n) => n / 100),
  ),
  prepaymentOffset: fc.integer({ min: -24, max: 48 }),
  creditMethod: fc.constantFrom("straight-line", "percent-of-fee"),
  creditPercent: fc.integer({ min: 1, max: 10_000 }).map((n) => n / 10_000),
  opex: fc.oneof(
    fc.constant(0),
    fc.integer({ min: 1, max: 10_000_000 }).map((n) => n / 100),
  ),
});

function validated(d: typeof dealArb extends fc.Arbitrary<infer T> ? T : never): Terms | undefined {
  const month = (offset: number) => {
    const m = 2024 * 12 + offset;
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}-15`;
  };
  const checked = validateDeal({
    capacityMW: d.capacity,
    ratePerKWMonth: d.rate,
    termMonths: d.term,
    startDate: month(d.startOffset),
    escalator: d.escalator,
    prepayment: d.prepayment,
    prepaymentDate: month(Math.max(0, d.startOffset + d.prepaymentOffset)),
    creditMethod: d.creditMethod,
    ...(d.creditMethod === "percent-of-fee" ? { creditPercent: d.creditPercent } : {}),
    opexPerMWMonth: d.opex,
  });
  return checked.ok ? checked.value : undefined;
}

describe("scheduleTable", () => {
  it("is every row's decimals as numbers (Decimal.toNumber), dates as Excel serials, for fast and reference schedules", () => {
    fc.assert(
      fc.property(dealArb, (d) => {
        const terms = validated(d);
        if (!terms) return;
        for (const schedule of [buildSchedule(terms), buildScheduleReference(terms)]) {
          const want = [
            [...SCHEDULE_HEADER],
            ...schedule.rows.map((r) =>
              SCHEDULE_COLUMNS.map((c) => (c.key === "date" ? toExcelSerial(r.date) : r[c.key].toNumber())),
            ),
          ];
          expect(scheduleTable(schedule)).toEqual(want);
        }
      }),
      { numRuns: sized(150) },
    );
  });
});

describe("DealFigures", () => {
  it("answers as the core does on the full schedule: NPV at any rate from its cents, remaining at any date", () => {
    fc.assert(
      fc.property(
        dealArb,
        fc.integer({ min: -900, max: 2000 }).map((n) => new Decimal(n).dividedBy(1000)),
        fc.array(fc.integer({ min: serial("2023-01-01"), max: serial("2046-12-31") }), { maxLength: 8 }),
        (d, rate, serials) => {
          const terms = validated(d);
          if (!terms) return;
          const schedule = buildSchedule(terms);
          const figures = DealFigures.of(schedule);
          expect(figures.npvAt(rate)).toBe(round2(npv(schedule, rate)).toNumber());
          expect(figures.npvAt(rate, "hostCashFlow")).toBe(round2(npv(schedule, rate, "hostCashFlow")).toNumber());
          for (const s of serials) {
            const date = fromExcelSerial(s);
            if (!date) continue;
            expect(figures.prepaymentRemainingAt(date)).toBe(prepaymentRemaining(schedule, date).toNumber());
          }
          const table = scheduleTable(schedule);
          expect(figures.months).toBe(table.length - 1);
        },
      ),
      { numRuns: Number(process.env.FC_NUM_RUNS ?? 300) },
    );
  });

  it("keeps the flows as decimals when a month's flow is beyond exact cents in a double", () => {
    // A fee near the limit (1e13 a month) and a prepayment of 1e13 in the same month: 2e15 cents.
    const checked = validateDeal({
      capacityMW: 100_000,
      ratePerKWMonth: 99_999.99,
      termMonths: 12,
      startDate: "2025-01-01",
      prepayment: 9_999_999_999_999.99,
      prepaymentDate: "2025-01-01",
      creditMethod: "percent-of-fee",
      creditPercent: 0.3333,
      opexPerMWMonth: 0.01,
    });
    if (!checked.ok) throw checked.error;
    const schedule = buildSchedule(checked.value);
    const figures = DealFigures.of(schedule);
    for (const rate of ["0.1", "-0.5", "3.7"]) {
      const r = new Decimal(rate);
      expect(figures.npvAt(r)).toBe(round2(npv(schedule, r)).toNumber());
    }
    // The decimals are counted at their size (~120 bytes a month, against 8 for cents): the fallback was taken.
    expect(figures.approxBytes).toBeGreaterThan(4000);
  });

  it("reads the NPV of a half-cent-prone deal identically from its schedule and from its cents", () => {
    const checked = validateDeal({
      capacityMW: 60,
      ratePerKWMonth: 101.13,
      termMonths: 60,
      startDate: "2025-01-01",
      escalator: 0.025,
      prepayment: 0,
      discountRate: 0.1,
    });
    if (!checked.ok) throw checked.error;
    const schedule = buildSchedule(checked.value);
    const rate = new Decimal("0.1");
    const fromCents = DealFigures.of(schedule).npvAt(rate);
    expect(fromCents).toBe(DealFigures.of(schedule).npvAt(rate, "netCashFlow", schedule));
    expect(fromCents).toBe(round2(npv(schedule, rate)).toNumber());
  });
});
