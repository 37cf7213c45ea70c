import { MINING_FIGURES } from "../core";
import { breakevenHashprice, miningComparison, miningSummary } from "../functions/mining";
import { cellRef, parseCell } from "./a1";
import type { CachedValue } from "./cached";
import type { CellValue, SheetPlan } from "./types";

/** A named range's cells as the functions receive them: rows of values, blank cells null. */
function rangeValues(
  plan: SheetPlan,
  name: string | null | undefined,
  byRef: ReadonlyMap<string, CellValue | undefined>,
) {
  if (!name) return undefined;
  const ref = plan.names.find((n) => n.name === name)?.ref;
  if (!ref) throw new RangeError(`the plan has no name ${name}`);
  const [from, to = from] = ref
    .slice(ref.lastIndexOf("!") + 1)
    .replace(/\$/g, "")
    .split(":");
  const a = parseCell(from);
  const b = parseCell(to);
  if (!a || !b) throw new RangeError(`not an A1 range: ${ref}`);
  const rows: CellValue[][] = [];
  for (let row = a.row; row <= b.row; row++) {
    const line: CellValue[] = [];
    for (let col = a.column; col <= b.column; col++) line.push(byRef.get(cellRef(col, row)) ?? null);
    rows.push(line);
  }
  return rows;
}

/**
 * The cached values of the mining block's formulas (its figures and every
 * cell of its spill), computed by the very functions the formulas name over
 * the plan's own cells: what Excel with the add-in shows on open. Empty for a
 * plan without a mining block.
 */
export function miningCachedValues(
  plan: SheetPlan,
  byRef: ReadonlyMap<string, CellValue | undefined>,
): Map<string, CachedValue> {
  const values = new Map<string, CachedValue>();
  const layout = plan.deal.layout.mining;
  if (!layout || !plan.miningSchedule) return values;
  const terms = rangeValues(plan, plan.deal.termsName, byRef);
  const mining = rangeValues(plan, plan.deal.miningName, byRef);
  const tranches = rangeValues(plan, plan.deal.tranchesName, byRef);
  const capex = rangeValues(plan, plan.deal.capexName, byRef);

  const figuresFirst = parseCell(layout.figures.ref.split(":")[0]);
  if (!figuresFirst) throw new RangeError(`bad mining figures ref ${layout.figures.ref}`);
  MINING_FIGURES.forEach((f, i) => {
    const out =
      f.key === "breakevenHashprice"
        ? breakevenHashprice(terms, mining, tranches, capex)
        : miningSummary(terms, mining, tranches, capex, f.key);
    const value: CachedValue = out.ok
      ? ((Array.isArray(out.value) ? out.value[0][0] : out.value) as CachedValue)
      : { error: out.code };
    values.set(cellRef(figuresFirst.column + 1, figuresFirst.row + i), value);
  });

  const anchor = parseCell(plan.miningSchedule.anchor);
  if (!anchor) throw new RangeError(`bad mining spill anchor ${plan.miningSchedule.anchor}`);
  const table = miningComparison(terms, mining, tranches, capex);
  if (!table.ok) values.set(plan.miningSchedule.anchor, { error: table.code });
  else {
    table.value.forEach((line, r) =>
      line.forEach((cell, c) => values.set(cellRef(anchor.column + c, anchor.row + r), cell as CachedValue)),
    );
  }
  return values;
}
