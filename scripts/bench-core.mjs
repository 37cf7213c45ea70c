#!/usr/bin/env node
// Case 1: one 144-month schedule from the calculation module (src/core, the
// node build of scripts/bench-node-build.mjs), in a child process of its own;
// and the same on a prototype of proposed changes (the transpiled schedule.js
// and summary.js patched, src untouched: scripts/bench-prototypes.mjs), in
// another child, its schedules and NPVs checked equal to the original's on a
// few hundred random deals.
//
//   node scripts/bench-core.mjs            prints JSON (builds first)
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { OUT_DIR, buildForNode, loadNodeBuild } from "./bench-node-build.mjs";
import { NPV_PATCHES, SCHEDULE_PATCHES, mergePatches } from "./bench-prototypes.mjs";
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

/** The proposed changes to the schedule and the NPV (scripts/bench-prototypes.mjs), measured here. */
export const CORE_PROTOTYPE = Object.freeze({
  name: "credits skipped once recouped, fees kept per tranche-year, discount factors kept per rate and first month",
  dir: `${OUT_DIR}-core-prototype`,
  patches: mergePatches(SCHEDULE_PATCHES, NPV_PATCHES),
});

function terms(core, input) {
  const checked = core.validateDeal(input);
  if (!checked.ok) throw new Error(checked.error.message);
  return checked.value;
}

function runChild(buildDir) {
  const core = loadNodeBuild(buildDir)("core/index");
  const ramp = terms(core, RAMP);
  const seed = terms(core, SEED_LIKE);
  const schedule = core.buildSchedule(seed);
  const opts = { batch: 50, rounds: 41, warmup: 300 };
  return {
    ramp: measureUs(() => core.buildSchedule(ramp), opts),
    seed: measureUs(() => core.buildSchedule(seed), opts),
    summary: measureUs(() => core.summarize(schedule), opts),
  };
}

function child(buildDir) {
  const out = execFileSync(process.execPath, [self, "--child", buildDir], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out);
}

/** Random valid deals (a fixed seed): ramps, both credit methods, escalators of either sign. */
function randomDeals(count) {
  let s = 7;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const pick = (n) => Math.floor(rnd() * n);
  return Array.from({ length: count }, () => {
    const percent = rnd() < 0.5;
    return {
      termMonths: 1 + pick(200),
      ratePerKWMonth: pick(20000) / 100,
      escalator: (pick(100) - 20) / 1000,
      prepayment: pick(5e8),
      prepaymentDate: "2024-07-01",
      creditMethod: percent ? "percent-of-fee" : "straight-line",
      ...(percent ? { creditPercent: (1 + pick(100)) / 101 } : { creditMonths: 1 + pick(150) }),
      opexPerMWMonth: pick(50000),
      tranches: Array.from({ length: 1 + pick(4) }, () => ({
        date: `202${5 + pick(3)}-0${1 + pick(9)}-1${pick(9)}`,
        mw: 1 + pick(1000) / 10,
      })),
    };
  });
}

/**
 * Schedules (every field of every row) and NPVs (at five rates) of the
 * original and the prototype on random deals: how many valid deals, how many differ.
 */
function compare(original, prototype) {
  const text = (core, input) => {
    const schedule = core.buildSchedule(terms(core, input));
    const rows = schedule.rows.map((r) => Object.values(r).map(String).join(","));
    const npv = (r) => core.npv(schedule, new core.Decimal(r)).toString();
    const rates = ["0.1", "0.08", "-0.5", "0.123456789", "3"];
    // Each rate twice: the prototype's second NPV at a rate uses its kept factors.
    return [...rows, ...rates.map(npv), ...rates.map(npv)].join("\n");
  };
  let deals = 0;
  let differ = 0;
  for (const input of [RAMP, SEED_LIKE, ...randomDeals(400)]) {
    if (!original.validateDeal(input).ok) continue;
    deals++;
    if (text(original, input) !== text(prototype, input)) differ++;
  }
  return { deals, differ };
}

export function benchCore({ build = true, prototype = true } = {}) {
  if (build) buildForNode();
  const result = { original: child(OUT_DIR) };
  if (prototype) {
    try {
      const load = buildForNode({ outDir: CORE_PROTOTYPE.dir, patches: CORE_PROTOTYPE.patches });
      result.prototype = {
        name: CORE_PROTOTYPE.name,
        ...child(CORE_PROTOTYPE.dir),
        check: compare(loadNodeBuild()("core/index"), load("core/index")),
      };
    } catch (e) {
      result.prototype = { name: CORE_PROTOTYPE.name, error: e instanceof Error ? e.message : String(e) };
    }
  }
  return result;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === self;
if (isMain) {
  const i = process.argv.indexOf("--child");
  if (i > 0) process.stdout.write(JSON.stringify(runChild(process.argv[i + 1])));
  else console.log(JSON.stringify(benchCore(), null, 2));
}
