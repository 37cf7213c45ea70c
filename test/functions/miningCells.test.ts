/**
 * The mining comparison's spilled cells from the float path
 * (src/functions/miningCells.ts) against the decimal.js reference's own
 * `Decimal.toNumber()` (and the date's serial), every cell, with Object.is;
 * and the core's double-double estimates of the hashprice and hashrate
 * (src/core/miningColumns.ts): each the reference's double where it
 * answers, and deciding nearly every one (or the property would check little). test/fuzz/mining.test.ts
 * runs the same comparison over random deals at `npm run fuzz`'s size.
 */
import fc from "fast-check";
import { MINING_COLUMNS, buildSchedule, toExcelSerial, validateDeal, type MiningSchedule } from "../../src/core";
import { buildMiningSchedule, buildMiningScheduleReference } from "../../src/core/mining";
import { fastHashprice, fastHashrate } from "../../src/core/miningColumns";
import { fastMiningCells } from "../../src/functions/miningCells";
import { WORKED_CHECK_FILE } from "../support/deals";

const digits20 = (intDigits: number) =>
  fc
    .tuple(
      fc.integer({ min: 0, max: 10 ** intDigits - 1 }),
      fc.bigInt({ min: 0n, max: 10n ** BigInt(20 - intDigits) - 1n }),
    )
    .map(([i, f]) => `${i}.${f.toString().padStart(20 - intDigits, "0")}`);

const positive = (intDigits: number, maxInt: number) =>
  fc.oneof(
    fc.integer({ min: 1, max: maxInt }),
    fc.integer({ min: 1, max: maxInt * 100 }).map((n) => n / 100),
    fc.integer({ min: 1, max: maxInt * 10_000 }).map((n) => n / 10_000),
    digits20(intDigits).filter((s) => Number(s) > 0),
  );
const fraction = fc.oneof(
  fc.constant(0),
  fc.constantFrom(0.5, 0.25, 0.02, 0.1, 0.95, 1),
  fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10_000),
  digits20(1).map((s) => `0.${s.slice(2)}`),
);

const caseArb = fc.record({
  termMonths: fc.oneof(fc.integer({ min: 1, max: 240 }), fc.integer({ min: 241, max: 600 })),
  mining: fc.record({
    hashprice: positive(3, 500),
    efficiencyJPerTH: positive(2, 60),
    powerCostPerKWh: fc.oneof(
      fc.constant(0),
      fc.integer({ min: 1, max: 2000 }).map((n) => n / 10_000),
    ),
    sitePowerMW: fc.option(positive(3, 400), { nil: undefined }),
    uptime: fraction.filter((x) => Number(x) > 0),
    poolFee: fraction.filter((x) => Number(x) < 1),
    feeShare: fraction,
    hashpriceGrowth: fc.oneof(
      fc.constant(0),
      fc.integer({ min: -3_000, max: 3_000 }).map((n) => n / 10_000),
      fc.constantFrom("-0.1", "0.5", "1", "3", "-0.75", "-0.999999", "9.99", "1e-18"),
      fc.tuple(digits20(1), fc.boolean()).map(([s, neg]) => `${neg ? "-" : ""}0.${s.slice(2)}`),
    ),
    halvingDates: fc.option(
      fc
        .uniqueArray(fc.integer({ min: 0, max: 600 }), { maxLength: 6 })
        .map((ms) => ms.map((m) => `${2024 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}-17`)),
      { nil: undefined },
    ),
  }),
});

/** Every cell of the fast table against the reference's, with Object.is (the sign of zero counts). */
function expectSameCells(fast: MiningSchedule, ref: MiningSchedule): void {
  const cells = fastMiningCells(fast);
  if (cells === undefined) throw new Error("no float path");
  expect(cells.length).toBe(ref.rows.length);
  ref.rows.forEach((r, i) =>
    MINING_COLUMNS.forEach((c, j) => {
      const want = c.key === "date" ? toExcelSerial(r.date) : r[c.key].toNumber();
      if (!Object.is(cells[i][j], want)) throw new Error(`row ${i} ${c.key}: ${String(cells[i][j])} ≠ ${want}`);
    }),
  );
}

describe("the mining table's cells without the 40-digit hashprice and hashrate", () => {
  it("equal the reference's Decimal.toNumber(), every cell, over random mining blocks", () => {
    let rows = 0;
    let decided = 0;
    let hashrates = 0;
    let hashratesDecided = 0;
    fc.assert(
      fc.property(caseArb, ({ termMonths, mining }) => {
        const checked = validateDeal({ ...WORKED_CHECK_FILE, termMonths, creditMonths: termMonths, mining });
        if (!checked.ok || checked.value.mining === null) return;
        const schedule = buildSchedule(checked.value);
        const fast = buildMiningSchedule(schedule, checked.value.mining);
        if (fast.fast === undefined) return;
        const ref = buildMiningScheduleReference(schedule, checked.value.mining);
        expectSameCells(fast, ref);
        // The estimates alone, where they answer: the reference's doubles.
        const hashprice = fastHashprice(fast);
        ref.rows.forEach((r, i) => {
          rows++;
          const x = hashprice?.(i, r.halvings);
          if (x === undefined) return;
          decided++;
          expect(x).toBe(r.hashprice.toNumber());
        });
        hashrates++;
        const h = fastHashrate(fast);
        if (h !== undefined) {
          hashratesDecided++;
          expect(h).toBe(ref.rows[0].hashrate.toNumber());
        }
      }),
      { numRuns: Number(process.env.FC_NUM_RUNS ?? 200) },
    );
    // The property checks something: nearly every hashprice and hashrate is decided by the estimate.
    expect(decided).toBeGreaterThan(0.9 * rows);
    expect(hashratesDecided).toBeGreaterThan(0.9 * hashrates);
  });

  it.each([
    ["the worked deal's mining block", { hashpriceGrowth: 0.05, feeShare: 0.1, hashprice: 48 }],
    // Hashprices that are powers of two (64 × 2^−h), where the spacing of doubles changes.
    ["a power-of-two hashprice, no growth, no fee share", { hashpriceGrowth: 0, feeShare: 0, hashprice: 64 }],
    ["a hashprice halving to powers of two each 6 months", { hashpriceGrowth: -0.75, feeShare: 0, hashprice: 1 }],
  ])("decides every cell of %s", (_, block) => {
    const checked = validateDeal({
      ...WORKED_CHECK_FILE,
      mining: {
        efficiencyJPerTH: 23.6,
        powerCostPerKWh: 0.04,
        uptime: 0.95,
        poolFee: 0.02,
        halvingDates: ["2028-04-17", "2032-04-14"],
        miningOpexPerMWMonth: 1000,
        ...block,
      },
    });
    if (!checked.ok || checked.value.mining === null) throw new Error("invalid");
    const schedule = buildSchedule(checked.value);
    const fast = buildMiningSchedule(schedule, checked.value.mining);
    const ref = buildMiningScheduleReference(schedule, checked.value.mining);
    expectSameCells(fast, ref);
    const hashprice = fastHashprice(fast);
    ref.rows.forEach((r, i) => expect(hashprice?.(i, r.halvings)).toBe(r.hashprice.toNumber()));
    expect(fastHashrate(fast)).toBe(ref.rows[0].hashrate.toNumber());
  });
});
