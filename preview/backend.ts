/**
 * The pane's `WorkbookBackend` over the preview's HyperFormula workbook: the
 * same plan as the Office.js writer, applied by a second writer. Inserts are
 * planned against the workbook's sheet and defined names (so nothing is
 * replaced) and are all-or-nothing; an update writes the terms block and the
 * tranches table only, and asks before overwriting a cell a user changed.
 *
 * DEV ONLY: HyperFormula is GPL-3.0; the add-in's bundles never import this.
 */
import { validateDeal, type DealFile } from "../src/core";
import {
  planDeal,
  planPortfolioSheet,
  planTermsUpdate,
  readDealFile,
  type PortfolioSheetDeal,
  type PresetInfo,
} from "../src/plan";
import type { DealSheetSummary, InsertOutcome, ReadOutcome, UpdateOutcome } from "../taskpane/actions";
import type { WorkbookBackend } from "../taskpane/backend/types";
import { writtenValues } from "../taskpane/writer/cells";
import { changedCells, editsApproved } from "../taskpane/writer/edits";
import { describeError } from "../taskpane/writer/errors";
import type { PortfolioRequest } from "../taskpane/writer/portfolio";
import type { PreviewWorkbook } from "./workbook";

const ID_PREFIX = "hf-";

/** The cell values as the pane's reader expects them: errors as their code, like Excel's `values`. */
function reader(book: PreviewWorkbook, id: number): (ref: string) => unknown {
  return (ref) => {
    const v = book.value(id, ref);
    return v !== null && typeof v === "object" ? v.error : v;
  };
}

export function hyperformulaBackend(book: PreviewWorkbook): WorkbookBackend {
  const sheetOf = (sheetId: string): number | undefined => {
    const id = Number(sheetId.slice(ID_PREFIX.length));
    return sheetId.startsWith(ID_PREFIX) && book.records.has(id) && book.sheetName(id) !== undefined ? id : undefined;
  };
  const gone = "That deal sheet is no longer in this workbook.";

  return {
    available: true,

    listDealSheets: async (): Promise<DealSheetSummary[]> =>
      book.sheets().flatMap(({ id, name }) => {
        const r = book.records.get(id);
        return r ? [{ sheetId: `${ID_PREFIX}${id}`, sheet: name, title: r.deal.title, presetId: r.deal.presetId }] : [];
      }),

    insertDeal: async (deal: DealFile, preset?: PresetInfo): Promise<InsertOutcome> => {
      let plan;
      try {
        plan = planDeal(deal, {
          existingSheetNames: book.sheets().map((s) => s.name),
          existingNames: book.namedExpressions(),
          preset,
        });
      } catch (e) {
        return { ok: false, reason: `The deal could not be inserted: ${describeError(e)}. Nothing was written.` };
      }
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

    readTerms: async (sheetId: string): Promise<ReadOutcome> => {
      const id = sheetOf(sheetId);
      if (id === undefined) return { ok: false, reason: gone };
      const record = book.records.get(id);
      const sheet = book.sheetName(id);
      if (!record || sheet === undefined) return { ok: false, reason: gone };
      return { ok: true, sheet, file: readDealFile(record.deal.layout, reader(book, id)) };
    },

    updateTerms: async (sheetId, deal, options = {}): Promise<UpdateOutcome> => {
      const id = sheetOf(sheetId);
      const record = id === undefined ? undefined : book.records.get(id);
      const sheet = id === undefined ? undefined : book.sheetName(id);
      if (id === undefined || !record || sheet === undefined) return { status: "refused", reason: gone };
      try {
        const layout = record.deal.layout;
        const update = planTermsUpdate({ sheet, deal: record.deal }, deal, { provenance: options.provenance });
        if (!update.fits) return { status: "refused", reason: `Not updated: ${update.reason}.` };
        const read = reader(book, id);
        const changed = changedCells(layout, record.written, read);
        if (!editsApproved(changed, options.approvedEdits)) return { status: "confirm", sheet, changed };
        book.writeCells(id, update.cells);
        record.written = writtenValues(layout, update.cells);
        record.charts = update.charts;
        book.notify(id);
        return { status: "updated", sheet };
      } catch (e) {
        return { status: "failed", reason: `The update failed: ${describeError(e)}.` };
      }
    },

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
  };
}
