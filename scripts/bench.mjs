#!/usr/bin/env node
// `npm run bench`: the benchmark suite of issues #7 and #19, as a script (never
// as timed tests). Prints a table and writes docs/benchmarks.md: the figures,
// the budget each must meet, the machine and the notes the run gives rise to.
//
//   1. one 144-month schedule (calculation module), and apart  scripts/bench-core.mjs
//      from it the functions' keys and reads around it
//   2. one function call, on a cached deal and on a new one;   scripts/bench-functions.mjs
//      the portfolio, sensitivity and mining functions once built
//   3. a workbook of 1,000 deals in HyperFormula, HPC         scripts/bench-sheet.mjs
//      functions against native formulas, side by side
//   4. bundle sizes and the pane's time to interactive        scripts/bench-pane.mjs
//   5. a book of 5,000 deals: no rebuild, heap; bounds         scripts/bench-sheet.mjs, bench-cache.mjs
//
// What it measures is built from the sources as they stand: src/core and
// src/functions transpiled for Node (bench-node-build.mjs), the production
// bundles built into a temporary directory (bench-bundle.mjs). lib/ and dist/
// are neither read nor written.
//
//   node scripts/bench.mjs [--quick]   --quick: 200 deals, one round (a smoke run; writes nothing)
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildBundles } from "./bench-bundle.mjs";
import { benchCore } from "./bench-core.mjs";
import { CACHED_CALL_TARGET_US, NEW_DEAL_TARGET_US } from "./bench-functions.mjs";
import { buildForNode } from "./bench-node-build.mjs";
import { CHROMIUM, bundleSizes, paneTti } from "./bench-pane.mjs";
import { CELLS_PER_DEAL, DATES_PER_DEAL, benchSheet } from "./bench-sheet.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const quick = process.argv.includes("--quick");

/** The budgets of issue #19. */
const BUDGET = Object.freeze({
  scheduleUs: 20,
  newDealUs: NEW_DEAL_TARGET_US,
  cachedCallUs: CACHED_CALL_TARGET_US,
  /** Keying and reading a terms range, as a share of the schedule it saves building. */
  keysShare: 0.25,
  buildRatio: 20,
  changeRatio: 20,
  sharedRatio: 5,
  bookHeapMB: 64,
  functionsGzipBytes: 60_000,
  paneGzipBytes: 250_000,
});
const BOOK_DEALS = 5_000;
const SHEET_DEALS = quick ? 200 : 1000;
const SHEET_ROUNDS = quick ? 1 : 3;
const CACHE_DEALS = 10_000;

const int = (n) => Math.round(n).toLocaleString("en-US");
const us = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} ms` : `${x.toFixed(x < 10 ? 2 : 1)} µs`);
const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 2 : 1)} ms`);
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const mb = (x) => `${x.toFixed(1)} MB`;
const ratio = (x) => `${x.toFixed(1)}×`;
const pct = (x) => `${(100 * x).toFixed(x < 0.1 ? 1 : 0)} %`;
const range = (s, unit) => `${unit(s.min)} – ${unit(s.max)}`;
/** Range and CPU time of a microbenchmark (bench-stats.mjs measureUs). */
const rangeCpu = (s) => `${range(s, us)}; CPU ${us(s.cpu)}`;

const rows = [];
const notes = [];
const started = new Date();
const loadAtStart = os.loadavg();

/** One line of the table; `pass` is true/false when the figure has a budget. */
function row(kase, figure, value, { spread = "", budget = "", pass } = {}) {
  rows.push({ kase, figure, value, spread, budget, pass });
}

function section(title) {
  console.error(`\n== ${title} (${new Date().toISOString().slice(11, 19)})`);
}

