/**
 * The value every formula cell of a portfolio sheet shows, for the export's
 * cached values: each HPC.PORTFOLIO* formula is answered by the same
 * host-neutral function the formula names (src/functions/portfolio.ts), given
 * the deal sheets' named ranges as Excel would pass them (read from the deal
 * plans' own cells). The "model versus reported" formulas are Excel's
 * IF/INDEX/MATCH over the period table, evaluated here for the shapes
 * `planPortfolioSheet` writes. A formula of any other shape throws: a file
 * must never carry a made-up cached value.
 */
import { parseIsoDate, toExcelSerial } from "../core";
import { portfolioByDeal, portfolioPeriods, portfolioRunRate, portfolioSummary } from "../functions/portfolio";
import type { Outcome } from "../functions/outcome";
import {
  PORTFOLIO_LAYOUT,
  cellRef,
  columnLetter,
  parseCell,
  type CachedValue,
  type CellValue,
  type PortfolioSheetPlan,
  type SheetPlan,
} from "../plan";

/** A cell as a custom function receives it: a blank is "". */
type Arg = number | string | boolean;

/** The values of a defined name's range (`'Sheet'!$A$5:$B$19`), read from the deal plan of that sheet. */
function rangeValues(ref: string, deals: readonly SheetPlan[]): Arg[][] {
  const bang = ref.lastIndexOf("!");
  const sheet = ref
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  const plan = deals.find((p) => p.sheet === sheet);
  if (!plan) throw new RangeError(`no deal sheet ${sheet} for ${ref}`);
  const [from, to = from] = ref
    .slice(bang + 1)
    .replace(/\$/g, "")
    .split(":");
  const a = parseCell(from);
  const b = parseCell(to);
  if (!a || !b) throw new RangeError(`not an A1 range: ${ref}`);
  const byRef = new Map<string, CellValue | undefined>(plan.cells.map((c) => [c.ref, c.value]));
  const rows: Arg[][] = [];
  for (let row = a.row; row <= b.row; row++) {
    const line: Arg[] = [];
    for (let col = a.column; col <= b.column; col++) {
      const v = byRef.get(cellRef(col, row));
      line.push(v === undefined || v === null ? "" : v);
    }
    rows.push(line);
  }
  return rows;
}

function valueOf<T>(out: Outcome<T>, formula: string): T {
  // An error result would be a valid cached value, but every deal was validated before: it is a defect here.
  if (!out.ok) throw new RangeError(`${formula} gives ${out.code}: ${out.message}`);
  return out.value;
}

/**
 * The cached values of a portfolio sheet, keyed by A1 ref (each spill's cells
 * too), and the spills' ranges keyed by their anchors.
 */
