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
  SCHEDULE_COLUMNS,
  SCHEDULE_HEADER,
  figureCell,
  hostReturns,
  monthIndex,
  monthStart,
  npv,
  round2,
  summaryBase,
  termsKey,
  withReturns,
  toExcelSerial,
  type CalendarDate,
  type CashColumn,
  type Money,
  type Schedule,
  type ScheduleRow,
  type Summary,
  type SummaryBase,
  type Terms,
} from "../core";

export { SCHEDULE_HEADER };

export type Cell = string | number;
export type Table = readonly (readonly Cell[])[];

/** How many NPVs at different rates one deal remembers. */
const MAX_RATES_PER_DEAL = 16;

/** Below this many cents, x.toNumber() × 100 rounds to the exact cents (its error stays under a quarter cent). */
const EXACT_CENTS_BOUND = 1e15;

function cents(x: Decimal): number {
  return round2(x).toNumber();
}

/**
 * The net cash flows, each exact: integer cents in a Float64Array when every
 * flow is within `EXACT_CENTS_BOUND` (always, for deals within the fee
 * limit), otherwise the decimals themselves.
 */
type Flows = Float64Array | readonly Decimal[];

function flowsOf(schedule: Schedule, column: CashColumn): Flows {
  // The fast schedule keeps its lines in integer cents already (core/cents.ts).
  if (schedule.cents) return schedule.cents[column].slice();
  const rows = schedule.rows;
  const out = new Float64Array(rows.length);
  let last: Decimal | undefined;
  let c = 0;
  for (let i = 0; i < rows.length; i++) {
    const flow = rows[i][column];
    // Months with nothing credited and no opex share the fee's decimal: convert each once.
    if (flow !== last) {
      c = Math.round(flow.toNumber() * 100);
      if (!(Math.abs(c) < EXACT_CENTS_BOUND)) return rows.map((r) => r[column]);
      last = flow;
    }
    out[i] = c;
  }
  return out;
}

