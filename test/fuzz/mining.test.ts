import fc from "fast-check";
import {
  Decimal,
  MINING_COLUMNS,
  MINING_FIGURES,
  buildSchedule,
  figureCell,
  toExcelSerial,
  money,
  validateDeal,
  type MiningSchedule,
  type MiningSummary,
} from "../../src/core";
import {
  buildMiningSchedule,
  buildMiningScheduleReference,
  summarizeMining,
  summarizeMiningReference,
} from "../../src/core/mining";
import { summarizeMiningFast } from "../../src/core/miningFast";
import { miningCsv, miningSummaryJson } from "../../src/cli/mining";
import { fastHashprice } from "../../src/core/miningColumns";
import { fastMiningCells } from "../../src/functions/miningCells";
import { dealArb, digits20 } from "./dealArb";
import { Counter, fuzz, runs } from "./support";
import { QUICK } from "../support/sizes";

/**
 * The mining comparison's float path (core/miningFast.ts) against the decimal
 * reference (`buildMiningScheduleReference`, `summarizeMiningReference`):
 * every field of every row as exact strings (hashprice and hashrate at 40
 * digits, money to the cent, halvings), the `hpc-deal mining` CSV and the
 * summary's figures as the CLI and the functions show them (strings, and
 * cells compared with Object.is), over random deals (capex, renewals, long
 * terms, both credit methods) with random mining blocks: 20-digit terms,
 * growth 0 (exact half-cent ties are common then), near −1 and large,
 * halvings before, inside and after the term, uptime, pool fee, fee share,
 * opex, with and without a discount rate. The reference costs ~3 ms a
 * 144-month case (4,000 random cases took 134 s on the 2-core machine), so
 * `npm run fuzz` runs at most 10,000; CI's FUZZ_RUNS 2,000; `npm test` 40.
 */

// The quick loop (npm test) checks 30 mining deals, not its fuzz targets' 60: the 100-digit reference costs ~40 ms a deal.
const oracleRuns = (small: number): number => Math.min(runs(small), QUICK ? 30 : 10_000);

