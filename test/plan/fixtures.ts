import { validateDeal, type DealFile, type Terms } from "../../src/core";
import { planDeal, planPreset, type PlanInput, type PlanOptions, type SheetPlan } from "../../src/plan";
import type { Preset } from "../../src/presets";

/** The spec's worked check (§5), with the seed's parties: one tranche, straight-line credits. */
export const WORKED: DealFile = Object.freeze({
  name: "Worked check",
  host: "Core Scientific",
  tenant: "CoreWeave",
  capacityMW: 200,
  startDate: "2025-01-01",
  termMonths: 144,
  ratePerKWMonth: 121.53,
  prepayment: 300000000,
  prepaymentDate: "2024-07-01",
  creditMethod: "straight-line",
  creditMonths: 144,
  discountRate: 0.1,
});

/** A ramp with an escalator, opex and percent-of-fee credits; capacity given (and agreeing), start date not. */
export const RAMP: DealFile = Object.freeze({
  name: "Polaris Forge ramp",
  host: "Applied Digital",
  tenant: "CoreWeave",
  capacityMW: 400,
  ratePerKWMonth: 150.25,
  termMonths: 180,
  escalator: 0.03,
  prepayment: 125000000.5,
  prepaymentDate: "2025-09-15",
  creditMethod: "percent-of-fee",
  creditPercent: 0.2,
  opexPerMWMonth: 12500,
  discountRate: 0.085,
  tranches: [
    { date: "2026-06-01", mw: 150 },
    { date: "2025-10-01", mw: 100 },
    { date: "2027-01-15", mw: 150 },
  ],
});

/** The worked check with the host's capex (two items in one month, one before billing) and renewal options. */
export const RETURNS: DealFile = Object.freeze({
  ...WORKED,
  name: "Returns check",
  capex: [
    { date: "2024-09-15", amount: 15000000 },
    { date: "2024-09-30", amount: 5000000.25 },
    { date: "2024-06-01", amount: 400000000 },
  ],
  renewalOptions: 2,
  renewalMonths: 60,
  renewalRateStep: 0.05,
  renewalsExercised: 1,
});

/** A deal giving only what is required: every default left to apply. */
export const MINIMAL: DealFile = Object.freeze({
  capacityMW: 12.5,
  startDate: "2026-03-01",
  termMonths: 24,
  ratePerKWMonth: 140,
});

export function terms(file: DealFile): Terms {
  const checked = validateDeal(file);
  if (!checked.ok) throw checked.error;
  return checked.value;
}

/** The plan's cell at a ref; throws when there is none. */
export function cellAt(plan: Pick<SheetPlan, "cells">, ref: string) {
  const cell = plan.cells.find((c) => c.ref === ref);
  if (!cell) throw new Error(`no cell ${ref} in the plan`);
  return cell;
}

/** A reader over a plan's own values, as a writer would have written them. */
export function planReader(plan: Pick<SheetPlan, "cells">): (ref: string) => unknown {
  const byRef = new Map(plan.cells.map((c) => [c.ref, c.value]));
  return (ref) => byRef.get(ref) ?? null;
}

/** The plan of a deal the test expects to be valid: its problems thrown (failing the test) when it is not. */
export function planOk(input: PlanInput, options?: PlanOptions): SheetPlan {
  const planned = planDeal(input, options);
  if (!planned.ok) throw planned.error;
  return planned.value;
}

/** A preset's plan, as `planOk`: every preset is valid. */
export function presetOk(preset: Preset, options?: Omit<PlanOptions, "preset">): SheetPlan {
  const planned = planPreset(preset, options);
  if (!planned.ok) throw planned.error;
  return planned.value;
}
