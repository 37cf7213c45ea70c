import { HyperFormula } from "hyperformula";
import { HPC_HYPERFORMULA_CONFIG, registerHpcFunctions } from "../../preview/hyperformula/plugin";
import type { PlanCell, SheetPlan } from "../../src/plan";
import { addressOf, writeCells, writePlanCells } from "../../preview/hyperformula/planWriter";

/**
 * A minimal HyperFormula writer of a plan, for tests: the preview's writer
 * (names first, then values, then formulas) on a fresh engine. Formats,
 * styles, widths, freeze and charts have no meaning in HyperFormula and are
 * skipped here.
 */
export interface EvaluatedSheet {
  readonly hf: HyperFormula;
  readonly sheetId: number;
  /** A cell's value by A1 reference: null when empty. */
  value(ref: string): unknown;
  /** Writes cells over the sheet (an update's cells). */
  write(cells: readonly PlanCell[]): void;
  /** Enters a formula in a free cell and returns its value. */
  evaluate(formula: string, ref?: string): unknown;
}

export function evaluatePlan(plan: SheetPlan): EvaluatedSheet {
  registerHpcFunctions();
  const hf = HyperFormula.buildEmpty({ ...HPC_HYPERFORMULA_CONFIG });
  const sheetId = hf.getSheetId(hf.addSheet(plan.sheet)) as number;
  writePlanCells(hf, sheetId, plan);
  return {
    hf,
    sheetId,
    value: (ref) => hf.getCellValue(addressOf(sheetId, ref)),
    write: (cells) => writeCells(hf, sheetId, cells),
    evaluate: (formula, ref = "AB1") => {
      hf.setCellContents(addressOf(sheetId, ref), [[formula]]);
      return hf.getCellValue(addressOf(sheetId, ref));
    },
  };
}
