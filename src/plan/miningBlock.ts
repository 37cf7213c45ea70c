/**
 * The hosting-versus-mining piece of a deal sheet (analysis.md §8), as plan
 * data: the mining inputs (labels, values, provenance) under a name, the
 * comparison's figures as live HPC formulas, the monthly comparison as one
 * spill, and a chart of the hosting cash flow against the mining margin.
 * Pure: planDeal places it (rows below the sheet's notes, the spill to the
 * right of the deal's chart, the chart below the deal's) and writes it with
 * the rest of the plan; readBack reads its inputs back into the deal file's
 * `mining` block, and an update rewrites them (`miningTermCells`).
 */
import {
  DEFAULT_HALVING_DATES,
  MINING_COLUMNS,
  MINING_FIGURES,
  MINING_TERMS,
  SITE_POWER_ASSUMPTION,
  type MiningTermKey,
} from "../core";
import type { Provenance } from "../presets";
import { cellRef, columnLetter, columnNumber, parseCell, rangeRef, sheetRef } from "./a1";
import { FORMATS } from "./formats";
import { provenanceText } from "./provenance";
import type { CellValue, MiningLayout, PlanCell, PlanChart, PlanName, PlanRange, PlanSchedule } from "./types";

export interface MiningBlockInput {
  readonly sheet: string;
  /** The deal's name prefix (e.g. "CWCoreSci"): the block's name is `<prefix>_Mining`. */
  readonly prefix: string;
  readonly termsName: string;
  readonly tranchesName: string | null;
  /** The deal's capex table name, when the sheet has one. */
  readonly capexName?: string | null;
  /** The deal file's `mining` block as given (blank terms keep their defaults). */
  readonly mining: Readonly<Record<string, unknown>>;
  readonly provenance?: MiningProvenance;
  /** Where the block goes (`miningLayout`). */
  readonly layout: MiningLayout;
  /** Rows the comparison spills (its header included), for the chart's ranges. */
  readonly spillRows: number;
  /** The comparison's rows (0-based) where a halving first counts: the chart marks them. */
  readonly halvingPoints?: readonly number[];
}

/** Where each mining figure comes from, by mining term (a preset's). */
export type MiningProvenance = Readonly<Partial<Record<MiningTermKey, Provenance>>>;

export interface MiningBlockPlan {
  readonly cells: readonly PlanCell[];
  readonly names: readonly PlanName[];
  readonly ranges: readonly PlanRange[];
  readonly chart: PlanChart;
  readonly miningName: string;
  /** The monthly comparison's spill as inserted. */
  readonly spill: PlanSchedule;
  /** The last row the A:C part uses. */
  readonly lastRow: number;
}

const FORMAT_BY_UNIT: Readonly<Record<string, string | undefined>> = {
  hashprice: "$#,##0.00##",
  efficiency: "0.0##",
  kwh: "$0.000##",
  mw: FORMATS.mw,
  percent: FORMATS.percent,
  usd: FORMATS.usd,
  dates: FORMATS.text,
};

/** The spill's number format of each of core's mining column formats. */
const SPILL_FORMAT: Readonly<Record<string, string>> = {
  date: FORMATS.date,
  hashprice: "#,##0.00##",
  hashrate: "#,##0.0##",
  usd: FORMATS.money,
};

/** The spill's column widths (characters), by core's mining column format. */
const SPILL_WIDTH: Readonly<Record<string, number>> = { date: 12, hashprice: 11, hashrate: 14, usd: 16 };

const DEFAULT_NOTE: Readonly<Partial<Record<MiningTermKey, string>>> = {
  sitePowerMW: `Blank: 1.3 × the deal's capacity. ${SITE_POWER_ASSUMPTION}`,
  uptime: "Blank: 1.",
  poolFee: "Blank: 0.",
  feeShare: "Blank: 0.",
  hashpriceGrowth: "Blank: 0.",
  halvingDates: `Blank: ${DEFAULT_HALVING_DATES.join(", ")}. A list of YYYY-MM-DD dates, or "none".`,
  miningOpexPerMWMonth: "Blank: 0.",
};

/** A term's cell value: numbers as numbers, the halving dates as a text list ("none" for none). */
function cellValue(key: MiningTermKey, raw: unknown): CellValue {
  if (raw === undefined || raw === null) return null;
  if (key === "halvingDates") return Array.isArray(raw) ? (raw.length === 0 ? "none" : raw.join(", ")) : String(raw);
  if (typeof raw === "number" || typeof raw === "string") return raw;
  return String(raw);
}

