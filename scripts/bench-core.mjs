#!/usr/bin/env node
// Case 1: one 144-month schedule from the calculation module (src/core, the
// node build of scripts/bench-node-build.mjs), in a child process of its own;
// and, apart from it, what the functions spend around a schedule: keying a
// terms range (the raw key, and the cell-by-cell match of a recent input),
// reading it, validating it, keying the validated terms, and turning the
// schedule into the cached figures and the spilled table.
// (The schedule and XNPV changes once measured here as "prototype A" have
// landed in src: these are the real code's figures.)
//
//   node scripts/bench-core.mjs            prints JSON (builds first)
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { OUT_DIR, buildForNode, loadNodeBuild } from "./bench-node-build.mjs";
import { measureUs } from "./bench-stats.mjs";

const self = fileURLToPath(import.meta.url);

/** The case-1 deal: three tranches (a ramp), an escalator, a prepayment credited at a share of each fee. */
export const RAMP = Object.freeze({
  termMonths: 144,
  ratePerKWMonth: 121.53,
  escalator: 0.03,
  prepayment: 300000000,
  prepaymentDate: "2024-07-01",
  creditMethod: "percent-of-fee",
  creditPercent: 0.5,
  opexPerMWMonth: 25000,
  tranches: [
    { date: "2025-01-15", mw: 80 },
    { date: "2025-03-01", mw: 80 },
    { date: "2025-06-01", mw: 40 },
  ],
});
const SEED_LIKE = Object.freeze({
  capacityMW: 200,
  startDate: "2025-01-01",
  termMonths: 144,
  ratePerKWMonth: 121.53,
  escalator: 0.03,
  prepayment: 300000000,
  prepaymentDate: "2024-07-01",
  creditMethod: "straight-line",
  opexPerMWMonth: 25000,
  discountRate: 0.1,
});

/** The seed-like deal with a mining block (analysis.md §8): the 144-month comparison of the budget. */
const MINING_LIKE = Object.freeze({
  ...SEED_LIKE,
  capex: [{ date: "2024-06-01", amount: 800000000 }],
  mining: {
    hashprice: 50,
    efficiencyJPerTH: 18,
    powerCostPerKWh: 0.045,
    sitePowerMW: 200,
    hashpriceGrowth: -0.1,
    uptime: 0.95,
    poolFee: 0.02,
    miningOpexPerMWMonth: 1234.56,
    feeShare: 0.1,
  },
});

/** 2,400 months whose host cash flows change sign often (capex every year): the IRR's slow case. */
const LONG_SIGNS = Object.freeze({
  capacityMW: 10,
  startDate: "2025-01-01",
  termMonths: 1200,
  renewalOptions: 1,
  renewalMonths: 1200,
  renewalsExercised: 1,
  ratePerKWMonth: 100,
  escalator: 0.01,
  opexPerMWMonth: 25000,
  discountRate: 0.08,
  capex: Array.from({ length: 199 }, (_, k) => ({ date: `${2026 + k}-06-01`, amount: 15000000 + 1000 * k })),
});

function terms(core, input) {
  const checked = core.validateDeal(input);
  if (!checked.ok) throw new Error(checked.error.message);
  return checked.value;
}

/** The seed-like deal as a sheet's terms range (labels, values; dates as Excel serials). */
function seedRange(rate = 121.53) {
  return [
    ["Deal", "Seed-like"],
    ["Capacity (MW)", 200],
    ["Rate ($/kW-month)", rate],
    ["Term (months)", 144],
    ["Start date", 45658],
    ["Annual escalator", 0.03],
    ["Prepayment ($)", 300000000],
    ["Prepayment date", 45474],
    ["Credit method", "straight-line"],
    ["Credit months", 144],
    ["Opex ($/MW-month)", 25000],
    ["Discount rate", 0.1],
  ];
}

