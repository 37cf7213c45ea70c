/**
 * The pane's `WorkbookBackend` over the preview's HyperFormula workbook: the
 * deal-sheet service (taskpane/writer/dealSheets.ts, the same Insert, Read
 * and Update as the Office.js writer's) over this workbook. Inserts are
 * all-or-nothing; an update writes the terms block, the tranches table and the capex table.
 *
 * DEV ONLY: HyperFormula is GPL-3.0; the add-in's bundles never import this.
 */
import { validateDeal, type DealFile } from "../src/core";
import { planPortfolioSheet, readDealFile, type PortfolioSheetDeal, type PresetInfo } from "../src/plan";
import type { DealSheetSummary, InsertOutcome } from "../taskpane/actions";
import type { WorkbookBackend } from "../taskpane/backend/types";
import { writtenValues } from "../taskpane/writer/cells";
import {
  addMiningWith,
  insertDealWith,
  readDealSheetWith,
  updateDealSheetWith,
  type DealWorkbook,
  type StoredDealSheet,
} from "../taskpane/writer/dealSheets";
import { describeError } from "../taskpane/writer/errors";
import type { PortfolioRequest } from "../taskpane/writer/portfolio";
import { planSensitivityRequest, type SensitivityRequest } from "../taskpane/writer/sensitivity";
import type { PreviewWorkbook } from "./workbook";

const ID_PREFIX = "hf-";

interface PreviewDealSheet extends StoredDealSheet {
  readonly id: number;
}

/** The cell values as the pane's reader expects them: errors as their code, like Excel's `values`. */
/** The preview's sheet number of a pane sheet id ("hf-3" → 3), or undefined for another workbook's id. */
function sheetOf(sheetId: string): number | undefined {
  return sheetId.startsWith(ID_PREFIX) ? Number(sheetId.slice(ID_PREFIX.length)) : undefined;
}

function reader(book: PreviewWorkbook, id: number): (ref: string) => unknown {
  return (ref) => {
    const v = book.value(id, ref);
    return v !== null && typeof v === "object" ? v.error : v;
  };
}

/** The preview's workbook as the deal-sheet service sees it. */
export function previewDealWorkbook(book: PreviewWorkbook): DealWorkbook<PreviewDealSheet> {
  return {
    existingNames: async () => ({ sheets: book.sheets().map((s) => s.name), names: book.namedExpressions() }),

    insertPlan: async (plan): Promise<InsertOutcome> => {
      let id: number;
      try {
        id = book.insertPlan(plan);
      } catch (e) {
        return {
          ok: false,
          reason: `The deal could not be inserted: ${describeError(e)}. Nothing was left in the workbook.`,
        };
      }
      book.records.set(id, {
        deal: plan.deal,
        written: writtenValues(plan.deal.layout, plan.cells),
        charts: plan.charts,
      });
      book.notify(id);
      return { ok: true, sheet: plan.sheet, sheetId: `${ID_PREFIX}${id}` };
    },

    findDealSheet: async (sheetId) => {
      if (!sheetId.startsWith(ID_PREFIX)) return undefined;
      const id = Number(sheetId.slice(ID_PREFIX.length));
      const record = book.records.get(id);
      const sheet = book.sheetName(id);
      if (!record || sheet === undefined) return undefined;
      return { id, sheetId, sheet, deal: record.deal, written: record.written };
    },

    readArea: async (found) => reader(book, found.id),

    writeUpdate: async (found, cells, charts, written) => {
      book.writeCells(found.id, cells);
      const record = book.records.get(found.id);
      if (record) {
        record.written = written;
        record.charts = charts;
      }
      book.notify(found.id);
    },

    // A formula counts even when it shows "" (=IF(…,"",…)): it holds something.
    readAreas: async (found) => {
      const value = reader(book, found.id);
      return (ref) => book.formula(found.id, ref) ?? value(ref);
    },

    writeAddition: async (found, addition, written) => {
      const record = book.records.get(found.id);
      if (!record) return { status: "refused", reason: "That deal sheet is no longer in this workbook." };
      try {
        book.addBlock(found.id, addition);
      } catch (e) {
        return {
          status: "failed",
          reason: `The mining block could not be added: ${describeError(e)}. Nothing was left on the sheet.`,
        };
      }
      book.records.set(found.id, { deal: addition.deal, written, charts: [...record.charts, addition.chart] });
      book.notify(found.id);
      return { status: "added", sheet: found.sheet };
    },
  };
}

