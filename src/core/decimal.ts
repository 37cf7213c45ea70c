import DecimalBase from "decimal.js";

/** A decimal.js constructor of the given precision, rounding half away from zero (Excel's ROUND). */
function decimalOf(precision: number, expLimit: number) {
  return DecimalBase.clone({ precision, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -expLimit, toExpPos: expLimit });
}

/**
 * The one Decimal constructor of the product. The spec asks for at least 34
 * significant digits so that escalated rates are exact before they are
 * rounded to cents; 40 leaves headroom for long escalation chains.
 * ROUND_HALF_UP in decimal.js is "half away from zero", as Excel's ROUND.
 */
export const Decimal = decimalOf(40, 40);
export type Decimal = InstanceType<typeof Decimal>;

/**
 * Exact arithmetic for sums and products only (never division): decimal.js
 * computes a product or sum exactly and then rounds it to `precision`, so at
 * the maximum precision nothing is rounded. Used where the spec says
 * "computed exactly, then rounded": fees of escalated rates, opex, the sum
 * of the tranches. Inputs are capped at 20 significant digits, so the digits
 * grow only with escalation years, and stay bounded by the term limit.
 */
export const Exact = decimalOf(1e9, 40);
export type Exact = InstanceType<typeof Exact>;

/**
 * The escalation chain rate × (1 + e)^y: exact while its digits fit in 80
 * significant digits (about three years of a 20-digit escalator, decades of
 * a typical one such as 0.03), rounded at the 80th digit after that — far
 * beyond the spec's 34 and far below a cent. Unbounded exactness here would
 * let one escalator with many digits cost seconds over a long term.
 */
export const Escalation = decimalOf(80, 80);

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);

/** Rounds to cents, half away from zero (Excel's ROUND(x, 2)). */
export function round2(x: Decimal): Money {
  return x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP) as Money;
}

/** Rounds an exact value to cents and returns it as the product's Decimal. */
export function exactRound2(x: Exact): Money {
  return new Decimal(x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)) as Money;
}

/** A money amount as a plain decimal string with exactly two decimals. */
export function money(x: Decimal): string {
  return x.toFixed(2, Decimal.ROUND_HALF_UP);
}

declare const moneyBrand: unique symbol;
declare const unroundedBrand: unique symbol;
declare const centsBrand: unique symbol;

/**
 * Rounded and unrounded amounts are distinct types (issue 12 item 3), so
 * they cannot be mixed by accident: a schedule's lines, its sums and the
 * NPVs (`npv`) are `Money`, rounded to the cent; an average, a ratio or the
 * 40-digit XNPV (`npvReference`) is `Unrounded` and becomes `Money` only
 * through `round2`. Both are Decimals (every Decimal method reads them);
 * arithmetic returns a plain Decimal, so a result is branded again only by
 * the functions below, which say why it is still whole cents.
 * (Named `Unrounded`, not `Exact`: `Exact` is the exact-arithmetic Decimal above.)
 */
export type Money = Decimal & { readonly [moneyBrand]: true };
/** An amount not rounded to the cent (an average, a ratio, a 40-digit XNPV). */
export type Unrounded = Decimal & { readonly [unroundedBrand]: true };
/** Whole cents in a double (exact below 2^53): the fast paths' money. */
export type Cents = number & { readonly [centsBrand]: true };

/** Sums and differences of whole cents are whole cents. */
export function addMoney(a: Money, b: Money): Money {
  return a.plus(b) as Money;
}
export function subtractMoney(a: Money, b: Money): Money {
  return a.minus(b) as Money;
}
/** Whole cents as they are: a validated money term (the terms' cents rule) or 0. */
export function asMoney(x: Decimal): Money {
  return x as Money;
}
/** A value computed without rounding, named as such. */
export function unrounded(x: Decimal): Unrounded {
  return x as Unrounded;
}
/** A double known to hold whole cents. */
export function asCents(c: number): Cents {
  return c as Cents;
}

export const ZERO_MONEY: Money = ZERO as Money;
