/**
 * The plan written into a HyperFormula sheet: names first, then plain values,
 * then formulas (so that HPC.HOSTINGCASHFLOW sizes its spill from the terms
 * as written). Shared by the preview's workbook and the plan's tests.
 *
 * DEV/TEST ONLY: HyperFormula is GPL-3.0; only the preview page and tests
 * may import this module.
 */
import type { HyperFormula, RawCellContent, SimpleCellAddress } from "hyperformula";
import { parseCell, type PlanCell, type PlanName } from "../../src/plan";

/**
 * What HyperFormula is given for a plan cell. Text gets a leading apostrophe
 * so that it stays text (as the "@" format keeps it in Excel) rather than
 * being read as a date ("2025-01-01") or a formula ("=x").
 */
export function cellContent(cell: Pick<PlanCell, "value" | "formula">): RawCellContent {
  if (cell.formula !== undefined) return cell.formula;
  if (typeof cell.value === "string") return `'${cell.value}`;
  return cell.value ?? null;
}

/** A1 ref on a sheet → HyperFormula's zero-based address. */
export function addressOf(sheet: number, ref: string): SimpleCellAddress {
  const a = parseCell(ref);
  if (!a) throw new RangeError(`not a cell: ${ref}`);
  return { sheet, row: a.row - 1, col: a.column - 1 };
}

/** Writes cells in one batch (one recalculation). */
export function writeCells(hf: HyperFormula, sheet: number, cells: readonly PlanCell[]): void {
  hf.batch(() => {
    for (const c of cells) hf.setCellContents(addressOf(sheet, c.ref), [[cellContent(c)]]);
  });
}

/** Adds the names, then the plain values, then the formulas. Throws on the first failure; the caller rolls back. */
export function writePlanCells(
  hf: HyperFormula,
  sheet: number,
  plan: { readonly names: readonly PlanName[]; readonly cells: readonly PlanCell[] },
  onNameAdded: (name: string) => void = () => undefined,
): void {
  for (const n of plan.names) {
    hf.addNamedExpression(n.name, `=${n.ref}`);
    onNameAdded(n.name);
  }
  // Plain values before formulas, as a writer of a live workbook would: the spill's size is then known.
  writeCells(
    hf,
    sheet,
    plan.cells.filter((c) => c.formula === undefined),
  );
  writeCells(
    hf,
    sheet,
    plan.cells.filter((c) => c.formula !== undefined),
  );
}
