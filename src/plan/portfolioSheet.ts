/**
 * The portfolio sheet as data (analysis.md §6–§7): what the pane inserts to
 * put a book of deal sheets side by side, live. Every figure is a formula
 * over the deal sheets' named ranges, so editing a deal's terms moves the
 * portfolio: the run rate at a date, the book by period, each deal's gross
 * fee by period (a stacked column chart) and a "model versus reported" table
 * where an analyst types what the company reported.
 */
import {
  FIGURE_BY_KEY,
  PERIOD_HEADER,
  formatIsoDate,
  parseIsoDate,
  portfolioOfSchedules,
  rollUp,
  toExcelSerial,
  buildSchedule,
  type CalendarDate,
  type PeriodOptions,
  type Terms,
} from "../core";
import { absolute, cellRef, columnLetter, rangeRef, sheetRef } from "./a1";
import { FORMATS } from "./formats";
import { sanitizeSheetName, uniqueSheetName } from "./naming";
import type { PlanCell, PlanColumn, PlanFreeze, PlanRange, PlanSeries } from "./types";

/** One deal of the book: where its ranges are, and its terms (to size the chart as inserted). */
export interface PortfolioSheetDeal {
  readonly title: string;
  readonly termsName: string;
  readonly tranchesName: string | null;
  readonly capexName?: string | null;
  readonly terms: Terms;
}

/** A figure the company reported, typed beside the model (see presets/portfolios.ts). */
export interface ReportedRow {
  readonly period: string;
  readonly amount: number;
  /** For a guided annualized revenue: the run-rate date it is compared at (ISO). */
  readonly runRateDate?: string;
  readonly source: string;
}

export interface PortfolioSheetInput {
  readonly name: string;
  readonly deals: readonly PortfolioSheetDeal[];
  readonly period: PeriodOptions;
  readonly runRateDate: CalendarDate;
  readonly reported?: readonly ReportedRow[];
  readonly notes?: readonly string[];
}

/** A stacked column chart over the by-deal table as inserted. */
export interface PortfolioChart {
  readonly type: "columnStacked";
  readonly title: string;
  readonly categories: string;
  readonly series: readonly PlanSeries[];
  readonly from: string;
  readonly to: string;
  readonly points: number;
  readonly valueFormat: string;
}

export interface PortfolioSheetPlan {
  readonly sheet: string;
  readonly cells: readonly PlanCell[];
  readonly ranges: readonly PlanRange[];
  readonly columns: readonly PlanColumn[];
  readonly freeze: PlanFreeze;
  readonly chart: PortfolioChart;
  /** The cells whose formulas spill (a preview engine re-enters them when the deals change). */
  readonly spills: readonly string[];
}

/** Where things are on the sheet. */
export const PORTFOLIO_LAYOUT = Object.freeze({
  periodRow: 5,
  fiscalRow: 6,
  runRateDateRow: 7,
  runRateRow: 8,
  contractValueRow: 9,
  capacityRow: 10,
  reportedTitleRow: 12,
  reportedHeaderRow: 13,
  reportedFirstRow: 14,
  /** Rows of the reported table beyond the preset's, for the analyst's own. */
  blankReportedRows: 4,
  /** The period table: header row and first column (H). */
  tableRow: 5,
  tableColumn: 8,
  /** The by-deal table's first column (V). */
  byDealColumn: 22,
  reservedRows: 2400,
});

const L = PORTFOLIO_LAYOUT;
const TEXT = FORMATS.text;

function text(ref: string, value: string, style: PlanCell["style"] = "label"): PlanCell {
  return { ref, value, format: TEXT, style };
}

/** The repeating deals argument: terms, tranches, capex of each deal. */
export function dealArguments(deals: readonly PortfolioSheetDeal[]): string {
  // Trailing left-out ranges are dropped: `A_Terms,,,B_Terms` rather than `…,B_Terms,,`.
  return deals
    .map((d) => `${d.termsName},${d.tranchesName ?? ""},${d.capexName ?? ""}`)
    .join(",")
    .replace(/,+$/, "");
}

function excelDate(d: CalendarDate): string {
  return `DATE(${d.year},${d.month},${d.day})`;
}

/** The sheet's name: "Portfolio – <name>", unique in the workbook. */
export function portfolioSheetName(name: string, existing: readonly string[]): string {
  const base = sanitizeSheetName(name.trim() === "" ? "Portfolio" : `Book – ${name}`).slice(0, 31);
  return uniqueSheetName(base, existing);
}