const JAN_2025 = 2025 * 12;
const isoOf = (month: number, day: number): string => {
  const year = Math.floor(month / 12);
  const m = month - year * 12 + 1;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, "0")}-${String(Math.min(day, last)).padStart(2, "0")}`;
};

/** A positive amount: round (tie makers), a few decimals, or 20 digits. */
const positive = (intDigits: number, maxInt: number) =>
  fc.oneof(
    fc.integer({ min: 1, max: maxInt }),
    fc.integer({ min: 1, max: maxInt * 100 }).map((n) => n / 100),
    fc.integer({ min: 1, max: maxInt * 10_000 }).map((n) => n / 10_000),
    digits20(intDigits).filter((s) => Number(s) > 0),
  );
/** A fraction in [0, max]: 0, round, a few decimals, or 20 digits. */
const fraction = (max: number) =>
  fc.oneof(
    fc.constant(0),
    fc.constantFrom(0.5, 0.25, 0.02, 0.1, 0.95),
    fc.integer({ min: 0, max: max * 10_000 }).map((n) => n / 10_000),
    digits20(1).map((s) => `0.${s.slice(2)}`),
  );

const miningArb = fc.record({
  hashprice: positive(3, 500),
  efficiencyJPerTH: positive(2, 60),
  powerCostPerKWh: fc.oneof(
    fc.constant(0),
    fc.integer({ min: 1, max: 2000 }).map((n) => n / 10_000),
    digits20(1),
  ),
  sitePowerMW: fc.option(positive(3, 400), { nil: undefined }),
  uptime: fc.oneof(
    fc.constant(1),
    fraction(1).filter((x) => Number(x) > 0 && Number(x) <= 1),
  ),
  poolFee: fc.oneof(
    fc.constant(0),
    fraction(0.99).filter((x) => Number(x) < 1),
  ),
  feeShare: fc.oneof(
    fc.constant(0),
    fc.constant(1),
    fraction(1).filter((x) => Number(x) <= 1),
  ),
  hashpriceGrowth: fc.oneof(
    { weight: 3, arbitrary: fc.constant(0) },
    { weight: 3, arbitrary: fc.integer({ min: -3_000, max: 3_000 }).map((n) => n / 10_000) },
    // Far out: revenue past 2^53 cents on long terms (the reference's), or growth to nothing.
    { weight: 1, arbitrary: fc.integer({ min: -9_999, max: 20_000 }).map((n) => n / 10_000) },
    { weight: 1, arbitrary: fc.constantFrom("-0.1", "0.5", "1", "3", "-0.75", "-0.999999", "9.99", "1e-18") },
    // 20 digits in (−1, 1), either sign.
    { weight: 1, arbitrary: fc.tuple(digits20(1), fc.boolean()).map(([s, neg]) => `${neg ? "-" : ""}0.${s.slice(2)}`) },
  ),
  /** Months from January 2025 and a day: before the first row, inside the term, after it; none or the defaults. */
  halvings: fc.option(
    fc.uniqueArray(fc.record({ offset: fc.integer({ min: -60, max: 400 }), day: fc.integer({ min: 1, max: 31 }) }), {
      maxLength: 5,
      selector: (h) => h.offset,
    }),
    { nil: undefined },
  ),
  miningOpexPerMWMonth: fc.oneof(fc.constant(0), positive(5, 50_000)),
  rate: fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.constantFrom("0", "0.1", "0.08", "1", "-0.5"),
    fc.integer({ min: -9_000, max: 50_000 }).map((n) => String(n / 100_000)),
    digits20(1),
  ),
});

const ROW_KEYS = [
  "hashprice",
  "hashrate",
  "miningRevenue",
  "powerCost",
  "miningOpex",
  "miningMargin",
  "hostingCashFlow",
] as const;

function expectSameRows(fast: MiningSchedule, ref: MiningSchedule): void {
  expect(fast.firstMonthIndex).toBe(ref.firstMonthIndex);
  expect(fast.rows.length).toBe(ref.rows.length);
  fast.rows.forEach((a, i) => {
    const b = ref.rows[i];
    if (a.date !== b.date && JSON.stringify(a.date) !== JSON.stringify(b.date)) throw new Error(`row ${i}: date`);
    if (a.halvings !== b.halvings) throw new Error(`row ${i}: halvings ${a.halvings} ≠ ${b.halvings}`);
    for (const key of ROW_KEYS) {
      const x = a[key];
      const y = b[key];
      if (x.toString() !== y.toString() || !x.equals(y) || x.isNegative() !== y.isNegative()) {
        throw new Error(`row ${i}: ${key} ${x.toString()} ≠ ${y.toString()}`);
      }
    }
  });
}

/**
 * HPC.MININGCOMPARISON's cells from the float path (functions/miningCells.ts):
 * each the reference's `Decimal.toNumber()` (the date its serial), with
 * Object.is; returns how many hashprices the double-double estimate decided.
 */
function expectSameCells(fast: MiningSchedule, ref: MiningSchedule): number {
  const cells = fastMiningCells(fast);
  if (cells === undefined) throw new Error("no cells from the float path");
  expect(cells.length).toBe(ref.rows.length);
  const hashprice = fastHashprice(fast);
  let decided = 0;
  ref.rows.forEach((r, i) => {
    MINING_COLUMNS.forEach((c, j) => {
      const want = c.key === "date" ? toExcelSerial(r.date) : r[c.key].toNumber();
      if (!Object.is(cells[i][j], want)) throw new Error(`row ${i}: cell ${c.key} ${String(cells[i][j])} ≠ ${want}`);
    });
    if (hashprice?.(i, r.halvings) !== undefined) decided++;
  });
  return decided;
}

/** Every figure as the CLI prints it and as a cell (Object.is: the sign of zero counts), and the sums exactly. */
function expectSameSummary(fast: MiningSummary, ref: MiningSummary): void {
  expect(miningSummaryJson(fast)).toEqual(miningSummaryJson(ref));
  for (const f of MINING_FIGURES) {
    const a = figureCell(f, f.value(fast));
    const b = figureCell(f, f.value(ref));
    if (!Object.is(a, b)) throw new Error(`${f.key}: cell ${String(a)} ≠ ${String(b)}`);
    expect(money(f.value(fast))).toBe(money(f.value(ref)));
  }
  for (const k of ["miningRevenue", "miningPowerCost", "miningOpex", "miningMargin", "hostingCashFlow"] as const) {
    expect(fast[k].toString()).toBe(ref[k].toString());
  }
  expect(String(fast.discountRate)).toBe(String(ref.discountRate));
}

describe("the mining comparison's float path = the decimal reference", () => {
  const counter = new Counter("mining: comparison vs decimal.js");
  const tally = { valid: 0, fast: 0, months: 0, undecided: 0, summaries: 0, summaryFallback: 0, hashprices: 0 };

  afterAll(() => {
    counter.note(
      `${tally.valid.toLocaleString("en-US")} valid deals (${tally.fast.toLocaleString("en-US")} on the float path), ` +
        `${tally.undecided.toLocaleString("en-US")} of ${tally.months.toLocaleString("en-US")} months' revenue and ` +
        `${tally.summaryFallback.toLocaleString("en-US")} of ${tally.summaries.toLocaleString("en-US")} float-path summaries from the reference, ` +
        `${tally.hashprices.toLocaleString("en-US")} of those months' hashprice cells decided by the estimate`,
    );
  });

  it("every row, the CSV and every summary figure of random deals with random mining blocks", () => {
    fuzz(counter, oracleRuns(40), [dealArb, miningArb, fc.integer({ min: -24, max: 12 })], (deal, m, lead) => {
      const raw: Record<string, unknown> = { ...deal };
      if (m.rate === null) delete raw.discountRate;
      else if (m.rate !== undefined) raw.discountRate = m.rate;
      const mining: Record<string, unknown> = {
        hashprice: m.hashprice,
        efficiencyJPerTH: m.efficiencyJPerTH,
        powerCostPerKWh: m.powerCostPerKWh,
        uptime: m.uptime,
        poolFee: m.poolFee,
        feeShare: m.feeShare,
        hashpriceGrowth: m.hashpriceGrowth,
        miningOpexPerMWMonth: m.miningOpexPerMWMonth,
      };
      if (m.sitePowerMW !== undefined) mining.sitePowerMW = m.sitePowerMW;
      if (m.halvings !== undefined) {
        mining.halvingDates = m.halvings.map((h) => isoOf(JAN_2025 + lead + h.offset, h.day));
      }
      raw.mining = mining;
      const checked = validateDeal(raw);
      if (!checked.ok) return;
      const terms = checked.value;
      if (terms.mining === null) throw new Error("the mining block was dropped");
      tally.valid++;
      const hosting = buildSchedule(terms);
      const fast = buildMiningSchedule(hosting, terms.mining);
      const ref = buildMiningScheduleReference(hosting, terms.mining);
      if (fast.fast) {
        tally.fast++;
        tally.months += fast.rows.length;
        tally.undecided += fast.fast.undecidedMonths;
        // The table's cells first, before the rows' decimals are read (they are made on first read).
        tally.hashprices += expectSameCells(fast, ref);
      }
      expectSameRows(fast, ref);
      expect(miningCsv(fast)).toBe(miningCsv(ref));
      // Each rate once (the deal's may be none, or 0.1): the same inputs give the same figures.
      const rates = [terms.discountRate, null, new Decimal("0.1")].filter(
        (r, k, all) => all.findIndex((x) => String(x) === String(r)) === k,
      );
      for (const rate of rates) {
        // summarizeMining is the float path's summary, else the reference's: the float path's once, not twice.
        const quick = fast.fast ? summarizeMiningFast(fast, rate) : undefined;
        if (fast.fast) {
          tally.summaries++;
          if (quick === undefined) tally.summaryFallback++;
        }
        expectSameSummary(quick ?? summarizeMining(fast, rate), summarizeMiningReference(ref, rate));
      }
      // The breakeven's per-$1 revenue column, made on demand: the reference's.
      if (tally.valid % 10 === 0) {
        expect(fast.revenuePerHashprice.map(String)).toEqual(ref.revenuePerHashprice.map(String));
      }
    });
    // About 60 % of the random deals are valid: at 40 cases, more than a fifth is certain in practice (half was not).
    expect(tally.valid).toBeGreaterThan(counter.count / 5);
    // The cells' property checks the estimate: it decides nearly every hashprice (the rest read the decimal).
    expect(tally.hashprices).toBeGreaterThan(0.9 * tally.months);
  });
});
