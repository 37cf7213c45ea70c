/**
 * The host's returns on its capex (analysis.md §9): the IRR of the host cash
 * flows in Excel's XIRR convention and the payback month. Pure; money stays
 * decimal, and only the IRR's root search runs in binary floating point (a
 * rate, not money: it is tested to 1e-7, far above a double's error here).
 */
import { epochDay, type CalendarDate } from "./dates";
import { Decimal, ZERO } from "./decimal";
import { monthDayOffsets } from "./xnpv";

/** Why a deal has no IRR. */
export type NoIrr = "no-sign-change" | "no-root";

export type IrrResult = { readonly rate: Decimal } | { readonly rate: null; readonly reason: NoIrr };

/** The interval the root is looked for in: r in (−0.99, 100), as u = ln(1 + r). */
const U_LOW = Math.log(0.01);
const U_HIGH = Math.log(101);
/**
 * Grid over u for flows with several sign changes (several roots possible):
 * 4,000 steps of 0.0023 in ln(1 + r). Two roots closer than one step, with no
 * sign change of XNPV between the grid points, are not told apart.
 */
const GRID_STEPS = 4000;

interface Flows {
  readonly amounts: Float64Array;
  /** Years from the first flow's date: days / 365. */
  readonly years: Float64Array;
  /** Days from the first date, whole. */
  readonly days: Float64Array;
}

const U = 2 ** -53;
/** Below this a chained factor may lose relative precision (subnormals): the rest of the sum is bounded instead. */
const FLOOR = 2 ** -900;

/** The chained factors at u: the scale, each step's multiplier and every factor's error bound (in u). */
interface Chain {
  readonly top: number;
  readonly perDay: number;
  readonly s28: number;
  readonly s29: number;
  readonly s30: number;
  readonly s31: number;
  readonly factorError: number;
}

function chainAt(flows: Flows, u: number): Chain {
  const { years, days } = flows;
  const n = years.length;
  const top = u >= 0 ? 0 : -u * years[n - 1];
  // Walking away from the largest factor, each step multiplies by e^(−|u| × gap / 365) <= 1.
  const perDay = -Math.abs(u) / 365;
  // Every term's factor error, at most (in u): the direct sum's (its exponent's three roundings on
  // |u t| and |top|, and exp) plus the chain's (the first factor as the direct one, then per step an
  // exp of an argument off by two roundings, and a multiplication: 2|perDay × gap| + 9).
  const direct = 3 * Math.abs(u) * years[n - 1] + 3 * Math.abs(top) + 8;
  return {
    top,
    perDay,
    s28: Math.exp(perDay * 28),
    s29: Math.exp(perDay * 29),
    s30: Math.exp(perDay * 30),
    s31: Math.exp(perDay * 31),
    factorError: 2 * direct + 2 * Math.abs(perDay) * (days[n - 1] - days[0]) + 9 * n,
  };
}

/**
 * The sign of Σ a_i (1 + r)^(−t_i) at u = ln(1 + r), scaled by its largest
 * factor so nothing overflows: `xnpvSignDirect`'s sign, found faster. The
 * factors are chained from the largest (the first flow's for u >= 0, the
 * last's for u < 0), each the previous times e^(∓u × gap / 365), the month
 * gaps' steps made once: a multiplication where the direct sum pays an exp.
 * Both sums carry a proven error bound (in units of u = 2^−53, doubled for
 * second-order terms; Math.exp taken within 4 ulps, V8's fdlibm claims 1);
 * when the chained sum is further from zero than both bounds, the exact sum,
 * and so the direct one, has its sign. Otherwise the direct sum decides: the
 * IRR is the same double either way (test/core/returns.test.ts).
 */
