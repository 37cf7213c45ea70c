/**
 * Insert: one plan, one new sheet. First a read of what the workbook holds
 * (sheet ids, names, records), so that a rollback removes only what this
 * insert created. Every write is queued and sent in one batch (one sync),
 * the sheet marked with its record's key; then the record. If either fails,
 * the new sheet, the names it added and its record are removed, and the
 * reason is returned. The chart comes last and on its own: a custom
 * function's spill reaches Excel after a delay, so the chart's series are
 * set explicitly over the schedule's fixed range, and a chart that cannot be
 * made leaves the sheet in place with a message.
 */
import { columnLetter, parseCell, type SheetPlan } from "../../src/plan";
import { mergedRowHeights } from "../../src/xlsx/rowHeights";
import { writeCell, writtenValues } from "./cells";
import { addChart, chartName } from "./chart";
import type { ExcelContextLike, WorksheetLike } from "./excelLike";
import { DEAL_NAMESPACE, SHEET_MARKER, newRecordKey, recordFromXml, recordToXml } from "./metadata";
import { applyStyle, charactersToPoints } from "./styles";
import type { InsertOutcome } from "./dealSheets";
import { describeError } from "./errors";

export type { InsertOutcome } from "./dealSheets";

function size(ref: string): { rows: number; columns: number } {
  const [a, b = a] = ref.split(":");
  const from = parseCell(a);
  const to = parseCell(b);
  if (!from || !to) throw new RangeError(`not an A1 range: ${ref}`);
  return { rows: to.row - from.row + 1, columns: to.column - from.column + 1 };
}

function fill<T>(ref: string, value: T): T[][] {
  const { rows, columns } = size(ref);
  return Array.from({ length: rows }, () => Array.from({ length: columns }, () => value));
}

/** Queues a plan's names, ranges, column widths and cells on a sheet (a new sheet's, or a block added to one). */
export function queueCells(
  sheet: WorksheetLike,
  ctx: ExcelContextLike,
  plan: Pick<SheetPlan, "names" | "ranges" | "columns" | "cells">,
): void {
  // Names before the formulas that use them.
  for (const n of plan.names) ctx.workbook.names.add(n.name, `=${n.ref}`, n.comment);
  for (const r of plan.ranges) {
    const range = sheet.getRange(r.ref);
    if (r.format !== undefined) range.numberFormat = fill(r.ref, r.format);
    if (r.style) applyStyle(range, r.style);
    if (r.merge) range.merge(false);
    if (r.wrap) range.format.wrapText = true;
  }
  for (const c of plan.columns)
    sheet.getRange(`${c.column}:${c.column}`).format.columnWidth = charactersToPoints(c.width);
  const labels = new Map<string, string>();
  for (const c of plan.cells) if (c.style === "label" && typeof c.value === "string") labels.set(c.ref, c.value);
  const labelOf = (ref: string) => {
    const cell = parseCell(ref);
    return cell ? labels.get(`A${cell.row}`) : undefined;
  };
  for (const cell of plan.cells) writeCell(sheet, cell, { validation: true, labelOf });
}

/** Queues every write of the plan on a new sheet; nothing is sent. */
export function queuePlan(sheet: WorksheetLike, ctx: ExcelContextLike, plan: SheetPlan): void {
  queueCells(sheet, ctx, plan);
  // Excel does not fit a merged cell's row to its wrapped text: set the height, as the .xlsx does.
  for (const { row, height } of mergedRowHeights(plan)) sheet.getRange(`A${row}`).format.rowHeight = height;
  if (plan.freeze.rows > 0 && plan.freeze.columns === 0) sheet.freezePanes.freezeRows(plan.freeze.rows);
  else if (plan.freeze.rows > 0 && plan.freeze.columns > 0) {
    sheet.freezePanes.freezeAt(sheet.getRange(`A1:${columnLetter(plan.freeze.columns)}${plan.freeze.rows}`));
  }
}

/** What the workbook held before an insert: a rollback removes only what is not in here. */
export interface WorkbookSnapshot {
  readonly sheetIds: ReadonlySet<string>;
  /** Lower-cased: Excel's names are case-insensitive. */
  readonly names: ReadonlySet<string>;
  readonly partIds: ReadonlySet<string>;
}

/** Reads the snapshot. One sync, reads only. */
export async function snapshotWorkbook(ctx: ExcelContextLike): Promise<WorkbookSnapshot> {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/id");
  const names = ctx.workbook.names;
  names.load("items/name");
  const parts = ctx.workbook.customXmlParts.getByNamespace(DEAL_NAMESPACE);
  parts.load("items/id");
  await ctx.sync();
  return {
    sheetIds: new Set(sheets.items.map((s) => s.id)),
    names: new Set(names.items.map((n) => n.name.toLowerCase())),
    partIds: new Set(parts.items.map((p) => p.id)),
  };
}

