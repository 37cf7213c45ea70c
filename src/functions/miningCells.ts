/**
 * The spilled mining comparison's cells as numbers without the 40-digit
 * hashprice and hashrate columns (issue 19: on a new deal those decimals, and
 * a Decimal per money cell, cost ~1 ms; the budget is 100 µs). Every cell is
 * `Decimal.toNumber()` of the reference's (test/functions/miningCells.test.ts
 * and test/fuzz/mining.test.ts compare them over random deals):
 * - the money lines: the float path's integer cents c (certified in
 *   core/miningFast.ts) as c / 100, one correctly rounded division, the
 *   double nearest `${c}e-2`; a zero reads the row's decimal (its sign);
 * - the hashprice H × F_h × (1 + g)^(m/12), F_h = s + (1 − s) × 2^−h: its
 *   factors in double-double (rateColumn.ts's arithmetic, relative error
 *   below 2^-102 a product), (1 + g)^(1/12) by one Newton step from
 *   Math.pow and certified by its residual (x^12 against 1 + g), its powers
 *   by repeated products; the reference is round40(H × F_h × G), G its
 *   40-digit growth factor (a 40-digit whole-years power times a 40-digit
 *   month root, each within a few units of the 40th digit): within 1e-36 of
 *   the exact value all told, generously. The double is taken when no
 *   midpoint between doubles lies within the estimate's bound plus that;
 *   otherwise the row's decimal is read, as before;
 * - the hashrate kW ÷ efficiency (round40 of a 100-digit quotient): a
 *   double-double quotient certified by its residual, the same way.
 * Error bounds are first order and doubled, as in core/miningFast.ts.
 */
import { MINING_COLUMNS, daysInMonth, monthIndex, toExcelSerial, type MiningSchedule } from "../core";
import type { Cell } from "./deal";
import { certainDouble, mul, toDD, type DD } from "./rateColumn";

const P = 2 ** -100;
/** The reference's distance from the exact value, relative, generously (40-digit roundings, a rounded 1/12 exponent). */
const REFERENCE_REL = 1e-36;
/** Within this range no product or its low part is subnormal or infinite: the products' bounds hold. */
const inRange = (x: number): boolean => x > 2 ** -900 && x < 2 ** 900;

/** A double's bits (little-endian: word 1 holds the sign and exponent): the spacing without Math.log2 and 2 ** e. */
const F64 = new Float64Array(1);
const WORDS = new Uint32Array(F64.buffer);
F64[0] = 1;
const LITTLE_ENDIAN = WORDS[1] === 0x3ff00000;

/**
 * rateColumn.ts's `certainDouble` for r.hi in (2^-900, 2^900), r normalized:
 * the double nearest every value within `relBound` of r, or undefined when a
 * midpoint between doubles is that close. The spacing u above r.hi is read
 * from its exponent bits (~10× faster than Math.log2 and 2 ** e); at a power
 * of two the spacing below is u / 2, so the nearer midpoint is u / 4 away
 * (an integer hashprice with no growth and no fee share is often one).
 */
function certain(r: DD, relBound: number): number | undefined {
  if (!LITTLE_ENDIAN) return certainDouble(r, relBound);
  const h = r.hi;
  F64[0] = h;
  const high = WORDS[1];
  const exponent = (high >>> 20) & 0x7ff;
  const powerOfTwo = (high & 0xfffff) === 0 && WORDS[0] === 0;
  WORDS[1] = (exponent - 52) << 20; // 2^(exponent − 1023 − 52): the spacing above h (exponent > 52 in this range)
  WORDS[0] = 0;
  const margin = F64[0] / (powerOfTwo ? 4 : 2) - Math.abs(r.lo);
  return margin > 2 * relBound * Math.abs(h) + 2 ** -1070 ? h : undefined;
}

/** a + b for a, b >= 0: relative error within 2^-103 (a two-sum of the high parts, the low parts added). */
function addPositive(a: DD, b: DD): DD {
  const s = a.hi + b.hi;
  const bb = s - a.hi;
  const err = a.hi - (s - bb) + (b.hi - bb) + a.lo + b.lo;
  const hi = s + err;
  return { hi, lo: err - (hi - s) };
}

/** (x − y) / y in doubles, for x within a few ulps of y > 0: the high parts' difference is exact (Sterbenz). */
function residual(x: DD, y: DD): number {
  return (x.hi - y.hi + (x.lo - y.lo)) / y.hi;
}

/**
 * A bound on |x − y| / y: the residual computed is within 1% of its own size
 * (three roundings, y.hi for y) plus the rounding of x.lo − y.lo (u of it).
 */