export function planPortfolioSheet(
  input: PortfolioSheetInput,
  options: { existingSheetNames?: readonly string[] } = {},
): PortfolioSheetPlan {
  if (input.deals.length === 0) throw new RangeError("a portfolio needs at least one deal");
  const sheet = portfolioSheetName(input.name, options.existingSheetNames ?? []);
  const deals = dealArguments(input.deals);
  const { period, fiscalYearEndMonth } = input.period;
  const periodArgs = `"${period}",${fiscalYearEndMonth}`;
  const cells: PlanCell[] = [];
  const ranges: PlanRange[] = [];

  // Title block.
  cells.push(text("A1", input.name.trim() === "" ? "Portfolio" : input.name, "title"));
  cells.push(
    text(
      "A2",
      `${input.deals.length} deal${input.deals.length === 1 ? "" : "s"}: ${input.deals.map((d) => d.title).join(" · ")}`,
      "subtitle",
    ),
  );
  cells.push(
    text(
      "A3",
      "Live: every figure reads the deal sheets' named ranges, so a change of a deal's terms moves the portfolio.",
      "note",
    ),
  );

  // Inputs and figures.
  cells.push(text(`A${L.periodRow}`, "Period"), text(`B${L.periodRow}`, period, "output"));
  cells.push(text(`A${L.fiscalRow}`, "Fiscal year ends in month"), {
    ref: `B${L.fiscalRow}`,
    value: fiscalYearEndMonth,
    format: FORMATS.months,
    style: "output",
  });
  cells.push(text(`C${L.periodRow}`, "Chosen when the sheet was inserted (insert again to change).", "note"));
  cells.push(text(`A${L.runRateDateRow}`, "Run-rate date"), {
    ref: `B${L.runRateDateRow}`,
    value: toExcelSerial(input.runRateDate),
    format: FORMATS.date,
    style: "input",
    help: "The date the run rate is taken at: 12 × the gross fee of the month containing it.",
  });
  cells.push(text(`A${L.runRateRow}`, "Run rate ($ a year)"), {
    ref: `B${L.runRateRow}`,
    formula: `=HPC.PORTFOLIORUNRATE($B$${L.runRateDateRow},${deals})`,
    format: FORMATS.usd,
    style: "output",
  });
  cells.push(text(`C${L.runRateRow}`, "12 × the book's gross fee of the month containing the date.", "note"));
  cells.push(text(`A${L.contractValueRow}`, FIGURE_BY_KEY.contractValue.label), {
    ref: `B${L.contractValueRow}`,
    formula: `=HPC.PORTFOLIOSUMMARY("contractValue",,${deals})`,
    format: FORMATS.usd,
    style: "output",
  });
  cells.push(text(`A${L.capacityRow}`, FIGURE_BY_KEY.capacityMW.label), {
    ref: `B${L.capacityRow}`,
    formula: `=HPC.PORTFOLIOSUMMARY("capacityMW",,${deals})`,
    format: FORMATS.mw,
    style: "output",
  });

  // The book by period.
  const table = cellRef(L.tableColumn, L.tableRow);
  const lastTableColumn = L.tableColumn + PERIOD_HEADER.length - 1;
  const periodLabel = period === "month" ? "month" : period === "quarter" ? "quarter" : "year";
  cells.push(
    text(
      cellRef(L.tableColumn, L.tableRow - 1),
      `The book by ${periodLabel}${fiscalYearEndMonth === 12 ? "" : ` (fiscal year ending in month ${fiscalYearEndMonth})`}`,
      "subtitle",
    ),
  );
  cells.push({ ref: table, formula: `=HPC.PORTFOLIOPERIODS(${periodArgs},${deals})` });
  const first = L.tableRow + 1;
  const last = L.tableRow + L.reservedRows;
  ranges.push({ ref: rangeRef(L.tableColumn, L.tableRow, lastTableColumn, L.tableRow), style: "header" });
  ranges.push({ ref: rangeRef(L.tableColumn + 1, first, L.tableColumn + 2, last), format: FORMATS.date });
  ranges.push({ ref: rangeRef(L.tableColumn + 3, first, L.tableColumn + 3, last), format: FORMATS.months });
  ranges.push({ ref: rangeRef(L.tableColumn + 4, first, L.tableColumn + 4, last), format: FORMATS.mw });
  ranges.push({ ref: rangeRef(L.tableColumn + 5, first, lastTableColumn, last), format: FORMATS.money });

  // Each deal's gross fee by period: the chart's data.
  const byDeal = cellRef(L.byDealColumn, L.tableRow);
  const lastByDeal = L.byDealColumn + input.deals.length;
  cells.push(text(cellRef(L.byDealColumn, L.tableRow - 1), "Gross fee by deal", "subtitle"));
  cells.push({ ref: byDeal, formula: `=HPC.PORTFOLIOBYDEAL(${periodArgs},${deals})` });
  ranges.push({ ref: rangeRef(L.byDealColumn, L.tableRow, lastByDeal, L.tableRow), style: "header" });
  ranges.push({ ref: rangeRef(L.byDealColumn + 1, first, lastByDeal, last), format: FORMATS.money });

  // Model versus reported.
  const reported = input.reported ?? [];
  cells.push(text(`A${L.reportedTitleRow}`, "Model versus reported", "subtitle"));
  const headers = ["Period", "Reported", "Model (gross fee)", "Variance", "Variance %", "Source"];
  headers.forEach((h, i) => cells.push(text(cellRef(1 + i, L.reportedHeaderRow), h, "header")));
  const labels = absolute(rangeRef(L.tableColumn, first, L.tableColumn, last));
  const grossFees = absolute(rangeRef(L.tableColumn + 5, first, L.tableColumn + 5, last));
  const rows = reported.length + L.blankReportedRows;
  for (let i = 0; i < rows; i++) {
    const row = L.reportedFirstRow + i;
    const r = reported[i];
    const runRateDate = r?.runRateDate ? parseIsoDate(r.runRateDate) : undefined;
    cells.push({ ref: `A${row}`, value: r?.period ?? null, format: TEXT, style: "input" });
    cells.push({ ref: `B${row}`, value: r?.amount ?? null, format: FORMATS.usd, style: "input" });
    cells.push({
      ref: `C${row}`,
      formula: runRateDate
        ? `=HPC.PORTFOLIORUNRATE(${excelDate(runRateDate)},${deals})`
        : `=IF($A${row}="","",IFERROR(INDEX(${grossFees},MATCH($A${row},${labels},0)),""))`,
      format: FORMATS.usd,
      style: "output",
    });
    cells.push({
      ref: `D${row}`,
      formula: `=IF(OR($B${row}="",$C${row}=""),"",$B${row}-$C${row})`,
      format: FORMATS.usd,
    });
    cells.push({
      ref: `E${row}`,
      formula: `=IF(OR($B${row}="",$C${row}="",$C${row}=0),"",$D${row}/$C${row})`,
      format: FORMATS.percent,
    });
    if (r)
      cells.push(
        text(
          `F${row}`,
          runRateDate ? `Run rate at ${formatIsoDate(runRateDate)}. ${r.source}` : r.source,
          "provenance",
        ),
      );
  }
  let noteRow = L.reportedFirstRow + rows + 1;
  const notes = [
    "Type a period label as the table writes it (Q1 2025) and the reported amount: the model column finds that period's gross fee in the book's table.",
    ...(input.notes ?? []),
  ];
  for (const n of notes) {
    cells.push(text(`A${noteRow}`, n, "note"));
    ranges.push({ ref: `A${noteRow}:F${noteRow}`, merge: true, wrap: true });
    noteRow++;
  }

  // The chart, sized for the by-deal table as inserted.
  const book = portfolioOfSchedules(
    { name: input.name, deals: input.deals.map((d) => d.terms), discountRate: null },
    input.deals.map((d) => ({ terms: d.terms, schedule: buildSchedule(d.terms) })),
    null,
  );
  const points = rollUp(book.combined, input.period).length;
  const dataLast = L.tableRow + points;
  const chartTop = noteRow + 1;
  const chart: PortfolioChart = {
    type: "columnStacked",
    title: `Gross fee by deal, by ${periodLabel}`,
    categories: sheetRef(sheet, rangeRef(L.byDealColumn, first, L.byDealColumn, dataLast)),
    series: input.deals.map((d, i) => {
      const col = L.byDealColumn + 1 + i;
      return {
        name: d.title,
        nameRef: sheetRef(sheet, `${columnLetter(col)}${L.tableRow}`),
        values: sheetRef(sheet, rangeRef(col, first, col, dataLast)),
      };
    }),
    from: `A${chartTop}`,
    to: `F${chartTop + 20}`,
    points,
    valueFormat: FORMATS.chartMoney,
  };

  const columns: PlanColumn[] = [
    { column: "A", width: 26 },
    { column: "B", width: 18 },
    { column: "C", width: 18 },
    { column: "D", width: 16 },
    { column: "E", width: 11 },
    { column: "F", width: 40 },
    { column: columnLetter(L.tableColumn), width: 12 },
    ...Array.from({ length: PERIOD_HEADER.length - 1 }, (_, i) => ({
      column: columnLetter(L.tableColumn + 1 + i),
      width: 15,
    })),
    { column: columnLetter(L.byDealColumn), width: 12 },
    ...input.deals.map((_, i) => ({ column: columnLetter(L.byDealColumn + 1 + i), width: 16 })),
  ];
  return { sheet, cells, ranges, columns, freeze: { rows: 0, columns: 0 }, chart, spills: [table, byDeal] };
}
