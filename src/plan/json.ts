import type { SheetPlan } from "./types";

/**
 * The plan as the JSON that `hpc-deal plan DEAL.json` prints: "sheet",
 * "cells", "names" and "charts" first, in that order, then the keys a
 * writer also uses ("ranges", "columns", "freeze", "schedule", "miningSchedule"
 * when the deal has a mining block, "deal").
 * Returns a plain JSON value (no undefined, no class instances): pass it to
 * JSON.stringify.
 */
export function planToJson(plan: SheetPlan): Record<string, unknown> {
  const ordered = {
    sheet: plan.sheet,
    cells: plan.cells,
    names: plan.names,
    charts: plan.charts,
    ranges: plan.ranges,
    columns: plan.columns,
    freeze: plan.freeze,
    schedule: plan.schedule,
    ...(plan.miningSchedule ? { miningSchedule: plan.miningSchedule } : {}),
    deal: plan.deal,
  };
  return JSON.parse(JSON.stringify(ordered)) as Record<string, unknown>;
}
