import fc from "fast-check";
import { Decimal, summarize, validateDeal, type Schedule, type Summary } from "../../src/core";
import { buildSchedule, buildScheduleReference } from "../../src/core/schedule";
import { DealFigures, scheduleTable } from "../../src/functions/deal";
import { Counter, fuzz, runs } from "./support";

/**
 * The fast schedule (integer cents, float fees with a certified rounding
 * decision) against the decimal.js reference: every field of every row, and
 * every summary figure, identical strings. `npm run fuzz` runs 100,000 deals
 * (FUZZ_RUNS), CI 2,000, `npm test` a few hundred.
 */

const ROW_KEYS = [
  "billedMW",
  "rate",
  "grossFee",
  "credit",
  "netFee",
  "opex",
  "netCashFlow",
  "capex",
  "hostCashFlow",
  "prepaymentRemaining",
] as const;

/** A decimal with up to 20 significant digits, as a string (the terms' limit). */
const digits20 = (intDigits: number) =>
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

const dealArb = fc
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

/** Every field of every row, as exact strings (a Decimal's sign of zero included). */
export function expectSameSchedule(fast: Schedule, ref: Schedule): void {
  expect(fast.firstMonthIndex).toBe(ref.firstMonthIndex);
  expect(fast.rows.length).toBe(ref.rows.length);
  for (let i = 0; i < ref.rows.length; i++) {
    const a = fast.rows[i];
    const b = ref.rows[i];
    if (a.date.year !== b.date.year || a.date.month !== b.date.month || a.date.day !== b.date.day) {
      throw new Error(`row ${i}: date ${JSON.stringify(a.date)} ≠ ${JSON.stringify(b.date)}`);
    }
    for (const key of ROW_KEYS) {
      const x = a[key];
      const y = b[key];
      if (x.toString() !== y.toString() || !x.equals(y) || x.isNegative() !== y.isNegative()) {
        throw new Error(`row ${i} (${b.date.year}-${b.date.month}): ${key} ${x.toString()} ≠ ${y.toString()}`);
      }
    }
  }
}

function expectSameCells(a: readonly (readonly unknown[])[], b: readonly (readonly unknown[])[]): void {
  expect(a.length).toBe(b.length);
  a.forEach((row, i) =>
    row.forEach((cell, j) => {
      if (!Object.is(cell, b[i][j])) throw new Error(`cell ${i},${j}: ${String(cell)} ≠ ${String(b[i][j])}`);
    }),
  );
}

function text(s: Summary): Record<string, string | null> {
  return Object.fromEntries(
    Object.entries(s).map(([k, v]) => [
      k,
      v === null ? null : typeof v === "object" && "year" in v ? JSON.stringify(v) : String(v),
    ]),
  );
}

describe("fast schedule = decimal reference", () => {
  const counter = new Counter("fastpath: schedule vs decimal.js");
  let valid = 0;
  let cents = 0;

  afterAll(() => {
    counter.note(`${valid.toLocaleString("en-US")} valid deals, ${cents.toLocaleString("en-US")} on the cents path`);
  });

  it("every row and summary figure of random deals", () => {
    fuzz(counter, runs(300), [dealArb], (raw) => {
      const checked = validateDeal(raw);
      if (!checked.ok) return;
      valid++;
      const fast = buildSchedule(checked.value);
      if (fast.cents) cents++;
      const ref = buildScheduleReference(checked.value);
      expectSameSchedule(fast, ref);
      // The functions' spilled table reads the cents directly: the same doubles as Decimal.toNumber().
      expectSameCells(scheduleTable(fast), scheduleTable(ref));
      // The summary (XIRR in decimals is slow on long deals): every 20th deal of up to 25 years.
      if (valid % 20 === 0 && ref.rows.length <= 300) {
        expect(text(summarize(fast))).toEqual(text(summarize(ref)));
        const a = DealFigures.of(fast, "k");
        const b = DealFigures.of(ref, "k");
        expectSameCells(a.summaryTable(), b.summaryTable());
        const last = ref.rows[ref.rows.length - 1].date;
        expect(a.prepaymentRemainingAt(last)).toBe(b.prepaymentRemainingAt(last));
        expect(a.npvAt(new Decimal("0.1"), "hostCashFlow")).toBe(b.npvAt(new Decimal("0.1"), "hostCashFlow"));
      }
    });
    // The generator must mostly produce valid deals, or the property checks little.
    expect(valid).toBeGreaterThan(counter.count / 2);
  });
});