function xnpvSign(flows: Flows, u: number): number {
  const { amounts, years, days } = flows;
  const n = amounts.length;
  const { top, factorError, s28, s29, s30, s31, perDay } = chainAt(flows, u);
  let sum = 0;
  let magnitude = 0;
  let rest = 0; // Σ |a| past the floor: each term there is below |a| × FLOOR in both sums
  if (u >= 0) {
    let f = Math.exp(-u * years[0]);
    let i = 0;
    for (; i < n; i++) {
      if (i > 0) {
        const g = days[i] - days[i - 1];
        f *= g === 30 ? s30 : g === 31 ? s31 : g === 28 ? s28 : g === 29 ? s29 : Math.exp(perDay * g);
      }
      if (f < FLOOR) break;
      const t = amounts[i] * f;
      sum += t;
      magnitude += Math.abs(t);
    }
    for (; i < n; i++) rest += Math.abs(amounts[i]);
  } else {
    let f = Math.exp(-u * years[n - 1] - top);
    let i = n - 1;
    for (; i >= 0; i--) {
      if (i < n - 1) {
        const g = days[i + 1] - days[i];
        f *= g === 30 ? s30 : g === 31 ? s31 : g === 28 ? s28 : g === 29 ? s29 : Math.exp(perDay * g);
      }
      if (f < FLOOR) break;
      const t = amounts[i] * f;
      sum += t;
      magnitude += Math.abs(t);
    }
    for (; i >= 0; i--) rest += Math.abs(amounts[i]);
  }
  // Both sums' roundings: n additions each (γ_n), one product per term each; doubled for second order.
  const total = 2 * (magnitude * (factorError + 2 * n + 4) * U + rest * FLOOR * 4);
  if (Math.abs(sum) > total && Number.isFinite(sum)) return Math.sign(sum);
  return xnpvSignDirect(flows, u);
}

/** The sign of the XNPV at u, each factor its own exp: the definition the root search follows. */
function xnpvSignDirect(flows: Flows, u: number): number {
  const { amounts, years } = flows;
  const last = years[years.length - 1];
  // The largest exponent −u·t: at t = 0 when u >= 0, at the last date when u < 0.
  const top = u >= 0 ? 0 : -u * last;
  let sum = 0;
  for (let i = 0; i < amounts.length; i++) sum += amounts[i] * Math.exp(-u * years[i] - top);
  return Math.sign(sum);
}