/** Writes the plan as a new sheet. The plan's sheet and names must be new (plan it with the workbook's names). */
export async function insertPlan(ctx: ExcelContextLike, plan: SheetPlan): Promise<InsertOutcome> {
  let before: WorkbookSnapshot;
  try {
    before = await snapshotWorkbook(ctx);
  } catch (e) {
    return { ok: false, reason: `The deal could not be inserted: ${describeError(e)}. Nothing was written.` };
  }
  const key = newRecordKey();
  let sheet: WorksheetLike;
  let sheetId: string;
  try {
    sheet = ctx.workbook.worksheets.add(plan.sheet);
    sheet.load("id,name");
    queuePlan(sheet, ctx, plan);
    sheet.customProperties.add(SHEET_MARKER, key);
    await ctx.sync();
    sheetId = sheet.id;

    const written = writtenValues(plan.deal.layout, plan.cells);
    ctx.workbook.customXmlParts.add(recordToXml({ key, sheetId, sheetName: plan.sheet, deal: plan.deal, written }));
    await ctx.sync();
  } catch (e) {
    const reason = describeError(e);
    const cleanup = await rollbackInsert(ctx, plan, before, key);
    return {
      ok: false,
      reason: cleanup
        ? `The deal could not be inserted (${reason}); the partial sheet was removed, but the clean-up failed: ${cleanup}`
        : `The deal could not be inserted: ${reason}. Nothing was left in the workbook.`,
    };
  }

  // Each chart on its own: one that cannot be made leaves the sheet (complete) and the other charts in place.
  const warnings: string[] = [];
  const made = new Set<string>();
  for (const chart of plan.charts) {
    const name = chartName(plan.deal.prefix, chart.role);
    try {
      await addChart(ctx, sheet, chart, name);
      made.add(name);
    } catch (e) {
      await removeChartsNotNamed(ctx, sheet, made);
      warnings.push(
        `a chart could not be added (${describeError(e)}); to draw it, insert a line chart of ` +
          `${chart.series.map((s) => s.name).join(", ")} over ${chart.categories}`,
      );
    }
  }
  if (warnings.length === 0) return { ok: true, sheet: plan.sheet, sheetId };
  return {
    ok: true,
    sheet: plan.sheet,
    sheetId,
    warning: `Inserted "${plan.sheet}", but ${warnings.join("; and ")}. The sheet is complete.`,
  };
}

/**
 * Removes what a failed addChart left on the new sheet: every chart but those made before it (the
 * sheet is the insert's own, so any other chart is the part-made one, named or not yet: a failure
 * between charts.add and its name leaves Excel's "Chart n"). A failure here changes nothing for the
 * user: the message already says the chart is missing.
 */
async function removeChartsNotNamed(ctx: ExcelContextLike, sheet: WorksheetLike, keep: ReadonlySet<string>) {
  try {
    sheet.charts.load("items/name");
    await ctx.sync();
    const left = sheet.charts.items.filter((c) => !keep.has(c.name));
    if (left.length === 0) return;
    for (const c of left) c.delete();
    await ctx.sync();
  } catch {
    // The message already says the chart is missing.
  }
}

/**
 * Removes what a failed insert created, and only that: a sheet whose id was
 * not in the workbook before (and that has the plan's name), the plan's
 * names that did not exist before (case-insensitively, as Excel compares
 * them), and a record part that is new and carries this insert's key. A sheet
 * or a name of the user's that happens to share a name is never touched.
 * Returns null, or why the clean-up itself failed.
 */
export async function rollbackInsert(
  ctx: ExcelContextLike,
  plan: SheetPlan,
  before: WorkbookSnapshot,
  key: string,
): Promise<string | null> {
  try {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/id,items/name");
    const names = plan.names
      .filter((n) => !before.names.has(n.name.toLowerCase()))
      .map((n) => ctx.workbook.names.getItemOrNullObject(n.name));
    for (const n of names) n.load("name");
    const parts = ctx.workbook.customXmlParts.getByNamespace(DEAL_NAMESPACE);
    parts.load("items/id");
    await ctx.sync();
    const newParts = parts.items.filter((p) => !before.partIds.has(p.id)).map((p) => ({ p, xml: p.getXml() }));
    if (newParts.length > 0) await ctx.sync();
    for (const n of names) if (!n.isNullObject) n.delete();
    for (const s of sheets.items) {
      if (!before.sheetIds.has(s.id) && s.name.toLowerCase() === plan.sheet.toLowerCase()) s.delete();
    }
    for (const { p, xml } of newParts) if (recordFromXml(xml.value)?.key === key) p.delete();
    await ctx.sync();
    return null;
  } catch (e) {
    return describeError(e);
  }
}