export function portfolioCachedValues(
  plan: PortfolioSheetPlan,
  deals: readonly SheetPlan[],
): { values: Map<string, CachedValue>; spills: Map<string, string> } {
  const names = new Map<string, string>(deals.flatMap((d) => d.names.map((n) => [n.name, n.ref] as const)));
  const byRef = new Map<string, CellValue | undefined>(plan.cells.map((c) => [c.ref, c.value]));
  const values = new Map<string, CachedValue>();
  const spills = new Map<string, string>();

  /** The repeating deals argument, `A_Terms,A_Tranches,,B_Terms…`, as ranges (a left-out one is undefined). */
  const dealArgs = (text: string): (Arg[][] | undefined)[] =>
    text.split(",").map((name) => {
      if (name === "") return undefined;
      const ref = names.get(name);
      if (ref === undefined) throw new RangeError(`no defined name ${name} among the deal sheets`);
      return rangeValues(ref, deals);
    });
  const spill = (anchor: string, table: readonly (readonly CachedValue[])[]): void => {
    const a = parseCell(anchor);
    if (!a || table.length === 0) throw new RangeError(`bad spill at ${anchor}`);
    table.forEach((line, r) => line.forEach((v, c) => values.set(cellRef(a.column + c, a.row + r), v)));
    spills.set(anchor, `${anchor}:${cellRef(a.column + table[0].length - 1, a.row + table.length - 1)}`);
  };
  const number = (ref: string): number | "" => {
    const v = values.get(ref) ?? byRef.get(ref);
    return typeof v === "number" ? v : "";
  };
  const shown = (ref: string): CachedValue | "" => {
    const v = values.has(ref) ? values.get(ref) : byRef.get(ref);
    return v === undefined || v === null || typeof v === "boolean" ? "" : v;
  };

  const periodLabels = (): Map<string, CachedValue> => {
    const out = new Map<string, CachedValue>();
    const labelColumn = columnLetter(PORTFOLIO_LAYOUT.tableColumn);
    const feeColumn = columnLetter(PORTFOLIO_LAYOUT.tableColumn + 5);
    for (let row = PORTFOLIO_LAYOUT.tableRow + 1; values.has(`${labelColumn}${row}`); row++) {
      const label = values.get(`${labelColumn}${row}`);
      const fee = values.get(`${feeColumn}${row}`);
      if (typeof label === "string" && fee !== undefined && !out.has(label)) out.set(label, fee);
    }
    return out;
  };

  // In the plan's order: the reported rows read the period table written before them.
  for (const cell of plan.cells) {
    const f = cell.formula;
    if (f === undefined) continue;
    let m: RegExpExecArray | null;
    if ((m = /^=HPC\.PORTFOLIORUNRATE\(\$B\$(\d+),(.*)\)$/.exec(f))) {
      values.set(cell.ref, valueOf(portfolioRunRate(number(`B${m[1]}`), dealArgs(m[2])), f));
    } else if ((m = /^=HPC\.PORTFOLIORUNRATE\(DATE\((\d+),(\d+),(\d+)\),(.*)\)$/.exec(f))) {
      const date = parseIsoDate(`${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`);
      if (!date) throw new RangeError(`bad date in ${f}`);
      values.set(cell.ref, valueOf(portfolioRunRate(toExcelSerial(date), dealArgs(m[4])), f));
    } else if ((m = /^=HPC\.PORTFOLIOSUMMARY\("(\w+)",,(.*)\)$/.exec(f))) {
      const table = valueOf(portfolioSummary(m[1], undefined, dealArgs(m[2])), f);
      if (table.length !== 1 || table[0].length !== 1) throw new RangeError(`${f} is not one value`);
      values.set(cell.ref, table[0][0] as CachedValue);
    } else if ((m = /^=HPC\.PORTFOLIO(PERIODS|BYDEAL)\("(\w+)",(\d+),(.*)\)$/.exec(f))) {
      const call = m[1] === "PERIODS" ? portfolioPeriods : portfolioByDeal;
      spill(cell.ref, valueOf(call(m[2], Number(m[3]), dealArgs(m[4])), f) as CachedValue[][]);
    } else if ((m = /^=IF\(\$A(\d+)="","",IFERROR\(INDEX\(.*\)\)$/.exec(f))) {
      const label = shown(`A${m[1]}`);
      values.set(cell.ref, label === "" ? "" : (periodLabels().get(String(label)) ?? ""));
    } else if ((m = /^=IF\(OR\(\$B(\d+)="",\$C\1=""\),"",\$B\1-\$C\1\)$/.exec(f))) {
      const [b, c] = [number(`B${m[1]}`), number(`C${m[1]}`)];
      values.set(cell.ref, b === "" || c === "" ? "" : b - c);
    } else if ((m = /^=IF\(OR\(\$B(\d+)="",\$C\1="",\$C\1=0\),"",\$D\1\/\$C\1\)$/.exec(f))) {
      const [b, c, d] = [number(`B${m[1]}`), number(`C${m[1]}`), number(`D${m[1]}`)];
      values.set(cell.ref, b === "" || c === "" || c === 0 || d === "" ? "" : d / c);
    } else {
      throw new RangeError(`no cached value for the formula in ${cell.ref}: ${f}`);
    }
  }
  return { values, spills };
}
