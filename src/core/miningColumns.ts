/**
 * The mining comparison's hashprice and hashrate columns as doubles without
 * their 40-digit decimals (issue 19: on a new deal those decimals cost more
 * than the whole comparison's budget): each the double nearest the
 * reference's (`buildMiningScheduleReference`'s `Decimal.toNumber()`), or
 * undefined where the estimate cannot decide it (the caller then reads the
 * row's decimal). The functions' table (functions/miningCells.ts) only
 * lays these out; test/functions/miningCells.test.ts (these estimates and the
 * cells) and test/fuzz/mining.test.ts compare them with the reference over
 * random deals.
 * - the hashprice H × F_h × (1 + g)^(m/12), F_h = s + (1 − s) × 2^−h: its
 *   factors in double-double (relative error below 2^-102 a product),
 *   (1 + g)^(1/12) by one Newton step from Math.pow and certified by its
 *   residual (x^12 against 1 + g), its powers by repeated products; the
 *   reference is round40(H × F_h × G), G its 40-digit growth factor (a
 *   40-digit whole-years power times a 40-digit month root, each within a
 *   few units of the 40th digit): within 1e-36 of the exact value all told,
 *   generously. The double is taken when no midpoint between doubles lies
 *   within the estimate's bound plus that;
 * - the hashrate kW ÷ efficiency (round40 of a 100-digit quotient): a
 *   double-double quotient certified by its residual, the same way.
 * Error bounds are first order and doubled, as in miningFast.ts. The
 * double-double arithmetic is core/rateColumn.ts's, on scalars (no
 * object per product).
 */
import { Decimal } from "./decimal";
import type { MiningSchedule } from "./mining";

const P = 2 ** -100;
/** The reference's distance from the exact value, relative, generously (40-digit roundings, a rounded 1/12 exponent). */
const REFERENCE_REL = 1e-36;
/** Within this range no product or its low part is subnormal or infinite: the products' bounds hold. */
const inRange = (x: number): boolean => x > 2 ** -900 && x < 2 ** 900;

const SPLITTER = 134_217_729; // 2^27 + 1 (Dekker)

/** The result of the last `mul` / `twoProd` (scalars: no object per product). */
let outHi = 0;
let outLo = 0;

/** a × b = outHi + outLo exactly (Dekker; a, b and the product in range). */
function twoProd(a: number, b: number): void {
  const p = a * b;
  let c = SPLITTER * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLITTER * b;
  const bh = c - (c - b);
  const bl = b - bh;
  outHi = p;
  outLo = ah * bh - p + ah * bl + al * bh + al * bl;
}

/** (xh + xl) × (yh + yl) = outHi + outLo, relative error below 2^-102 (a wide margin over the textbook 7 × 2^-106). */
function mul(xh: number, xl: number, yh: number, yl: number): void {
  twoProd(xh, yh);
  const ph = outHi;
  const lo = outLo + (xh * yl + xl * yh);
  const hi = ph + lo;
  outHi = hi;
  outLo = lo - (hi - ph);
}

/**
 * A decimal as a double-double (outHi + outLo) within 2^-104 relative, or
 * false. When it is N / 10^d with N a safe integer and d ≤ 22 (10^d exact in
 * a double), by doubles alone; otherwise (a long decimal, such as a double's
 * 17 digits typed in a cell) hi is its nearest double and lo the rest, taken
 * from the exact decimal expansion of hi (toFixed(100) is exact for
 * 2^-48 ≤ |hi| < 10^21, whose expansions end within 100 decimals).
 */
function toDD(x: Decimal): boolean {
  const d = x.decimalPlaces();
  if (d <= 22) {
    const scale = 10 ** d;
    const n = d === 0 ? x.toNumber() : x.times(scale).toNumber();
    if (Number.isSafeInteger(n)) {
      const hi = n / scale; // correctly rounded
      // n − hi × scale exactly: the product as p + e (twoProd), and n − p exact (the two are within an ulp).
      twoProd(hi, scale);
      const r = n - outHi - outLo;
      outHi = hi;
      outLo = r / scale;
      return true;
    }
  }
  const hi = x.toNumber();
  const a = Math.abs(hi);
  if (!(a >= 2 ** -48 && a < 1e21)) return false;
  // The rest at 40 digits (a relative 5e-40 of itself): far within the bound.
  const Ctor = x.constructor as new (v: string) => Decimal;
  outLo = x.minus(new Ctor(hi.toFixed(100))).toNumber();
  outHi = hi;
  return true;
}

/** A double's bits (little-endian: word 1 holds the sign and exponent): the spacing without Math.log2 and 2 ** e. */
const F64 = new Float64Array(1);
const WORDS = new Uint32Array(F64.buffer);
F64[0] = 1;
const LITTLE_ENDIAN = WORDS[1] === 0x3ff00000;

/** The spacing of doubles above |h| (h normal), the slow way: for a big-endian host. */
function spacingAbove(h: number): number {
  const a = Math.abs(h);
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  return 2 ** (e - 52);
}