/** The flows as the decimals the schedule held (a cent amount below 2^53 is exact in decimal). */
function decimalFlows(flows: Flows): readonly Decimal[] {
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
function npvOfFlows(terms: Terms, firstMonthIndex: number, flows: Flows, rate: Decimal, column: CashColumn): Money {
  const rows = decimalFlows(flows).map((flow) => ({ [column]: flow }) as unknown as ScheduleRow);
  return npv({ terms, firstMonthIndex, rows }, rate, column);
}

/**
 * The figures the metric functions return for one deal, kept as numbers:
 * contract value, annual revenue, the summary, the prepayment remaining at
 * the end of each month, and the net cash flows in cents for an NPV at any
 * rate. Built from the schedule once; the schedule itself is not kept, so a
 * record costs a few KB and a change that does not touch the deal's terms
 * (a date, a discount rate given to DEALNPV) is answered from it.
 */
export class DealFigures {
  readonly contractValue: number;
  readonly annualRevenue: number;
  private readonly firstMonthIndex: number;
  private readonly prepayment: number;
  /** Prepayment remaining after each month's credit, as the functions return it. */
  private readonly remaining: Float64Array;
  private readonly flows: Flows;
  /** Host cash flows, when capex makes them differ from the net cash flows. */
  private readonly hostFlows: Flows;
  /** The summary without NPVs or returns; the returns (an IRR search, a second schedule) made on first read. */
  private readonly base: SummaryBase;
  private summaryMemo: Summary | undefined;
  private readonly exactNpvMemo = new Map<string, Money>();
  private summaryAtRateMemo: Summary | undefined;
  private summaryTableMemo: Table | undefined;

  private constructor(
    readonly terms: Terms,
    /** The terms' `termsKey`: what the caches know the deal by. */
    readonly key: string,
    schedule: Schedule,
  ) {
    const s = summaryBase(schedule, null);
    const rows = schedule.rows;
    this.contractValue = s.contractValue.toNumber();
    this.annualRevenue = cents(s.averageAnnualRevenue);
    this.firstMonthIndex = schedule.firstMonthIndex;
    this.prepayment = terms.prepayment.toNumber();
    this.remaining = new Float64Array(rows.length);
    const remainingCents = schedule.cents?.prepaymentRemaining;
    if (remainingCents) {
      // c / 100 is the double nearest the decimal, as Decimal.toNumber() gives it.
      for (let i = 0; i < rows.length; i++) this.remaining[i] = remainingCents[i] / 100;
    } else {
      let last: Decimal | undefined;
      let value = 0;
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i].prepaymentRemaining;
        // The core reuses the decimal while nothing is credited: convert each once.
        if (r !== last) {
          value = r.toNumber();
          last = r;
        }
        this.remaining[i] = value;
      }
    }
    this.flows = flowsOf(schedule, "netCashFlow");
    this.hostFlows = s.totalCapex.isZero() ? this.flows : flowsOf(schedule, "hostCashFlow");
    this.base = s;
    // Without cents (a deal past 2^53 cents), the returns are taken from the schedule now: it is not kept.
    if (!schedule.cents) {
      const hostFlows = rows.map((r) => r.hostCashFlow);
      const dates = rows.map((r) => r.date);
      this.summaryMemo = withReturns(s, hostReturns(terms, dates, hostFlows, undefined, s.contractValue));
    }
  }

  /** The summary without NPVs (they are per rate). */
  get summary(): Summary {
    if (this.summaryMemo === undefined) {
      const dates = Array.from({ length: this.remaining.length }, (_, i) => monthStart(this.firstMonthIndex + i));
      const host = this.hostFlows;
      const cents = host instanceof Float64Array ? host : undefined;
      const returns = hostReturns(this.terms, dates, decimalFlows(host), cents, this.base.contractValue);
      this.summaryMemo = withReturns(this.base, returns);
    }
    return this.summaryMemo;
  }

  /** The figures of a built schedule; `key` is its terms' `termsKey` when the caller has it already. */
  static of(schedule: Schedule, key: string = termsKey(schedule.terms)): DealFigures {
    return new DealFigures(schedule.terms, key, schedule);
  }

  /** Months of the schedule. */
  get months(): number {
    return this.remaining.length;
  }

  /** Approximate memory held (an upper estimate: the cache's byte bound relies on it). */
  get approxBytes(): number {
    const flowBytes = this.flows instanceof Float64Array ? 8 * this.flows.length : 120 * this.flows.length;
    const hostBytes = this.hostFlows === this.flows ? 0 : flowBytes;
    return (
      3400 +
      8 * this.remaining.length +
      flowBytes +
      hostBytes +
      300 * (this.terms.tranches.length + this.terms.capex.length) +
      160 * this.exactNpvMemo.size
    );
  }

  /**
   * Prepayment remaining at a date (the core's `prepaymentRemaining`): the
   * prepayment before the first month, the last month's after the end.
   */
  prepaymentRemainingAt(date: CalendarDate): number {
    const i = Math.min(monthIndex(date) - this.firstMonthIndex, this.remaining.length - 1);
    return i < 0 ? this.prepayment : this.remaining[i];
  }

  /**
   * XNPV of the net cash flows at an annual rate, rounded to cents. With the
   * deal's schedule at hand (just built), from its rows; otherwise from the
   * kept cents, which give the same decimals.
   */
  npvAt(rate: Decimal, column: CashColumn = "netCashFlow", schedule?: Schedule): number {
    return cents(this.exactNpv(rate, column, schedule));
  }

  private exactNpv(rate: Decimal, column: CashColumn, schedule?: Schedule): Money {
    const key = `${column}@${rate.toString()}`;
    let value = this.exactNpvMemo.get(key);
    if (value === undefined) {
      const flows = column === "netCashFlow" ? this.flows : this.hostFlows;
      value = schedule
        ? npv(schedule, rate, column)
        : npvOfFlows(this.terms, this.firstMonthIndex, flows, rate, column);
      if (this.exactNpvMemo.size >= MAX_RATES_PER_DEAL) this.exactNpvMemo.clear();
      this.exactNpvMemo.set(key, value);
    }
    return value;
  }

  /** The summary with both NPVs at the terms' own discount rate (none without one). */
  summaryAtRate(schedule?: Schedule): Summary {
    const rate = this.terms.discountRate;
    if (rate === null) return this.summary;
    return (this.summaryAtRateMemo ??= {
      ...this.summary,
      npv: this.exactNpv(rate, "netCashFlow", schedule),
      hostNpv: this.exactNpv(rate, "hostCashFlow", schedule),
    });
  }

  /** Label and value of every summary figure, NPVs at the terms' rate. Shared: hand out copies only (`copyTable`). */
  summaryTable(schedule?: Schedule): Table {
    if (this.summaryTableMemo === undefined) {
      const s = this.summaryAtRate(schedule);
      this.summaryTableMemo = FIGURES.map((f) => [f.label, figureCell(f, f.value(s))]);
    }
    return this.summaryTableMemo;
  }
}

/** The schedule with a header row; dates as Excel serials. */
export function scheduleTable(schedule: Schedule): Cell[][] {
  const rows: Cell[][] = [[...SCHEDULE_HEADER]];
  const cents = schedule.cents;
  // Rows in one fee state share their MW and rate decimals: convert each once.
  const numbers = new Map<Decimal, number>();
  const number = (d: Decimal): number => {
    let n = numbers.get(d);
    if (n === undefined) {
      n = d.toNumber();
      numbers.set(d, n);
    }
    return n;
  };
  schedule.rows.forEach((r, i) => {
    rows.push(
      SCHEDULE_COLUMNS.map((c) => {
        if (c.key === "date") return toExcelSerial(r.date);
        // A cents amount / 100 is the double nearest the decimal, as Decimal.toNumber() gives it.
        if (cents && c.key in cents) return cents[c.key as keyof typeof cents][i] / 100;
        return number(r[c.key]);
      }),
    );
  });
  return rows;
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
