/**
 * The summary's contract value and average annual revenue from a fast
 * schedule's integer cents, for callers that keep cents and not decimals
 * (the functions' per-deal figures). Proven equal to `summaryBase`'s by
 * test/functions/summary.test.ts, exact half cents included.
 */
import type { Schedule } from "./schedule";

/** A fast schedule's money columns in integer cents. */
type ScheduleCents = NonNullable<Schedule["cents"]>;

/** A sum of cents, or undefined when a partial sum could pass 2^53 (the core's centsSum, as a number). */
export function centsTotal(column: Float64Array): number | undefined {
  let sum = 0;
  for (let i = 0; i < column.length; i++) {
    sum += column[i];
    if (!(Math.abs(sum) <= Number.MAX_SAFE_INTEGER)) return undefined;
  }
  return sum;
}

/**
 * Contract value and annual revenue (dollars) and whether there is capex,
 * from a fast schedule's cents in integers, as `summaryBase` gives them:
 * Σ gross fees C (exact below 2^53), C / 100 (the double nearest the decimal,
 * as toNumber gives it), and the revenue ROUND(C × 12 / months / 100, 2) as
 * the integer quotient of 12C by the months rounded half away from zero (the
 * core's 40-digit quotient rounds to the same cent: a quotient that is not a
 * half cent is at least 1 / (24 C) away from one, relatively). Undefined past
 * 2^53, for the decimals to decide.
 */
export function revenueFiguresOfCents(sc: ScheduleCents, months: number): [number, number, boolean] | undefined {
  const c = centsTotal(sc.grossFee);
  const capex = centsTotal(sc.capex);
  if (c === undefined || capex === undefined) return undefined;
  const revenue = annualRevenueCents(c, months);
  return revenue === undefined ? undefined : [c / 100, revenue / 100, capex !== 0];
}

/**
 * The average annual revenue in whole cents, ROUND(C × 12 / months, 0) half
 * away from zero, of a contract value of C cents (exact: integers), as the
 * summary's 40-digit quotient rounds it (see `revenueFiguresOfCents`); undefined
 * when 12C passes 2^53. Never −0.
 */
export function annualRevenueCents(c: number, months: number): number | undefined {
  if (!(Math.abs(12 * c) <= Number.MAX_SAFE_INTEGER)) return undefined;
  const n = Math.abs(12 * c);
  const r = n % months;
  let q = (n - r) / months;
  if (2 * r >= months) q += 1;
  const revenue = c < 0 ? -q : q;
  return revenue === 0 ? 0 : revenue;
}
