/**
 * XNPV to the cent at float speed (issue 19): Σ x_i (1 + r)^(−d_i / 365) in
 * binary floating point with a proven bound on its error, rounded to whole
 * cents only when the estimate is further than that bound from a half cent.
 * Otherwise undefined: the caller computes the 40-digit reference
 * (summary.ts's `npvReference`) and rounds that. The reference defines the
 * answer; the bound covers the estimate's distance to the exact XNPV plus
 * the reference's own (below 1e−25 relative), so a decided cent is the
 * reference's rounded cent in every case (test/fuzz/xnpv.test.ts checks it).
 *
 * The bound, first order, in units of u = 2^−53 (each count then doubled for
 * the second-order terms it leaves out):
 * - r̂ = r as a double: |r̂ − r| <= u|r|; L̂ = log1p(r̂) is within LOG1P_ULPS
 *   ulps (V8's fdlibm port claims < 1; we take 4) and moves by |r̂ − r| / (1 + r);
 * - ĉ = −L̂ / 365: one rounding; ê_i = d_i × ĉ: one rounding, so
 *   |ê_i − e_i| <= Δ_i = d_i × err(ĉ) + u|ê_i|;
 * - f̂_i = exp(ê_i): EXP_ULPS ulps (fdlibm < 1; we take 4), and e^Δ − 1 <= Δ(1 + 2^−19) for Δ <= 2^−20;
 * - t̂_i = x̂_i × f̂_i: one rounding, plus the flow's own error (0 for cents);
 * - the sum: each t̂_i = H_i + l_i exactly (H_i an integer, |l_i| <= 1/2, the
 *   difference exact since H_i is a multiple of t̂_i's ulp), the H_i summed
 *   exactly below 2^53, the l_i with a running bound of u|partial sum| per add.
 */
import { daysInMonth } from "./dates";
import { asCents, type Cents, type Decimal } from "./decimal";

const U = 2 ** -53;
/** Generous: V8's Math.log1p and Math.exp (fdlibm) are within 1 ulp; we allow 4. 1 ulp <= 2u relative. */
const LOG1P_ULPS = 4;
const EXP_ULPS = 4;
/** A bound on the reference's relative distance from the exact XNPV (40-digit ln, exp, powers and sums). */
export const REFERENCE_REL = 1e-25;
/** Below this, a factor or a product may be subnormal: its error is counted absolutely. */
export const TINY = 2 ** -1000;

/** d_i: days from the first day of month `firstMonth` to the first day of month firstMonth + i. */
export function monthDayOffsets(firstMonth: number, count: number): Float64Array {
  const out = new Float64Array(count);
  let year = Math.floor(firstMonth / 12);
  let month = firstMonth - year * 12 + 1;
  let d = 0;
  for (let i = 1; i < count; i++) {
    d += daysInMonth(year, month);
    if (++month > 12) {
      month = 1;
      year++;
    }
    out[i] = d;
  }
  return out;
}

/**
 * The XNPV of monthly flows from the first day of `firstMonth`, in whole
 * cents (half away from zero), or undefined when the float estimate cannot
 * decide the cent. `flows[i]` is month i's flow in cents; `flowUlps` bounds
 * its relative error in units of u (0 when the flows are exact integer
 * cents; 2 for a decimal's toNumber() × 100).
 */
export function certifiedXnpvCents(
  flows: ArrayLike<number>,
  flowUlps: number,
  firstMonth: number,
  rate: Decimal,
): Cents | undefined {
  const n = flows.length;
  if (n === 0) return asCents(0);
  const r = rate.toNumber();
  const onePlusR = 1 + r;
  if (!(onePlusR >= 2 ** -30) || !Number.isFinite(r)) return undefined;
  if (r !== 0 ? Math.abs(r) < 2 ** -1000 : !rate.isZero()) return undefined; // the conversion's error is relative
  const L = Math.log1p(r);
  // err(L̂) / u: the log's own error and the input's conversion, 1 + r̂ off from 1 + r by at most u|r| (<= 2^−30 of it).
  const errL = 2 * LOG1P_ULPS * Math.abs(L) + (1.01 * Math.abs(r)) / onePlusR;
  const c = -L / 365;
  const errC = errL / 365 + Math.abs(c); // in units of u
  // d_i as `monthDayOffsets` counts them, kept as the loop goes (no array).
  let year = Math.floor(firstMonth / 12);
  let month = firstMonth - year * 12 + 1;
  let day = 0;
  let sumH = 0;
  let sumL = 0;
  let sumErr = 0; // the l_i sum's rounding, in units of u
  let bound = 0; // the terms' error, absolute, in cents
  let magnitude = 0; // Σ |t̂_i|
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      day += daysInMonth(year, month);
      if (++month > 12) {
        month = 1;
        year++;
      }
    }
    const x = flows[i];
    if (x === 0) continue;
    const e = day * c;
    const delta = (day * errC + Math.abs(e)) * U;
    if (!(delta <= 2 ** -20)) return undefined;
    const f = i === 0 ? 1 : Math.exp(e);
    const t = x * f;
    if (!(Math.abs(t) < 2 ** 52)) return undefined;
    const rho = i === 0 ? 0 : delta * (1 + 2 ** -19) + 2 * EXP_ULPS * U;
    const at = Math.abs(t);
    bound += at * (rho + (flowUlps + 1) * U) + (Math.abs(x) + 1) * TINY;
    magnitude += at;
    const h = Math.round(t);
    sumH += h;
    if (!(Math.abs(sumH) <= 2 ** 53 - 2 ** 12)) return undefined;
    sumL += t - h; // t − h exact (see above)
    sumErr += Math.abs(sumL);
  }
  const k = Math.floor(sumL);
  const whole = sumH + k; // exact: integers, |sumL| <= n/2
  const frac = sumL - k; // in [0, 1], within u of exact
  const total = 2 * (bound + (sumErr + 1 + Math.abs(sumL)) * U + magnitude * REFERENCE_REL);
  if (!(total < 0.25) || !(Math.abs(whole) < 2 ** 52)) return undefined;
  if (Math.abs(frac - 0.5) <= total) return undefined;
  const cents = frac > 0.5 ? whole + 1 : whole;
  return asCents(cents === 0 ? 0 : cents); // no −0
}
