import type * as Export from "../xlsx/export";

/** The xlsx export, loaded when first called: only `hpc-deal xlsx` pays for loading exceljs. */
export async function exportPlanXlsx(
  ...args: Parameters<typeof Export.exportPlanXlsx>
): ReturnType<typeof Export.exportPlanXlsx> {
  const { exportPlanXlsx: run } = await import("../xlsx/export");
  return run(...args);
}