/**
 * The double nearest every value within `relBound` of hi + lo (normalized,
 * |hi| in (2^-900, 2^900)), or undefined when a midpoint between doubles is
 * that close. The spacing above hi is read from its exponent bits (~10×
 * faster than Math.log2 and 2 ** e); at a power of two the spacing below is
 * half of it, so the nearer midpoint is a quarter away (an integer hashprice
 * with no growth and no fee share is often one).
 */
function certain(hi: number, lo: number, relBound: number): number | undefined {
  let spacing: number;
  let powerOfTwo: boolean;
  if (LITTLE_ENDIAN) {
    F64[0] = hi;
    const high = WORDS[1];
    const exponent = (high >>> 20) & 0x7ff;
    powerOfTwo = (high & 0xfffff) === 0 && WORDS[0] === 0;
    WORDS[1] = (exponent - 52) << 20; // 2^(exponent − 1023 − 52): the spacing above hi (exponent > 52 in this range)
    WORDS[0] = 0;
    spacing = F64[0];
  } else {
    spacing = spacingAbove(hi);
    powerOfTwo = Math.abs(hi) === 2 ** Math.round(Math.log2(Math.abs(hi)));
  }
  const margin = spacing / (powerOfTwo ? 4 : 2) - Math.abs(lo);
  // The bound is doubled for the rounding of this test itself.
  return margin > 2 * relBound * Math.abs(hi) + 2 ** -1070 ? hi : undefined;
}

/** (x − y) / y in doubles, for x within a few ulps of y > 0: the high parts' difference is exact (Sterbenz). */
function residual(xh: number, xl: number, yh: number, yl: number): number {
  return (xh - yh + (xl - yl)) / yh;
}

/**
 * A bound on |x − y| / y: the residual computed is within 1% of its own size
 * (three roundings, y.hi for y) plus the rounding of x.lo − y.lo (u of it).
 */
function residualBound(xh: number, xl: number, yh: number, yl: number): number {
  return 1.01 * Math.abs(residual(xh, xl, yh, yl)) + (2 ** -52 * (Math.abs(xl) + Math.abs(yl))) / yh;
}

/** (xh + xl)^12 into outHi + outLo: 11 × 2^-102 first order (x2: 1, x4: 3, x8: 7, x12: 11). */
function pow12(xh: number, xl: number): void {
  mul(xh, xl, xh, xl);
  const x2h = outHi;
  const x2l = outLo;
  mul(x2h, x2l, x2h, x2l);
  const x4h = outHi;
  const x4l = outLo;
  mul(x4h, x4l, x4h, x4l);
  mul(outHi, outLo, x4h, x4l);
}

/** A month root and a bound on its relative error. */
interface Root {
  readonly hi: number;
  readonly lo: number;
  readonly err: number;
}

/**
 * (1 + g)^(1/12) in double-double and a bound on its relative error, from
 * the exact 1 + ĝ = bh + bl, or undefined. x^12 = (1 + ĝ)(1 + δ) means
 * x = (1 + ĝ)^(1/12) (1 + δ)^(1/12): within |δ| / 12 (first order) of the
 * root; δ is the residual computed (`residualBound`) plus the 11 products'
 * 11 × 2^-102.
 */
function monthRoot(bh: number, bl: number): Root | undefined {
  const x0 = Math.pow(bh, 1 / 12);
  if (!inRange(x0) || !inRange(bh)) return undefined;
  // Newton: x1 = x0 − x0 (x0^12 − b) / (12 x0^12): the correction as a double is enough (x0 is within ulps).
  pow12(x0, 0);
  const c = -(x0 * residual(outHi, outLo, bh, bl)) / 12;
  const hi = x0 + c;
  const lo = c - (hi - x0);
  pow12(hi, lo);
  const delta = residualBound(outHi, outLo, bh, bl) + 11 * 2 ** -102;
  const err = 2 * (delta / 12);
  return err < 2 ** -90 ? { hi, lo, err } : undefined;
}

/**
 * The hashprice of row m (halving count h) as the double nearest the
 * reference's, or undefined when the estimate cannot decide it; undefined
 * for every row when the terms are out of the estimate's range.
 */
