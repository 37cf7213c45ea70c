import { LIMITS, SCHEDULE_COLUMNS as CORE_COLUMNS, type ScheduleColumnKey } from "../core";
import { FORMATS } from "./formats";

/**
 * Where things go on a deal sheet. Columns A:C hold the inputs and the
 * figures (label, value, source); the schedule spills from E4 to the right
 * of them, its header on row 4 with the blocks' headers, so freezing rows
 * 1–4 keeps the title and every header in view; the chart sits right of the
 * schedule.
 */
export const COLUMNS = Object.freeze({
  label: 1, // A
  value: 2, // B
  note: 3, // C
  schedule: 5, // E (D is a gap)
});

export const ROWS = Object.freeze({
  title: 1,
  subtitle: 2,
  hint: 3,
  header: 4,
  firstTerm: 5,
});

/** One column of the schedule's spill, in HPC.HOSTINGCASHFLOW's order. */
export interface ScheduleColumn {
  readonly key: ScheduleColumnKey;
  /** The header HPC.HOSTINGCASHFLOW writes (the chart's series names). */
  readonly header: string;
  readonly format: string;
  readonly width: number;
}

/** The sheet's format and width of each of core's schedule columns. */
const LOOK: Readonly<Record<ScheduleColumnKey, { readonly format: string; readonly width: number }>> = {
  date: { format: FORMATS.date, width: 12 },
  billedMW: { format: FORMATS.mw, width: 11 },
  rate: { format: FORMATS.scheduleRate, width: 11 },
  grossFee: { format: FORMATS.money, width: 16 },
  credit: { format: FORMATS.money, width: 16 },
  netFee: { format: FORMATS.money, width: 16 },
  opex: { format: FORMATS.money, width: 14 },
  netCashFlow: { format: FORMATS.money, width: 16 },
  capex: { format: FORMATS.money, width: 14 },
  hostCashFlow: { format: FORMATS.money, width: 16 },
  prepaymentRemaining: { format: FORMATS.money, width: 20 },
};

export const SCHEDULE_COLUMNS: readonly ScheduleColumn[] = Object.freeze(
  CORE_COLUMNS.map((c) => ({ key: c.key, header: c.label, ...LOOK[c.key] })),
);

/** The schedule column's position (0-based) by key. */
export function scheduleColumn(key: string): number {
  const i = SCHEDULE_COLUMNS.findIndex((c) => c.key === key);
  if (i < 0) throw new RangeError(`no schedule column ${key}`);
  return COLUMNS.schedule + i;
}

/**
 * Blank rows the tranches table gets below the deal's tranches, inside its
 * name: room to add a tranche in the sheet (the HPC functions skip blank
 * rows) or to update to a deal with more tranches without re-inserting.
 */
export const TRANCHE_SPARE_ROWS = 2;

/** Rows kept for the spill below its header: the longest schedule core allows. */
export const RESERVED_SCHEDULE_ROWS = LIMITS.maxScheduleMonths;

export const WIDTHS = Object.freeze({ label: 28, value: 18, note: 64, gap: 2 });

/** The chart: right of the schedule, from the header row down, 12 columns by 21 rows. */
export const CHART = Object.freeze({ gapColumns: 1, columns: 12, rows: 21 });

/** The series the chart draws. */
export const CHART_SERIES = ["grossFee", "netFee", "prepaymentRemaining"] as const;

/**
 * The mining block (when the deal has one): its monthly comparison spills
 * right of the deal's chart, one gap column after it, from the header row,
 * with as many rows kept free as the schedule's; its chart sits under the
 * deal's chart, the same size.
 */
export const MINING = Object.freeze({ spillGapColumns: 1, chartGapRows: 1 });
