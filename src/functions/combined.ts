/**
 * A portfolio's combined monthly rows from its deals' schedules in integer
 * cents (issue 19: the core's `combineSchedules` adds 50 deals' decimals
 * month by month, ~40 ms; the sums of whole cents are exact integers).
 *
 * The same rows as `combineSchedules` (src/core/portfolio.ts) for what the
 * period roll-up reads: every money column is the exact sum of the deals'
 * cents (checked below 2^53 at every step), the prepayment remaining the
 * sum of each deal's remaining at that month (its prepayment before its
 * first month, its last after its end), Billed MW the sum of the billing
 * tranches' MW, as decimals made only when read. The combined rate (a
 * 40-digit weighted division) is not offered: a table that shows it uses
 * the core's. Undefined when a deal has no cents (the reference built it)
 * or a sum would leave the exact range: the caller then uses the core's.
 * test/functions/combined.test.ts compares the roll-ups of both, exactly.
 */
import {
  Decimal,
  billingMonths,
  monthIndex,
  monthStart,
  type CalendarDate,
  type Money,
  type MonthlyRows,
  type Schedule,
  type ScheduleRow,
  type Terms,
} from "../core";

const COLUMNS = ["grossFee", "credit", "netFee", "opex", "netCashFlow", "capex", "hostCashFlow"] as const;

const MAX = Number.MAX_SAFE_INTEGER;

interface Deal {
  readonly terms: Terms;
  readonly schedule: Schedule;
}

/** Whole cents of a decimal with at most two decimals, below 2^53; else undefined. */
function cents(x: Decimal): number | undefined {
  const c = x.times(100);
  if (!c.isInteger()) return undefined;
  const n = c.toNumber();
  return Number.isSafeInteger(n) ? n : undefined;
}

/** The combined rows in cents, or undefined (see the module's comment). */
export function combinedRows(deals: readonly Deal[]): MonthlyRows | undefined {
  if (deals.length === 0) return undefined;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const d of deals) {
    if (d.schedule.cents === undefined) return undefined;
    first = Math.min(first, d.schedule.firstMonthIndex);
    last = Math.max(last, d.schedule.firstMonthIndex + d.schedule.rows.length - 1);
  }
  const length = last - first + 1;
  const sums = new Float64Array(COLUMNS.length * length);
  const remaining = new Float64Array(length);
  for (const d of deals) {
    const c = d.schedule.cents as NonNullable<Schedule["cents"]>;
    const at = d.schedule.firstMonthIndex - first;
    const n = d.schedule.rows.length;
    for (let k = 0; k < COLUMNS.length; k++) {
      const column = c[COLUMNS[k]];
      const base = k * length + at;
      for (let i = 0; i < n; i++) {
        const s = sums[base + i] + column[i];
        if (!(Math.abs(s) <= MAX)) return undefined;
        sums[base + i] = s;
      }
    }
    const before = cents(d.terms.prepayment);
    if (before === undefined) return undefined;
    const rem = c.prepaymentRemaining;
    const after = n > 0 ? rem[n - 1] : before;
    for (let j = 0; j < length; j++) {
      const i = j - at;
      const s = remaining[j] + (i < 0 ? before : i < n ? rem[i] : after);
      if (!(Math.abs(s) <= MAX)) return undefined;
      remaining[j] = s;
    }
  }
  const mw = billedMW(deals);
  if (mw === undefined) return undefined;
  const decimals = new Map<number, Money>();
  // Whole cents by construction (sums of the deals' cents), so a Money.
  const decimal = (c: number): Money => {
    let x = decimals.get(c);
    if (x === undefined) {
      x = new Decimal(`${c}e-2`) as Money;
      decimals.set(c, x);
    }
    return x;
  };
  const rows: ScheduleRow[] = new Array<ScheduleRow>(length);
  for (let j = 0; j < length; j++) rows[j] = new CombinedRow(first + j, j, length, sums, remaining, decimal, mw);
  return { rows, firstMonthIndex: first };
}

/**
 * Billed MW of the book at a month: Σ over the deals of their billing
 * tranches' MW (a tranche bills from its start for the term and the renewals
 * exercised), exactly as the core sums it, or undefined when 40 digits might
 * not hold the sum exactly (integer digits plus decimals of the MWs).
 */
function billedMW(deals: readonly Deal[]): ((m: number) => Decimal) | undefined {
  const tranches = deals.flatMap((d) => {
    const months = billingMonths(d.terms);
    return d.terms.tranches.map((t) => ({ start: monthIndex(t.date), end: monthIndex(t.date) + months, mw: t.mw }));
  });
  const total = tranches.reduce((s, t) => s.plus(t.mw), new Decimal(0));
  const decimals = Math.max(0, ...tranches.map((t) => t.mw.decimalPlaces()));
  if (total.isNegative() || total.toFixed(0).length + decimals > 39) return undefined;
  const memo = new Map<string, Decimal>();
  return (m) => {
    let key = "";
    for (let i = 0; i < tranches.length; i++) if (m >= tranches[i].start && m < tranches[i].end) key += `${i},`;
    let sum = memo.get(key);
    if (sum === undefined) {
      sum = new Decimal(0);
      for (let i = 0; i < tranches.length; i++)
        if (m >= tranches[i].start && m < tranches[i].end) sum = sum.plus(tranches[i].mw);
      memo.set(key, sum);
    }
    return sum;
  };
}

/** One combined month: the `ScheduleRow` shape, its decimals made when read. */
class CombinedRow {
  constructor(
    private readonly m: number,
    private readonly j: number,
    private readonly length: number,
    private readonly sums: Float64Array,
    private readonly remaining: Float64Array,
    private readonly decimal: (c: number) => Money,
    private readonly mw: (m: number) => Decimal,
  ) {}

  private column(k: number): Money {
    return this.decimal(this.sums[k * this.length + this.j]);
  }

  get date(): CalendarDate {
    return monthStart(this.m);
  }
  get billedMW(): Decimal {
    return this.mw(this.m);
  }
  get rate(): Decimal {
    throw new Error("the combined rate is not computed here: use the core's combineSchedules");
  }
  get grossFee(): Money {
    return this.column(0);
  }
  get credit(): Money {
    return this.column(1);
  }
  get netFee(): Money {
    return this.column(2);
  }
  get opex(): Money {
    return this.column(3);
  }
  get netCashFlow(): Money {
    return this.column(4);
  }
  get capex(): Money {
    return this.column(5);
  }
  get hostCashFlow(): Money {
    return this.column(6);
  }
  get prepaymentRemaining(): Money {
    return this.decimal(this.remaining[this.j]);
  }
}
