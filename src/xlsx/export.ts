/**
 * The third writer of the sheet plan: an .xlsx file (exceljs), in one of two
 * modes.
 *
 * - `live`: the HPC formulas as Excel stores them (`_xldudf_HPC_…`, each a
 *   dynamic-array formula, the schedule one spill) with every result cached,
 *   plus the parts that tie the workbook to the add-in: the file opens with
 *   the right numbers anywhere and stays live in Excel with the add-in.
 * - `values`: the same layout with every formula replaced by its value, for
 *   a recipient without the add-in (whose full recalculation would turn the
 *   HPC formulas into #NAME?).
 *
 * Both carry the plan's line chart, written as DrawingML parts after exceljs
 * (which cannot write charts), with cached values so that it draws on open.
 *
 * No Node API: it runs in the task pane as in the CLI (bytes in a Uint8Array).
 */
import JSZip from "jszip";
import ExcelJS, { type Cell, type CellValue as ExcelCellValue, type Worksheet } from "exceljs";
import { formatIsoDate, type CalendarDate } from "../core";
import {
  ROWS,
  SUMMARY_ROWS,
  parseCell,
  cellFormat,
  planCachedValues,
  type CachedValue,
  type PlanCell,
  type PortfolioSheetPlan,
  type SheetPlan,
} from "../plan";
import { HPC_ADDIN, checkAddin, storeReference, type AddinDeployment, type AddinReference } from "./addin";
import { UDF_PREFIX, customFunctionIds, storedFormula } from "./formula";
import { stableGuid } from "./ids";
import { putChartParts, putLiveParts } from "./postprocess";
import { portfolioCachedValues } from "./portfolioCached";
import { mergedRowHeights } from "./rowHeights";
import { xlsxStyle } from "./styles";

export type ExportMode = "live" | "values";

export interface ExportOptions {
  readonly mode: ExportMode;
  /** The export's date: TODAY()'s cached value, the workbook's dates, the values-only note. */
  readonly asOf: CalendarDate;
  /** The add-in the live workbook is tied to; manifest.xml's by default. */
  readonly addin?: AddinReference;
  /** How the recipients get the add-in (see `AddinDeployment`); a developer sideload by default. */
  readonly deployment?: AddinDeployment;
  /** The web extension's instance GUID (no braces); derived from the add-in and the sheet by default. */
  readonly instanceId?: string;
}

/** Excel's limit on a data-validation prompt. */
const MAX_PROMPT = 255;

/** Excel's stored column width for a width in characters of the default font (Calibri 11: 7 px a digit, 5 px padding). */
export function storedColumnWidth(characters: number): number {
  return Math.trunc(((characters * 7 + 5) / 7) * 256) / 256;
}

/** A range's cells, row by row (by number: the schedule's formatted rows are ~45,000 cells). */
function cellsOf(ws: Worksheet, ref: string): Cell[] {
  const [from, to = from] = ref.split(":");
  const a = parseCell(from);
  const b = parseCell(to);
  if (!a || !b) throw new RangeError(`not an A1 range: ${ref}`);
  const cells: Cell[] = [];
  for (let row = a.row; row <= b.row; row++) {
    const r = ws.getRow(row);
    for (let col = a.column; col <= b.column; col++) cells.push(r.getCell(col));
  }
  return cells;
}

function asExcelValue(value: CachedValue): ExcelCellValue {
  return typeof value === "object" ? { error: value.error } : value;
}

function isHpcFormula(stored: string): boolean {
  return stored.includes(UDF_PREFIX);
}

/** The texts the export changes: the hint on top, and what "today" means in a file. */
function overrides(plan: SheetPlan, options: ExportOptions): Map<string, string> {
  const date = formatIsoDate(options.asOf);
  const texts = new Map<string, string>();
  const summaryFirst = parseCell(plan.deal.layout.summary.ref.split(":")[0]);
  const todayRow = SUMMARY_ROWS.findIndex((r) => r.key === "prepaymentRemainingToday");
  if (summaryFirst && todayRow >= 0) {
    const ref = `${plan.deal.layout.terms.noteColumn}${summaryFirst.row + todayRow}`;
    texts.set(
      ref,
      options.mode === "values"
        ? `Prepayment not yet credited back to the tenant as of ${date}, the date of this copy.`
        : `Prepayment not yet credited back to the tenant as of today (TODAY() is recalculated on open; the file was saved with its value on ${date}).`,
    );
  }
  if (options.mode === "values") {
    const hint = plan.cells.find((c) => c.ref === `A${ROWS.hint}`);
    const notes = plan.deal.layout.notes ? ` Sources and notes from ${plan.deal.layout.notes.ref.split(":")[0]}.` : "";
    texts.set(
      hint?.ref ?? `A${ROWS.hint}`,
      `Values-only copy made on ${date} by HPC Hosting Deals: every figure is a value, not a formula, so editing a ` +
        `term does not recompute the summary or the schedule. Open the live export with the add-in to model changes.${notes}`,
    );
  }
  return texts;
}

