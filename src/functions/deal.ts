/**
 * One validated deal with its schedule, and the numbers the functions show,
 * each converted from the exact decimals once and kept. Conversions happen
 * here, at the boundary, and nowhere else: money lines are cents already;
 * averageAnnualRevenue, revenuePerMWYear and npv are rounded to cents (spec §4).
 */
import {
  FIGURES,
  SCHEDULE_COLUMNS,
  SCHEDULE_HEADER,
  buildSchedule,
  discountFactors,
  figureCell,
  npv,
  round2,
  summarize,
  toExcelSerial,
  type Decimal,
  type Schedule,
  type Summary,
  type Terms,
} from "../core";

export { SCHEDULE_HEADER };

export type Cell = string | number;
export type Table = readonly (readonly Cell[])[];

/** How many NPVs at different rates one deal remembers. */
const MAX_RATES_PER_DEAL = 16;

function cents(x: Decimal): number {
  return round2(x).toNumber();
}

export class Deal {
  readonly schedule: Schedule;
  private summaryMemo: Summary | undefined;
  private summaryRateMemo: Summary | undefined;
  private contractValueMemo: number | undefined;
  private annualRevenueMemo: number | undefined;
  private scheduleTableMemo: Table | undefined;
  private frozenScheduleMemo: Table | undefined;
  private summaryTableMemo: Table | undefined;
  private readonly npvMemo = new Map<string, number>();

  constructor(readonly terms: Terms) {
    this.schedule = buildSchedule(terms);
  }

  /** Approximate memory held: the schedule's decimals and, once built, the table of numbers. */
  get approxBytes(): number {
    return 4096 + this.schedule.rows.length * 1600 + this.terms.tranches.length * 200;
  }

  /** The summary without NPV (computed on its own, per rate). */
  get summary(): Summary {
    return (this.summaryMemo ??= summarize(this.schedule, null));
  }

  /** The summary at the terms' own discount rate (NPVs included when there is one). */
  get summaryWithRate(): Summary {
    const rate = this.terms.discountRate;
    if (rate === null) return this.summary;
    if (this.summaryRateMemo === undefined) {
      const factors = discountFactors(rate, this.schedule.firstMonthIndex, this.schedule.rows.length);
      this.summaryRateMemo = {
        ...this.summary,
        npv: npv(this.schedule, rate, "netCashFlow", factors),
        hostNpv: npv(this.schedule, rate, "hostCashFlow", factors),
      };
    }
    return this.summaryRateMemo;
  }

  get contractValue(): number {
    return (this.contractValueMemo ??= this.summary.contractValue.toNumber());
  }

  get annualRevenue(): number {
    return (this.annualRevenueMemo ??= cents(this.summary.averageAnnualRevenue));
  }

  /** XNPV of the net cash flows at an annual rate, rounded to cents. */
  npvAt(rate: Decimal): number {
    const key = rate.toString();
    let value = this.npvMemo.get(key);
    if (value === undefined) {
      value = cents(npv(this.schedule, rate));
      if (this.npvMemo.size >= MAX_RATES_PER_DEAL) this.npvMemo.clear();
      this.npvMemo.set(key, value);
    }
    return value;
  }

  /**
   * The schedule with a header row; dates as Excel serials. Shared: hand out
   * copies only (`copyTable`). Not frozen: V8 copies frozen arrays ~30× slower.
   */
  get scheduleTable(): Table {
    if (this.scheduleTableMemo === undefined) {
      const rows: Cell[][] = [[...SCHEDULE_HEADER]];
      for (const r of this.schedule.rows) {
        rows.push(SCHEDULE_COLUMNS.map((c) => (c.key === "date" ? toExcelSerial(r.date) : r[c.key].toNumber())));
      }
      this.scheduleTableMemo = rows;
    }
    return this.scheduleTableMemo;
  }

  /**
   * The schedule table deep-frozen, for a host that only reads its result
   * (Excel's custom-functions runtime serializes it): handed out as is, no
   * copy per call, and a write into it cannot reach the cache.
   */
  get frozenScheduleTable(): Table {
    return (this.frozenScheduleMemo ??= Object.freeze(this.scheduleTable.map((row) => Object.freeze(row.slice()))));
  }

  /** Label and value of every summary figure. Shared: hand out copies only (`copyTable`). */
  get summaryTable(): Table {
    if (this.summaryTableMemo === undefined) {
      const s = this.summaryWithRate;
      this.summaryTableMemo = FIGURES.map((f) => [f.label, figureCell(f, f.value(s))]);
    }
    return this.summaryTableMemo;
  }
}

/** A fresh, mutable copy of a shared table (hosts may pad or rewrite what they are given). */
export function copyTable(table: Table): Cell[][] {
  return table.map((row) => row.slice());
}
