#!/usr/bin/env node
// Case 5, the cache half: the functions' caches stay bounded. Drives 10,000
// distinct deals through the HPC functions (the node build of src/functions,
// scripts/bench-node-build.mjs, whose resolve.js reports cacheStats() and
// CACHE_LIMITS), recording the largest entry counts and byte estimates seen
// and the heap after a GC as the deals go by; then checks the byte bound
// with long deals (1,200 months), and the per-deal byte estimate against the
// heap a cached deal really retains.
//
//   node --expose-gc scripts/bench-cache.mjs [--deals 10000] [--no-build]   prints JSON
//   (--no-build: use the node build an earlier run left in node_modules/.cache/hpc-bench)
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildForNode, loadNodeBuild } from "./bench-node-build.mjs";
import { msSince } from "./bench-stats.mjs";

const self = fileURLToPath(import.meta.url);

/** A deal laid out as the pane lays it out; `k` makes it distinct. */
function termsRange(k, months = 144) {
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

const heapMB = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

export function benchCache({ deals = 10_000, build = true } = {}) {
  const load = build ? buildForNode() : loadNodeBuild();
  const hpc = load("functions/hpc");
  const resolve = load("functions/resolve");
  const limits = resolve.CACHE_LIMITS;
  const date = [[47484]]; // 2031-01-01
  const call = (terms) => {
    for (const out of [hpc.contractValue(terms), hpc.prepayRemaining(terms, date)]) {
      if (!out.ok) throw new Error(out.message);
    }
  };

  resolve.clearCaches();
  const heap0 = heapMB();
  const peak = { rawEntries: 0, rawBytes: 0, dealEntries: 0, dealBytes: 0 };
  const heapSeries = [];
  const before = resolve.cacheStats();
  const t0 = process.hrtime.bigint();
  for (let k = 0; k < deals; k++) {
    call(termsRange(k));
    const s = resolve.cacheStats();
    for (const key of Object.keys(peak)) peak[key] = Math.max(peak[key], s[key]);
    if ((k + 1) % (deals / 4) === 0) heapSeries.push({ deals: k + 1, heapMB: heapMB() - heap0 });
  }
  const seconds = msSince(t0) / 1000;
  const after = resolve.cacheStats();

  // The byte bound: long deals (1,200 months, 1,218 rows each) fill it before the entry bound.
  resolve.clearCaches();
  const longPeak = { dealEntries: 0, dealBytes: 0 };
  for (let k = 0; k < 200; k++) {
    call(termsRange(deals + k, 1200));
    const s = resolve.cacheStats();
    longPeak.dealEntries = Math.max(longPeak.dealEntries, s.dealEntries);
    longPeak.dealBytes = Math.max(longPeak.dealBytes, s.dealBytes);
  }

  // The estimate against the heap: a full cache of 144-month deals, their spilled tables built too.
  resolve.clearCaches();
  const h0 = heapMB();
  for (let k = 0; k < limits.dealEntries; k++) {
    const terms = termsRange(2 * deals + k);
    call(terms);
    hpc.hostingCashflow(terms);
    hpc.dealSummary(terms);
  }
  const full = resolve.cacheStats();
  const retainedMB = heapMB() - h0;
  resolve.clearCaches();

  return {
    deals,
    seconds,
    limits,
    schedulesBuilt: after.schedulesBuilt - before.schedulesBuilt,
    validations: after.validations - before.validations,
    peak,
    final: {
      rawEntries: after.rawEntries,
      rawBytes: after.rawBytes,
      dealEntries: after.dealEntries,
      dealBytes: after.dealBytes,
    },
    heapSeries,
    longDeals: { deals: 200, months: 1200, ...longPeak },
    estimate: {
      deals: full.dealEntries,
      estimatedBytesPerDeal: full.dealBytes / full.dealEntries,
      retainedBytesPerDeal: (retainedMB * 2 ** 20) / full.dealEntries,
    },
  };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === self;
if (isMain) {
  const i = process.argv.indexOf("--deals");
  const deals = i > 0 ? Number(process.argv[i + 1]) : 10_000;
  console.log(JSON.stringify(benchCache({ deals, build: !process.argv.includes("--no-build") }), null, 2));
}