// ---- 1. The schedule (calculation module) ----------------------------------------------------------------
section("1. schedule");
buildForNode();
const { ramp: rampStats, seed: seedStats, summary: summaryStats, keys } = benchCore({ build: false });
row("1", "schedule: 144 months, 3 tranches, 3 % escalator, prepayment (percent-of-fee)", us(rampStats.median), {
  spread: rangeCpu(rampStats),
  budget: `≤ ${us(BUDGET.scheduleUs)}`,
  pass: rampStats.median <= BUDGET.scheduleUs,
});
row("1", "schedule: 144 months, 1 tranche, 3 % escalator, prepayment (straight-line)", us(seedStats.median), {
  spread: rangeCpu(seedStats),
});
row("1", "summary incl. XNPV, on a built schedule", us(summaryStats.median), { spread: rangeCpu(summaryStats) });
const KEY_ROWS = [
  ["recentMatch", "a recent terms range recognized cell by cell (no key built)"],
  ["rawKey", "the raw key of a terms range (12 rows)"],
  ["read", "reading a terms range (labels to terms)"],
  ["validate", "validating the terms read (validateDeal)"],
  ["termsKey", "the key of validated terms (termsKey)"],
  [
    "newTerms",
    "a new terms range, end to end (read in one pass, validated from its doubles, keyed: resolve.checkRanges)",
  ],
  ["figures", "a schedule's cached figures (DealFigures.of: totals, remaining, flows in cents)"],
  ["table", "a schedule's spilled table as numbers (scheduleTable)"],
];
for (const [key, label] of KEY_ROWS)
  row("1", `functions: ${label}`, us(keys[key].median), { spread: rangeCpu(keys[key]) });
// The path a new deal's terms range takes (resolve.checkRanges), measured end to end; the parts above
// are the general path's (a block with tranches, capex, text numbers or an error), measured apart.
const keyAndRead = keys.newTerms.median;
const keysShare = keyAndRead / seedStats.median;
row("1", "keying and reading a new terms range (resolve.checkRanges, end to end) ÷ its schedule", pct(keysShare), {
  spread: `${us(keyAndRead)} against ${us(seedStats.median)}; against a ${us(BUDGET.scheduleUs)} schedule ${pct(keyAndRead / BUDGET.scheduleUs)}`,
  budget: `far below (< ${pct(BUDGET.keysShare)})`,
  pass: keysShare < BUDGET.keysShare,
});

// ---- Production bundles ----------------------------------------------------------------------------------
section("production build (temporary directory)");
let bundle = await buildBundles();
let paneBuildError;
if (bundle.error) {
  paneBuildError = bundle.error;
  console.error(`The production build failed; building the functions bundle alone.\n${bundle.error}`);
  bundle = await buildBundles({ entries: ["functions"] });
  if (bundle.error) throw new Error(`the functions bundle does not build:\n${bundle.error}`);
}

// ---- 2. One function call --------------------------------------------------------------------------------
section("2. function calls");
// In a process of its own: measured after an in-process webpack build, a cached call was ten times slower.
const functionRows = JSON.parse(
  execFileSync(process.execPath, [path.join(root, "scripts/bench-functions.mjs"), "--dir", bundle.dir, "--json"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }),
).rows;
for (const r of functionRows) {
  if (r.feature) {
    if (r.status) row("2", r.name, r.status, { budget: `≤ ${us(r.budgetUs)}` });
    else
      row("2", r.name, us(r.median), {
        spread: rangeCpu(r),
        budget: `≤ ${us(r.budgetUs)}`,
        pass: r.median <= r.budgetUs,
      });
    continue;
  }
  const budget = r.cached
    ? { budget: `≤ ${us(BUDGET.cachedCallUs)}`, pass: r.median <= BUDGET.cachedCallUs }
    : r.newDeal
      ? { budget: `≤ ${us(BUDGET.newDealUs)}`, pass: r.median <= BUDGET.newDealUs }
      : {};
  row("2", `HPC.${r.name}`, us(r.median), { spread: rangeCpu(r), ...budget });
}