function bisect(flows: Flows, lo: number, hi: number, signLo: number): number {
  for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    const s = xnpvSign(flows, mid);
    if (s === 0) return mid;
    if (s === signLo) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Grid point k's u, as the grid search has always computed it. */
function gridU(k: number): number {
  return U_LOW + ((U_HIGH - U_LOW) * k) / GRID_STEPS;
}

/** Blocks of fewer grid steps than this are walked point by point (a certificate costs two sums). */
const MIN_BLOCK = 4;

/**
 * The positive and negative parts of the XNPV at u, P = Σ_{a>0} a e^(−u t)
 * and N = Σ_{a<0} |a| e^(−u t), both scaled by e^(−top) (top = max(0, −u ×
 * last), so that no factor passes 1), as bounds: `pLow` <= P e^(−top) and
 * `nHigh` >= N e^(−top). Chained factors as in `xnpvSign`, with its error
 * bound; the parts have no cancellation, so their relative error is that of
 * the factors plus n roundings of the sum, doubled.
 */
interface Parts {
  readonly top: number;
  readonly pLow: number;
  readonly nLow: number;
  readonly pHigh: number;
  readonly nHigh: number;
  /**
   * For `taylorSign`, with τ = t (u >= 0) or t_last − t (u < 0) and the
   * same scaled factors w: Σ a w (g0) and Σ a w τ (g1) with bounds on their
   * errors, and upper bounds on Σ |a| w (m0) and Σ |a| w τ² (s2).
   */
  readonly g0: number;
  readonly g1: number;
  readonly g0Error: number;
  readonly g1Error: number;
  readonly m0High: number;
  readonly s2High: number;
}

function partsAt(flows: Flows, u: number): Parts {
  const { amounts, years, days } = flows;
  const n = amounts.length;
  const { top, factorError, s28, s29, s30, s31, perDay } = chainAt(flows, u);
  let p = 0;
  let m = 0;
  let g1 = 0;
  let t1 = 0;
  let s2 = 0;
  const last = years[n - 1];
  let rest = 0; // Σ |a| past the floor: each such term is below |a| × FLOOR
  const forward = u >= 0;
  let f = forward ? Math.exp(-u * years[0]) : Math.exp(-u * years[n - 1] - top);
  let i = forward ? 0 : n - 1;
  for (let k = 0; k < n; k++, i += forward ? 1 : -1) {
    if (k > 0) {
      const g = forward ? days[i] - days[i - 1] : days[i + 1] - days[i];
      f *= g === 30 ? s30 : g === 31 ? s31 : g === 28 ? s28 : g === 29 ? s29 : Math.exp(perDay * g);
    }
    if (f < FLOOR) {
      for (; k < n; k++, i += forward ? 1 : -1) rest += Math.abs(amounts[i]);
      break;
    }
    const t = amounts[i] * f;
    if (t > 0) p += t;
    else m -= t;
    const tau = forward ? years[i] : last - years[i];
    const tt = t * tau;
    g1 += tt;
    t1 += Math.abs(tt);
    s2 += Math.abs(tt) * tau;
  }
  // Relative, for sums of terms of one sign (and per term of the signed ones): the factors', a product or
  // three, n additions; doubled. τ̂ is off from τ by at most 3u × last (the years' roundings, a subtraction).
  const rel = 2 * (factorError + n + 6) * U;
  const abs = rest * FLOOR * 2;
  const m0 = (p + m) * (1 + rel) + abs;
  const tauError = 3 * U * last;
  return {
    top,
    pLow: p * (1 - rel),
    nLow: m * (1 - rel),
    pHigh: p * (1 + rel) + abs,
    nHigh: m * (1 + rel) + abs,
    g0: p - m,
    g1,
    g0Error: rel * (p + m) + abs,
    g1Error: rel * t1 + tauError * m0 + abs * last,
    m0High: m0,
    s2High: s2 * (1 + rel) + (2 * last * tauError + tauError * tauError) * m0 + abs * last * last,
  };
}

/**
 * The sign every grid point of a block gets from `xnpvSign`, proven from a
 * second-order expansion at the block's end nearer u = 0 (its start for u >=
 * 0, its end for u < 0), else 0. There the scaled XNPV is G(δ) = Σ a w e^(−δτ)
 * with τ >= 0 and δ in [0, h] the distance from that end, since the scale
 * e^(−top) moves with u exactly so (top = 0, or −u × last); and
 * e^(−δτ) = 1 − δτ + R with 0 <= R <= (δτ)² / 2, so G(δ) lies within
 * δ² Σ|a| w τ² / 2 of G0 − δ G1: a concave bound, above a level on all of
 * [0, h] when it is at both ends. The direct sum at any u of the block is
 * within ε (Σ |a| w e^(−δτ)) <= ε m0 of G (`xnpvSign`'s bound), so σ = sign(G0)
 * is its sign where σ G − (errors) > ε m0.
 */
function taylorSign(parts: Parts, h: number, epsilon: number): number {
  const { g0, g1, g0Error, g1Error, m0High, s2High } = parts;
  const sigma = g0 > 0 ? 1 : g0 < 0 ? -1 : 0;
  if (sigma === 0) return 0;
  const level = epsilon * m0High * (1 + 2 ** -40);
  const hUp = h * (1 + 2 ** -50);
  const atStart = sigma * g0 - g0Error;
  const linear = sigma * (g0 - hUp * g1);
  const atEnd = linear - g0Error - hUp * g1Error - ((hUp * hUp) / 2) * s2High;
  // The check's own roundings: a few u of each magnitude it adds.
  const slack = 8 * U * (Math.abs(g0) + hUp * Math.abs(g1) + hUp * hUp * s2High + g0Error + hUp * g1Error);
  return atStart > level + slack && atEnd > level + slack ? sigma : 0;
}

/**
 * The sign every grid point in [ua, ub] gets from `xnpvSign` (the direct
 * sum's), when it can be proven, else 0: by `taylorSign` for a block on one
 * side of u = 0, else (or when that fails) from the parts at the ends. P and N
 * both fall as u grows (t >= 0), so on [ua, ub] the XNPV P − N is at least
 * P(ub) − N(ua) and at most P(ua) − N(ub); the direct sum at u is within
 * ε(u) (P + N) of it (`xnpvSign`'s bound for that sum, and its terms' underflow),
 * so it has the sign σ where σ(P − N) > ε (P + N), i.e. where the larger part
 * times (1 − ε) passes the smaller times (1 + ε), at both ends crossed.
 */
function blockSign(flows: Flows, a: Parts, b: Parts, ua: number, ub: number, epsilonExtra: number): number {
  const { years, amounts } = flows;
  const n = amounts.length;
  const uMax = Math.max(Math.abs(ua), Math.abs(ub));
  const epsilon = 2 * (6 * uMax * years[n - 1] + 8 + 2 * n + 4) * U + epsilonExtra;
  if (!(epsilon < 2 ** -20)) return 0;
  // A block on one side of u = 0: the expansion at its end nearer 0 (`taylorSign`), tight where the parts cancel.
  if (ua >= 0 || ub < 0) {
    const taylor = taylorSign(ua >= 0 ? a : b, ub - ua, epsilon);
    if (taylor !== 0) return taylor;
  }
  // a's parts are scaled by e^(−top_a), b's by e^(−top_b), top_a >= top_b: b's times e^(top_b − top_a) <= 1.
  const d = a.top - b.top;
  const lo = Math.exp(-d * (1 + 2 ** -50) - 2 ** -50) * (1 - 2 ** -50); // <= e^(top_b − top_a), d's rounding and exp's included
  const up = (1 + epsilon) * (1 + 2 ** -50);
  const down = (1 - epsilon) * (1 - 2 ** -50);
  // σ = +1: P(ub) (1 − ε) > N(ua) (1 + ε); in a's scale.
  if (b.pLow * lo * down > a.nHigh * up) return 1;
  // σ = −1: N(ub) (1 − ε) > P(ua) (1 + ε).
  if (b.nLow * lo * down > a.pHigh * up) return -1;
  return 0;
}

/**
 * The grid search over u for flows with several sign changes: the first
 * grid point whose sign differs from the last nonzero one before it, then
 * bisection between them. Blocks of grid points whose common sign is proven
 * (`blockSign`) are passed without evaluating each point: the same points
 * and signs as the walk point by point, so the same root.
 */
function gridRoot(flows: Flows): number | undefined {
  const { amounts } = flows;
  let maxAbs = 0;
  let minAbs = Infinity;
  for (let i = 0; i < amounts.length; i++) {
    const x = Math.abs(amounts[i]);
    if (x > maxAbs) maxAbs = x;
    if (x < minAbs) minAbs = x;
  }
  // The direct sum's terms below the normal range: each off by at most (|a| + 1) 2^−1073 absolutely, and the sum
  // holds a term of factor 1 (the first flow's for u >= 0, the last's below), so P + N >= minAbs in its scale.
  const underflow = (amounts.length * (maxAbs + 1) * 2 ** -1000) / minAbs;
  const parts = new Map<number, Parts>();
  const partsOf = (k: number): Parts => {
    let p = parts.get(k);
    if (p === undefined) {
      p = partsAt(flows, gridU(k));
      parts.set(k, p);
    }
    return p;
  };
  let uPrev = U_LOW;
  let sPrev = xnpvSign(flows, U_LOW);
  let root: number | undefined;
  const walk = (from: number, to: number): void => {
    if (root !== undefined) return;
    if (to - from >= MIN_BLOCK) {
      const s = blockSign(flows, partsOf(from), partsOf(to), gridU(from), gridU(to), underflow);
      if (s !== 0) {
        if (sPrev !== 0 && s !== sPrev) root = bisect(flows, uPrev, gridU(from), sPrev);
        else {
          uPrev = gridU(to);
          sPrev = s;
        }
        return;
      }
      const mid = (from + to) >> 1;
      walk(from, mid);
      walk(mid + 1, to);
      return;
    }
    for (let k = from; k <= to && root === undefined; k++) {
      const u = gridU(k);
      const s = xnpvSign(flows, u);
      if (s === 0) continue;
      if (sPrev !== 0 && s !== sPrev) root = bisect(flows, uPrev, u, sPrev);
      uPrev = u;
      sPrev = s;
    }
  };
  walk(1, GRID_STEPS);
  return root;
}

/**
 * The smallest annual rate r in (−0.99, 100) at which the XNPV of the flows
 * changes sign (a point where it only touches zero is not a root). Excel's
 * XIRR searches from a 10 % guess instead, and may find another root where
 * there are several.
 */
export function xirr(dates: readonly CalendarDate[], amounts: readonly Decimal[]): IrrResult {
  const start = epochDay(dates[0]);
  return irrResult(
    rootOf(
      amounts.length,
      (i) => (amounts[i].isZero() ? 0 : amounts[i].toNumber()),
      (i) => epochDay(dates[i]) - start,
    ),
  );
}

/**
 * `xirr` of flows in integer cents (a fast schedule's column): the same
 * result, since c / 100 is the double nearest the decimal c × 10^−2, as
 * Decimal.toNumber() gives it, and a flow is zero or negative as its cents are.
 */
export function xirrCents(dates: readonly CalendarDate[], cents: Float64Array): IrrResult {
  const start = epochDay(dates[0]);
  return irrResult(
    rootOf(
      cents.length,
      (i) => cents[i] / 100,
      (i) => epochDay(dates[i]) - start,
    ),
  );
}

/** An IRR as the 15 significant digits `xirr` makes its decimal of (no decimal made), or why there is none. */
export type IrrText =
  { readonly text: string; readonly reason: null } | { readonly text: null; readonly reason: NoIrr };

/**
 * `xirrCents` of monthly flows, month i's on the first day of month
 * `firstMonthIndex` + i (a schedule's rows), its rate as text: the same
 * search on the same days (counted from the first month, as the rows' dates
 * give them), without dates or a decimal.
 */
export function xirrMonthlyText(cents: Float64Array, firstMonthIndex: number): IrrText {
  let offsets: Float64Array | undefined;
  const root = rootOf(
    cents.length,
    (i) => cents[i] / 100,
    (i) => (offsets ??= monthDayOffsets(firstMonthIndex, cents.length))[i],
  );
  return typeof root === "string" ? { text: null, reason: root } : { text: rateText(root), reason: null };
}

/** 15 significant digits of the rate at u = ln(1 + r): what the double carries; the test tolerance is 1e-7. */
function rateText(root: number): string {
  return Math.expm1(root).toPrecision(15);
}

function irrResult(root: number | NoIrr): IrrResult {
  return typeof root === "string" ? { rate: null, reason: root } : { rate: new Decimal(rateText(root)) };
}

/**
 * The root u = ln(1 + r) of the flows' XNPV, or why there is none. `amountAt(i)`
 * is flow i in dollars, `dayAt(i)` its days from the first flow's date (read
 * only once the flows change sign).
 */
function rootOf(n: number, amountAt: (i: number) => number, dayAt: (i: number) => number): number | NoIrr {
  let signChanges = 0;
  let lastSign = 0;
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const a = amountAt(i);
    if (a === 0) continue;
    kept++;
    const s = a < 0 ? -1 : 1;
    if (lastSign !== 0 && s !== lastSign) signChanges++;
    lastSign = s;
  }
  if (signChanges === 0) return "no-sign-change";
  const amounts = new Float64Array(kept);
  const days = new Float64Array(kept);
  const years = new Float64Array(kept);
  for (let i = 0, k = 0; i < n; i++) {
    const a = amountAt(i);
    if (a === 0) continue;
    amounts[k] = a;
    days[k] = dayAt(i);
    years[k] = days[k] / 365;
    k++;
  }
  const flows: Flows = { amounts, years, days };

  let root: number | undefined;
  if (signChanges === 1) {
    // At most one root (Descartes' rule of signs holds for real exponents): bracket the whole interval.
    const sLo = xnpvSign(flows, U_LOW);
    const sHi = xnpvSign(flows, U_HIGH);
    if (sLo !== 0 && sHi !== 0 && sLo !== sHi) root = bisect(flows, U_LOW, U_HIGH, sLo);
  } else root = gridRoot(flows);
  return root === undefined ? "no-root" : root;
}

/** Words for a missing IRR, for every surface. */
export const NO_IRR_REASON: Readonly<Record<NoIrr, string>> = Object.freeze({
  "no-sign-change": "the host cash flows never change sign, so no rate makes their XNPV zero",
  "no-root": "no rate between -99 % and 10,000 % makes the XNPV of the host cash flows change sign",
});

/**
 * The first month from which the cumulative host cash flow is >= 0 in every
 * later month: the first row when it is never negative; null when the final
 * cumulative is negative.
 */
export function paybackMonth(dates: readonly CalendarDate[], flows: readonly Decimal[]): CalendarDate | null {
  let cumulative = ZERO;
  let lastNegative = -1;
  for (let i = 0; i < flows.length; i++) {
    if (!flows[i].isZero()) cumulative = cumulative.plus(flows[i]);
    if (cumulative.lessThan(0)) lastNegative = i;
  }
  if (lastNegative === flows.length - 1) return null;
  return dates[lastNegative + 1];
}
