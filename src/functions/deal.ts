/**
 * What the HPC functions show of one deal, converted from the core's exact
 * decimals once, here at the boundary and nowhere else: money lines are
 * cents already; averageAnnualRevenue, revenuePerMWYear and npv are rounded
 * to cents (spec §4).
 *
 * Two shapes, for two caches (resolve.ts): `DealFigures`, the compact record
 * the metric functions read (a few KB: thousands of deals can be kept), and
 * the schedule's table for HOSTINGCASHFLOW (`scheduleTable`, about 30 KB
 * as numbers), kept for fewer deals.
 */
import {
  Decimal,
  FIGURES,
  buildSchedule,
  SCHEDULE_COLUMNS,
  SCHEDULE_HEADER,
  monthIndex,
  npv,
  npvOfCents,
  revenueFiguresOfCents,
  round2,
  summaryBase,
  dealKey,
  toExcelSerial,
  type CalendarDate,
  type CashColumn,
  type Money,
  billingMonths,
  type Schedule,
  type ScheduleRow,
  type Summary,
  type Terms,
} from "../core";
import { summarizeFast, summaryCells } from "../core/summaryCents";
import { fastRateColumn } from "../core/rateColumn";

export { SCHEDULE_HEADER };

export type Cell = string | number;
export type Table = readonly (readonly Cell[])[];

/** Below this many cents, x.toNumber() × 100 rounds to the exact cents (its error stays under a quarter cent). */
const EXACT_CENTS_BOUND = 1e15;

function cents(x: Decimal): number {
  return round2(x).toNumber();
}

/**
 * Net or host cash flows of a deal past the exact-cents bound (a month's
 * flow of 10^13 dollars and more: never in practice), kept as the decimals.
 */
interface DecimalFlows {
  readonly net: readonly Decimal[];
  readonly host: readonly Decimal[];
}

/** The flows as the decimals the schedule held (a cent amount below 2^53 is exact in decimal). */
function decimalFlows(flows: Float64Array | readonly Decimal[]): readonly Decimal[] {
  if (!(flows instanceof Float64Array)) return flows;
  const seen = new Map<number, Decimal>();
  const out: Decimal[] = new Array<Decimal>(flows.length);
  for (let i = 0; i < flows.length; i++) {
    const c = flows[i];
    let d = seen.get(c);
    if (d === undefined) {
      d = new Decimal(`${c}e-2`);
      seen.set(c, d);
    }
    out[i] = d;
  }
  return out;
}

/**
 * XNPV of net cash flows from the first month, by the core's own `npv`.
 * The core reads a schedule's first month and its rows' net cash flows only;
 * until it takes the flows themselves (see docs/benchmarks.md), the record
 * hands it a schedule of just those. A test compares it with `npv` on the
 * full schedule over random deals.
 */
function npvOfFlows(
  terms: Terms,
  firstMonthIndex: number,
  flows: Float64Array | readonly Decimal[],
  rate: Decimal,
  column: CashColumn,
): Money {
  if (flows instanceof Float64Array) return npvOfCents(flows, firstMonthIndex, rate);
  const rows = decimalFlows(flows).map((flow) => ({ [column]: flow }) as unknown as ScheduleRow);
  return npv({ terms, firstMonthIndex, rows }, rate, column);
}

/** Whether every flow of a column is a whole number of cents exact in a double. */
function exactCents(column: Float64Array): boolean {
  for (let i = 0; i < column.length; i++) if (!(Math.abs(column[i]) < EXACT_CENTS_BOUND)) return false;
  return true;
}

/** A column of decimals in cents, or undefined when one of them is not exact in a double. */
function centsOf(rows: readonly ScheduleRow[], column: CashColumn | "prepaymentRemaining"): Float64Array | undefined {
  const out = new Float64Array(rows.length);
  let last: Decimal | undefined;
  let c = 0;
  for (let i = 0; i < rows.length; i++) {
    const value = rows[i][column];
    // Months with nothing credited and no opex share the decimal: convert each once.
    if (value !== last) {
      c = Math.round(value.toNumber() * 100);
      if (!(Math.abs(c) < EXACT_CENTS_BOUND)) return undefined;
      last = value;
    }
    out[i] = c;
  }
  return out;
}