export function fastHashprice(ms: MiningSchedule): ((m: number, h: number) => number | undefined) | undefined {
  const { hashprice, feeShare, hashpriceGrowth } = ms.mining;
  if (!toDD(hashprice) || !inRange(outHi)) return undefined;
  const Hh = outHi;
  const Hl = outLo;
  let sh = 0;
  let sl = 0;
  if (!feeShare.isZero()) {
    if (!toDD(feeShare)) return undefined;
    sh = outHi;
    sl = outLo;
  }
  // 1 + ĝ: the two-sum of 1 and ĝ's high part is exact, its low part's addition within 2^-104 of 1 + |ĝ|.
  let rootHi = 1;
  let rootLo = 0;
  let rootErr = 0;
  if (!hashpriceGrowth.isZero()) {
    if (!toDD(hashpriceGrowth)) return undefined;
    const gh = outHi;
    const sum = 1 + gh;
    const bb = sum - 1;
    const e = 1 - (sum - bb) + (gh - bb) + outLo;
    const bh = sum + e;
    const bl = e - (bh - sum);
    if (!(bh > 0)) return undefined;
    // ĝ within 2^-104 |g| of g, the sum within 2^-104 (1 + |g|): relative to 1 + g, and 1/12 of it at the root.
    const baseErr = ((2 * 2 ** -104 * (1 + Math.abs(gh))) / bh) * 1.01;
    const r = monthRoot(bh, bl);
    if (r === undefined) return undefined;
    rootHi = r.hi;
    rootLo = r.lo;
    rootErr = r.err + baseErr / 12;
  }
  // F_h = 2^−h + s (1 − 2^−h): 1 − 2^−h and 2^−h exact; ŝ (2^-104), a product, a sum: within 2^-100.
  // H × F_h, per halving count.
  const scaledHi: number[] = [];
  const scaledLo: number[] = [];
  const scale = (h: number): void => {
    const half = 2 ** -h;
    let fh = half;
    let fl = 0;
    if (sh !== 0) {
      // half + s × (1 − half), both >= 0: the two-sum of the high parts, the low parts added (2^-103).
      mul(sh, sl, 1 - half, 0);
      const s = half + outHi;
      const bb = s - half;
      const err = half - (s - bb) + (outHi - bb) + outLo;
      fh = s + err;
      fl = err - (fh - s);
    }
    mul(Hh, Hl, fh, fl);
    scaledHi[h] = outHi;
    scaledLo[h] = outLo;
  };
  // The powers G_m of the month root, made as far as asked (one product each, written out: this runs per row).
  const powHi = [1];
  const powLo = [0];
  let scaledAt = -1;
  let xh = 0;
  let xl = 0;
  return (m, h) => {
    if (h > 50) return undefined;
    for (let k = powHi.length; k <= m; k++) {
      const ah = powHi[k - 1];
      const al = powLo[k - 1];
      // mul(a, root), Dekker's product written out.
      const p = ah * rootHi;
      let c = SPLITTER * ah;
      const a1 = c - (c - ah);
      const a2 = ah - a1;
      c = SPLITTER * rootHi;
      const b1 = c - (c - rootHi);
      const b2 = rootHi - b1;
      const lo = a1 * b1 - p + a1 * b2 + a2 * b1 + a2 * b2 + (ah * rootLo + al * rootHi);
      const hi = p + lo;
      powHi.push(hi);
      powLo.push(lo - (hi - p));
    }
    const gh = powHi[m];
    const gl = powLo[m];
    if (!inRange(gh)) return undefined;
    if (h !== scaledAt) {
      if (scaledHi[h] === undefined) scale(h);
      xh = scaledHi[h];
      xl = scaledLo[h];
      scaledAt = h;
    }
    if (!inRange(xh)) return undefined;
    // mul(x, G), written out.
    const p = xh * gh;
    let c = SPLITTER * xh;
    const a1 = c - (c - xh);
    const a2 = xh - a1;
    c = SPLITTER * gh;
    const b1 = c - (c - gh);
    const b2 = gh - b1;
    const lo = a1 * b1 - p + a1 * b2 + a2 * b1 + a2 * b2 + (xh * gl + xl * gh);
    const hi = p + lo;
    if (!inRange(hi)) return undefined;
    // G: m roots and m − 1 products; H (2^-104), F (2^-100), two products: all first order, doubled.
    const bound = 2 * (m * rootErr + m * 2 ** -102 + 2 * P) + REFERENCE_REL;
    return certain(hi, lo - (hi - p), bound);
  };
}

/** The hashrate as the double nearest the reference's, or undefined when the estimate cannot decide it. */
export function fastHashrate(ms: MiningSchedule): number | undefined {
  const { sitePowerMW, uptime, efficiencyJPerTH } = ms.mining;
  if (!toDD(sitePowerMW) || !inRange(outHi)) return undefined;
  const mwh = outHi;
  const mwl = outLo;
  if (!toDD(uptime)) return undefined;
  const uh = outHi;
  const ul = outLo;
  if (!toDD(efficiencyJPerTH) || !inRange(outHi)) return undefined;
  const eh = outHi;
  const el = outLo;
  // kW: two inputs (2^-104 each), two products (× 1,000 is one): within 2^-100.
  mul(mwh, mwl, 1000, 0);
  mul(outHi, outLo, uh, ul);
  const kh = outHi;
  const kl = outLo;
  if (!inRange(kh)) return undefined;
  const q1 = kh / eh;
  if (!inRange(q1)) return undefined;
  mul(q1, 0, eh, el);
  const c = -(q1 * residual(outHi, outLo, kh, kl));
  const hi = q1 + c;
  const lo = c - (hi - q1);
  // q × eff = kW (1 + δ): q within |δ| of kW ÷ eff (first order); δ computed (`residualBound`) + the product's 2^-102.
  mul(hi, lo, eh, el);
  const delta = residualBound(outHi, outLo, kh, kl) + 2 ** -102;
  if (!(delta < 2 ** -90)) return undefined;
  const bound = 2 * (delta + P + 2 ** -104) + REFERENCE_REL;
  return certain(hi, lo, bound);
}