// ---- 4. Bundle sizes and time to interactive -------------------------------------------------------------
section("4. bundles and the pane");
let tti;
if (paneBuildError) {
  notes.push(`The production build failed, so the pane was not measured:\n\n\`\`\`\n${paneBuildError}\n\`\`\``);
} else {
  tti = await paneTti(bundle.dir);
}
const sizes = bundleSizes(bundle.dir, tti?.requested ?? []);
const size = (s) => `${kb(s.gzip)} (${kb(s.raw)})`;
row("4", "functions.js, gzipped (raw)", size(sizes.functions), {
  budget: `< ${kb(BUDGET.functionsGzipBytes)}`,
  pass: sizes.functions.gzip < BUDGET.functionsGzipBytes,
});
if (paneBuildError) {
  row("4", "pane, gzipped", "not measured: the pane does not build", { budget: `< ${kb(BUDGET.paneGzipBytes)}` });
} else {
  row("4", `pane as loaded (${sizes.paneAtStart.files.join(" + ")}), gzipped (raw)`, size(sizes.paneAtStart), {
    budget: `< ${kb(BUDGET.paneGzipBytes)}`,
    pass: sizes.paneAtStart.gzip < BUDGET.paneGzipBytes,
  });
  if (sizes.paneOnDemand.files.length > 0) {
    row(
      "4",
      `pane, loaded on demand (${sizes.paneOnDemand.files.join(" + ")}), gzipped (raw)`,
      size(sizes.paneOnDemand),
    );
    row("4", "pane, every file, gzipped (raw)", size(sizes.pane));
  }
  if (tti.skipped) {
    row("4", "pane: time to interactive, headless Chromium", `skipped: ${tti.skipped}`);
  } else {
    const what = tti.readyFlag
      ? 'document.body.dataset.ready = "true"'
      : "#app rendered after DOMContentLoaded (no ready flag yet)";
    row("4", `pane: time to interactive (${what})`, ms(tti.tti.median), { spread: range(tti.tti, ms) });
    const m = tti.milestones;
    for (const [key, label] of [
      ["firstContentfulPaint", "first contentful paint"],
      ["domContentLoaded", "DOMContentLoaded (pane and functions scripts run)"],
      ["officeReady", "Office.onReady (outside Office)"],
    ]) {
      if (m[key]) row("4", `pane: ${label}`, ms(m[key].median), { spread: range(m[key], ms) });
    }
    if (tti.pageErrors.length > 0) notes.push(`The pane threw while loading: ${tti.pageErrors.join("; ")}.`);
  }
}
rmSync(bundle.dir, { recursive: true, force: true });

// ---- 3. A workbook of 1,000 deals ------------------------------------------------------------------------
section(`3. sheet scale: ${SHEET_DEALS} deals, ${SHEET_ROUNDS} round(s) of both models (the longest case)`);
const sheet = benchSheet({ deals: SHEET_DEALS, rounds: SHEET_ROUNDS, build: false });
const { hpc, native } = sheet;
const sheetLabel = `${int(SHEET_DEALS)} deals`;
row("3", `full build, HPC functions (${int(hpc.formulaCells)} formula cells)`, ms(hpc.build.median), {
  spread: range(hpc.build, ms),
});
row("3", `full build, native formulas (${int(native.formulaCells)} formula cells)`, ms(native.build.median), {
  spread: range(native.build, ms),
});
row("3", "full build: native ÷ HPC", ratio(sheet.buildRatio), {
  budget: `≥ ${BUDGET.buildRatio}×`,
  pass: sheet.buildRatio >= BUDGET.buildRatio,
});
row("3", "one input changed (a deal's rate), HPC", ms(hpc.change.median), { spread: range(hpc.change, ms) });
row("3", "one input changed (a deal's rate), native", ms(native.change.median), { spread: range(native.change, ms) });
row("3", "one input changed: native ÷ HPC", ratio(sheet.changeRatio), {
  budget: `≥ ${BUDGET.changeRatio}×`,
  pass: sheet.changeRatio >= BUDGET.changeRatio,
});
row("3", "schedules rebuilt by one input change (most of any change)", `${hpc.schedulesPerChange} of ${sheetLabel}`, {
  budget: "1 (the changed deal's)",
  pass: hpc.schedulesPerChange === 1,
});
row("3", "schedules built by the full build", `${int(hpc.schedulesAtBuild)} for ${sheetLabel}`);
row("3", "a date every deal reads changed (D1), HPC", ms(hpc.shared.median), {
  spread: `${range(hpc.shared, ms)}; ${int(hpc.changedCellsPerSharedChange)} cells changed`,
});
row("3", "a date every deal reads changed (D1), native", ms(native.shared.median), {
  spread: range(native.shared, ms),
});
row("3", "a date every deal reads changed: native ÷ HPC", ratio(sheet.sharedRatio), {
  budget: `≥ ${BUDGET.sharedRatio}×`,
  pass: sheet.sharedRatio >= BUDGET.sharedRatio,
});
row(
  "3",
  "schedules rebuilt (terms validated) by a date every deal reads changed",
  `${int(hpc.schedulesPerSharedChange)} (${int(hpc.validationsPerSharedChange)})`,
  {
    budget: "0 (0)",
    pass: hpc.schedulesPerSharedChange === 0 && hpc.validationsPerSharedChange === 0,
  },
);

