import { HyperFormula, type RawCellContent } from "hyperformula";
import { HPC_HYPERFORMULA_CONFIG, registerHpcFunctions } from "../../src/functions/hyperformula/plugin";
import { parseCell, type PlanCell, type SheetPlan } from "../../src/plan";

/**
 * A minimal HyperFormula writer of a plan, for tests: names first, then the
 * cells (values and formulas). Formats, styles, widths, freeze and charts
 * have no meaning in HyperFormula and are skipped. Text is written with a
 * leading apostrophe so that HyperFormula keeps it as text (as the "@" format
 * does in Excel) rather than reading "2025-01-01" or "=…" in it.
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

function content(cell: PlanCell): RawCellContent {
  if (cell.formula !== undefined) return cell.formula;
  if (typeof cell.value === "string") return `'${cell.value}`;
  return cell.value ?? null;
}

export function evaluatePlan(plan: SheetPlan): EvaluatedSheet {
  registerHpcFunctions();
  const hf = HyperFormula.buildEmpty({ ...HPC_HYPERFORMULA_CONFIG });
  const sheetId = hf.getSheetId(hf.addSheet(plan.sheet)) as number;
  const address = (ref: string) => {
    const a = parseCell(ref);
    if (!a) throw new Error(`not a cell: ${ref}`);
    return { sheet: sheetId, row: a.row - 1, col: a.column - 1 };
  };
  const write = (cells: readonly PlanCell[]) => {
    hf.batch(() => {
      for (const c of cells) hf.setCellContents(address(c.ref), [[content(c)]]);
    });
  };
  for (const n of plan.names) hf.addNamedExpression(n.name, `=${n.ref}`);
  // Plain values before formulas, as a writer of a live workbook would: the spill's size is then known.
  write(plan.cells.filter((c) => c.formula === undefined));
  write(plan.cells.filter((c) => c.formula !== undefined));
  return {
    hf,
    sheetId,
    value: (ref) => hf.getCellValue(address(ref)),
    write,
    evaluate: (formula, ref = "AB1") => {
      hf.setCellContents(address(ref), [[formula]]);
      return hf.getCellValue(address(ref));
    },
  };
}
