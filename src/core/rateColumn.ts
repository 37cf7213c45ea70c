/**
 * The spilled schedule's Billed MW and Rate columns as numbers without the
 * 40-digit reference per fee state (issue 19: on a new deal the fee states'
 * decimals cost more than the whole schedule in cents).
 *
 * The reference (core/schedule.ts `feeState`) computes a state's rate as
 * Σ mw × R / Σ mw, exactly but for the final division at 40 digits, where R
 * = rate × (1 + escalator)^y × (1 + renewalRateStep)^n of each billing
 * tranche (the powers carried at 80 digits). When every billing tranche is
 * at the same (y, n), the exact quotient is R itself, and the cell is the
 * double nearest round40(R). Here R is estimated in double-double
 * arithmetic (about 106 bits) with a proven error bound, and its nearest
 * double is taken only when the estimate is further from the midpoint
 * between two doubles than that bound plus the reference's own roundings
 * (5e-40 relative for the 40-digit division, 5e-80 per step of the 80-digit
 * powers): then R, round40(R) and the estimate all round to the same
 * double. Otherwise (tranches at different years, a midpoint too close, a
 * rate too long for a double's integer range) the row's own decimal is
 * read, as before. test/core/rateColumn.test.ts compares every cell
 * with `Decimal.toNumber()` of the reference's, over random deals.
 */
import { monthIndex } from "./dates";
import type { Decimal } from "./decimal";
import { billingMonths, type Terms } from "./terms";

/** A double-double: the unevaluated sum hi + lo, |lo| ≤ ulp(hi) / 2. */
export interface DD {
  readonly hi: number;
  readonly lo: number;
}

const SPLITTER = 134_217_729; // 2^27 + 1 (Dekker)

function twoProd(a: number, b: number): DD {
  const p = a * b;
  let c = SPLITTER * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLITTER * b;
  const bh = c - (c - b);
  const bl = b - bh;
  return { hi: p, lo: ah * bh - p + ah * bl + al * bh + al * bl };
}

/** x × y, relative error below 2^-102 (with a wide margin over the textbook 7 × 2^-106). */
export function mul(x: DD, y: DD): DD {
  const p = twoProd(x.hi, y.hi);
  const lo = p.lo + (x.hi * y.lo + x.lo * y.hi);
  const hi = p.hi + lo;
  return { hi, lo: lo - (hi - p.hi) };
}

/**
 * A decimal as a double-double within 2^-104 relative. When it is N / 10^d
 * with N a safe integer and d ≤ 22 (10^d exact in a double), by doubles
 * alone; otherwise (a long decimal, such as a double's 17 digits typed in a
 * cell) hi is its nearest double and lo the rest, taken from the exact
 * decimal expansion of hi (toFixed(100) is exact for 2^-48 ≤ |hi| < 10^21,
 * whose expansions end within 100 decimals); undefined outside that range.
 */
export function toDD(x: Decimal): DD | undefined {
  const d = x.decimalPlaces();
  if (d <= 22) {
    const scale = 10 ** d;
    const n = x.times(scale).toNumber();
    if (Number.isSafeInteger(n)) {
      const hi = n / scale; // correctly rounded
      // n − hi × scale exactly: the product as p + e (twoProd), and n − p exact (the two are within an ulp).
      const p = twoProd(hi, scale);
      const r = n - p.hi - p.lo;
      return { hi, lo: r / scale };
    }
  }
  const hi = x.toNumber();
  const a = Math.abs(hi);
  if (!(a >= 2 ** -48 && a < 1e21)) return undefined;
  // The rest at 40 digits (a relative 5e-40 of itself): far within the bound.
  const Ctor = x.constructor as new (v: string) => Decimal;
  return { hi, lo: x.minus(new Ctor(hi.toFixed(100))).toNumber() };
}

const ONE: DD = { hi: 1, lo: 0 };

/** The exponent of the spacing of doubles at |x| (x normal, not a power of two). */
function ulp(x: number): number {
  const a = Math.abs(x);
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  return 2 ** (e - 52);
}

/**
 * The double nearest every value within `relBound` of r (as a fraction of
 * |r|), or undefined when a midpoint between doubles is that close.
 */
