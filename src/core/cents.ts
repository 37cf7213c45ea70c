/**
 * The schedule's money lines as integer cents (issue 19): the fast path of
 * `buildSchedule` computes every per-month line in whole cents on plain JS
 * numbers, exact while |value| <= 2^53 − 1 (checked; otherwise the decimal
 * reference is used). Rows expose the same Decimal fields as before, created
 * on first read and shared between equal amounts, so a consumer that only
 * needs cents (summary sums, the functions' figures) never makes a Decimal.
 */
import { monthStart, type CalendarDate } from "./dates";
import { Decimal, type Cents, type Money } from "./decimal";

/** The money columns of a schedule, one entry per row, in integer cents. */
export interface ScheduleCents {
  readonly grossFee: Float64Array;
  readonly credit: Float64Array;
  readonly netFee: Float64Array;
  readonly opex: Float64Array;
  readonly netCashFlow: Float64Array;
  readonly capex: Float64Array;
  readonly hostCashFlow: Float64Array;
  readonly prepaymentRemaining: Float64Array;
}

export type CentsColumn = keyof ScheduleCents;

/** The fee state of a row's month, for the two non-money columns (decimals made on demand). */
export interface RowState {
  readonly billedMW: Decimal;
  readonly rate: Decimal;
}

/** A whole number of cents as the Decimal the decimal path would hold (decimal.js normalizes: 12300e-2 is 123). */
export function centsDecimal(c: number | Cents): Money {
  return new Decimal(`${c}e-2`) as Money;
}

/** What the rows of one schedule share: the columns, a Decimal per distinct amount, the states. */
export class CentsTable {
  private readonly decimals = new Map<number, Money>();

  constructor(
    readonly cents: ScheduleCents,
    readonly firstMonthIndex: number,
    /** The state of each row (an index into `states`). */
    private readonly stateOf: Uint16Array | Uint32Array,
    private readonly states: readonly (() => RowState)[],
  ) {}

  decimal(c: number): Money {
    let d = this.decimals.get(c);
    if (d === undefined) {
      d = centsDecimal(c);
      this.decimals.set(c, d);
    }
    return d;
  }

  state(i: number): RowState {
    return this.states[this.stateOf[i]]();
  }
}

/**
 * One month of a fast schedule: the public `ScheduleRow` shape (schedule.ts),
 * every field a getter over the shared cents table.
 */
export class CentsRow {
  private dateMemo: CalendarDate | undefined;

  constructor(
    private readonly table: CentsTable,
    private readonly i: number,
  ) {}

  get date(): CalendarDate {
    return (this.dateMemo ??= monthStart(this.table.firstMonthIndex + this.i));
  }
  get billedMW(): Decimal {
    return this.table.state(this.i).billedMW;
  }
  get rate(): Decimal {
    return this.table.state(this.i).rate;
  }
  get grossFee(): Money {
    return this.table.decimal(this.table.cents.grossFee[this.i]);
  }
  get credit(): Money {
    return this.table.decimal(this.table.cents.credit[this.i]);
  }
  get netFee(): Money {
    return this.table.decimal(this.table.cents.netFee[this.i]);
  }
  get opex(): Money {
    return this.table.decimal(this.table.cents.opex[this.i]);
  }
  get netCashFlow(): Money {
    return this.table.decimal(this.table.cents.netCashFlow[this.i]);
  }
  get capex(): Money {
    return this.table.decimal(this.table.cents.capex[this.i]);
  }
  get hostCashFlow(): Money {
    return this.table.decimal(this.table.cents.hostCashFlow[this.i]);
  }
  get prepaymentRemaining(): Money {
    return this.table.decimal(this.table.cents.prepaymentRemaining[this.i]);
  }
}

/**
 * Whole cents of x × 100 when x is a Decimal with at most two decimals and
 * the cents are a safe integer; otherwise undefined.
 */
export function toCents(x: Decimal): number | undefined {
  const c = x.times(100);
  if (!c.isInteger()) return undefined;
  const n = c.toNumber();
  return Number.isSafeInteger(n) ? n : undefined;
}

const U = 2 ** -53;

/**
 * The cents a float estimate decides, rounding half away from zero, or
 * undefined when the estimate is within `relError` × |c| of a half cent (or
 * too large to tell): then the exact value could round either way.
 * `relError` is a proven bound on |c − exact| / |exact| in units of 2^-53,
 * doubled by the caller for second-order terms.
 */
export function decideCents(c: number, relError: number): number | undefined {
  const a = Math.abs(c);
  if (!(a < 2 ** 50)) return undefined;
  const bound = a * relError * U + Number.MIN_VALUE;
  const floor = Math.floor(a);
  const f = a - floor; // exact: a < 2^50
  if (Math.abs(f - 0.5) <= bound) return undefined;
  const r = f > 0.5 ? floor + 1 : floor;
  return c < 0 && r !== 0 ? -r : r;
}

/**
 * round2(fraction × cents / 100) in cents, exactly, by integers: the fraction
 * a decimal a / 10^k, so the product is a × cents / 10^k, rounded half away
 * from zero. For a percent-of-fee credit, whose float estimate is often an
 * exact tie (50 % of an odd number of cents). Plain doubles (no BigInt, for
 * older Excel runtimes): undefined when a × cents would pass 2^53.
 */
export class ExactFraction {
  private readonly a: number;
  private readonly scale: number;

  constructor(fraction: Decimal) {
    const k = Math.max(0, fraction.decimalPlaces());
    this.scale = k <= 15 ? 10 ** k : Number.NaN;
    this.a = k <= 15 ? fraction.times(this.scale).toNumber() : Number.NaN;
  }

  timesCents(c: number): number | undefined {
    const n = this.a * Math.abs(c);
    if (!(n <= Number.MAX_SAFE_INTEGER)) return undefined;
    let q = Math.floor(n / this.scale);
    let r = n - q * this.scale; // exact: every term is an integer below 2^53
    if (r < 0) {
      q--;
      r += this.scale;
    } else if (r >= this.scale) {
      q++;
      r -= this.scale;
    }
    const rounded = 2 * r >= this.scale ? q + 1 : q;
    return c < 0 && rounded !== 0 ? -rounded : rounded;
  }
}