// ---- 5. Memory and the caches ----------------------------------------------------------------------------
section(`5. cache bounds: ${CACHE_DEALS} distinct deals`);
row("5", "peak RSS of the case 3 process, HPC functions", mb(hpc.maxRssMB.median), {
  spread: `max ${mb(hpc.maxRssMB.max)}; heap kept by the engine and the caches ${mb(hpc.heapMB)}`,
});
row("5", "peak RSS of the case 3 process, native formulas", mb(native.maxRssMB.median), {
  spread: `max ${mb(native.maxRssMB.max)}; heap kept by the engine ${mb(native.heapMB)}`,
});
const cache = JSON.parse(
  execFileSync(
    process.execPath,
    ["--expose-gc", path.join(root, "scripts/bench-cache.mjs"), "--no-build", "--book", String(BOOK_DEALS)],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  ),
);
const L = cache.limits;
const bk = cache.book;
const bytesMB = (b) => mb(b / 2 ** 20);
row(
  "5",
  `${int(bk.deals)} deals read again at another date and NPV rate: schedules rebuilt (terms validated)`,
  `${int(bk.schedulesRebuilt)} (${int(bk.revalidated)})`,
  {
    spread: `first pass ${ms(bk.firstPassMs)} (${int(bk.schedulesBuiltFirst)} built), second ${ms(bk.secondPassMs)}`,
    budget: "0 (0)",
    pass: bk.schedulesRebuilt === 0 && bk.revalidated === 0,
  },
);
row("5", `heap held for ${int(bk.deals)} cached deals (after GC)`, mb(bk.heapMB), {
  spread: `estimates: inputs ${bytesMB(bk.cache.inputBytes)}, figures ${bytesMB(bk.cache.figureBytes)}, tables ${bytesMB(bk.cache.tableBytes)}`,
  budget: `≤ ${mb(BUDGET.bookHeapMB)}`,
  pass: bk.heapMB <= BUDGET.bookHeapMB,
});
for (const [what, entries, bytes] of [
  ["inputs", "inputEntries", "inputBytes"],
  ["figures", "figureEntries", "figureBytes"],
  ["tables", "tableEntries", "tableBytes"],
]) {
  row(
    "5",
    `${what} cache after ${int(cache.deals)} distinct deals: most entries, bytes (estimate)`,
    `${int(cache.peak[entries])}, ${bytesMB(cache.peak[bytes])}`,
    {
      budget: `≤ ${int(L[entries])}, ${bytesMB(L[bytes])}`,
      pass: cache.peak[entries] <= L[entries] && cache.peak[bytes] <= L[bytes],
    },
  );
}
const series = cache.heapSeries;
const heapGrowth = series[series.length - 1].heapMB - series[series.length - 2].heapMB;
row(
  "5",
  `heap growth from ${int(series[series.length - 2].deals)} to ${int(series[series.length - 1].deals)} deals (after GC), the caches full`,
  mb(heapGrowth),
  {
    spread: series.map((h) => `${int(h.deals)}: ${mb(h.heapMB)}`).join(", "),
    budget: "flat (< 2 MB)",
    pass: heapGrowth < 2,
  },
);
row(
  "5",
  `long deals (${cache.longDeals.months} months): figures, tables held (estimates)`,
  `${bytesMB(cache.longDeals.figureBytes)}, ${cache.longDeals.tableEntries} tables ${bytesMB(cache.longDeals.tableBytes)}`,
  {
    budget: `≤ ${bytesMB(L.figureBytes)}, ${bytesMB(L.tableBytes)}`,
    pass: cache.longDeals.figureBytes <= L.figureBytes && cache.longDeals.tableBytes <= L.tableBytes,
  },
);
const est = cache.estimate;
row(
  "5",
  "bytes per cached 144-month deal (inputs + figures): estimate vs heap retained",
  `${kb(est.estimatedBytesPerDeal)} vs ${kb(est.retainedBytesPerDeal)}`,
  {
    budget: "estimate ≥ retained",
    pass: est.estimatedBytesPerDeal >= est.retainedBytesPerDeal,
  },
);
row(
  "5",
  "bytes per cached spilled table, with its deal: estimate vs heap retained",
  `${kb(est.estimatedBytesPerTable)} vs ${kb(est.retainedBytesPerTable)}`,
  {
    budget: "estimate ≥ retained",
    pass: est.estimatedBytesPerTable >= est.retainedBytesPerTable,
  },
);

