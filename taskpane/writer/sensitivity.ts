/**
 * Inserting a sensitivity sheet (analysis.md §11) for a deal sheet of the
 * workbook: the plan of src/plan/sensitivity.ts on a new sheet, the table as
 * one live HPC.SENSITIVITY formula over the deal's named ranges, a colour
 * scale over its figures, and the tornado's bar chart. Two syncs; if either
 * fails, the new sheet is removed and the reason returned.
 */
import {
  DELAY_MONTHS,
  Decimal,
  checkAxisValues,
  defaultRange,
  prepareSensitivity,
  sensitivityInput,
  tornado,
  validateDeal,
  type SensitivityDeal,
  type TornadoSweep,
} from "../../src/core";
import {
  planSensitivity,
  sanitizeSheetName,
  uniqueSheetName,
  type DealSheetInfo,
  type SensitivityPlan,
} from "../../src/plan";
import { writeCell } from "./cells";
import { addChart } from "./chart";
import { describeError } from "./errors";
import type { ExcelContextLike } from "./excelLike";
import type { InsertOutcome } from "./insert";
import { existingNames, findDealSheets } from "./records";
import { applyStyle, charactersToPoints } from "./styles";
import { readDealSheet } from "./update";

export interface SensitivityRequest {
  /** The deal sheet whose named ranges the table reads. */
  readonly sheetId: string;
  readonly figure: string;
  readonly rows: { readonly key: string; readonly values: readonly number[] };
  readonly cols: { readonly key: string; readonly values: readonly number[] };
}

/** The inputs the tornado sweeps, each over its default range; those the figure cannot feel are left out. */
const TORNADO_INPUTS = ["ratePerKWMonth", "escalator", "termMonths", "opexPerMWMonth", "prepayment", DELAY_MONTHS];

/** The mining inputs the breakeven hashprice's tornado also sweeps. */
const TORNADO_MINING_INPUTS = [
  "mining.efficiencyJPerTH",
  "mining.powerCostPerKWh",
  "mining.sitePowerMW",
  "mining.uptime",
  "mining.miningOpexPerMWMonth",
];

export function tornadoSweeps(deal: SensitivityDeal): TornadoSweep[] {
  const keys = [...TORNADO_INPUTS];
  if (deal.figure.key === "npv" || deal.figure.key === "hostNpv") keys.push("discountRate");
  // The breakeven hashprice moves with the hosting terms and with the mining costs (not with today's hashprice).
  if (deal.figure.key === "breakevenHashprice" && deal.base.terms.mining !== null) keys.push(...TORNADO_MINING_INPUTS);
  const sweeps: TornadoSweep[] = [];
  for (const key of keys) {
    const input = sensitivityInput(deal, key);
    if (!input.ok) continue;
    const range = defaultRange(key, deal.base.terms);
    if (range.low.equals(range.high)) continue;
    sweeps.push({ input: input.value, low: range.low, high: range.high });
  }
  return sweeps;
}

function fill<T>(rows: number, columns: number, value: T): T[][] {
  return Array.from({ length: rows }, () => Array.from({ length: columns }, () => value));
}

function size(ref: string): { rows: number; columns: number } {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref);
  if (!m) throw new RangeError(`not an A1 range: ${ref}`);
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const rows = m[4] === undefined ? 1 : Number(m[4]) - Number(m[2]) + 1;
  const columns = m[3] === undefined ? 1 : col(m[3]) - col(m[1]) + 1;
  return { rows, columns };
}

/** Writes a planned sensitivity sheet; the sheet name must be new. */
export async function writeSensitivityPlan(ctx: ExcelContextLike, plan: SensitivityPlan): Promise<InsertOutcome> {
  try {
    const sheet = ctx.workbook.worksheets.add(plan.sheet);
    sheet.load("id,name");
    for (const c of plan.columns)
      sheet.getRange(`${c.column}:${c.column}`).format.columnWidth = charactersToPoints(c.width);
    for (const r of plan.ranges) {
      const range = sheet.getRange(r.ref);
      if (r.format !== undefined) {
        const { rows, columns } = size(r.ref);
        range.numberFormat = fill(rows, columns, r.format);
      }
      if (r.style) applyStyle(range, r.style);
    }
    for (const cell of plan.cells) writeCell(sheet, cell, { validation: false });
    if (plan.colorScale) {
      const scale = plan.colorScale;
      sheet.getRange(scale.ref).conditionalFormats.add("ColorScale").colorScale.criteria = {
        minimum: { formula: null, type: "LowestValue", color: scale.low },
        midpoint: { formula: "50", type: "Percentile", color: scale.mid },
        maximum: { formula: null, type: "HighestValue", color: scale.high },
      };
    }
    await ctx.sync();
    const sheetId = sheet.id;
    // The tornado's series are set explicitly, as every chart's (chart.ts).
    if (plan.chart) {
      const name = `${sheetId.replace(/[^A-Za-z0-9]/g, "")}_Tornado`;
      await addChart(ctx, sheet, { ...plan.chart, type: "bar", overlap: 100 }, name);
    }
    return { ok: true, sheet: plan.sheet, sheetId };
  } catch (e) {
    const reason = describeError(e);
    let cleanup: string | null = null;
    try {
      const sheet = ctx.workbook.worksheets.getItemOrNullObject(plan.sheet);
      sheet.load("id");
      await ctx.sync();
      if (!sheet.isNullObject) sheet.delete();
      await ctx.sync();
    } catch (e2) {
      cleanup = describeError(e2);
    }
    return {
      ok: false,
      reason: cleanup
        ? `The sensitivity table could not be inserted (${reason}); removing the partial sheet failed: ${cleanup}`
        : `The sensitivity table could not be inserted: ${reason}. Nothing was left in the workbook.`,
    };
  }
}

