/**
 * The host's returns on its capex (analysis.md §9): the IRR of the host cash
 * flows in Excel's XIRR convention and the payback month. Pure; money stays
 * decimal, and only the IRR's root search runs in binary floating point (a
 * rate, not money: it is tested to 1e-7, far above a double's error here).
 */
import { daysBetween, type CalendarDate } from "./dates";
import { Decimal, ZERO } from "./decimal";

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
}

/** The sign of Σ a_i (1 + r)^(−t_i) at u = ln(1 + r), scaled by its largest factor so nothing overflows. */
function xnpvSign(flows: Flows, u: number): number {
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

/**
 * The smallest annual rate r in (−0.99, 100) at which the XNPV of the flows
 * changes sign (a point where it only touches zero is not a root). Excel's
 * XIRR searches from a 10 % guess instead, and may find another root where
 * there are several.
 */
export function xirr(dates: readonly CalendarDate[], amounts: readonly Decimal[]): IrrResult {
  const keptAmounts: number[] = [];
  const keptYears: number[] = [];
  const start = dates[0];
  let signChanges = 0;
  let lastSign = 0;
  for (let i = 0; i < amounts.length; i++) {
    if (amounts[i].isZero()) continue;
    const s = amounts[i].isNegative() ? -1 : 1;
    if (lastSign !== 0 && s !== lastSign) signChanges++;
    lastSign = s;
    keptAmounts.push(amounts[i].toNumber());
    keptYears.push(daysBetween(start, dates[i]) / 365);
  }
  if (signChanges === 0) return { rate: null, reason: "no-sign-change" };
  const flows: Flows = { amounts: Float64Array.from(keptAmounts), years: Float64Array.from(keptYears) };

  let root: number | undefined;
  if (signChanges === 1) {
    // At most one root (Descartes' rule of signs holds for real exponents): bracket the whole interval.
    const sLo = xnpvSign(flows, U_LOW);
    const sHi = xnpvSign(flows, U_HIGH);
    if (sLo !== 0 && sHi !== 0 && sLo !== sHi) root = bisect(flows, U_LOW, U_HIGH, sLo);
  } else {
    let uPrev = U_LOW;
    let sPrev = xnpvSign(flows, U_LOW);
    for (let k = 1; k <= GRID_STEPS && root === undefined; k++) {
      const u = U_LOW + ((U_HIGH - U_LOW) * k) / GRID_STEPS;
      const s = xnpvSign(flows, u);
      if (s === 0) continue;
      if (sPrev !== 0 && s !== sPrev) root = bisect(flows, uPrev, u, sPrev);
      uPrev = u;
      sPrev = s;
    }
  }
  if (root === undefined) return { rate: null, reason: "no-root" };
  // 15 significant digits: what the double carries; the test tolerance is 1e-7.
  return { rate: new Decimal(Math.expm1(root).toPrecision(15)) };
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
