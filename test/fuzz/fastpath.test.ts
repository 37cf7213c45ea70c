import { Decimal, summarize, validateDeal, type Schedule, type Summary } from "../../src/core";
import { buildSchedule, buildScheduleReference } from "../../src/core/schedule";
import { DealFigures, scheduleTable } from "../../src/functions/deal";
import { dealArb } from "./dealArb";
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