function residualBound(x: DD, y: DD): number {
  return 1.01 * Math.abs(residual(x, y)) + (2 ** -52 * (Math.abs(x.lo) + Math.abs(y.lo))) / y.hi;
}

/**
 * (1 + g)^(1/12) in double-double and a bound on its relative error, from
 * the exact 1 + ĝ, or undefined. x^12 = (1 + ĝ)(1 + δ) means x = (1 + ĝ)^(1/12)
 * (1 + δ)^(1/12): within |δ| / 12 (first order) of the root; δ is the
 * residual computed (`residualBound`) plus the 11 products' 11 × 2^-102.
 */
function monthRoot(b: DD): { readonly root: DD; readonly err: number } | undefined {
  const x0 = Math.pow(b.hi, 1 / 12);
  if (!inRange(x0) || !inRange(b.hi)) return undefined;
  const pow12 = (x: DD): DD => {
    const x2 = mul(x, x);
    const x4 = mul(x2, x2);
    return mul(mul(x4, x4), x4); // 11 × 2^-102 first order (x2: 1, x4: 3, x8: 7, x12: 11)
  };
  // Newton: x1 = x0 − x0 (x0^12 − b) / (12 x0^12): the correction as a double is enough (x0 is within ulps).
  const c = -(x0 * residual(pow12({ hi: x0, lo: 0 }), b)) / 12;
  const hi = x0 + c;
  const root = { hi, lo: c - (hi - x0) };
  const delta = residualBound(pow12(root), b) + 11 * 2 ** -102;
  const err = 2 * (delta / 12);
  return err < 2 ** -90 ? { root, err } : undefined;
}

/**
 * The hashprice of row m (halving count h) as the double nearest the
 * reference's, or undefined when the estimate cannot decide it (exported for tests).
 */
export function fastHashprice(ms: MiningSchedule): ((m: number, h: number) => number | undefined) | undefined {
  const { hashprice, feeShare, hashpriceGrowth } = ms.mining;
  const H = toDD(hashprice);
  const s = toDD(feeShare);
  const g = toDD(hashpriceGrowth);
  if (H === undefined || (s === undefined && !feeShare.isZero()) || !inRange(H.hi)) return undefined;
  if (g === undefined && !hashpriceGrowth.isZero()) return undefined;
  // 1 + ĝ: the two-sum of 1 and ĝ's high part is exact, its low part's addition within 2^-104 of 1 + |ĝ|.
  let root: DD = { hi: 1, lo: 0 };
  let rootErr = 0;
  if (g !== undefined && !hashpriceGrowth.isZero()) {
    const sum = 1 + g.hi;
    const bb = sum - 1;
    const e = 1 - (sum - bb) + (g.hi - bb) + g.lo;
    const hi = sum + e;
    const b = { hi, lo: e - (hi - sum) };
    if (!(b.hi > 0)) return undefined;
    // ĝ within 2^-104 |g| of g, the sum within 2^-104 (1 + |g|): relative to 1 + g, and 1/12 of it at the root.
    const baseErr = ((2 * 2 ** -104 * (1 + Math.abs(g.hi))) / b.hi) * 1.01;
    const r = monthRoot(b);
    if (r === undefined) return undefined;
    root = r.root;
    rootErr = r.err + baseErr / 12;
  }
  // F_h = 2^−h + s (1 − 2^−h): 1 − 2^−h and 2^−h exact; ŝ (2^-104), a product, a sum: within 2^-100.
  // H × F_h, per halving count.
  const scaled: DD[] = [];
  const scaledOf = (h: number): DD => {
    let x = scaled[h];
    if (x === undefined) {
      const half = 2 ** -h;
      const F =
        s === undefined || s.hi === 0
          ? { hi: half, lo: 0 }
          : addPositive({ hi: half, lo: 0 }, mul(s, { hi: 1 - half, lo: 0 }));
      x = scaled[h] = mul(H, F);
    }
    return x;
  };
  const powers: DD[] = [{ hi: 1, lo: 0 }];
  return (m, h) => {
    if (h > 50) return undefined;
    while (powers.length <= m) powers.push(mul(powers[powers.length - 1], root));
    const G = powers[m];
    if (!inRange(G.hi)) return undefined;
    const HF = scaledOf(h);
    if (!inRange(HF.hi)) return undefined;
    const estimate = mul(HF, G);
    if (!inRange(estimate.hi)) return undefined;
    // G: m roots and m − 1 products; H (2^-104), F (2^-100), two products: all first order, doubled.
    const bound = 2 * (m * rootErr + m * 2 ** -102 + 2 * P) + REFERENCE_REL;
    return certain(estimate, bound);
  };
}

