/**
 * The xlsx export: the sheet plan written as an .xlsx file, live (the add-in's
 * formulas with their results cached, tied to the add-in) or values only.
 * No Node API: the task pane and the CLI both call `exportPlanXlsx`.
 */
export { HPC_ADDIN, addinFromManifest, checkAddin, type AddinReference } from "./addin";
export { exportPlanXlsx, type ExportMode } from "./export";
export { customFunctionIds, storedFormula, storedFunctionName } from "./formula";