function writeCell(ws: Worksheet, cell: PlanCell, value: ExcelCellValue | undefined): void {
  const target = ws.getCell(cell.ref);
  // Text as text ("@") in the file too, so that a user's later re-entry keeps it text.
  const format = typeof value === "string" ? cellFormat({ value }) : cell.format;
  if (format) target.numFmt = format;
  if (cell.style) {
    const { font, fill } = xlsxStyle(cell.style);
    target.font = font;
    if (fill) target.fill = fill;
  }
  if (cell.choices) {
    target.dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`"${cell.choices.join(",")}"`],
      showErrorMessage: true,
      ...(cell.help ? { showInputMessage: true, prompt: cell.help.slice(0, MAX_PROMPT) } : {}),
    };
  }
  if (value !== undefined && value !== null) target.value = value;
}

/** One sheet as the writer needs it: a deal plan's or the portfolio sheet's, with every formula's cached value. */
interface SheetToWrite {
  readonly sheet: string;
  readonly cells: readonly PlanCell[];
  readonly ranges: SheetPlan["ranges"];
  readonly columns: SheetPlan["columns"];
  readonly freeze: SheetPlan["freeze"];
  readonly names: SheetPlan["names"];
  readonly charts: readonly (SheetPlan["charts"][number] | PortfolioSheetPlan["chart"])[];
  readonly cached: ReadonlyMap<string, CachedValue>;
  /** Each spilling formula's anchor and its spill's range. */
  readonly spills: ReadonlyMap<string, string>;
  readonly texts: ReadonlyMap<string, string>;
  /** The deal plan, for its note rows' heights. */
  readonly deal?: SheetPlan;
}

/**
 * The plan as an .xlsx file. Throws the `DealError` of a plan whose terms do
 * not validate (a plan from `planDeal` always does).
 */
export async function exportPlanXlsx(plan: SheetPlan, options: ExportOptions): Promise<Uint8Array> {
  return exportBookXlsx([plan], undefined, options);
}

/**
 * A book as one .xlsx file: each deal's sheet (plans made one after another
 * with unique sheet names and name prefixes, as the pane inserts them) and,
 * if given, the portfolio sheet over their named ranges, last. Its cached
 * values come from the same functions its formulas name (`portfolioCachedValues`).
 */
export async function exportBookXlsx(
  deals: readonly SheetPlan[],
  portfolio: PortfolioSheetPlan | undefined,
  options: ExportOptions,
): Promise<Uint8Array> {
  if (deals.length === 0) throw new RangeError("an export needs at least one deal sheet");
  const sheets: SheetToWrite[] = deals.map((plan) => ({
    ...plan,
    cached: planCachedValues(plan, { asOf: options.asOf }),
    spills: new Map([
      [plan.schedule.anchor, plan.schedule.ref],
      ...(plan.miningSchedule ? [[plan.miningSchedule.anchor, plan.miningSchedule.ref] as const] : []),
    ]),
    texts: overrides(plan, options),
    deal: plan,
  }));
  if (portfolio) {
    const { values, spills } = portfolioCachedValues(portfolio, deals);
    // The chart as the pane adds it: only over a table with deals and periods.
    const { chart } = portfolio;
    const charts = chart.series.length > 0 && chart.points > 0 ? [chart] : [];
    sheets.push({ ...portfolio, names: [], charts, cached: values, spills, texts: new Map() });
  }
  return writeWorkbook(sheets, options);
}

