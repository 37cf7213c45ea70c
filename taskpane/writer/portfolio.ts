/**
 * Inserting a portfolio sheet (src/plan/portfolioSheet.ts) through Office.js:
 * the deal sheets' terms are read (to size the chart as inserted), the sheet
 * is written in one batch, then its stacked column chart. On any failure the
 * partial sheet is removed; nothing else is written (a portfolio sheet
 * defines no names and keeps no record).
 */
import { validateDeal, type CalendarDate, type PeriodOptions } from "../../src/core";
import {
  parseCell,
  planPortfolioSheet,
  type PortfolioSheetDeal,
  type PortfolioSheetPlan,
  type ReportedRow,
} from "../../src/plan";
import { writeCell } from "./cells";
import { addChart } from "./chart";
import { describeError } from "./errors";
import type { ExcelContextLike } from "./excelLike";
import type { InsertOutcome } from "./insert";
import { existingNames, findDealSheets } from "./records";
import { applyStyle, charactersToPoints } from "./styles";
import { readDealSheet } from "./update";

/** What the pane asks for: deal sheets by id, a period, a run-rate date, and reported figures (optional). */
export interface PortfolioRequest {
  readonly name: string;
  readonly sheetIds: readonly string[];
  readonly period: PeriodOptions;
  readonly runRateDate: CalendarDate;
  readonly reported?: readonly ReportedRow[];
  readonly notes?: readonly string[];
}

/** The deals of the request as the plan needs them, or why not. */
export async function portfolioDeals(
  ctx: ExcelContextLike,
  sheetIds: readonly string[],
): Promise<PortfolioSheetDeal[] | string> {
  const sheets = await findDealSheets(ctx);
  const deals: PortfolioSheetDeal[] = [];
  for (const id of sheetIds) {
    const found = sheets.find((s) => s.sheetId === id);
    if (!found) return "a deal sheet chosen is no longer in this workbook";
    const read = await readDealSheet(ctx, id);
    if (!read.ok) return read.reason;
    const checked = validateDeal(read.file, { dates: "excel" });
    if (!checked.ok) return `${found.sheet}: ${checked.error.message}`;
    const info = found.record.deal;
    deals.push({ title: info.title, termsName: info.termsName, tranchesName: info.tranchesName, terms: checked.value });
  }
  return deals;
}

/** A format for every cell of a range (Office.js wants one per cell). */
function filled(ref: string, value: string): string[][] {
  const [a, b = a] = ref.split(":");
  const from = parseCell(a);
  const to = parseCell(b);
  if (!from || !to) throw new RangeError(`not an A1 range: ${ref}`);
  return Array.from({ length: to.row - from.row + 1 }, () =>
    Array.from({ length: to.column - from.column + 1 }, () => value),
  );
}

/** Writes the plan as a new sheet, all or nothing. */
export async function insertPortfolioPlan(ctx: ExcelContextLike, plan: PortfolioSheetPlan): Promise<InsertOutcome> {
  try {
    const sheet = ctx.workbook.worksheets.add(plan.sheet);
    sheet.load("id,name");
    for (const r of plan.ranges) {
      const range = sheet.getRange(r.ref);
      if (r.format !== undefined) range.numberFormat = filled(r.ref, r.format);
      if (r.style) applyStyle(range, r.style);
      if (r.merge) range.merge(false);
      if (r.wrap) range.format.wrapText = true;
    }
    for (const c of plan.columns)
      sheet.getRange(`${c.column}:${c.column}`).format.columnWidth = charactersToPoints(c.width);
    for (const cell of plan.cells) writeCell(sheet, cell, { validation: true });
    await ctx.sync();
    // The series are set explicitly over the table's fixed ranges (chart.ts): the table is custom
    // functions' output, which reaches Excel after a delay, so a chart made over it may have none yet.
    if (plan.chart.series.length > 0 && plan.chart.points > 0) {
      await addChart(ctx, sheet, plan.chart, `${plan.sheet.replace(/[^A-Za-z0-9]/g, "")}_Chart`);
    }
    return { ok: true, sheet: plan.sheet, sheetId: sheet.id };
  } catch (e) {
    const reason = describeError(e);
    try {
      const partial = ctx.workbook.worksheets.getItemOrNullObject(plan.sheet);
      partial.load("id");
      await ctx.sync();
      if (!partial.isNullObject) partial.delete();
      await ctx.sync();
    } catch (cleanup) {
      return {
        ok: false,
        reason: `The portfolio could not be inserted (${reason}); the clean-up failed: ${describeError(cleanup)}`,
      };
    }
    return { ok: false, reason: `The portfolio could not be inserted: ${reason}. Nothing was left in the workbook.` };
  }
}

/** Reads the chosen deal sheets, plans the portfolio sheet against the workbook's names, and inserts it. */
export async function insertPortfolio(ctx: ExcelContextLike, request: PortfolioRequest): Promise<InsertOutcome> {
  let plan: PortfolioSheetPlan;
  try {
    if (request.sheetIds.length === 0) return { ok: false, reason: "Choose at least one deal sheet." };
    const deals = await portfolioDeals(ctx, request.sheetIds);
    if (typeof deals === "string") return { ok: false, reason: `The portfolio could not be inserted: ${deals}.` };
    const existing = await existingNames(ctx);
    plan = planPortfolioSheet({ ...request, deals }, { existingSheetNames: existing.sheets });
  } catch (e) {
    return { ok: false, reason: `The portfolio could not be inserted: ${describeError(e)}. Nothing was written.` };
  }
  return insertPortfolioPlan(ctx, plan);
}
