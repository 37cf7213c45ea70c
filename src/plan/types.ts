import type { MiningTermKey, ScalarTermKey } from "../core";

/** How a writer should dress a cell; each writer maps these to its own fills and fonts. */
export type CellStyle =
  | "title"
  | "subtitle"
  | "note"
  | "header"
  | "label"
  | "input"
  | "output"
  | "provenance"
  /** No dressing: a cell cleared by an update (it was an input, it is not any more). */
  | "plain";

/** A cell's value: text, a number (dates as Excel serials, percentages as fractions), or null for an empty cell. */
export type CellValue = string | number | boolean | null;

/** One cell to write. It has a `value` or a `formula`, never both. */
export interface PlanCell {
  /** A1 reference on the plan's sheet, e.g. "B5". */
  readonly ref: string;
  /** The value to write; null writes an empty cell (an input left blank, or a cell to clear). */
  readonly value?: CellValue;
  /** A formula as typed in Excel, e.g. "=HPC.CONTRACTVALUE(CWCoreSci_Terms)". */
  readonly formula?: string;
  /** An Excel number format; "@" (text) must be set before the value so that text stays text. */
  readonly format?: string;
  readonly style?: CellStyle;
  /** One line of help for an input cell (e.g. a data-validation prompt). */
  readonly help?: string;
  /** The only values an input cell accepts (e.g. a list validation). */
  readonly choices?: readonly string[];
}

/** A format or style over an area (the schedule's columns, its header row), written once for the whole area. */
export interface PlanRange {
  readonly ref: string;
  readonly format?: string;
  readonly style?: CellStyle;
  /** Merge the area into one cell (its top-left cell's value). */
  readonly merge?: boolean;
  /** Wrap text, the row growing to fit. */
  readonly wrap?: boolean;
}

/** A workbook-scoped defined name. */
export interface PlanName {
  readonly name: string;
  /** Absolute, with the sheet quoted: "'CW–CoreSci'!$A$5:$B$19". */
  readonly ref: string;
  readonly comment?: string;
}

export interface PlanSeries {
  readonly name: string;
  /** The header cell of the series' column (the spill's header row). */
  readonly nameRef: string;
  readonly values: string;
}

/**
 * A line chart over the schedule's spill. Its ranges are the schedule's size
 * as inserted (`points` rows): a spill cannot be a chart's source in every
 * writer, so a later change of terms that lengthens or shortens the schedule
 * needs the ranges updated (`planTermsUpdate` gives the new ones).
 */
export interface PlanChart {
  readonly type: "line";
  readonly title: string;
  /** The schedule's dates, sheet-qualified and absolute. */
  readonly categories: string;
  readonly series: readonly PlanSeries[];
  /** The cell under the chart's top-left corner. */
  readonly from: string;
  /** The cell under the chart's bottom-right corner. */
  readonly to: string;
  /** Number of data points: the schedule's rows as inserted. */
  readonly points: number;
  readonly categoryFormat: string;
  readonly valueFormat: string;
  /** The schedule's chart when absent (the first chart of a plan, as before the mining chart existed). */
  readonly role?: ChartRole;
  /**
   * Points of one series to mark, 0-based over the chart's points: the halvings' first months on
   * the mining margin. A writer that cannot mark points leaves them to the title, which names them.
   */
  readonly marks?: { readonly series: number; readonly points: readonly number[]; readonly label: string };
}

/** A column width in characters of the default font (Excel's column-width unit). */
export interface PlanColumn {
  readonly column: string;
  readonly width: number;
}

/** The top `rows` rows and left `columns` columns stay in view. */
export interface PlanFreeze {
  readonly rows: number;
  readonly columns: number;
}

/** The schedule: one formula whose result spills from `anchor`. */
export interface PlanSchedule {
  /** The formula's cell, also the top-left of its header row. */
  readonly anchor: string;
  readonly formula: string;
  /** Rows of the spill as inserted, its header row included. */
  readonly rows: number;
  readonly columns: number;
  /** The spill's expected range as inserted, e.g. "E4:M154". */
  readonly ref: string;
  /** The area kept free and formatted for the spill however long the schedule grows, e.g. "E4:M2404". */
  readonly reservedRef: string;
}

/** The terms other than the tranches table: one row each in the terms block. */
export type { ScalarTermKey } from "../core";