async function writeWorkbook(sheets: readonly SheetToWrite[], options: ExportOptions): Promise<Uint8Array> {
  const live = options.mode === "live";
  const addin = checkAddin(options.addin ?? HPC_ADDIN);
  const reference = storeReference(addin, options.deployment);

  const wb = new ExcelJS.Workbook();
  const stamp = new Date(Date.UTC(options.asOf.year, options.asOf.month - 1, options.asOf.day));
  wb.creator = "HPC Hosting Deals";
  wb.lastModifiedBy = "HPC Hosting Deals";
  wb.created = stamp;
  wb.modified = stamp;
  wb.calcProperties = { fullCalcOnLoad: false };

  const functionIds = new Set<string>();
  for (const plan of sheets) writeSheet(wb, plan, live, functionIds);

  // exceljs's zip is unzipped again for the parts it cannot write: stored, not deflated; opened once,
  // its parts edited in place (chart, then live), deflated once.
  const charted = sheets.some((s) => s.charts.length > 0);
  const raw = new Uint8Array(
    await wb.xlsx.writeBuffer({ zip: { compression: charted || live ? "STORE" : "DEFLATE" } }),
  );
  if (!charted && !live) return raw;
  const zip = await JSZip.loadAsync(raw);
  await putChartParts(
    zip,
    sheets.map((s) => ({ charts: s.charts, cached: s.cached })),
  );
  if (live) {
    await putLiveParts(zip, {
      reference,
      instanceId: options.instanceId ?? stableGuid(`${addin.id}|${sheets[0].sheet}|webextension1`),
      functionIds: [...functionIds].sort(),
    });
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

function writeSheet(wb: ExcelJS.Workbook, plan: SheetToWrite, live: boolean, functionIds: Set<string>): void {
  const { cached, texts } = plan;
  const ws = wb.addWorksheet(plan.sheet, {
    views: [{ state: "frozen", xSplit: plan.freeze.columns, ySplit: plan.freeze.rows }],
  });
  for (const col of plan.columns) ws.getColumn(col.column).width = storedColumnWidth(col.width);
  for (const name of plan.names) wb.definedNames.add(name.ref, name.name);

  const dressed: Cell[] = [];
  const wrapped: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: "top" };
  for (const range of plan.ranges) {
    const dressing = range.style ? xlsxStyle(range.style) : undefined;
    for (const cell of cellsOf(ws, range.ref)) {
      dressed.push(cell);
      if (range.format) cell.numFmt = range.format;
      if (dressing) {
        cell.font = dressing.font;
        if (dressing.fill) cell.fill = dressing.fill;
      }
      if (range.wrap) cell.alignment = wrapped;
    }
    if (range.merge) ws.mergeCells(range.ref);
  }

  const written = new Set<string>();
  for (const cell of plan.cells) {
    written.add(cell.ref);
    if (cell.formula === undefined) {
      writeCell(ws, cell, texts.get(cell.ref) ?? cell.value ?? undefined);
      continue;
    }
    const result = cached.get(cell.ref);
    if (result === undefined) throw new RangeError(`no cached value for ${plan.sheet}!${cell.ref}`);
    if (!live) {
      writeCell(ws, cell, asExcelValue(result));
      continue;
    }
    const formula = storedFormula(cell.formula);
    customFunctionIds(formula).forEach((id) => functionIds.add(id));
    // Every HPC formula is stored as a dynamic array (its own cell, or its spill).
    const array = isHpcFormula(formula)
      ? { shareType: "array" as const, ref: plan.spills.get(cell.ref) ?? cell.ref }
      : {};
    writeCell(ws, cell, { formula, result: asExcelValue(result), ...array } as ExcelCellValue);
  }

  // The spill's other cells hold their values only (Excel writes no formula there).
  for (const [ref, value] of cached) {
    if (!written.has(ref)) ws.getCell(ref).value = asExcelValue(value);
  }

  if (plan.deal) fitNoteRows(ws, plan.deal);
  shareStyles(dressed);
}

/**
 * Gives the cells dressed alike one style object. exceljs keys each style
 * object it has seen (a WeakMap) and otherwise renders the style's XML to find
 * its id: once per cell, which was half an export's time over the schedule's
 * formatted but empty rows. The file is the same: equal styles get the same id
 * either way. Cells are alike when their style's parts are the same objects
 * (a range's cells share its font and fill) and number format. Only styles
 * with a number format: without one, exceljs picks the id by the cell's type
 * too, which a shared object would hide.
 */
function shareStyles(cells: readonly Cell[]): void {
  const ids = new Map<object, number>();
  const id = (part: object | undefined) => {
    if (part === undefined) return "";
    let n = ids.get(part);
    if (n === undefined) ids.set(part, (n = ids.size));
    return n;
  };
  const shared = new Map<string, Cell["style"]>();
  let last: Cell["style"] | undefined;
  let lastShared: Cell["style"] | undefined;
  for (const cell of cells) {
    const style = cell.style;
    if (!style.numFmt) continue;
    // Neighbours in a range are dressed alike: the previous cell's answer, without building a key.
    if (last && lastShared && alike(style, last)) {
      cell.style = lastShared;
      continue;
    }
    if (!onlyStyleParts(style)) continue;
    const key = `${style.numFmt}|${id(style.font)}|${id(style.fill)}|${id(style.alignment)}|${id(style.border)}|${id(style.protection)}`;
    last = style;
    lastShared = shared.get(key) ?? style;
    shared.set(key, lastShared);
    cell.style = lastShared;
  }
}

/** What an exceljs style holds. */
const STYLE_PARTS = new Set(["numFmt", "font", "fill", "alignment", "border", "protection"]);

function alike(a: Cell["style"], b: Cell["style"]): boolean {
  return (
    a.numFmt === b.numFmt &&
    a.font === b.font &&
    a.fill === b.fill &&
    a.alignment === b.alignment &&
    a.border === b.border &&
    a.protection === b.protection &&
    onlyStyleParts(a)
  );
}

function onlyStyleParts(style: Cell["style"]): boolean {
  for (const key in style) if (!STYLE_PARTS.has(key)) return false;
  return true;
}

/** Merged, wrapped note rows: Excel does not fit a merged cell's row height on open, so the export sets it. */
function fitNoteRows(ws: Worksheet, plan: SheetPlan): void {
  for (const { row, height } of mergedRowHeights(plan, (ref) => String(ws.getCell(ref).value ?? ""))) {
    ws.getRow(row).height = height;
  }
}
