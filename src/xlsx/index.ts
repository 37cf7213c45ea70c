/**
 * The xlsx export: the sheet plan written as an .xlsx file, live (the add-in's
 * formulas with their results cached, tied to the add-in) or values only.
 * No Node API: the task pane and the CLI both call `exportPlanXlsx`.
 */
export {
  DEFAULT_DEPLOYMENT,
  HPC_ADDIN,
  addinFromManifest,
  checkAddin,
  parseDeployment,
  storeReference,
  type AddinDeployment,
  type AddinReference,
  type StoreReference,
} from "./addin";
export { exportBookXlsx, exportPlanXlsx, storedColumnWidth, type ExportMode, type ExportOptions } from "./export";
export { NAMESPACE, UDF_PREFIX, customFunctionIds, storedFormula, storedFunctionName } from "./formula";
export { AUTO_SHOW_TASKPANE, EXCEL_CALC_ID } from "./parts";