export function hyperformulaBackend(book: PreviewWorkbook): WorkbookBackend {
  const workbook = previewDealWorkbook(book);
  return {
    available: true,

    listDealSheets: async (): Promise<DealSheetSummary[]> =>
      book.sheets().flatMap(({ id, name }) => {
        const r = book.records.get(id);
        return r ? [{ sheetId: `${ID_PREFIX}${id}`, sheet: name, title: r.deal.title, presetId: r.deal.presetId }] : [];
      }),

    insertDeal: (deal: DealFile, preset?: PresetInfo) => insertDealWith(workbook, deal, preset),
    readTerms: (sheetId: string) => readDealSheetWith(workbook, sheetId),
    updateTerms: (sheetId, deal, options = {}) => updateDealSheetWith(workbook, sheetId, deal, options),
    addMining: (sheetId, deal, options = {}) => addMiningWith(workbook, sheetId, deal, options),
    recalc: async (): Promise<void> => book.recalculate(),

    insertPortfolio: async (request: PortfolioRequest): Promise<InsertOutcome> => {
      const failed = (why: string) => ({ ok: false as const, reason: `The portfolio could not be inserted: ${why}.` });
      if (request.sheetIds.length === 0) return { ok: false, reason: "Choose at least one deal sheet." };
      const deals: PortfolioSheetDeal[] = [];
      for (const sheetId of request.sheetIds) {
        const id = sheetOf(sheetId);
        const record = id === undefined ? undefined : book.records.get(id);
        if (id === undefined || !record) return failed("a deal sheet chosen is no longer in this workbook");
        const checked = validateDeal(readDealFile(record.deal.layout, reader(book, id)), { dates: "excel" });
        if (!checked.ok) return failed(`${book.sheetName(id)}: ${checked.error.message}`);
        const { title, termsName, tranchesName } = record.deal;
        deals.push({ title, termsName, tranchesName, terms: checked.value });
      }
      let id: number;
      try {
        const plan = planPortfolioSheet(
          { ...request, deals },
          { existingSheetNames: book.sheets().map((s) => s.name) },
        );
        id = book.insertPortfolioPlan(plan);
      } catch (e) {
        return failed(`${describeError(e)}. Nothing was left in the workbook`);
      }
      book.notify(id);
      return { ok: true, sheet: book.sheetName(id) ?? "", sheetId: `${ID_PREFIX}${id}` };
    },

    insertSensitivity: async (request: SensitivityRequest): Promise<InsertOutcome> => {
      const found = await workbook.findDealSheet(request.sheetId);
      const read = await readDealSheetWith(workbook, request.sheetId);
      if (!found || !read.ok) {
        return { ok: false, reason: read.ok ? "That deal sheet is no longer in this workbook." : read.reason };
      }
      const { sheet, file } = read;
      const record = { deal: found.deal };
      const planned = planSensitivityRequest(
        request,
        { sheet, info: record.deal },
        file,
        book.sheets().map((s) => s.name),
      );
      if (!planned.ok) return planned;
      let newId: number;
      try {
        newId = book.insertSensitivityPlan(planned.plan);
      } catch (e) {
        return {
          ok: false,
          reason: `The sensitivity table could not be inserted: ${describeError(e)}. Nothing was left in the workbook.`,
        };
      }
      book.notify(newId);
      return { ok: true, sheet: planned.plan.sheet, sheetId: `sens-${newId}` };
    },
  };
}
