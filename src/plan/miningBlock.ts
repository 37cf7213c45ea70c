/**
 * The hosting-versus-mining piece of a deal sheet (analysis.md §8), as plan
 * data: the mining inputs (labels, values, provenance) under a name, the
 * comparison's figures as live HPC formulas, the monthly comparison as one
 * spill, and a chart of the hosting cash flow against the mining margin.
 * Pure: the caller places it (rows below the sheet's notes, the spill to the
 * right of the deal's chart) and writes it with the rest of the plan.
 *
 * NOT YET WIRED into planDeal/readBack/the writers (see the report of issue
 * 17): until the sheet reads the block back, inserting a deal with a mining
 * block would drop it.
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
import { columnLetter, rangeRef, sheetRef } from "./a1";
import { FORMATS } from "./formats";
import { provenanceText } from "./provenance";
import type { CellValue, PlanCell, PlanChart, PlanName, PlanRange } from "./types";

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
  readonly provenance?: Readonly<Partial<Record<MiningTermKey, Provenance>>>;
  /** The block's header row in columns A:C (its terms follow). */
  readonly firstRow: number;
  /** The comparison spill's anchor column (1-based) and header row. */
  readonly spillColumn: number;
  readonly spillRow: number;
  /** Rows the comparison spills (its header included), for the chart's ranges. */
  readonly spillRows: number;
  /** The chart's corners. */
  readonly chartFrom: string;
  readonly chartTo: string;
}

export interface MiningBlockPlan {
  readonly cells: readonly PlanCell[];
  readonly names: readonly PlanName[];
  readonly ranges: readonly PlanRange[];
  readonly chart: PlanChart;
  readonly miningName: string;
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

export function planMiningBlock(input: MiningBlockInput): MiningBlockPlan {
  const { sheet, firstRow } = input;
  const miningName = `${input.prefix}_Mining`;
  const cells: PlanCell[] = [];
  cells.push({ ref: `A${firstRow}`, value: "Mining comparison", style: "header" });
  cells.push({ ref: `B${firstRow}`, value: "Value", style: "header" });
  cells.push({ ref: `C${firstRow}`, value: "Source / note", style: "header" });
  const termRow = (i: number) => firstRow + 1 + i;
  MINING_TERMS.forEach((t, i) => {
    const row = termRow(i);
    const value = cellValue(t.key, input.mining[t.key]);
    cells.push({ ref: `A${row}`, value: t.label, style: "label" });
    cells.push({ ref: `B${row}`, value, format: FORMAT_BY_UNIT[t.unit], style: "input", help: t.help });
    const note = [value === null ? (DEFAULT_NOTE[t.key] ?? "") : "", provenanceText(input.provenance?.[t.key])]
      .filter((s) => s !== "")
      .join(" ");
    if (note !== "") cells.push({ ref: `C${row}`, value: note, style: "provenance" });
  });
  const lastTerm = termRow(MINING_TERMS.length - 1);
  const names: PlanName[] = [
    {
      name: miningName,
      ref: sheetRef(sheet, rangeRef(1, firstRow + 1, 2, lastTerm)),
      comment: `The mining alternative of the deal on ${sheet}: label, value.`,
    },
  ];
  const tables = [input.tranchesName ?? "", input.capexName ?? ""];
  while (tables.length > 0 && tables[tables.length - 1] === "") tables.pop();
  const args = [input.termsName, miningName, ...tables].join(", ");
  // MININGSUMMARY(terms, mining, [tranches], [capex], [figure], …): both table slots, then the figure.
  const withTables = [input.termsName, miningName, input.tranchesName ?? "", input.capexName ?? ""].join(", ");
  // Figures, live: HPC.MININGSUMMARY by name, one cell each.
  const figuresFirst = lastTerm + 2;
  const hashpriceRow = termRow(MINING_TERMS.findIndex((t) => t.key === "hashprice"));
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
  const col = input.spillColumn;
  cells.push({
    ref: `${columnLetter(col)}${input.spillRow}`,
    formula: `=HPC.MININGCOMPARISON(${args})`,
    style: "header",
  });
  const dataFirst = input.spillRow + 1;
  const dataLast = input.spillRow + input.spillRows - 1;
  const ranges: PlanRange[] = MINING_COLUMNS.map((c, i) => ({
    ref: rangeRef(col + i, dataFirst, col + i, dataLast),
    format:
      c.format === "date"
        ? FORMATS.date
        : c.format === "hashprice"
          ? "#,##0.00##"
          : c.format === "hashrate"
            ? "#,##0.0##"
            : FORMATS.money,
  }));
  const colOf = (key: string) => col + MINING_COLUMNS.findIndex((c) => c.key === key);
  const data = (key: string) => sheetRef(sheet, rangeRef(colOf(key), dataFirst, colOf(key), dataLast));
  const halvings = Array.isArray(input.mining.halvingDates)
    ? (input.mining.halvingDates as unknown[]).map(String)
    : [...DEFAULT_HALVING_DATES];
  const chart: PlanChart = {
    type: "line",
    title:
      halvings.length > 0
        ? `Hosting cash flow and mining margin (halvings: ${halvings.map((d) => d.slice(0, 7)).join(", ")})`
        : "Hosting cash flow and mining margin",
    categories: data("date"),
    series: (["hostingCashFlow", "miningMargin"] as const).map((key) => ({
      name: MINING_COLUMNS.find((c) => c.key === key)?.label ?? key,
      nameRef: sheetRef(sheet, `${columnLetter(colOf(key))}${input.spillRow}`),
      values: data(key),
    })),
    from: input.chartFrom,
    to: input.chartTo,
    points: input.spillRows - 1,
    categoryFormat: FORMATS.chartDate,
    valueFormat: FORMATS.chartMoney,
  };
  return { cells, names, ranges, chart, miningName, lastRow };
}
