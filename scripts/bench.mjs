#!/usr/bin/env node
// `npm run bench`: benchmarks as a script, never as timed tests. Prints a table
// and writes docs/benchmarks.md (figures, CPU, Node version, date).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

if (!existsSync(path.join(root, "lib/core/index.js"))) {
  execFileSync("npm", ["run", "build:cli"], { cwd: root, stdio: "inherit" });
}
const core = require(path.join(root, "lib/core/index.js"));

/** Median time per call in microseconds over `rounds` rounds of `batch` calls, after a warm-up. */
function measure(fn, { batch = 100, rounds = 31, warmup = 200 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1000 / batch);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], min: samples[0], max: samples[samples.length - 1] };
}

function terms(input) {
  const checked = core.validateDeal(input);
  if (!checked.ok) throw checked.error;
  return checked.value;
}

const seedLike = terms({
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
const ramp = terms({
  termMonths: 144,
  ratePerKWMonth: 121.53,
  escalator: 0.03,
  prepayment: 300000000,
  prepaymentDate: "2024-07-01",
  creditMethod: "percent-of-fee",
  creditPercent: 0.5,
  tranches: [
    { date: "2025-01-15", mw: 80 },
    { date: "2025-03-01", mw: 80 },
    { date: "2025-06-01", mw: 40 },
  ],
});

const results = [];
function record(name, stats, budgetUs) {
  results.push({ name, ...stats, budgetUs });
}

const opts = { batch: 50, rounds: 41, warmup: 300 };
record(
  "schedule: 144 months, 1 tranche, escalator, straight-line prepayment",
  measure(() => core.buildSchedule(seedLike), opts),
  500,
);
record(
  "schedule: 144 months, 3-tranche ramp, escalator, percent-of-fee",
  measure(() => core.buildSchedule(ramp), opts),
  500,
);
const schedule = core.buildSchedule(seedLike);
record(
  "summary incl. XNPV (on a built schedule)",
  measure(() => core.summarize(schedule), opts),
);
record(
  "validate a deal file",
  measure(
    () => core.validateDeal({ capacityMW: 200, startDate: "2025-01-01", termMonths: 144, ratePerKWMonth: 121.53 }),
    opts,
  ),
);

// The custom functions, on the built bundle loaded as Excel loads it (scripts/bench-functions.mjs).
const { benchFunctions, CACHED_CALL_TARGET_US } = await import("./bench-functions.mjs");
for (const r of await benchFunctions({ useDist: existsSync(path.join(root, "dist/functions.js")) })) {
  const cachedMetric = /cached deal/.test(r.name) && !/HOSTINGCASHFLOW/.test(r.name);
  results.push({ ...r, name: `function: ${r.name}`, budgetUs: cachedMetric ? CACHED_CALL_TARGET_US : undefined });
}

const fmt = (us) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(us < 10 ? 2 : 1)} µs`);
const rows = results.map((r) => [
  r.name,
  fmt(r.median),
  `${fmt(r.min)} – ${fmt(r.max)}`,
  r.budgetUs === undefined ? "" : `${fmt(r.budgetUs)} ${r.median < r.budgetUs ? "✓" : "✗ MISSED"}`,
]);
const header = ["case", "median", "range", "budget"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
console.log(line(header));
for (const r of rows) console.log(line(r));

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const md = [
  "# Benchmarks",
  "",
  "Written by `npm run bench` (scripts/bench.mjs); do not edit by hand. Medians over repeated rounds after a warm-up.",
  "",
  `- Date: ${new Date().toISOString().slice(0, 10)}`,
  `- CPU: ${cpu} (${os.cpus().length} cores)`,
  `- Node: ${process.version}`,
  "",
  `| ${header.join(" | ")} |`,
  `| ${header.map(() => "---").join(" | ")} |`,
  ...rows.map((r) => `| ${r.join(" | ")} |`),
  "",
];
mkdirSync(path.join(root, "docs"), { recursive: true });
writeFileSync(path.join(root, "docs/benchmarks.md"), md.join("\n"));
const missed = results.filter((r) => r.budgetUs !== undefined && r.median >= r.budgetUs);
if (missed.length > 0) {
  console.error(`\n${missed.length} figure(s) missed the budget.`);
  process.exitCode = 1;
}