/**
 * The halving dates cell read back: a text list of dates, "none" (or "[]")
 * for none, one Excel date serial, or blank (undefined: the defaults).
 */
export function halvingDatesOf(value: unknown): unknown {
  if (value === null || value === undefined || value === "") return undefined;
  if (typeof value === "number") return [value];
  if (typeof value !== "string") return value;
  const text = value.trim();
  if (text === "") return undefined;
  if (/^(none|\[\])$/i.test(text)) return [];
  return text.split(/[,;\s]+/).filter((part) => part !== "");
}

/**
 * Where the block goes: its header at `headerRow` in A:C, a row per mining
 * term, a blank row, the figures; its spill's header at `spill` (one column
 * per MINING_COLUMNS entry, `reservedRows` kept below); its chart's corners.
 */
export function miningLayout(
  headerRow: number,
  spill: { readonly column: number; readonly row: number; readonly reservedRows: number },
  chart: { readonly from: string; readonly to: string },
): MiningLayout {
  const rows = {} as Record<MiningTermKey, number>;
  MINING_TERMS.forEach((t, i) => (rows[t.key] = headerRow + 1 + i));
  const lastTerm = headerRow + MINING_TERMS.length;
  const figuresFirst = lastTerm + 2;
  return {
    headerRow,
    ref: rangeRef(1, headerRow + 1, 2, lastTerm),
    valueColumn: "B",
    noteColumn: "C",
    rows,
    figures: { ref: rangeRef(1, figuresFirst, 2, figuresFirst + MINING_FIGURES.length - 1) },
    spill: {
      anchor: cellRef(spill.column, spill.row),
      columns: MINING_COLUMNS.length,
      reservedRows: spill.reservedRows,
    },
    chart,
  };
}

/**
 * The value and note cells of the block's terms for a mining block as given
 * (a term left out is blank, its default stated): what an insert and an
 * update write.
 */
export function miningTermCells(
  layout: MiningLayout,
  mining: Readonly<Record<string, unknown>> | null,
  provenance: MiningProvenance = {},
): PlanCell[] {
  const cells: PlanCell[] = [];
  for (const t of MINING_TERMS) {
    const row = layout.rows[t.key];
    const value = mining === null ? null : cellValue(t.key, mining[t.key]);
    cells.push({
      ref: `${layout.valueColumn}${row}`,
      value,
      format: FORMAT_BY_UNIT[t.unit],
      style: "input",
      help: t.help,
    });
    const note = [value === null ? (DEFAULT_NOTE[t.key] ?? "") : "", provenanceText(provenance[t.key])]
      .filter((s) => s !== "")
      .join(" ");
    cells.push({ ref: `${layout.noteColumn}${row}`, value: note === "" ? null : note, style: "provenance" });
  }
  return cells;
}

/** The halving dates a block's chart marks: the block's own, or the defaults. */
function halvingsOf(mining: Readonly<Record<string, unknown>> | null): string[] {
  const raw = mining?.halvingDates;
  return Array.isArray(raw) ? raw.map(String) : [...DEFAULT_HALVING_DATES];
}

/**
 * The line chart of the hosting cash flow against the mining margin by
 * month over the spill as inserted (`spillRows` counts its header); the
 * halvings are named in its title.
 */
export function miningChart(
  sheet: string,
  layout: MiningLayout,
  spillRows: number,
  mining: Readonly<Record<string, unknown>> | null,
  halvingPoints: readonly number[] = [],
): PlanChart {
  const anchor = parseCell(layout.spill.anchor);
  if (!anchor) throw new RangeError(`bad mining spill anchor ${layout.spill.anchor}`);
  const dataFirst = anchor.row + 1;
  const dataLast = anchor.row + spillRows - 1;
  const colOf = (key: string) => anchor.column + MINING_COLUMNS.findIndex((c) => c.key === key);
  const data = (key: string) => sheetRef(sheet, rangeRef(colOf(key), dataFirst, colOf(key), dataLast));
  const halvings = halvingsOf(mining);
  const series = (["hostingCashFlow", "miningMargin"] as const).map((key) => ({
    name: MINING_COLUMNS.find((c) => c.key === key)?.label ?? key,
    nameRef: sheetRef(sheet, `${columnLetter(colOf(key))}${anchor.row}`),
    values: data(key),
  }));
  return {
    type: "line",
    role: "mining",
    ...(halvingPoints.length > 0 ? { marks: { series: 1, points: [...halvingPoints], label: "Halving" } } : {}),
    title:
      halvings.length > 0
        ? `Hosting cash flow and mining margin (halvings: ${halvings.map((d) => /^\d{4}-\d{2}/.exec(d)?.[0] ?? d).join(", ")})`
        : "Hosting cash flow and mining margin",
    categories: data("date"),
    series,
    from: layout.chart.from,
    to: layout.chart.to,
    points: spillRows - 1,
    categoryFormat: FORMATS.chartDate,
    valueFormat: FORMATS.chartMoney,
  };
}

