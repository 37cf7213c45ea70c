import DecimalBase from "decimal.js";

/**
 * The one Decimal constructor of the product. The spec asks for at least 34
 * significant digits so that escalated rates are exact before they are
 * rounded to cents; 40 leaves headroom for long escalation chains.
 * ROUND_HALF_UP in decimal.js is "half away from zero", as Excel's ROUND.
 */
export const Decimal = DecimalBase.clone({
  precision: 40,
  rounding: DecimalBase.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);

/** Rounds to cents, half away from zero (Excel's ROUND(x, 2)). */
export function round2(x: Decimal): Decimal {
  return x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** A money amount as a plain decimal string with exactly two decimals. */
export function money(x: Decimal): string {
  return x.toFixed(2, Decimal.ROUND_HALF_UP);
}

export function minDecimal(a: Decimal, b: Decimal): Decimal {
  return a.lessThan(b) ? a : b;
}