/**
 * The summary of a schedule with its returns (the XIRR search, the payback): the slow part, made on
 * demand, by the core's `summarizeFast` (from the cents; `summarize`'s figures, proven equal field for
 * field by test/functions/summary.test.ts).
 */
function summaryOfSchedule(schedule: Schedule, discountRate: Decimal | null): Summary {
  return summarizeFast(schedule, discountRate);
}

/** The summary with both NPVs at the terms' own discount rate (none without one): `summarize(schedule)`. */
export function summaryAtOwnRate(schedule: Schedule): Summary {
  return summaryOfSchedule(schedule, schedule.terms.discountRate);
}

/** NPVs at other rates one record remembers (pairs of a rate's key and the NPV in dollars). */
const MAX_REMEMBERED_RATES = 8;

/**
 * The figures the metric functions return for one deal, kept as numbers in
 * one typed array: the prepayment remaining at the end of each month and
 * the net cash flows in integer cents (and the host cash flows, when capex
 * makes them differ), for a remaining at any date and an NPV at any rate;
 * contract value and annual revenue; the NPV at the terms' own rate once
 * asked for. About 2.6 KB for a 144-month deal, with its validated terms
 * (shared with the inputs cache) on top, so that thousands of deals fit.
 *
 * What is slow to derive and seldom read (the summary's XIRR and payback)
 * is not kept here: it is derived from the schedule on demand, and the
 * functions keep it in a cache of its own (resolve.ts). A change that does
 * not touch the deal's terms (a date, a discount rate given to DEALNPV) is
 * answered from this record without a schedule.
 */
let nextId = 1;

export class DealFigures {
  /** Unique to this record: a table made of several deals (a portfolio's) is cached under their ids. */
  readonly id = nextId++;
  readonly contractValue: number;
  readonly annualRevenue: number;
  private readonly firstMonthIndex: number;
  private readonly prepayment: number;
  private readonly length: number;
  /**
   * [remaining after each month (dollars) | net cash flows (cents) | host
   * cash flows (cents), only with capex]: one allocation.
   */
  private readonly data: Float64Array;
  private readonly hostOffset: number;
  /** The flows as decimals, for a deal past the exact-cents bound only. */
  private readonly decimals: DecimalFlows | undefined;
  /** The NPV of the net cash flows at the terms' own rate, in dollars; NaN until asked for. */
  private ownRateNpv = Number.NaN;
  /** Other rates asked for: [key, NPV in dollars, …] (a key is the rate's text with its column, or a cell's number). */
  private rates: (string | number)[] | undefined;

  private constructor(
    readonly terms: Terms,
    /** The terms' `dealKey`: what the caches know the deal by. */
    readonly key: string,
    schedule: Schedule,
  ) {
    const rows = schedule.rows;
    const n = rows.length;
    this.length = n;
    const sc = schedule.cents;
    const quick = sc === undefined ? undefined : revenueFiguresOfCents(sc, billingMonths(terms));
    let withHost: boolean;
    if (quick !== undefined) {
      [this.contractValue, this.annualRevenue, withHost] = quick;
    } else {
      const s = summaryBase(schedule, null);
      this.contractValue = s.contractValue.toNumber();
      this.annualRevenue = cents(s.averageAnnualRevenue);
      withHost = !s.totalCapex.isZero();
    }
    this.firstMonthIndex = schedule.firstMonthIndex;
    this.prepayment = terms.prepayment.toNumber();
    let remaining = sc?.prepaymentRemaining;
    let net = sc?.netCashFlow;
    let host = withHost ? sc?.hostCashFlow : net;
    if (sc === undefined) {
      remaining = centsOf(rows, "prepaymentRemaining");
      net = centsOf(rows, "netCashFlow");
      host = withHost ? centsOf(rows, "hostCashFlow") : net;
    }
    const exact = net !== undefined && host !== undefined && exactCents(net) && exactCents(host);
    this.data = new Float64Array(n * (exact ? (withHost ? 3 : 2) : 1));
    this.hostOffset = withHost ? 2 * n : n;
    if (remaining) {
      // c / 100 is the double nearest the decimal, as Decimal.toNumber() gives it.
      for (let i = 0; i < n; i++) this.data[i] = remaining[i] / 100;
    } else {
      for (let i = 0; i < n; i++) this.data[i] = rows[i].prepaymentRemaining.toNumber();
    }
    if (exact) {
      this.data.set(net as Float64Array, n);
      if (withHost) this.data.set(host as Float64Array, 2 * n);
      this.decimals = undefined;
    } else {
      const netDecimals = rows.map((r) => r.netCashFlow);
      this.decimals = { net: netDecimals, host: withHost ? rows.map((r) => r.hostCashFlow) : netDecimals };
    }
  }

