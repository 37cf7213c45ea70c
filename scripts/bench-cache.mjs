#!/usr/bin/env node
// Case 5, the caches: they hold a book and stay bounded. On the node build of
// src/functions (scripts/bench-node-build.mjs, whose resolve.js reports
// cacheStats() and CACHE_LIMITS):
//
//   book     5,000 distinct 144-month deals read through CONTRACTVALUE,
//            PREPAYREMAINING and DEALNPV, then read again at another date and
//            another NPV rate: schedules rebuilt by the second pass (budget:
//            none), and the heap the caches retain for them after a GC;
//   bounds   10,000 distinct deals (a spill for every fourth): the largest entry counts and byte
//            estimates each cache reaches, and the heap as the deals go by;
//            long deals (1,200 months) against the byte bounds; the byte
//            estimates against the heap an entry really retains.
//
//   node --expose-gc scripts/bench-cache.mjs [--deals 10000] [--book 5000] [--no-build]   prints JSON
//   (--no-build: use the node build an earlier run left in node_modules/.cache/hpc-bench)
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildForNode, loadNodeBuild } from "./bench-node-build.mjs";
import { msSince } from "./bench-stats.mjs";

const self = fileURLToPath(import.meta.url);

/** A deal laid out as the pane lays it out; `k` makes it distinct. */
export function termsRange(k, months = 144) {
  return [
    ["Deal", `Deal ${k}`],
    ["Capacity (MW)", 50 + (k % 200)],
    ["Rate ($/kW-month)", 100 + (k % 9973) / 100],
    ["Term (months)", months],
    ["Start date", 45658], // 2025-01-01
    ["Annual escalator", 0.03],
    ["Prepayment ($)", 300000000],
    ["Prepayment date", 45474], // 2024-07-01
    ["Credit method", "straight-line"],
    ["Opex ($/MW-month)", 25000],
    ["Discount rate", 0.1],
  ];
}

// The heap and the typed arrays' backing stores, which V8 keeps outside the heap (the figures' columns).
const heapBytes = () => {
  globalThis.gc?.();
  globalThis.gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const MB = 2 ** 20;

export function benchCache({ deals = 10_000, book = 5_000, build = true } = {}) {
  const load = build ? buildForNode() : loadNodeBuild();
  const hpc = load("functions/hpc");
  const resolve = load("functions/resolve");
  const limits = resolve.CACHE_LIMITS;
  const ok = (out) => {
    if (!out.ok) throw new Error(out.message);
    return out.value;
  };
  const stats = () => resolve.cacheStats();

  // ---- A book of 5,000 deals: read twice, the second time at another date and NPV rate.
  resolve.clearCaches();
  const bookHeap0 = heapBytes();
  const s0 = stats();
  let t0 = process.hrtime.bigint();
  for (let k = 0; k < book; k++) {
    const terms = termsRange(k);
    ok(hpc.contractValue(terms));
    ok(hpc.prepayRemaining(terms, [[47484]])); // 2030-01-01
    ok(hpc.dealNpv(terms));
  }
  const firstPassMs = msSince(t0);
  const afterFirst = stats();
  const bookHeapMB = (heapBytes() - bookHeap0) / MB;
  const s1 = stats();
  t0 = process.hrtime.bigint();
  for (let k = 0; k < book; k++) {
    const terms = termsRange(k);
    ok(hpc.prepayRemaining(terms, [[47849]])); // 2031-01-01
    ok(hpc.dealNpv(terms, 0.0725));
    ok(hpc.annualRevenue(terms));
  }
  const secondPassMs = msSince(t0);
  const afterSecond = stats();
  const bookResult = {
    deals: book,
    firstPassMs,
    secondPassMs,
    schedulesBuiltFirst: afterFirst.schedulesBuilt - s0.schedulesBuilt,
    schedulesRebuilt: afterSecond.schedulesBuilt - s1.schedulesBuilt,
    revalidated: afterSecond.validations - s1.validations,
    heapMB: bookHeapMB,
    cache: afterFirst,
  };

  // ---- Bounds: 10,000 distinct deals, through the metric functions and the spill.
  resolve.clearCaches();
  const heap0 = heapBytes();
  const keys = ["inputEntries", "inputBytes", "figureEntries", "figureBytes", "tableEntries", "tableBytes"];
  const peak = Object.fromEntries(keys.map((k) => [k, 0]));
  const heapSeries = [];
  const before = stats();
  t0 = process.hrtime.bigint();
  for (let k = 0; k < deals; k++) {
    const terms = termsRange(book + k);
    ok(hpc.contractValue(terms));
    ok(hpc.prepayRemaining(terms, [[47484]]));
    if (k % 4 === 0) ok(hpc.hostingCashflow(terms));
    const s = stats();
    for (const key of keys) peak[key] = Math.max(peak[key], s[key]);
    if ((k + 1) % (deals / 4) === 0) heapSeries.push({ deals: k + 1, heapMB: (heapBytes() - heap0) / MB });
  }
  const seconds = msSince(t0) / 1000;
  const after = stats();

  // Long deals (1,200 months, 1,218 rows each): the byte bounds hold whatever a deal's length.
  resolve.clearCaches();
  const longPeak = { figureBytes: 0, tableEntries: 0, tableBytes: 0 };
  for (let k = 0; k < 200; k++) {
    const terms = termsRange(book + deals + k, 1200);
    ok(hpc.contractValue(terms));
    ok(hpc.hostingCashflow(terms));
    const s = stats();
    for (const key of Object.keys(longPeak)) longPeak[key] = Math.max(longPeak[key], s[key]);
  }

  // The estimates against the heap: 2,000 deals' inputs and figures; then a full table cache.
  resolve.clearCaches();
  let h0 = heapBytes();
  const n = 2000;
  for (let k = 0; k < n; k++) {
    const terms = termsRange(2 * deals + book + k);
    ok(hpc.contractValue(terms));
    ok(hpc.dealNpv(terms));
  }
  const small = stats();
  const smallRetained = heapBytes() - h0;
  resolve.clearCaches();
  h0 = heapBytes();
  for (let k = 0; k < limits.tableEntries; k++) ok(hpc.hostingCashflow(termsRange(3 * deals + book + k)));
  const full = stats();
  const fullRetained = heapBytes() - h0;
  resolve.clearCaches();

  return {
    deals,
    seconds,
    limits,
    schedulesBuilt: after.schedulesBuilt - before.schedulesBuilt,
    peak,
    heapSeries,
    longDeals: { deals: 200, months: 1200, ...longPeak },
    book: bookResult,
    estimate: {
      deals: n,
      estimatedBytesPerDeal: (small.inputBytes + small.figureBytes) / n,
      retainedBytesPerDeal: smallRetained / n,
      tables: full.tableEntries,
      // Each of these deals also has its inputs and figures: all of it counted against all of it.
      estimatedBytesPerTable: (full.tableBytes + full.inputBytes + full.figureBytes) / full.tableEntries,
      retainedBytesPerTable: fullRetained / full.tableEntries,
    },
  };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === self;
if (isMain) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  console.log(
    JSON.stringify(
      benchCache({
        deals: arg("--deals", 10_000),
        book: arg("--book", 5_000),
        build: !process.argv.includes("--no-build"),
      }),
      null,
      2,
    ),
  );
}