/** A deal sheet as the planner needs it: its current name and what its insert recorded. */
export interface SensitivityDealSheet {
  readonly sheet: string;
  readonly info: DealSheetInfo;
}

/**
 * Plans a sensitivity sheet for a deal sheet (pure: every writer uses it).
 * `file` is the deal as read back from its sheet (dates as Excel serials),
 * so the tornado is of the deal as it stands; the request is checked by core;
 * the new sheet is named so that nothing is replaced. A reason when refused.
 */
export function planSensitivityRequest(
  request: SensitivityRequest,
  dealSheet: SensitivityDealSheet,
  file: unknown,
  existingSheets: readonly string[],
): { readonly ok: true; readonly plan: SensitivityPlan } | { readonly ok: false; readonly reason: string } {
  const checked = validateDeal(file, { dates: "excel" });
  if (!checked.ok) {
    return {
      ok: false,
      reason: `The deal on ${dealSheet.sheet} is not valid: ${checked.error.message}. Nothing was written.`,
    };
  }
  const prepared = prepareSensitivity(file, request.figure, { dates: "excel" });
  if (!prepared.ok) return { ok: false, reason: `${prepared.error.message}. Nothing was written.` };
  const deal = prepared.value;
  const axis = (term: string, a: SensitivityRequest["rows"]) => {
    const input = sensitivityInput(deal, a.key, term);
    if (!input.ok) return input.error.message;
    const problem = checkAxisValues(
      term,
      a.values.map((v) => new Decimal(v)),
    );
    if (problem) return problem.message;
    return { input: input.value, values: a.values.map((v) => new Decimal(v)) };
  };
  const rows = axis("rows", request.rows);
  const cols = axis("columns", request.cols);
  if (typeof rows === "string" || typeof cols === "string") {
    return { ok: false, reason: `${typeof rows === "string" ? rows : cols}. Nothing was written.` };
  }
  if (rows.input === cols.input) {
    return { ok: false, reason: "Rows and columns must vary different inputs. Nothing was written." };
  }
  const plan = planSensitivity({
    sheet: uniqueSheetName(sanitizeSheetName(`Sens ${dealSheet.sheet}`), existingSheets),
    dealTitle: dealSheet.info.title,
    figure: deal.figure,
    rows,
    cols,
    termsName: dealSheet.info.termsName,
    tranchesName: dealSheet.info.tranchesName,
    capexName: dealSheet.info.capexName ?? null,
    miningName: dealSheet.info.miningName ?? null,
    tornado: tornado(deal, tornadoSweeps(deal)),
  });
  return { ok: true, plan };
}

/** Plans and inserts a sensitivity sheet for a deal sheet of the open workbook. */
export async function insertSensitivity(ctx: ExcelContextLike, request: SensitivityRequest): Promise<InsertOutcome> {
  let plan: SensitivityPlan;
  try {
    const sheets = await findDealSheets(ctx);
    const dealSheet = sheets.find((s) => s.sheetId === request.sheetId);
    if (!dealSheet)
      return { ok: false, reason: "The deal sheet was not found: it may have been deleted. Nothing was written." };
    const read = await readDealSheet(ctx, request.sheetId);
    if (!read.ok) return { ok: false, reason: `${read.reason}. Nothing was written.` };
    const existing = await existingNames(ctx);
    const planned = planSensitivityRequest(
      request,
      { sheet: dealSheet.sheet, info: dealSheet.record.deal },
      read.file,
      existing.sheets,
    );
    if (!planned.ok) return planned;
    plan = planned.plan;
  } catch (e) {
    return {
      ok: false,
      reason: `The sensitivity table could not be planned: ${describeError(e)}. Nothing was written.`,
    };
  }
  return writeSensitivityPlan(ctx, plan);
}