// ---- The table, the notes, docs/benchmarks.md ------------------------------------------------------------
const verdict = (r) => (r.pass === undefined ? "" : r.pass ? "✓" : "✗ MISSED");
const header = ["case", "figure", "median", "range / detail", "budget", ""];
const cells = rows.map((r) => [r.kase, r.figure, r.value, r.spread, r.budget, verdict(r)]);
const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
console.log(`\n${header.map((h, i) => h.padEnd(widths[i])).join("  ")}`);
for (const c of cells) console.log(c.map((x, i) => x.padEnd(widths[i])).join("  "));

const missed = rows.filter((r) => r.pass === false);
const check = sheet.check;
notes.push(
  `**Case 3, the workbook.** ${int(SHEET_DEALS)} deals on one sheet, each a block of ${11} terms (labels in A, values in B: capacity 50–240 MW, rate, 144 months, start 2025–2026, escalator 2–4 %, a $100–149 M prepayment credited at 15–35 % of each fee, opex, discount rate) with ${CELLS_PER_DEAL} output cells beside it: the prepayment remaining at the ${DATES_PER_DEAL} dates of row 1 and the contract value, annual revenue and NPV. HPC model: \`HPC.PREPAYREMAINING(block, D$1)\` … and \`HPC.CONTRACTVALUE\`/\`ANNUALREVENUE\`/\`DEALNPV(block)\`. Native model: per deal a 144-row schedule on a second sheet (month number; \`N(EDATE())\`, \`ROUND(cap×1000×rate×(1+esc)^INT(m/12),2)\`, \`MIN(ROUND(pct×fee,2), remaining)\`, remaining, net cash flow) and \`IFERROR(INDEX(…,MATCH(date,…,1)),P)\`, \`SUM\`, \`ROUND(SUM×12/term,2)\`, \`ROUND(XNPV(…),2)\` over it. Each model runs in its own Node process (${SHEET_ROUNDS} round(s), HPC then native, side by side), after two warm-up builds of 50 deals; a build is \`HyperFormula.buildFromSheets\` with \`HPC_HYPERFORMULA_CONFIG\`; a change is \`setCellContents\` of one deal's rate (${sheet.changes} deals spread over the sheet, after ${sheet.warmupChanges} untimed ones in both models, so that Node's compiler has optimised both paths — with 5 warm-up changes the HPC side is still unoptimised and the ratio was 11–13×; each put back untimed), which recalculates synchronously; the shared date D1 is then changed ${sheet.warmupShared} times untimed and ${sheet.sharedChanges} times timed, to a new date each time. Schedules are counted with the functions' own \`cacheStats()\`.`,
  `**The two models agree** on ${int(check.cells - check.mismatches)} of ${int(check.cells)} output cells to the cent; the other ${int(check.mismatches)} differ by at most $${check.maxDiff.toFixed(2)}. The native model is the one that is off: an escalated fee that falls exactly on a half cent (e.g. 60 MW × 101.13 $/kW × 1.025² = 6,374,982.375) is 6,374,982.374999999 in floating point and ROUND takes it down, a cent a month for a year; the HPC functions compute fees in decimal, exact to the cent (spec §3). \`N()\` around \`EDATE\`: HyperFormula's XNPV refuses EDATE's date-typed values (Excel accepts them).`,
);
notes.push(
  hpc.schedulesPerChange === 1
    ? `**One input, one schedule.** Changing one deal's rate rebuilt exactly one schedule (that deal's) and recomputed ${int(hpc.changedCellsPerChange)} changed HPC cells (median); the native model recomputes that deal's schedule column chains (${int(native.changedCellsPerChange)} changed cells). No change invalidated the cache globally.`
    : `**A single change rebuilt ${hpc.schedulesPerChange} schedules** (expected 1): see the per-change counts in scripts/bench-sheet.mjs.`,
);
notes.push(
  `**What these figures do not show.** The native model runs in HyperFormula, a JavaScript engine, not in Excel's own calculation engine, which is much faster at native formulas (compiled, multi-threaded): the native ÷ HPC ratios of case 3 flatter the HPC functions against Excel itself. In Excel, every custom-function call also pays Excel's own overhead (marshalling the arguments from the grid into the JavaScript runtime, the result back, batching), which is Excel's and is not measured here; case 2 measures the functions from the call in (fresh argument arrays, as the runtime passes them) to the result out. Only a real Excel can measure those.`,
  `**The caches (src/functions/resolve.ts).** Four, each bounded in entries and in estimated bytes, with approximate-LRU (CLOCK) eviction: raw terms cells → validated terms and their key (inputs); the terms' key → \`DealFigures\` (src/functions/deal.ts), what the metric functions return, kept as numbers in one typed array (the prepayment remaining by month, the net cash flows in cents for an NPV at any rate, the host cash flows only with capex), with contract value, annual revenue and the NPVs asked for: about 2.6 KB a 144-month deal plus its validated terms, which it shares with the inputs entry (${kb(est.retainedBytesPerDeal)} retained per deal with its inputs entry, typed arrays' backing stores counted); the terms' key → the summary with its returns (an XIRR search; DEALSUMMARY and figures by name), kept apart for ${int(L.summaryEntries ?? 0)} deals since few cells read it and it is not small; and the terms' key → the spilled schedule table of HOSTINGCASHFLOW, as numbers, for ${int(L.tableEntries)} deals. Decimal schedules are not cached: the one built last is kept until the next, so a deal's cells computed in a row share it. A change that does not touch a deal's terms (a date, DEALNPV's rate argument, another deal) is answered from its figures: case 3's shared-date change and case 5's second pass over ${int(bk.deals)} deals rebuild nothing (a summary's first read builds the schedule once). An NPV at a rate the deal has not been asked for is computed from the kept cents (the same decimals as the schedule's) by the core's \`npv\`: ${us(functionRows.find((r) => /new rate/.test(r.name))?.cpu ?? NaN)} of CPU (case 2); then it is remembered with the deal, by the rate's text and by the number a cell gave. The portfolio and mining functions keep their tables by their deals' figures (and options, mining cells, rate): a recalculation that changes none of them computes nothing, a change to one deal computes the table again (the combined schedule, src/core/portfolio.ts, in decimals).`,
);
if (sheet.sharedRatio < 1.25 * BUDGET.sharedRatio) {
  notes.push(
    `**A date every deal reads: ${ratio(sheet.sharedRatio)}, ${sheet.sharedRatio >= BUDGET.sharedRatio ? "within" : "short of"} ${BUDGET.sharedRatio}× by a thin margin on this run.** No schedule was rebuilt and no terms range validated again by \`validateDeal\` (${int(hpc.schedulesPerSharedChange)} and ${int(hpc.validationsPerSharedChange)}): each of the ${int(hpc.changedCellsPerSharedChange)} recomputed cells costs a cell-by-cell miss of the recent inputs, its terms block read again from its doubles (${int(hpc.fastReadsPerSharedChange ?? 0)} blocks, \`validateFast\`, ${us(keys.newTerms.median)} each at most, less than keying the raw cells cost), a lookup and an index into the deal's remaining by month, a few µs in all; the rest of the HPC side's ${ms(hpc.shared.median)} is HyperFormula's (the dirty cells' sort, each call's range read into arrays, a profile puts it at about four fifths). Both sides vary widely on a loaded machine (HPC ${range(hpc.shared, ms)}, native ${range(native.shared, ms)}): compare the mins too (native ÷ HPC ${ratio(native.shared.min / hpc.shared.min)}).`,
  );
}
notes.push(
  `**The schedule in integer cents (issue 19 item 1).** \`buildSchedule\` (src/core/schedule.ts, src/core/cents.ts) estimates each fee state's gross fee, opex and percent-of-fee credit in binary floating point with a proven relative error bound and takes the cent only when the estimate is further than that bound from a half cent; a state it cannot decide (an exact half-cent tie such as 60 MW × 101.13 × 1.025² = 6,374,982.375, a very long escalation) is computed by the decimal.js reference's own \`feeState\`, and a 50 % credit of an odd number of cents by integers. Every per-month line (credit with carry, net fee, net and host cash flow, capex, prepayment remaining) is integer-cents arithmetic on doubles, exact below 2^53 (checked; a deal past it is built by the reference). Rows keep their Decimal fields, made on first read and shared between equal amounts; the summary's sums, DealFigures and the spilled table read the cents and make none. \`buildScheduleReference\` (the 40-digit path) stays as the fallback and the oracle: test/fuzz/fastpath.test.ts compares every field of every row, exactly, over random deals (\`npm run fuzz\`: 100,000). What a new deal still costs beyond its schedule (${us(seedStats.median)}): reading, validating and keying its terms (${us(keyAndRead)}: in one pass over the block, validated from its doubles by \`validateFast\`, src/core/validateFast.ts, which hands anything it is not sure of to \`validateDeal\`; decimals made only for the terms that hold one; keyed by \`dealKey\`, the numbers as their bits), the figures the functions keep of it (${us(keys.figures.median)}: sums and the flows from the cents; the XIRR root search, the payback and, when renewal options are not all exercised, a second schedule are made only when DEALSUMMARY or DEALIRR first reads the summary), the spilled table (its MW and rate cells from a double-double estimate of each escalated rate with a proven error bound, src/core/rateColumn.ts, the fee state's 40-digit decimals only where the estimate cannot decide; then deep-frozen for the cache, which boxes its numbers), and, for DEALNPV and DEALSUMMARY, the XNPV (${us(summaryStats.median)} with the summary): computed in doubles with a proven error bound (src/core/xnpv.ts: log1p and exp taken at 4 ulps each, every rounding counted, the bound doubled), the cent taken only when the estimate is further than the bound from a half cent, the 40-digit reference (\`npvReference\`) otherwise; test/fuzz/xnpv.test.ts checks every cent the float path decides against the reference's, half-cent ties included. DEALSUMMARY's IRR is a root search in doubles over the cents (\`xirrCents\`), made on first read of the summary.`,
);
if (tti && !tti.skipped) {
  notes.push(
    `**Time to interactive.** taskpane.html of the production build served from 127.0.0.1 by the script; office.js (the CDN's /lib/1/hosted/ tree) answered from node_modules/@microsoft/office-js/dist through Playwright routing${tti.refused.length ? `; refused: ${tti.refused.join(", ")}` : "; no other outside request was made"}. Routing disables the HTTP cache: every load is cold. /usr/bin/chromium headless, a fresh profile, a 350 × 900 viewport, median of 7 loads after one. ${tti.readyFlag ? 'Interactive = the first frame at which the pane has set document.body.dataset.ready = "true".' : 'The pane does not yet set a ready flag, so interactive = the first animation frame after DOMContentLoaded (the deferred functions and pane scripts have run) at which #app has a layout box. **The pane should set `document.body.dataset.ready = "true"`** once its form is filled and its buttons are wired (after Office.onReady and the first render of the deal); the script then measures that instead, with no change here.'} Milestones are measured from navigation start in the page (performance.now()).`,
  );
}
notes.push(
  `**Sizes** are of the production build of the sources as they stand (webpack.config.js, into a temporary directory), gzip level 9, 1 KB = 1,000 bytes. The pane is every .html/.js/.css the build emits except functions.js; "as loaded" is what taskpane.html names plus whatever else the browser requested while loading it (${tti?.requested?.length ? tti.requested.join(", ") : "not observed: no browser run"}), the budgeted figure, since it is what stands between opening the pane and using it; "on demand" is the rest (dynamic-import chunks, fetched when first used). The page also loads functions.js (the shared runtime's, counted above) and office.js from Microsoft's CDN (not counted).` +
    (sizes.paneOnDemand.gzip > BUDGET.paneGzipBytes
      ? ` The on-demand chunks alone (${sizes.paneOnDemand.files.join(", ")}: ${kb(sizes.paneOnDemand.gzip)} gzipped) are over ${kb(BUDGET.paneGzipBytes)}: if the budget is meant for every file of the pane, it is missed by ${kb(sizes.pane.gzip - BUDGET.paneGzipBytes)}. Their license banners name: ${sizes.paneOnDemand.banners.slice(0, 3).join("; ") || "nothing"}${sizes.paneOnDemand.banners.length > 3 ? "; …" : ""}. They cost nothing until first used, then one fetch.`
      : ""),
  `**Memory** (case 5): peak RSS (\`process.resourceUsage().maxRSS\`) of the case 3 child process after its warm-up and first full build, median over rounds; "heap kept" is the heap after a full GC with the engine alive. The book: ${int(bk.deals)} distinct 144-month deals read through CONTRACTVALUE, PREPAYREMAINING and DEALNPV (src/functions/hpc.ts, node build), then again at another date, with DEALNPV at another rate, and ANNUALREVENUE; its heap is measured after a full GC against the empty caches. Cache bounds: ${int(cache.deals)} distinct deals through CONTRACTVALUE and PREPAYREMAINING, HOSTINGCASHFLOW for every fourth, in ${cache.seconds.toFixed(1)} s (${int(cache.schedulesBuilt)} schedules built); the estimates are \`DealFigures.approxBytes\` and resolve.ts's per entry, plus the keys; retained heap measured over ${int(est.deals)} deals, and over a full table cache.`,
  `**Noise.** This machine is shared: load average ${loadAtStart.map((x) => x.toFixed(1)).join(", ")} at the start of the run and ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(
      ", ",
    )} at its end on ${os.cpus().length} cores. Medians are reported; min – max gives the spread, and the min is the least disturbed sample.`,
);