  /** The figures of a built schedule; `key` is its terms' `dealKey` when the caller has it already. */
  static of(schedule: Schedule, key: string = dealKey(schedule.terms)): DealFigures {
    return new DealFigures(schedule.terms, key, schedule);
  }

  /** Months of the schedule. */
  get months(): number {
    return this.length;
  }

  /**
   * Approximate memory held (an upper estimate: the caches' byte bounds rely
   * on it, and scripts/bench-cache.mjs checks it against the heap): the
   * record, its array, the NPVs it remembers, and its terms and key, which
   * it shares with the inputs cache but may outlive there.
   */
  get approxBytes(): number {
    const flowBytes =
      this.decimals === undefined ? 0 : 120 * this.length * (this.decimals.host === this.decimals.net ? 1 : 2);
    // Validated terms measured at ~1.95 KB with one tranche (scripts/bench-cache.mjs checks the sum).
    const terms = 1800 + 300 * (this.terms.tranches.length + this.terms.capex.length);
    return 480 + 8 * this.data.length + flowBytes + 40 * MAX_REMEMBERED_RATES + terms + this.key.length;
  }

  /**
   * Prepayment remaining at a date (the core's `prepaymentRemaining`): the
   * prepayment before the first month, the last month's after the end.
   */
  prepaymentRemainingAt(date: CalendarDate): number {
    const i = Math.min(monthIndex(date) - this.firstMonthIndex, this.length - 1);
    return i < 0 ? this.prepayment : this.data[i];
  }

  private flows(column: CashColumn): Float64Array | readonly Decimal[] {
    if (this.decimals !== undefined) return column === "netCashFlow" ? this.decimals.net : this.decimals.host;
    const at = column === "netCashFlow" ? this.length : this.hostOffset;
    return this.data.subarray(at, at + this.length);
  }

  /** An NPV remembered under `key` (a rate's text with its column, or the number a cell gave DEALNPV). */
  rememberedNpv(key: string | number): number | undefined {
    const rates = this.rates;
    if (rates === undefined) return undefined;
    for (let i = 0; i < rates.length; i += 2) if (rates[i] === key) return rates[i + 1] as number;
    return undefined;
  }

  /** Remembers an NPV under `key` (at most a few; the oldest are forgotten). */
  rememberNpv(key: string | number, value: number): void {
    if (this.rememberedNpv(key) !== undefined) return;
    const rates = (this.rates ??= []);
    if (rates.length >= 2 * MAX_REMEMBERED_RATES) rates.splice(0, 2);
    rates.push(key, value);
  }

  /**
   * XNPV of the net (or host) cash flows at an annual rate, rounded to
   * cents. With the deal's schedule at hand (just built), from its rows;
   * otherwise from the kept cents, which give the same decimals.
   */
  npvAt(rate: Decimal, column: CashColumn = "netCashFlow", schedule?: Schedule): number {
    const own = column === "netCashFlow" && rate === this.terms.discountRate;
    if (own && !Number.isNaN(this.ownRateNpv)) return this.ownRateNpv;
    const key = own ? "" : `${column === "netCashFlow" ? "n" : "h"}${rate.toString()}`;
    if (!own) {
      const known = this.rememberedNpv(key);
      if (known !== undefined) return known;
    }
    // An NPV is Money, whole cents already (rounding it again changes nothing): converted as is.
    const value = (
      schedule
        ? npv(schedule, rate, column)
        : npvOfFlows(this.terms, this.firstMonthIndex, this.flows(column), rate, column)
    ).toNumber();
    if (own) this.ownRateNpv = value;
    else this.rememberNpv(key, value);
    return value;
  }

  /** The deal's schedule given, or built again from its terms (the record keeps none). */
  private scheduleOr(schedule: Schedule | undefined): Schedule {
    return schedule ?? buildSchedule(this.terms);
  }

