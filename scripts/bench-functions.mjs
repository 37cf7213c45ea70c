#!/usr/bin/env node
// Case 2: the cost of one HPC custom-function call, measured on the built
// functions bundle loaded as Excel loads it (a sandbox with only a
// CustomFunctions global, in the caller's realm): on a cached deal (budget:
// under 2 µs) and on a new deal.
//
//   node scripts/bench-functions.mjs           build into a temp dir first (≈10-30 s)
//   node scripts/bench-functions.mjs --dist    use dist/functions.js from `npm run build`
//   node scripts/bench-functions.mjs --dir D   use D/functions.js (a build directory)
//   node scripts/bench-functions.mjs --json    print the figures as JSON
//
// scripts/bench.mjs runs it as a child process (--dir, --json): a fresh
// runtime, as Excel's, not one that has just run webpack.
import { readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { buildBundles } from "./bench-bundle.mjs";
import { measureUs } from "./bench-stats.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Budget for a call on a cached deal, in microseconds. */
export const CACHED_CALL_TARGET_US = 2;

async function buildFunctionsBundle() {
  const { dir, error } = await buildBundles({ entries: ["functions"] });
  if (error) throw new Error(error);
  const code = readFileSync(path.join(dir, "functions.js"), "utf8");
  rmSync(dir, { recursive: true, force: true });
  return code;
}

/**
 * Runs the bundle as the custom-functions runtime does: in the caller's own
 * realm, with a CustomFunctions global. (A separate vm context would add a
 * cross-realm toll of about 2 µs to every call, which Excel does not pay.)
 */
function loadFunctions(code) {
  class CustomFunctionsError {
    constructor(code, message) {
      this.code = code;
      this.message = message;
    }
  }
  const functions = {};
  const saved = globalThis.CustomFunctions;
  globalThis.CustomFunctions = {
    Error: CustomFunctionsError,
    ErrorCode: { invalidValue: "#VALUE!", invalidNumber: "#NUM!", notAvailable: "#N/A" },
    associate(id, fn) {
      functions[id] = fn;
    },
  };
  try {
    vm.runInThisContext(code, { filename: "functions.js" });
  } finally {
    // The functions read CustomFunctions only to build an error; keep it for them.
    if (saved !== undefined) globalThis.CustomFunctions = saved;
  }
  return { functions, CustomFunctionsError };
}

/** The seed-like deal as the pane lays it out (labels, values; dates as Excel serials). */
function seedTerms(rate = 121.53) {
  return [
    ["Deal", "Seed-like"],
    ["Capacity (MW)", 200],
    ["Rate ($/kW-month)", rate],
    ["Term (months)", 144],
    ["Start date", 45658], // 2025-01-01
    ["Annual escalator", 0.03],
    ["Prepayment ($)", 300000000],
    ["Prepayment date", 45474], // 2024-07-01
    ["Credit method", "straight-line"],
    ["Credit months", 144],
    ["Opex ($/MW-month)", 25000],
    ["Discount rate", 0.1],
  ];
}

/** Fresh copies, as Excel hands a function new arrays on every call. */
function copies(make, count = 64) {
  return Array.from({ length: count }, () => make());
}

/** The figures, on the bundle in `dir` (a build directory), dist/ (`useDist`) or a fresh build. */
export async function benchFunctions({ dir, useDist = false } = {}) {
  const code = dir
    ? readFileSync(path.join(dir, "functions.js"), "utf8")
    : useDist
      ? readFileSync(path.join(root, "dist/functions.js"), "utf8")
      : await buildFunctionsBundle();
  const { functions: f, CustomFunctionsError } = loadFunctions(code);
  const check = (value) => {
    if (value instanceof CustomFunctionsError) throw new Error(`${value.code} ${value.message}`);
    return value;
  };
  const cached = copies(() => seedTerms());
  const date = copies(() => [[47484]]); // 2031-01-01
  check(f.HOSTINGCASHFLOW(cached[0]));
  check(f.DEALSUMMARY(cached[0]));

  const rows = [];
  const fresh = { batch: 5, rounds: 15, warmup: 10 };
  const spill = { batch: 200, rounds: 31, warmup: 2000 };
  const cachedOptions = { batch: 1000, rounds: 31, warmup: 20000 };
  const add = (name, fn, options = cachedOptions) =>
    rows.push({ name, cached: options !== fresh, ...measureUs(fn, options) });
  add("CONTRACTVALUE, cached deal", (i) => check(f.CONTRACTVALUE(cached[i & 63])));
  add("ANNUALREVENUE, cached deal", (i) => check(f.ANNUALREVENUE(cached[i & 63])));
  add("DEALNPV, cached deal", (i) => check(f.DEALNPV(cached[i & 63])));
  add("PREPAYREMAINING (1 date), cached deal", (i) => check(f.PREPAYREMAINING(cached[i & 63], date[i & 63])));
  add("DEALSUMMARY, cached deal", (i) => check(f.DEALSUMMARY(cached[i & 63])));
  add("HOSTINGCASHFLOW (151×9 spill), cached deal", (i) => check(f.HOSTINGCASHFLOW(cached[i & 63])), spill);
  // A new deal every call: a rate never seen before (read, validate, build the schedule, summarize).
  let rate = 100;
  add("CONTRACTVALUE, new deal (144 months)", () => check(f.CONTRACTVALUE(seedTerms((rate += 0.01)))), fresh);
  add("DEALNPV, new deal (144 months)", () => check(f.DEALNPV(seedTerms((rate += 0.01)))), fresh);
  add("HOSTINGCASHFLOW, new deal (144 months)", () => check(f.HOSTINGCASHFLOW(seedTerms((rate += 0.01)))), fresh);
  return rows;
}

function format(rows) {
  const width = Math.max(...rows.map((r) => r.name.length));
  const lines = rows.map(
    (r) =>
      `${r.name.padEnd(width)}  ${r.median.toFixed(2).padStart(10)} µs  (min ${r.min.toFixed(2)}, max ${r.max.toFixed(2)})`,
  );
  return [`${"HPC function call".padEnd(width)}  ${"median".padStart(13)}`, ...lines].join("\n");
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const dir = args.includes("--dir") ? args[args.indexOf("--dir") + 1] : undefined;
  const rows = await benchFunctions({ dir, useDist: args.includes("--dist") });
  if (args.includes("--json"))
    console.log(JSON.stringify({ node: process.version, cpu: os.cpus()[0]?.model, rows }, null, 2));
  else {
    console.log(format(rows));
    const slowest = Math.max(...rows.filter((r) => r.cached).map((r) => r.median));
    const verdict = slowest < CACHED_CALL_TARGET_US ? "within" : "ABOVE";
    console.log(
      `\nThe slowest call on a cached deal: ${slowest.toFixed(2)} µs, ${verdict} the ${CACHED_CALL_TARGET_US} µs budget.`,
    );
  }
}
