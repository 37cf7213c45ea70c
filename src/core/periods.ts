/**
 * Period roll-ups of a monthly schedule (analysis.md §6): months, quarters or
 * (fiscal) years, and the run rate at a date. The money columns are exact
 * sums of the schedule's rounded lines, so the periods add up to the
 * schedule's totals to the cent.
 */
import { daysInMonth, monthIndex, monthStart, type CalendarDate } from "./dates";
import { Decimal, ZERO } from "./decimal";
import { fail, ok, problem, renamed, type Problem, type Result } from "./errors";
import type { OutputColumn, ValueFormat } from "./outputs";
import type { ScheduleRow } from "./schedule";
import { isBlank, show } from "./values";

export const PERIOD_KINDS = ["month", "quarter", "year"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface PeriodOptions {
  readonly period: PeriodKind;
  /** 1–12: the calendar month in which the fiscal year ends (12: calendar years). */
  readonly fiscalYearEndMonth: number;
}

export const DEFAULT_PERIOD_OPTIONS: PeriodOptions = Object.freeze({ period: "quarter", fiscalYearEndMonth: 12 });

/** Monthly rows, contiguous from `firstMonthIndex`: a deal's schedule or a portfolio's combined one. */
export interface MonthlyRows {
  readonly rows: readonly ScheduleRow[];
  /** Month index of rows[0]. */
  readonly firstMonthIndex: number;
}

export interface PeriodRow {
  /** `2025-01`, `Q1 2025`, `2025`, `Q1 FY2026` or `FY2026`. */
  readonly period: string;
  /** The period's first calendar day (not clipped to the schedule). */
  readonly start: CalendarDate;
  /** The period's last calendar day. */
  readonly end: CalendarDate;
  /** Schedule rows inside the period. */
  readonly months: number;
  readonly billedMWEnd: Decimal;
  readonly grossFee: Decimal;
  readonly credit: Decimal;
  readonly netFee: Decimal;
  readonly opex: Decimal;
  readonly netCashFlow: Decimal;
  readonly capex: Decimal;
  readonly hostCashFlow: Decimal;
  readonly prepaymentRemainingEnd: Decimal;
}

export type PeriodColumnKey = keyof PeriodRow;

/** A period column: the schedule's formats, plus the label (text) and the month count (a whole number). */
export interface PeriodColumn extends Omit<OutputColumn<PeriodColumnKey>, "format"> {
  readonly format: ValueFormat | "text" | "count";
}

/** The period table's columns in order (analysis.md §6); the CLI's CSV header is their `csv`. */
export const PERIOD_COLUMNS: readonly PeriodColumn[] = Object.freeze([
  {
    key: "period",
    label: "Period",
    csv: "period",
    format: "text",
    help: "2025-01, Q1 2025, 2025, Q1 FY2026 or FY2026.",
  },
  { key: "start", label: "Start", csv: "start", format: "date", help: "The period's first calendar day." },
  { key: "end", label: "End", csv: "end", format: "date", help: "The period's last calendar day." },
  { key: "months", label: "Months", csv: "months", format: "count", help: "Schedule months inside the period." },
  {
    key: "billedMWEnd",
    label: "Billed MW (end)",
    csv: "billed_mw_end",
    format: "mw",
    help: "Billed MW of the period's last schedule month.",
  },
  { key: "grossFee", label: "Gross fee", csv: "gross_fee", format: "usd", help: "Σ of the months' gross fees." },
  { key: "credit", label: "Credit", csv: "credit", format: "usd", help: "Σ of the months' credits." },
  { key: "netFee", label: "Net fee", csv: "net_fee", format: "usd", help: "Σ of the months' net fees." },
  { key: "opex", label: "Opex", csv: "opex", format: "usd", help: "Σ of the months' opex." },
  {
    key: "netCashFlow",
    label: "Net cash flow",
    csv: "net_cash_flow",
    format: "usd",
    help: "Σ of the months' net cash flows, the prepayment included.",
  },
  { key: "capex", label: "Capex", csv: "capex", format: "usd", help: "Σ of the months' capex." },
  {
    key: "hostCashFlow",
    label: "Host cash flow",
    csv: "host_cash_flow",
    format: "usd",
    help: "Σ of the months' host cash flows.",
  },
  {
    key: "prepaymentRemainingEnd",
    label: "Prepayment remaining (end)",
    csv: "prepayment_remaining_end",
    format: "usd",
    help: "Prepayment not yet credited after the period's last schedule month.",
  },
] satisfies PeriodColumn[]);

export const PERIOD_HEADER: readonly string[] = Object.freeze(PERIOD_COLUMNS.map((c) => c.label));

/** x mod n in 0..n-1, also for negative x. */
function mod(x: number, n: number): number {
  return ((x % n) + n) % n;
}

/** Month index of the first month of the fiscal year holding month m. */
function fiscalYearStart(m: number, fiscalYearEndMonth: number): number {
  // The fiscal year starts in the month after its end month: month-of-year index fiscalYearEndMonth (mod 12).
  return m - mod(m - fiscalYearEndMonth, 12);
}

/** Months in one period of the kind. */
export function periodLength(kind: PeriodKind): number {
  return kind === "month" ? 1 : kind === "quarter" ? 3 : 12;
}

/** Month index of the first month of the period holding month m. */
export function periodStartIndex(m: number, options: PeriodOptions): number {
  if (options.period === "month") return m;
  const fyStart = fiscalYearStart(m, options.fiscalYearEndMonth);
  return options.period === "year" ? fyStart : fyStart + 3 * Math.floor((m - fyStart) / 3);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** The label of the period starting at month index `start`. */
export function periodLabel(start: number, options: PeriodOptions): string {
  const first = monthStart(start);
  if (options.period === "month") return `${pad(first.year, 4)}-${pad(first.month, 2)}`;
  const fyStart = fiscalYearStart(start, options.fiscalYearEndMonth);
  // A fiscal year is named by the calendar year in which it ends.
  const fyYear = monthStart(fyStart + 11).year;
  const year = options.fiscalYearEndMonth === 12 ? pad(fyYear, 4) : `FY${pad(fyYear, 4)}`;
  if (options.period === "year") return year;
  return `Q${Math.floor((start - fyStart) / 3) + 1} ${year}`;
}

function lastDay(m: number): CalendarDate {
  const d = monthStart(m);
  return Object.freeze({ year: d.year, month: d.month, day: daysInMonth(d.year, d.month) });
}

/**
 * The schedule rolled up by period: one row per period from the first row's
 * to the last row's, none skipped.
 */
export function rollUp(table: MonthlyRows, options: PeriodOptions = DEFAULT_PERIOD_OPTIONS): PeriodRow[] {
  const { rows, firstMonthIndex } = table;
  const out: PeriodRow[] = [];
  const length = periodLength(options.period);
  let i = 0;
  while (i < rows.length) {
    const start = periodStartIndex(firstMonthIndex + i, options);
    const stop = start + length; // exclusive month index
    let grossFee = ZERO;
    let credit = ZERO;
    let netFee = ZERO;
    let opex = ZERO;
    let netCashFlow = ZERO;
    let capex = ZERO;
    let hostCashFlow = ZERO;
    let months = 0;
    let last = rows[i];
    for (; i < rows.length && firstMonthIndex + i < stop; i++) {
      const r = rows[i];
      grossFee = grossFee.plus(r.grossFee);
      credit = credit.plus(r.credit);
      netFee = netFee.plus(r.netFee);
      opex = opex.plus(r.opex);
      netCashFlow = netCashFlow.plus(r.netCashFlow);
      capex = capex.plus(r.capex);
      hostCashFlow = hostCashFlow.plus(r.hostCashFlow);
      months++;
      last = r;
    }
    out.push({
      period: periodLabel(start, options),
      start: monthStart(start),
      end: lastDay(stop - 1),
      months,
      billedMWEnd: last.billedMW,
      grossFee,
      credit,
      netFee,
      opex,
      netCashFlow,
      capex,
      hostCashFlow,
      prepaymentRemainingEnd: last.prepaymentRemaining,
    });
  }
  return out;
}

/** The run rate at a date: 12 × the gross fee of the schedule month containing it (0 outside the schedule). */
export function runRate(table: MonthlyRows, date: CalendarDate): Decimal {
  const i = monthIndex(date) - table.firstMonthIndex;
  const row = i >= 0 && i < table.rows.length ? table.rows[i] : undefined;
  return row ? row.grossFee.times(12) : ZERO;
}

/**
 * Reads the roll-up's terms; blank means the default. `labels` name them as
 * the caller's user knows them (an argument, a command-line option); messages
 * also give the spec's term.
 */
export function readPeriodOptions(
  rawPeriod: unknown,
  rawFiscalYearEnd: unknown,
  labels: { period?: string; fiscalYearEndMonth?: string } = {},
): Result<PeriodOptions> {
  const problems: Problem[] = [];
  const periodName = labels.period ?? "period";
  const fyName = labels.fiscalYearEndMonth ?? "fiscalYearEndMonth";
  let period: PeriodKind = DEFAULT_PERIOD_OPTIONS.period;
  if (!isBlank(rawPeriod)) {
    const text = typeof rawPeriod === "string" ? rawPeriod.trim().toLowerCase() : undefined;
    const found = PERIOD_KINDS.find((k) => k === text);
    if (found === undefined) {
      problems.push(renamed(problem("value", "bad-period", ["period"], { got: show(rawPeriod) }), () => periodName));
    } else period = found;
  }
  let fiscalYearEndMonth = DEFAULT_PERIOD_OPTIONS.fiscalYearEndMonth;
  if (!isBlank(rawFiscalYearEnd)) {
    const n =
      typeof rawFiscalYearEnd === "number"
        ? rawFiscalYearEnd
        : typeof rawFiscalYearEnd === "string" && /^\s*\d{1,2}\s*$/.test(rawFiscalYearEnd)
          ? Number(rawFiscalYearEnd)
          : Number.NaN;
    if (!Number.isInteger(n) || n < 1 || n > 12) {
      const kind = typeof rawFiscalYearEnd === "number" ? "num" : "value";
      const p = problem(kind, "bad-fiscal-year-end", ["fiscalYearEndMonth"], { got: show(rawFiscalYearEnd) });
      problems.push(renamed(p, () => fyName));
    } else fiscalYearEndMonth = n;
  }
  return problems.length > 0 ? fail(problems) : ok(Object.freeze({ period, fiscalYearEndMonth }));
}

/** One money column of every deal, on the periods of the combined schedule (for a stacked chart by deal). */
export interface PeriodsByDeal {
  readonly periods: readonly string[];
  /** One list per deal, aligned with `periods` (0 where the deal has no row in a period). */
  readonly values: readonly (readonly Decimal[])[];
}

/**
 * A money column (gross fee by default) of each deal by period, aligned with
 * the periods of `combined`: each deal's own roll-up placed by label. The
 * deals' values of a period add up to the combined period's.
 */
export function periodsByDeal(
  combined: MonthlyRows,
  deals: readonly MonthlyRows[],
  options: PeriodOptions = DEFAULT_PERIOD_OPTIONS,
  column: "grossFee" | "netFee" | "netCashFlow" | "hostCashFlow" = "grossFee",
): PeriodsByDeal {
  const periods = rollUp(combined, options).map((p) => p.period);
  const index = new Map(periods.map((p, i) => [p, i]));
  const values = deals.map((d) => {
    const row: Decimal[] = periods.map(() => ZERO);
    for (const p of rollUp(d, options)) {
      const i = index.get(p.period);
      if (i !== undefined) row[i] = p[column];
    }
    return row;
  });
  return { periods, values };
}
