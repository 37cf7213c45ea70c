// Proposed changes to src that have NOT landed, as edits of the transpiled text
// of the node build (scripts/bench-node-build.mjs `patches`), so that the
// benchmarks can measure them side by side with the code as it is, without
// touching src. Each is written up, with its measured effect, in
// docs/benchmarks.md's notes. A patch that no longer applies (src changed, or
// the proposal landed) is reported by the benchmark instead of a figure; it
// never stops the run.
//
// Landed, so no longer here (the benchmark measures the real code): the
// schedule's fee per tranche-year and credits stopped once recouped
// (src/core/schedule.ts), XNPV discount factors kept per rate and first month
// (src/core/summary.ts), and no copy per cached HOSTINGCASHFLOW call in Excel
// (src/functions).

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

/** One line per patch that did not apply (`buildForNode(...).unapplied`). */
export function describeUnapplied(unapplied) {
  return unapplied.map((u) => `${u.module}: \`${u.from}\``).join("; ");
}
