import * as actions from "../actions";
import type { ExcelContextLike } from "../writer/excelLike";
import { insertPortfolio } from "../writer/portfolio";
import { insertSensitivity } from "../writer/sensitivity";
import type { WorkbookBackend } from "./types";

/** Runs a batch function against a context: Excel.run, or a test's recorder. */
export type Runner = <T>(batch: (ctx: ExcelContextLike) => Promise<T>) => Promise<T>;

/** The workbook backend over an Excel-like runner. */
export function excelBackend(run: Runner): WorkbookBackend {
  return {
    available: true,
    listDealSheets: () => run((ctx) => actions.listDealSheets(ctx)),
    insertDeal: (deal, preset) => run((ctx) => actions.insertDeal(ctx, deal, preset)),
    readTerms: (sheetId) => run((ctx) => actions.readDealSheet(ctx, sheetId)),
    updateTerms: (sheetId, deal, options) => run((ctx) => actions.updateDealSheet(ctx, sheetId, deal, options)),
    recalc: () => run((ctx) => actions.recalculate(ctx)),
    addMining: (sheetId, deal, options) => run((ctx) => actions.addMiningBlock(ctx, sheetId, deal, options)),
    insertPortfolio: (request) => run((ctx) => insertPortfolio(ctx, request)),
    insertSensitivity: (request) => run((ctx) => insertSensitivity(ctx, request)),
  };
}

/** No workbook: outside Office (until the preview's HyperFormula backend lands). */
export function noWorkbook(reason: string): WorkbookBackend {
  const refuse = () => Promise.reject(new Error(reason));
  return {
    available: false,
    unavailableReason: reason,
    listDealSheets: () => Promise.resolve([]),
    insertDeal: refuse,
    readTerms: refuse,
    updateTerms: refuse,
    recalc: refuse,
  };
}