/**
 * Where each block is, as stored with the sheet: what an "update terms
 * only" writer and the pane's reader need. JSON-safe.
 */
export interface SheetLayout {
  readonly terms: {
    /** The named terms range: label and value columns only. */
    readonly ref: string;
    readonly labelColumn: string;
    readonly valueColumn: string;
    /** Provenance and notes, beside the values, outside the named range. */
    readonly noteColumn: string;
    /** The sheet row of each scalar term, in the spec's order. */
    readonly rows: Readonly<Record<ScalarTermKey, number>>;
  };
  /** The tranches table, or null when the deal's capacity and start date are plain terms. */
  readonly tranches: {
    /** The table's header row (Date, MW). */
    readonly headerRow: number;
    readonly firstRow: number;
    /** Rows the table was inserted with: an update may use fewer, never more. */
    readonly rows: number;
    readonly dateColumn: string;
    readonly mwColumn: string;
    /** The cell holding the tranches' provenance. */
    readonly noteRef: string;
  } | null;
  /**
   * The capex table (Date, Amount; analysis.md §9). Absent on sheets inserted
   * before the table existed: they pass no capex to the functions.
   */
  readonly capex?: {
    readonly headerRow: number;
    readonly firstRow: number;
    /** Rows the table was inserted with: an update may use fewer, never more. */
    readonly rows: number;
    readonly dateColumn: string;
    readonly amountColumn: string;
    /** The cell holding the capex's provenance. */
    readonly noteRef: string;
  } | null;
  readonly summary: { readonly ref: string };
  readonly notes: { readonly ref: string } | null;
  /**
   * The hosting-versus-mining block (analysis.md §8), when the deal has a
   * `mining` block. Absent on sheets inserted before the block existed.
   */
  readonly mining?: MiningLayout | null;
  readonly schedule: { readonly anchor: string; readonly columns: number; readonly reservedRows: number };
  readonly chart: { readonly from: string; readonly to: string };
}

/** Where the mining block is: its inputs and figures in A:C below the notes, its spill right of the deal's chart. */
export interface MiningLayout {
  /** The block's header row (its terms follow, one row each). */
  readonly headerRow: number;
  /** The named mining range: label and value columns only. */
  readonly ref: string;
  readonly valueColumn: string;
  readonly noteColumn: string;
  /** The sheet row of each mining term, in the spec's order. */
  readonly rows: Readonly<Record<MiningTermKey, number>>;
  /** The comparison's figures (label, live value). */
  readonly figures: { readonly ref: string };
  /** The monthly comparison's spill: anchor (its header row), width, rows kept free below the header. */
  readonly spill: { readonly anchor: string; readonly columns: number; readonly reservedRows: number };
  readonly chart: { readonly from: string; readonly to: string };
}

/**
 * What a writer stores in the workbook with the sheet (e.g. as a custom
 * XML part or a setting keyed by the sheet's id) so that the pane can find
 * its deal sheets again and update their terms in place.
 */
export interface DealSheetInfo {
  readonly kind: "hpc-deal-sheet";
  readonly version: 1;
  /** The preset the sheet was inserted from, if any. */
  readonly presetId: string | null;
  readonly title: string;
  readonly prefix: string;
  readonly termsName: string;
  readonly tranchesName: string | null;
  /** The capex table's name; absent or null on sheets inserted before it existed. */
  readonly capexName?: string | null;
  /** The mining block's name; absent or null on sheets without one. */
  readonly miningName?: string | null;
  readonly layout: SheetLayout;
}

/**
 * A chart's role on its sheet: the deal's schedule chart, or the mining
 * comparison's. Writers name a chart by it, and an update finds it so.
 */
export type ChartRole = "schedule" | "mining";

/** The whole sheet as data: what one insert writes. */
export interface SheetPlan {
  readonly sheet: string;
  readonly cells: readonly PlanCell[];
  readonly names: readonly PlanName[];
  readonly charts: readonly PlanChart[];
  readonly ranges: readonly PlanRange[];
  readonly columns: readonly PlanColumn[];
  readonly freeze: PlanFreeze;
  readonly schedule: PlanSchedule;
  /** The monthly mining comparison's spill, when the deal has a mining block. */
  readonly miningSchedule?: PlanSchedule;
  readonly deal: DealSheetInfo;
}
