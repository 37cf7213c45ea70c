/**
 * Insert: one plan, one new sheet. Every write is queued and sent in one
 * batch (one sync); then the chart, over the spill the first batch made,
 * and the record of what was written, in a second. If either fails, the
 * partial sheet, its names and its record are removed, and the reason is
 * returned for the pane to show.
 */
import { columnLetter, parseCell, type SheetPlan } from "../../src/plan";
import { writeCell, writtenValues } from "./cells";
import { addChart, chartName } from "./chart";
import type { ExcelContextLike, WorksheetLike } from "./excelLike";
import { DEAL_NAMESPACE, recordFromXml, recordToXml } from "./metadata";
import { applyStyle, charactersToPoints } from "./styles";
import { describeError } from "./errors";

export type InsertOutcome =
  | { readonly ok: true; readonly sheet: string; readonly sheetId: string }
  | { readonly ok: false; readonly reason: string };

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

/** Queues every write of the plan on a new sheet; nothing is sent. */
export function queuePlan(sheet: WorksheetLike, ctx: ExcelContextLike, plan: SheetPlan): void {
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
  if (plan.freeze.rows > 0 && plan.freeze.columns === 0) sheet.freezePanes.freezeRows(plan.freeze.rows);
  else if (plan.freeze.rows > 0 && plan.freeze.columns > 0) {
    sheet.freezePanes.freezeAt(sheet.getRange(`A1:${columnLetter(plan.freeze.columns)}${plan.freeze.rows}`));
  }
}

/** Writes the plan as a new sheet. The plan's sheet and names must be new (plan it with the workbook's names). */
export async function insertPlan(ctx: ExcelContextLike, plan: SheetPlan): Promise<InsertOutcome> {
  let sheetId: string | null = null;
  try {
    const sheet = ctx.workbook.worksheets.add(plan.sheet);
    sheet.load("id,name");
    queuePlan(sheet, ctx, plan);
    await ctx.sync();
    sheetId = sheet.id;

    for (const chart of plan.charts) addChart(sheet, chart, chartName(plan.deal.prefix));
    const written = writtenValues(plan.deal.layout, plan.cells);
    ctx.workbook.customXmlParts.add(recordToXml({ sheetId, deal: plan.deal, written }));
    await ctx.sync();
    return { ok: true, sheet: plan.sheet, sheetId };
  } catch (e) {
    const reason = describeError(e);
    const cleanup = await rollbackInsert(ctx, plan, sheetId);
    return {
      ok: false,
      reason: cleanup
        ? `The deal could not be inserted (${reason}); the partial sheet was removed, but the clean-up failed: ${cleanup}`
        : `The deal could not be inserted: ${reason}. Nothing was left in the workbook.`,
    };
  }
}

/**
 * Removes what a failed insert may have left: its names, its sheet (the plan
 * chose a name no sheet had, so a sheet of that name is the insert's) and
 * its record. Returns null, or why the clean-up itself failed.
 */
export async function rollbackInsert(
  ctx: ExcelContextLike,
  plan: SheetPlan,
  sheetId: string | null,
): Promise<string | null> {
  try {
    const names = plan.names.map((n) => ctx.workbook.names.getItemOrNullObject(n.name));
    const sheet = ctx.workbook.worksheets.getItemOrNullObject(plan.sheet);
    const parts = ctx.workbook.customXmlParts.getByNamespace(DEAL_NAMESPACE);
    parts.load("items/id");
    for (const n of names) n.load("name");
    sheet.load("id");
    await ctx.sync();
    for (const n of names) if (!n.isNullObject) n.delete();
    if (!sheet.isNullObject) sheet.delete();
    if (sheetId !== null) {
      const xml = parts.items.map((p) => ({ part: p, xml: p.getXml() }));
      await ctx.sync();
      for (const { part, xml: x } of xml) if (recordFromXml(x.value)?.sheetId === sheetId) part.delete();
    }
    await ctx.sync();
    return null;
  } catch (e) {
    return describeError(e);
  }
}