/** The hashrate as the double nearest the reference's, or undefined when the estimate cannot decide it (exported for tests). */
export function fastHashrate(ms: MiningSchedule): number | undefined {
  const { sitePowerMW, uptime, efficiencyJPerTH } = ms.mining;
  const mw = toDD(sitePowerMW);
  const up = toDD(uptime);
  const eff = toDD(efficiencyJPerTH);
  if (mw === undefined || up === undefined || eff === undefined || !inRange(eff.hi) || !inRange(mw.hi))
    return undefined;
  // kW: two inputs (2^-104 each), two products (× 1,000 is one): within 2^-100.
  const kW = mul(mul(mw, { hi: 1000, lo: 0 }), up);
  if (!inRange(kW.hi)) return undefined;
  const q1 = kW.hi / eff.hi;
  if (!inRange(q1)) return undefined;
  const c = -(q1 * residual(mul({ hi: q1, lo: 0 }, eff), kW));
  const hi = q1 + c;
  const q = { hi, lo: c - (hi - q1) };
  // q × eff = kW (1 + δ): q within |δ| of kW ÷ eff (first order); δ computed (`residualBound`) + the product's 2^-102.
  const delta = residualBound(mul(q, eff), kW) + 2 ** -102;
  if (!(delta < 2 ** -90)) return undefined;
  const bound = 2 * (delta + P + 2 ** -104) + REFERENCE_REL;
  return certain(q, bound);
}

const KEYS = MINING_COLUMNS.map((c) => c.key);

/**
 * A money cell from the float path's integer cents: c / 100 (one correctly
 * rounded division: the double nearest `${c}e-2`, as `centsDecimal(c).toNumber()`);
 * undefined for a zero (the decimal says its sign) or past 2^53.
 */
const centsCell = (c: number): number | undefined => (c !== 0 && Number.isSafeInteger(c) ? c / 100 : undefined);

/**
 * The date cells: the first row's serial, then a month's days at a time
 * (the rows are consecutive months from their first day); undefined when the
 * first row is not a 1st or falls before 1900-03-01 (Excel's phantom 1900-02-29).
 */
function serials(ms: MiningSchedule, n: number): number[] | undefined {
  if (n === 0) return [];
  const first = ms.rows[0].date;
  const s0 = toExcelSerial(first);
  if (first.day !== 1 || s0 < 61 || monthIndex(first) !== ms.firstMonthIndex) return undefined;
  const out = [s0];
  let year = first.year;
  let month = first.month;
  for (let i = 1; i < n; i++) {
    out.push(out[i - 1] + daysInMonth(year, month));
    if (++month > 12) {
      month = 1;
      year++;
    }
  }
  return out;
}

/**
 * The data rows of a mining schedule's table (no header), each cell
 * `Decimal.toNumber()` of its field (the date as its Excel serial), from the
 * float path's figures where they decide it; undefined without a float path.
 */
export function fastMiningCells(ms: MiningSchedule): Cell[][] | undefined {
  const fast = ms.fast;
  if (fast === undefined) return undefined;
  const rows = ms.rows;
  const n = rows.length;
  const dates = serials(ms, n);
  if (dates === undefined) return undefined;
  const hashpriceOf = fastHashprice(ms);
  let hashrate: number | undefined;
  const hashrateOf = (i: number): number => (hashrate ??= fastHashrate(ms) ?? rows[i].hashrate.toNumber());
  const out: Cell[][] = [];
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    out.push(
      KEYS.map((key): Cell => {
        switch (key) {
          case "date":
            return dates[i];
          case "hashprice":
            return hashpriceOf?.(i, r.halvings) ?? r.hashprice.toNumber();
          case "hashrate":
            return hashrateOf(i);
          case "miningRevenue":
            return centsCell(fast.revenue[i]) ?? r.miningRevenue.toNumber();
          case "powerCost":
            return centsCell(fast.powerCost[i]) ?? r.powerCost.toNumber();
          case "miningOpex":
            return centsCell(fast.miningOpex) ?? r.miningOpex.toNumber();
          case "miningMargin":
            return centsCell(fast.margin[i]) ?? r.miningMargin.toNumber();
          case "hostingCashFlow":
            return centsCell(fast.hostingCashFlow[i]) ?? r.hostingCashFlow.toNumber();
        }
      }),
    );
  }
  return out;
}