/** The functions' work around a schedule, each part on its own (the terms range of `seedRange`). */
function keysAndReads(load) {
  const core = load("core/index");
  const resolve = load("functions/resolve");
  const ranges = load("functions/ranges");
  const recent = load("functions/recent");
  const deal = load("functions/deal");
  const copies = Array.from({ length: 64 }, () => seedRange()); // fresh arrays, as Excel passes them
  const opts = { batch: 200, rounds: 31, warmup: 2000 };
  const remembered = new recent.RecentInputs(8);
  remembered.remember(seedRange(), undefined, 1);
  const input = ranges.readTermsRange(seedRange()).input;
  const checked = core.validateDeal(input, { dates: "excel" });
  if (!checked.ok) throw new Error(checked.error.message);
  const terms = checked.value;
  const schedule = core.buildSchedule(terms);
  const key = core.termsKey(terms);
  return {
    recentMatch: measureUs((i) => remembered.find(copies[i & 63], undefined), opts),
    rawKey: measureUs((i) => resolve.rawKey(copies[i & 63], undefined), opts),
    read: measureUs((i) => ranges.readTermsRange(copies[i & 63]), opts),
    validate: measureUs(() => core.validateDeal(input, { dates: "excel" }), opts),
    termsKey: measureUs(() => core.termsKey(terms), opts),
    // A new deal's terms range, end to end as a call whose input is not recent meets it: keyed, looked
    // up (a miss), read, validated and keyed by its terms, then cached (resolve.checkRanges). Each call a
    // new range with a rate never seen before, as typed (100.01, 100.02, …: a cent more each time).
    newTerms: measureUs((i) => resolve.checkRanges(seedRange((10000 + i) / 100), undefined), opts),
    figures: measureUs(() => deal.DealFigures.of(schedule, key), { batch: 50, rounds: 31, warmup: 300 }),
    table: measureUs(() => deal.scheduleTable(schedule), { batch: 20, rounds: 31, warmup: 100 }),
  };
}

function runChild(buildDir) {
  const load = loadNodeBuild(buildDir);
  const core = load("core/index");
  const { summarizeFast, summaryCells } = load("core/summaryCents");
  const ramp = terms(core, RAMP);
  const seed = terms(core, SEED_LIKE);
  const schedule = core.buildSchedule(seed);
  const rate = seed.discountRate;
  const miningSchedule = core.buildSchedule(terms(core, MINING_LIKE));
  const long = core.buildSchedule(terms(core, LONG_SIGNS));
  const opts = { batch: 50, rounds: 41, warmup: 300 };
  const slow = { batch: 2, rounds: 9, warmup: 2 };
  return {
    ramp: measureUs(() => core.buildSchedule(ramp), opts),
    seed: measureUs(() => core.buildSchedule(seed), opts),
    summary: measureUs(() => core.summarize(schedule), opts),
    // What the functions pay for DEALSUMMARY's values: the summary from the cents and its cells, no decimal made.
    summaryFast: measureUs(() => summaryCells(summarizeFast(schedule)), opts),
    npv: measureUs(() => core.npv(schedule, rate), opts),
    // The float path (core/miningFast.ts) costs microseconds: measured like the other lines, warmed up.
    mining: measureUs(() => core.compareMining(miningSchedule), opts),
    longIrr: measureUs(() => core.summarize(long), slow),
    longIrrFast: measureUs(() => summaryCells(summarizeFast(long)), slow),
    keys: keysAndReads(load),
  };
}

function child(buildDir) {
  const out = execFileSync(process.execPath, [self, "--child", buildDir], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out);
}

/**
 * Medians of the case-1 figures: { ramp, seed, summary, summaryFast, npv, mining, longIrr, longIrrFast, keys: {…} }
 * (bench-stats.mjs measureUs). npv: one XNPV of the seed-like schedule at its rate; mining:
 * the 144-month comparison (compareMining); longIrr: the summary of a 2,400-month deal
 * whose host flows change sign every year (the IRR's grid search); the …Fast ones: the
 * functions' path (src/core/summaryCents.ts: from the cents, the cells without decimals).
 */
export function benchCore({ build = true } = {}) {
  if (build) buildForNode();
  return child(OUT_DIR);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === self;
if (isMain) {
  const i = process.argv.indexOf("--child");
  if (i > 0) process.stdout.write(JSON.stringify(runChild(process.argv[i + 1])));
  else console.log(JSON.stringify(benchCore(), null, 2));
}
