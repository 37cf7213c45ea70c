/**
 * The pane's `WorkbookBackend` over the preview's HyperFormula workbook: the
 * deal-sheet service (taskpane/writer/dealSheets.ts, the same Insert, Read
 * and Update as the Office.js writer's) over this workbook. Inserts are
 * all-or-nothing; an update writes the terms block, the tranches table and the capex table.
 *
 * DEV ONLY: HyperFormula is GPL-3.0; the add-in's bundles never import this.
 */
import type { DealFile } from "../src/core";
import type { PresetInfo } from "../src/plan";
import type { DealSheetSummary, InsertOutcome } from "../taskpane/actions";
import type { WorkbookBackend } from "../taskpane/backend/types";
import { writtenValues } from "../taskpane/writer/cells";
import {
  insertDealWith,
  readDealSheetWith,
  updateDealSheetWith,
  type DealWorkbook,
  type StoredDealSheet,
} from "../taskpane/writer/dealSheets";
import { describeError } from "../taskpane/writer/errors";
import type { PreviewWorkbook } from "./workbook";

const ID_PREFIX = "hf-";

interface PreviewDealSheet extends StoredDealSheet {
  readonly id: number;
}

/** The cell values as the pane's reader expects them: errors as their code, like Excel's `values`. */
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
    recalc: async (): Promise<void> => book.recalculate(),
  };
}