const versions = {
  hyperformula: JSON.parse(readFileSync(path.join(root, "node_modules/hyperformula/package.json"), "utf8")).version,
  chromium: (() => {
    try {
      return execFileSync(CHROMIUM, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      return "not installed";
    }
  })(),
};
const escape = (s) => s.replaceAll("|", "\\|");
const md = [
  "# Benchmarks",
  "",
  "Written by `npm run bench` (scripts/bench.mjs); do not edit by hand. Medians over repeated runs after a warm-up; comparisons are measured side by side in the same run and reported as ratios.",
  "",
  `- Date: ${started.toISOString().slice(0, 16).replace("T", " ")} UTC (${((Date.now() - started.getTime()) / 60000).toFixed(1)} min)`,
  `- CPU: ${os.cpus()[0]?.model ?? "unknown"} (${os.cpus().length} cores), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB`,
  `- Node: ${process.version}; HyperFormula ${versions.hyperformula}; ${versions.chromium}`,
  `- Budget: ${missed.length === 0 ? "every figure within it" : `${missed.length} figure(s) missed it — see Notes`}`,
  "",
  `| ${header.join(" | ")} |`,
  `| ${header.map(() => "---").join(" | ")} |`,
  ...cells.map((c) => `| ${c.map(escape).join(" | ")} |`),
  "",
  "## Notes",
  "",
  ...notes.flatMap((n) => [n, ""]),
];
if (quick) {
  console.error("\n--quick: docs/benchmarks.md not written.");
} else {
  writeFileSync(path.join(root, "docs/benchmarks.md"), md.join("\n"));
  console.error("\nWrote docs/benchmarks.md.");
}
console.log(`\nNotes:\n\n${notes.join("\n\n")}`);
if (missed.length > 0) {
  console.error(`\n${missed.length} figure(s) missed the budget: ${missed.map((r) => r.figure).join("; ")}`);
  process.exitCode = 1;
}
