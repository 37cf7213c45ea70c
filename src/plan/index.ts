/**
 * The sheet layout as a pure plan: the cells, values, formulas, formats,
 * defined names and chart of one deal's sheet, computed from the deal with no
 * Office import. Writers (Office.js in the pane, a HyperFormula preview, an
 * xlsx export) apply the same plan.
 */
export {
  absolute,
  cellRef,
  columnLetter,
  columnNumber,
  isA1Ref,
  parseCell,
  quoteSheet,
  rangeRef,
  sheetRef,
} from "./a1";
export { termCellValue, type ProvenanceMap } from "./blocks";
export { prepareDeal, type PlanInput, type PreparedDeal } from "./deal";
export { FORMATS, cellFormat, termFormat } from "./formats";
export { COLUMNS, ROWS, SCHEDULE_COLUMNS, RESERVED_SCHEDULE_ROWS, type ScheduleColumn } from "./geometry";
export { planToJson } from "./json";
export {
  MAX_DEFINED_NAME,
  MAX_PREFIX,
  MAX_SHEET_NAME,
  NAME_SUFFIXES,
  abbreviateParty,
  basePrefix,
  baseSheetName,
  isValidDefinedName,
  isValidSheetName,
  sanitizeSheetName,
  uniqueNamePrefix,
  uniqueSheetName,
} from "./naming";
export { planDeal, planPreset, type PlanOptions, type PresetInfo } from "./plan";
export { provenanceText } from "./provenance";
export { readDealFile, readTerms, type CellReader } from "./readBack";
export { DEAL_SUMMARY_ROW, SUMMARY_ROWS, type SummaryKey, type SummaryRow } from "./summaryBlock";
export { planTermsUpdate, type ExistingSheet, type TermsUpdate, type TermsUpdateOptions } from "./update";
export type * from "./types";
export { planCachedValues, type CachedError, type CachedValue, type CachedValuesOptions } from "./cached";
export { STYLE_DRESSING, type StyleDressing } from "./styles";
export * from "./portfolioSheet";
export * from "./sensitivity";
export {
  halvingDatesOf,
  miningChart,
  miningTermCells,
  planMiningBlock,
  type MiningBlockPlan,
  type MiningProvenance,
} from "./miningBlock";
export {
  miningBlockOf,
  placeMiningBlock,
  planMiningAddition,
  type MiningAddition,
  type MiningAdditionOptions,
} from "./miningSheet";