  /** The summary without NPVs (they are per rate), from the schedule given or built again. Not kept: cache it. */
  summaryOf(schedule?: Schedule): Summary {
    return summaryOfSchedule(this.scheduleOr(schedule), null);
  }

  /** The same (a schedule is built for it each time). */
  get summary(): Summary {
    return this.summaryOf();
  }

  /** The summary with both NPVs at the terms' own discount rate (none without one). Not kept: cache it. */
  summaryAtRate(schedule?: Schedule): Summary {
    return summaryOfSchedule(this.scheduleOr(schedule), this.terms.discountRate);
  }

  /** Label and value of every summary figure, NPVs at the terms' rate. Not kept: cache it, hand out copies. */
  summaryTable(schedule?: Schedule): Table {
    return summaryTableOfSummary(this.summaryAtRate(schedule));
  }
}

/** Label and value of every figure of a summary (the values from its cents when the core made it of them). */
export function summaryTableOfSummary(s: Summary): Table {
  const cells = summaryCells(s);
  return FIGURES.map((f, i) => [f.label, cells[i]]);
}

/** The schedule with a header row; dates as Excel serials. */
export function scheduleTable(schedule: Schedule): Cell[][] {
  const rows = schedule.rows;
  const out: Cell[][] = new Array<Cell[]>(rows.length + 1);
  out[0] = [...SCHEDULE_HEADER];
  const cents = schedule.cents;
  const keys = SCHEDULE_COLUMNS.map((c) => c.key);
  const width = keys.length;
  // Per column: its cents (a cents amount / 100 is the double nearest the decimal, as
  // Decimal.toNumber() gives it), or none (the date, and MW and rate, read from the row).
  const centsColumns = keys.map((k) =>
    k !== "date" && cents !== undefined && k in cents ? cents[k as keyof typeof cents] : undefined,
  );
  // Rows in one fee state share their MW and rate decimals: convert each once.
  let lastMW: Decimal | undefined;
  let lastRate: Decimal | undefined;
  let mw = 0;
  let rate = 0;
  const numbers = new Map<Decimal, number>();
  const number = (d: Decimal): number => {
    let n = numbers.get(d);
    if (n === undefined) {
      n = d.toNumber();
      numbers.set(d, n);
    }
    return n;
  };
  // The MW and rate cells of a fast schedule without its fee states' decimals, where certain (rateColumn.ts).
  const fast = cents === undefined ? undefined : fastRateColumn(schedule.terms);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const row: Cell[] = new Array<Cell>(width);
    const known = fast?.(schedule.firstMonthIndex + i);
    for (let j = 0; j < width; j++) {
      const column = centsColumns[j];
      if (column !== undefined) {
        row[j] = column[i] / 100;
        continue;
      }
      const key = keys[j];
      if (key === "date") {
        // Rows are consecutive months from the first (MonthlyRows): the date without the row's own.
        const m = schedule.firstMonthIndex + i;
        const year = Math.floor(m / 12);
        row[j] = toExcelSerial({ year, month: m - 12 * year + 1, day: 1 });
      } else if (known !== undefined && key === "billedMW") row[j] = known[0];
      else if (known !== undefined && key === "rate") row[j] = known[1];
      else if (key === "billedMW") {
        const d = r.billedMW;
        if (d !== lastMW) {
          mw = number(d);
          lastMW = d;
        }
        row[j] = mw;
      } else if (key === "rate") {
        const d = r.rate;
        if (d !== lastRate) {
          rate = number(d);
          lastRate = d;
        }
        row[j] = rate;
      } else row[j] = number(r[key]);
    }
    out[i + 1] = row;
  }
  return out;
}

/**
 * A table deep-frozen, for a host that only reads its result (Excel's
 * custom-functions runtime serializes it): handed out as is, no copy per
 * call, and a write into it cannot reach the cache.
 */
export function freezeTable(table: readonly (readonly Cell[])[]): Table {
  return Object.freeze(table.map((row) => Object.freeze(row.slice())));
}

/** A fresh, mutable copy of a shared table (hosts may pad or rewrite what they are given). */
export function copyTable(table: Table): Cell[][] {
  return table.map((row) => row.slice());
}
