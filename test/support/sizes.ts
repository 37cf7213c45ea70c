/**
 * A property's number of cases: its full size in `npm run test:full` (CI), a
 * fraction of it in `npm test`'s quick loop (HPC_QUICK_TESTS, set by
 * test/support/quick.js). For the properties whose full size is fixed in the
 * file (thousands of cheap cases) rather than read from FC_NUM_RUNS.
 */
export const QUICK = process.env.HPC_QUICK_TESTS === "1";

/** The quick loop runs a tenth of a fixed-size property. */
const QUICK_SHARE = 10;

/** `full` cases in test:full, a tenth of them (at least one) in the quick loop. */
export function sized(full: number): number {
  return QUICK ? Math.max(1, Math.ceil(full / QUICK_SHARE)) : full;
}

/**
 * A count a property asserts it reached ("more than k cases got through") at
 * its full size, scaled with `sized`. The thresholds are set well below what
 * the generators give, so the smaller run still clears them; where a tenth
 * would be too close to a small run's mean, the file gives its own `quick`.
 */
export function atLeast(countAtFullSize: number, quick = Math.floor(countAtFullSize / QUICK_SHARE)): number {
  return QUICK ? quick : countAtFullSize;
}