/** The spill's column widths, left to right from its anchor. */
export function miningSpillWidths(layout: MiningLayout): { column: string; width: number }[] {
  const col = columnNumber(layout.spill.anchor.replace(/\d+$/, ""));
  return MINING_COLUMNS.map((c, i) => ({ column: columnLetter(col + i), width: SPILL_WIDTH[c.format] ?? 16 }));
}

export function planMiningBlock(input: MiningBlockInput): MiningBlockPlan {
  const { sheet, layout } = input;
  const firstRow = layout.headerRow;
  const miningName = `${input.prefix}_Mining`;
  const cells: PlanCell[] = [];
  cells.push({ ref: `A${firstRow}`, value: "Mining comparison", style: "header" });
  cells.push({ ref: `B${firstRow}`, value: "Value", style: "header" });
  cells.push({ ref: `C${firstRow}`, value: "Source / note", style: "header" });
  for (const t of MINING_TERMS) cells.push({ ref: `A${layout.rows[t.key]}`, value: t.label, style: "label" });
  cells.push(...miningTermCells(layout, input.mining, input.provenance));
  const names: PlanName[] = [
    {
      name: miningName,
      ref: sheetRef(sheet, layout.ref),
      comment: `The mining alternative of the deal on ${sheet}: label, value.`,
    },
  ];
  const tables = [input.tranchesName ?? "", input.capexName ?? ""];
  while (tables.length > 0 && tables[tables.length - 1] === "") tables.pop();
  const args = [input.termsName, miningName, ...tables].join(", ");
  // MININGSUMMARY(terms, mining, [tranches], [capex], [figure], …): both table slots, then the figure.
  const withTables = [input.termsName, miningName, input.tranchesName ?? "", input.capexName ?? ""].join(", ");
  // Figures, live: HPC.MININGSUMMARY by name, one cell each.
  const figuresFirst = Number(/\d+/.exec(layout.figures.ref)?.[0]);
  const hashpriceRow = layout.rows.hashprice;
  MINING_FIGURES.forEach((f, i) => {
    const row = figuresFirst + i;
    cells.push({ ref: `A${row}`, value: f.label, style: "label" });
    cells.push({
      ref: `B${row}`,
      formula:
        f.key === "breakevenHashprice"
          ? `=HPC.BREAKEVENHASHPRICE(${args})`
          : `=HPC.MININGSUMMARY(${withTables}, "${f.key}")`,
      format: f.key === "breakevenHashprice" ? FORMAT_BY_UNIT.hashprice : FORMATS.usd,
      style: "output",
    });
    cells.push({
      ref: `C${row}`,
      value: f.key === "breakevenHashprice" ? `${f.help} Today's: see B${hashpriceRow}.` : f.help,
      style: "note",
    });
  });
  const lastRow = figuresFirst + MINING_FIGURES.length - 1;

  // The monthly comparison: one spill, its header from the function.
  const anchor = parseCell(layout.spill.anchor);
  if (!anchor) throw new RangeError(`bad mining spill anchor ${layout.spill.anchor}`);
  const col = anchor.column;
  const formula = `=HPC.MININGCOMPARISON(${args})`;
  cells.push({ ref: layout.spill.anchor, formula, style: "header" });
  const lastColumn = col + MINING_COLUMNS.length - 1;
  const dataFirst = anchor.row + 1;
  const reservedLast = anchor.row + layout.spill.reservedRows;
  const ranges: PlanRange[] = [
    { ref: rangeRef(col, anchor.row, lastColumn, anchor.row), style: "header" },
    ...MINING_COLUMNS.map((c, i) => ({
      ref: rangeRef(col + i, dataFirst, col + i, reservedLast),
      format: SPILL_FORMAT[c.format] ?? FORMATS.money,
    })),
  ];
  const spill: PlanSchedule = {
    anchor: layout.spill.anchor,
    formula,
    rows: input.spillRows,
    columns: MINING_COLUMNS.length,
    ref: rangeRef(col, anchor.row, lastColumn, anchor.row + input.spillRows - 1),
    reservedRef: rangeRef(col, anchor.row, lastColumn, reservedLast),
  };
  const chart = miningChart(sheet, layout, input.spillRows, input.mining, input.halvingPoints);
  return { cells, names, ranges, chart, miningName, spill, lastRow };
}
