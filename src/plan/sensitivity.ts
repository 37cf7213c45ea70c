/**
 * A sensitivity sheet as a pure plan (analysis.md §11): the two inputs'
 * values as input cells, one live HPC.SENSITIVITY formula whose table spills
 * below them (coloured by a three-colour scale), and the tornado of one-way
 * swings (values as inserted, with its bar chart). Writers apply it; nothing
 * here touches Office.
 */
import {
  money,
  type Decimal,
  type FigureOutcome,
  type SensitivityFigure,
  type SensitivityInput,
  type Tornado,
} from "../core";
import { cellRef, columnLetter, rangeRef, sheetRef } from "./a1";
import { FORMATS, termFormat } from "./formats";
import type { PlanCell, PlanColumn, PlanRange } from "./types";

export interface SensitivityAxisPlan {
  readonly input: Pick<SensitivityInput, "key" | "label" | "unit">;
  readonly values: readonly Decimal[];
}

export interface SensitivityPlanInput {
  /** The new sheet's name (unique in the workbook: the caller checks). */
  readonly sheet: string;
  /** The deal's title, for the sheet's heading. */
  readonly dealTitle: string;
  readonly figure: Pick<SensitivityFigure, "key" | "label" | "format">;
  readonly rows: SensitivityAxisPlan;
  readonly cols: SensitivityAxisPlan;
  /** The deal's defined names: the function reads its terms (and tranches) live. */
  readonly termsName: string;
  readonly tranchesName: string | null;
  /** The deal's capex table, when its sheet has one. */
  readonly capexName?: string | null;
  /** The deal's mining block, when its sheet has one (mining inputs and the breakeven hashprice need it). */
  readonly miningName?: string | null;
  /** One-way swings computed by core when the sheet is planned (values as inserted), or none. */
  readonly tornado?: Tornado;
}

/** A three-colour scale over the table's figures: low red, middle yellow, high green. */
export interface PlanColorScale {
  readonly ref: string;
  readonly low: string;
  readonly mid: string;
  readonly high: string;
}

/** A tornado: a clustered bar chart of each input's change of the figure at its low and its high value. */
export interface PlanBarChart {
  readonly type: "bar";
  readonly title: string;
  /** The inputs' labels, sheet-qualified. */
  readonly categories: string;
  readonly series: readonly { readonly name: string; readonly values: string }[];
  readonly from: string;
  readonly to: string;
  readonly valueFormat: string;
}

export interface SensitivityPlan {
  readonly sheet: string;
  readonly cells: readonly PlanCell[];
  readonly columns: readonly PlanColumn[];
  /** Formats and dressing over areas: the spill's cells are never written, only formatted. */
  readonly ranges: readonly PlanRange[];
  /** The table's spill as inserted: its anchor holds the formula. */
  readonly table: { readonly anchor: string; readonly ref: string; readonly rows: number; readonly columns: number };
  readonly colorScale: PlanColorScale | null;
  readonly chart: PlanBarChart | null;
}

const ROW = Object.freeze({ title: 1, note: 2, rowsInput: 4, colsInput: 5, table: 7 });

function valueFormat(unit: SensitivityInput["unit"]): string | undefined {
  switch (unit) {
    case "hashprice":
      return FORMATS.usd;
    case "kwh":
      return "$0.0000";
    case "efficiency":
      return "0.0#";
    case "dates":
      return undefined;
    default:
      return termFormat(unit);
  }
}

function figureFormat(figure: Pick<SensitivityFigure, "format">): string {
  return figure.format === "usd" ? FORMATS.usd : FORMATS.percent;
}

