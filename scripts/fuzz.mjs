// npm run fuzz: the fuzz targets of test/fuzz at 100,000 cases each (FUZZ_RUNS
// overrides: CI runs 2,000), the fast path against decimal.js at 160,000
// random deal files whatever FUZZ_RUNS is (FASTPATH_RUNS overrides), about
// 64 % of them valid: over 100,000 valid deals compared (issue 19: CI must
// compare 100,000; checked below), split over four test files so both cores
// share it, and the
// model's property tests (test/core/properties.test.ts) at 10× their default;
// all in one jest run; then a count per target. Takes minutes; `npm test` runs
// the same targets small.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const FUZZ_RUNS = positive(process.env.FUZZ_RUNS) ?? 100_000;
/** Valid deals the fast-path target must compare at its default size (issue 19). */
const FASTPATH_VALID = 100_000;
const FASTPATH_RUNS = positive(process.env.FASTPATH_RUNS) ?? Math.max(FUZZ_RUNS, 160_000);
/** properties.test.ts runs FC_NUM_RUNS cases, 50 by default. */
const PROPERTY_DEFAULT = 50;
const PROPERTY_RUNS = PROPERTY_DEFAULT * 10;

function positive(text) {
  const n = Number(text);
  return text !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const jest = createRequire(import.meta.url).resolve("jest/bin/jest");
const dir = mkdtempSync(path.join(os.tmpdir(), "hpc-fuzz-"));
const report = path.join(dir, "report.jsonl");

function runJest(label, args, env) {
  const t0 = Date.now();
  console.log(`\n== ${label}`);
  // Every suite of test/fuzz, the limits' worst cases and the fast path's shards included (jest.fuzz.config.js).
  const r = spawnSync(process.execPath, [jest, "-c", "jest.fuzz.config.js", "--testTimeout=3600000", ...args], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env, FUZZ_REPORT: report },
  });
  return { label, ok: r.status === 0, seconds: (Date.now() - t0) / 1000 };
}

// One jest run, so that its workers share the long targets between the cores.
const results = [
  runJest(
    `fuzz targets at ${FUZZ_RUNS.toLocaleString("en-US")} cases each, the fast path at ` +
      `${FASTPATH_RUNS.toLocaleString("en-US")}, the model's properties at ${PROPERTY_RUNS} (10× ${PROPERTY_DEFAULT})`,
    ["test/fuzz", "test/core/properties.test.ts"],
    { FC_NUM_RUNS: String(FUZZ_RUNS), FASTPATH_RUNS: String(FASTPATH_RUNS), PROPERTY_RUNS: String(PROPERTY_RUNS) },
  ),
];

// A target's last line has its final count; a sharded target's count is the sum of its shards' last lines.
const shards = new Map();
try {
  for (const line of readFileSync(report, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const entry = JSON.parse(line);
    shards.set(`${entry.target}\u0000${entry.shard ?? ""}`, entry);
  }
} catch {
  // No report: every target failed before counting; jest's output above says why.
}
const targets = new Map();
for (const entry of shards.values()) {
  const sum = targets.get(entry.target);
  if (sum === undefined) {
    targets.set(entry.target, { ...entry, counts: entry.counts && { ...entry.counts }, shards: 1 });
    continue;
  }
  sum.runs += entry.runs;
  sum.shards++;
  if (sum.counts && entry.counts)
    for (const [k, v] of Object.entries(entry.counts)) sum.counts[k] = (sum.counts[k] ?? 0) + v;
}
for (const t of targets.values()) {
  if (t.shards > 1 && t.counts) {
    t.detail = `${Object.entries(t.counts)
      .map(([k, v]) => `${v.toLocaleString("en-US")} ${k}`)
      .join(", ")} (${t.shards} shards)`;
  }
}
rmSync(dir, { recursive: true, force: true });

console.log("\n== fuzz report");
const width = Math.max(0, ...[...targets.keys()].map((t) => t.length));
for (const { target, runs, detail } of [...targets.values()].sort((a, b) => a.target.localeCompare(b.target))) {
  const count = target.startsWith("limits:") ? "" : `${runs.toLocaleString("en-US")} cases`;
  console.log(`${target.padEnd(width)}  ${count}${detail ? `${count ? "  " : ""}${detail}` : ""}`);
}
console.log(
  `${"model properties".padEnd(width)}  ${PROPERTY_RUNS} cases per property (FC_NUM_RUNS=${PROPERTY_RUNS}; see properties.test.ts)`,
);
// At the default size the fast path must have compared FASTPATH_VALID valid deals, not only drawn that many files.
const fastpath = targets.get("fastpath: schedule vs decimal.js");
const compared = fastpath?.counts?.["valid deals"] ?? 0;
if (positive(process.env.FASTPATH_RUNS) === undefined && compared < FASTPATH_VALID) {
  results.push({
    label: `the fast path compared ${compared.toLocaleString("en-US")} valid deals, fewer than ${FASTPATH_VALID.toLocaleString("en-US")}`,
    ok: false,
    seconds: 0,
  });
}
for (const r of results) console.log(`${r.ok ? "passed" : "FAILED"}  ${r.label}  (${r.seconds.toFixed(0)} s)`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