export function certainDouble(r: DD, relBound: number): number | undefined {
  const h = r.hi;
  if (!(Math.abs(h) > 2 ** -1000 && Math.abs(h) < 2 ** 1000)) return undefined;
  const u = ulp(h);
  if (Math.abs(h) === 2 ** Math.round(Math.log2(Math.abs(h)))) return undefined; // spacing changes at h
  const margin = u / 2 - Math.abs(r.lo);
  // hi + lo is normalized (|lo| ≤ u / 2); the bound is doubled for the rounding of this test itself.
  return margin > 2 * relBound * Math.abs(h) + 2 ** -1070 ? h : undefined;
}

const U = 2 ** -100;

/**
 * The double nearest Σ mw (the reference's `new Decimal(Σ mw).toNumber()`,
 * the sum exact): one tranche's own; several as integers at a common scale,
 * whose sum below 2^53 is exact and whose quotient by 10^d is correctly
 * rounded; undefined otherwise.
 */
function billedMW(mws: readonly Decimal[]): number | undefined {
  if (mws.length === 1) return mws[0].toNumber();
  const d = Math.max(...mws.map((x) => x.decimalPlaces()));
  if (d > 22) return undefined;
  const scale = 10 ** d;
  let sum = 0;
  for (const x of mws) {
    const n = x.times(scale).toNumber();
    if (!Number.isSafeInteger(n)) return undefined;
    sum += n;
  }
  return Number.isSafeInteger(sum) ? sum / scale : undefined;
}

/**
 * A function from a row's month index to its [billed MW, rate] cells, when
 * the rate of that month is certain by the fast path; undefined for a month
 * it does not decide (then the caller reads the row's decimals).
 */
export function fastRateColumn(terms: Terms): ((m: number) => readonly [number, number] | undefined) | undefined {
  const rate = toDD(terms.ratePerKWMonth);
  const g0 = toDD(terms.escalator);
  const s0 = toDD(terms.renewalRateStep);
  // Billing tranches are told apart by a bit each.
  if (!rate || !g0 || !s0 || terms.tranches.length > 30) return undefined;
  // 1 + e in double-double: exact (two-sum of 1 and hi, then lo added; renormalized).
  const plusOne = (x: DD): DD => {
    const s = 1 + x.hi;
    const bb = s - 1;
    const err = 1 - (s - bb) + (x.hi - bb) + x.lo;
    const hi = s + err;
    return { hi, lo: err - (hi - s) };
  };
  const g = plusOne(g0);
  const s = plusOne(s0);
  const months = billingMonths(terms);
  const starts = terms.tranches.map((t) => monthIndex(t.date));
  const { termMonths, renewalMonths } = terms;
  const gPow: DD[] = [ONE];
  const sPow: DD[] = [ONE];
  const mwCells = new Map<number, number | null>();
  const rates = new Map<number, number | null>();
  return (m: number) => {
    let year = -1;
    let renewals = -1;
    let which = 0;
    for (let i = 0; i < starts.length; i++) {
      const k = m - starts[i];
      if (k < 0 || k >= months) continue;
      const y = Math.floor(k / 12);
      const n = k < termMonths ? 0 : 1 + Math.floor((k - termMonths) / renewalMonths);
      if (year === -1) {
        year = y;
        renewals = n;
      } else if (y !== year || n !== renewals) return undefined;
      which |= 1 << i;
    }
    if (year === -1) return [0, 0]; // nothing bills: both columns are the reference's ZERO
    let mw = mwCells.get(which);
    if (mw === undefined) {
      mw = billedMW(terms.tranches.filter((_, i) => (which & (1 << i)) !== 0).map((t) => t.mw)) ?? null;
      mwCells.set(which, mw);
    }
    if (mw === null) return undefined;
    const key = year * 4096 + renewals;
    let r = rates.get(key);
    if (r === undefined) {
      while (gPow.length <= year) gPow.push(mul(gPow[gPow.length - 1], g));
      while (sPow.length <= renewals) sPow.push(mul(sPow[sPow.length - 1], s));
      const estimate = mul(mul(rate, gPow[year]), sPow[renewals]);
      // Estimate: 3 inputs at 2^-104 each, year + renewals + 2 products at 2^-102 each (< 2^-100 all
      // told per step); the reference: 5e-80 per step of its 80-digit powers, 5e-40 for its division.
      const bound = (year + renewals + 6) * U + (year + renewals + 2) * 5e-80 + 5e-40;
      r = certainDouble(estimate, bound) ?? null;
      rates.set(key, r);
    }
    return r === null ? undefined : [mw, r];
  };
}
