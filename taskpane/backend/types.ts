import type { DealFile } from "../../src/core";
import type { MiningProvenance, PlanInput, PresetInfo } from "../../src/plan";
import type { PortfolioRequest } from "../writer/portfolio";
import type {
  AddMiningOutcome,
  DealSheetSummary,
  InsertOutcome,
  ReadOutcome,
  UpdateOptions,
  UpdateOutcome,
} from "../actions";
import type { SensitivityRequest } from "../writer/sensitivity";

/**
 * Where the pane's deal sheets live: Excel through Office.js now, a
 * HyperFormula workbook in the preview later. The pane knows only this.
 */
export interface WorkbookBackend {
  /** False when there is no workbook (the pane opened outside Office): the form, preview and files still work. */
  readonly available: boolean;
  /** Why not, for the pane, when unavailable. */
  readonly unavailableReason?: string;
  listDealSheets(): Promise<DealSheetSummary[]>;
  insertDeal(deal: DealFile, preset?: PresetInfo): Promise<InsertOutcome>;
  readTerms(sheetId: string): Promise<ReadOutcome>;
  updateTerms(sheetId: string, deal: PlanInput, options?: UpdateOptions): Promise<UpdateOutcome>;
  recalc(): Promise<void>;
  /** Adds a mining block (the deal's `mining` terms) to a deal sheet inserted without one; absent where it cannot. */
  addMining?(
    sheetId: string,
    deal: PlanInput,
    options?: { readonly miningProvenance?: MiningProvenance },
  ): Promise<AddMiningOutcome>;
  /** Inserts a portfolio sheet over deal sheets of the workbook (absent where a backend cannot). */
  insertPortfolio?(request: PortfolioRequest): Promise<InsertOutcome>;
  /** A sensitivity sheet for a deal sheet (analysis.md §11); absent where there is no workbook to write. */
  insertSensitivity?(request: SensitivityRequest): Promise<InsertOutcome>;
}
