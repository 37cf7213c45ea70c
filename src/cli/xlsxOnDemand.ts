import type * as Export from "../xlsx/export";

/** The xlsx export, loaded when first called: only `hpc-deal xlsx` pays for loading exceljs. */
export async function exportPlanXlsx(
  ...args: Parameters<typeof Export.exportPlanXlsx>
): ReturnType<typeof Export.exportPlanXlsx> {
  const { exportPlanXlsx: run } = await import("../xlsx/export");
  return run(...args);
}

/** The book's export (deal sheets and the portfolio sheet), loaded as `exportPlanXlsx`. */
export async function exportBookXlsx(
  ...args: Parameters<typeof Export.exportBookXlsx>
): ReturnType<typeof Export.exportBookXlsx> {
  const { exportBookXlsx: run } = await import("../xlsx/export");
  return run(...args);
}
