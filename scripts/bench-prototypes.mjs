// Proposed changes to src, as edits of the transpiled text of the node build
// (scripts/bench-node-build.mjs `patches`), so that the benchmarks can measure
// them side by side with the code as it is, without touching src. Each is
// written up, with its measured effect, in docs/benchmarks.md's notes. A patch
// that no longer applies (src changed) makes its prototype report an error
// instead of a figure.

/**
 * src/core/schedule.ts: (1) once the prepayment is fully credited, skip the
 * credit arithmetic (every later credit is 0, whatever the carry); (2) keep
 * each tranche's kW × rate and MW × rate per escalation year, so that another
 * tranche's anniversary does not multiply them again.
 */
export const SCHEDULE_PATCHES = Object.freeze({
  "core/schedule": [
    [
      "if (hasPrepayment && state.billing && m >= prepMonth) {",
      "if (hasPrepayment && state.billing && m >= prepMonth && !remaining.isZero()) {",
    ],
    ["kw: mw.times(1000) };", "kw: mw.times(1000), fees: [] };"],
    [
      "exactFee = exactFee.plus(t.kw.times(r));",
      "const f = (t.fees[year] ??= [t.kw.times(r), t.mw.times(r)]);\n        exactFee = exactFee.plus(f[0]);",
    ],
    ["weighted = weighted.plus(t.mw.times(r));", "weighted = weighted.plus(f[1]);"],
  ],
});

/**
 * src/core/summary.ts `npv`: the discount factors depend only on the rate and
 * the first month (rows are consecutive months), not on the cash flows; keep
 * them per (rate, first month) in a small bounded map, computed by the same
 * operations in the same order (so the NPV is the same to the last digit).
 * A rate change of a deal, or a workbook of deals sharing rates and start
 * months, then pays only Σ CF × factor.
 */
export const NPV_PATCHES = Object.freeze({
  "core/summary": [
    [
      `    const perDay = rate.plus(1).ln().dividedBy(DAYS_PER_YEAR).negated().exp();
    const stepFactors = new Map();
    let factor = new decimal_1.Decimal(1);
    let total = rows[0].netCashFlow;
    for (let i = 1; i < rows.length; i++) {
        const gap = (0, dates_1.daysBetween)(rows[i - 1].date, rows[i].date);
        let step = stepFactors.get(gap);
        if (step === undefined) {
            step = perDay.pow(gap);
            stepFactors.set(gap, step);
        }
        factor = factor.times(step);
        const cf = rows[i].netCashFlow;`,
      `    const key = rate.toString() + "|" + schedule.firstMonthIndex;
    let memo = FACTORS.get(key);
    if (memo === undefined) {
        if (FACTORS.size >= 256) FACTORS.clear();
        memo = { perDay: rate.plus(1).ln().dividedBy(DAYS_PER_YEAR).negated().exp(), steps: new Map(), list: [new decimal_1.Decimal(1)] };
        FACTORS.set(key, memo);
    }
    for (let i = memo.list.length; i < rows.length; i++) {
        const gap = (0, dates_1.daysBetween)(rows[i - 1].date, rows[i].date);
        let step = memo.steps.get(gap);
        if (step === undefined) {
            step = memo.perDay.pow(gap);
            memo.steps.set(gap, step);
        }
        memo.list.push(memo.list[i - 1].times(step));
    }
    let total = rows[0].netCashFlow;
    for (let i = 1; i < rows.length; i++) {
        const factor = memo.list[i];
        const cf = rows[i].netCashFlow;`,
    ],
    [
      "const DAYS_PER_YEAR = new decimal_1.Decimal(365);",
      "const DAYS_PER_YEAR = new decimal_1.Decimal(365);\nconst FACTORS = new Map();",
    ],
  ],
});

/**
 * src/functions/resolve.ts `CACHE_LIMITS`: caches sized for a workbook of a
 * few thousand deals, so that a pass over every deal (a change that every
 * deal's cells read) finds each deal's schedule still there.
 */
export const CACHE_PATCHES = Object.freeze({
  "functions/resolve": [
    ["rawEntries: 512", "rawEntries: 4096"],
    ["dealEntries: 64", "dealEntries: 4096"],
    ["dealBytes: 64 * 1024 * 1024", "dealBytes: 1024 * 1024 * 1024"],
  ],
});

/** Several patch sets as one. */
export function mergePatches(...sets) {
  const out = {};
  for (const set of sets) for (const [name, edits] of Object.entries(set)) out[name] = [...(out[name] ?? []), ...edits];
  return out;
}