/** A formula's text argument: quotes doubled (keys are plain identifiers, but the rule costs nothing). */
function text(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** The live formula of the table. */
export function sensitivityFormula(input: SensitivityPlanInput): string {
  const rowsRef = rangeRef(2, ROW.rowsInput, 1 + input.rows.values.length, ROW.rowsInput);
  const colsRef = rangeRef(2, ROW.colsInput, 1 + input.cols.values.length, ROW.colsInput);
  const abs = (ref: string) => ref.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  const args = [
    text(input.figure.key),
    text(input.rows.input.key),
    abs(rowsRef),
    text(input.cols.input.key),
    abs(colsRef),
    input.termsName,
  ];
  // As the schedule's formula passes them: a blank tranches argument when there is capex but no tranches.
  const capex = input.capexName ?? null;
  const mining = input.miningName ?? null;
  if (input.tranchesName !== null || capex !== null || mining !== null) args.push(input.tranchesName ?? "");
  if (capex !== null || mining !== null) args.push(capex ?? "");
  if (mining !== null) args.push(mining);
  return `=HPC.SENSITIVITY(${args.join(",")})`;
}

function outcomeValue(o: FigureOutcome, figure: Pick<SensitivityFigure, "format">): string | number {
  if (!o.ok) return o.text;
  return figure.format === "usd" ? Number(money(o.value)) : o.value.toNumber();
}

export function planSensitivity(input: SensitivityPlanInput): SensitivityPlan {
  const { figure, rows, cols } = input;
  const cells: PlanCell[] = [
    { ref: cellRef(1, ROW.title), value: `${figure.label}: sensitivity of ${input.dealTitle}`, style: "title" },
    {
      ref: cellRef(1, ROW.note),
      value:
        "Each cell is the deal with both inputs replaced (HPC.SENSITIVITY, live): change the values in rows 4-5 or the deal's terms. A cell with text says why it has no value.",
      style: "note",
    },
    { ref: cellRef(1, ROW.rowsInput), value: `Rows: ${rows.input.label}`, style: "label" },
    { ref: cellRef(1, ROW.colsInput), value: `Columns: ${cols.input.label}`, style: "label" },
  ];
  rows.values.forEach((v, i) =>
    cells.push({
      ref: cellRef(2 + i, ROW.rowsInput),
      value: v.toNumber(),
      style: "input",
      format: valueFormat(rows.input.unit),
    }),
  );
  cols.values.forEach((v, i) =>
    cells.push({
      ref: cellRef(2 + i, ROW.colsInput),
      value: v.toNumber(),
      style: "input",
      format: valueFormat(cols.input.unit),
    }),
  );
  const tableRows = rows.values.length + 1;
  const tableColumns = cols.values.length + 1;
  const anchor = cellRef(1, ROW.table);
  cells.push({ ref: anchor, formula: sensitivityFormula(input) });
  const lastRow = ROW.table + tableRows - 1;
  const lastColumn = tableColumns;
  const body = rangeRef(2, ROW.table + 1, lastColumn, lastRow);
  // The spill's formats and dressing as ranges, never as cells: a cell written there would block the spill.
  const ranges: PlanRange[] = [
    { ref: rangeRef(1, ROW.table, lastColumn, ROW.table), style: "header" },
    { ref: rangeRef(1, ROW.table + 1, 1, lastRow), style: "header" },
    { ref: body, style: "output", format: figureFormat(figure) },
  ];
  const colsFormat = valueFormat(cols.input.unit);
  const rowsFormat = valueFormat(rows.input.unit);
  if (colsFormat !== undefined) ranges.push({ ref: rangeRef(2, ROW.table, lastColumn, ROW.table), format: colsFormat });
  if (rowsFormat !== undefined) ranges.push({ ref: rangeRef(1, ROW.table + 1, 1, lastRow), format: rowsFormat });

  let chart: PlanBarChart | null = null;
  const tornado = input.tornado;
  if (tornado !== undefined && tornado.bars.length > 0) {
    const top = lastRow + 3;
    const base = tornado.base;
    cells.push(
      {
        ref: cellRef(1, top),
        value: `Tornado: ${figure.label} with one input at a time at its low and high value (values as inserted)`,
        style: "subtitle",
      },
      { ref: cellRef(1, top + 1), value: `Base: ${base.ok ? "" : base.text}`, style: "label" },
    );
    if (base.ok)
      cells.push({
        ref: cellRef(2, top + 1),
        value: outcomeValue(base, figure),
        format: figureFormat(figure),
        style: "output",
      });
    const headerRow = top + 2;
    const headers = ["Input", "Low", "High", "At low", "At high", "Swing", "Low − base", "High − base"];
    headers.forEach((h, i) => cells.push({ ref: cellRef(1 + i, headerRow), value: h, style: "header" }));
    tornado.bars.forEach((bar, i) => {
      const r = headerRow + 1 + i;
      const f = figureFormat(figure);
      const diff = (o: FigureOutcome) =>
        o.ok && base.ok ? outcomeValue({ ok: true, value: o.value.minus(base.value) }, figure) : "";
      cells.push(
        { ref: cellRef(1, r), value: bar.input.label, style: "label" },
        { ref: cellRef(2, r), value: bar.low.toNumber(), format: valueFormat(bar.input.unit), style: "output" },
        { ref: cellRef(3, r), value: bar.high.toNumber(), format: valueFormat(bar.input.unit), style: "output" },
        { ref: cellRef(4, r), value: outcomeValue(bar.atLow, figure), format: f, style: "output" },
        { ref: cellRef(5, r), value: outcomeValue(bar.atHigh, figure), format: f, style: "output" },
        {
          ref: cellRef(6, r),
          value: bar.swing === null ? "" : outcomeValue({ ok: true, value: bar.swing }, figure),
          format: f,
          style: "output",
        },
        { ref: cellRef(7, r), value: diff(bar.atLow), format: f, style: "output" },
        { ref: cellRef(8, r), value: diff(bar.atHigh), format: f, style: "output" },
      );
    });
    const first = headerRow + 1;
    const last = headerRow + tornado.bars.length;
    chart = {
      type: "bar",
      title: `${figure.label}: change from the base, one input at a time`,
      categories: sheetRef(input.sheet, rangeRef(1, first, 1, last)),
      series: [
        { name: "Low − base", values: sheetRef(input.sheet, rangeRef(7, first, 7, last)) },
        { name: "High − base", values: sheetRef(input.sheet, rangeRef(8, first, 8, last)) },
      ],
      from: cellRef(10, top),
      to: cellRef(17, top + 18),
      valueFormat: figure.format === "usd" ? FORMATS.chartMoney : FORMATS.percent,
    };
  }

  const columns: PlanColumn[] = [{ column: "A", width: 34 }];
  for (let c = 2; c <= Math.max(lastColumn, 8); c++) columns.push({ column: columnLetter(c), width: 16 });
  return {
    sheet: input.sheet,
    cells: cells,
    columns,
    ranges,
    chart,
    table: { anchor, ref: rangeRef(1, ROW.table, lastColumn, lastRow), rows: tableRows, columns: tableColumns },
    colorScale:
      tableRows > 1 && tableColumns > 1 ? { ref: body, low: "#F8696B", mid: "#FFEB84", high: "#63BE7B" } : null,
  };
}
