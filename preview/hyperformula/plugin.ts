/**
 * The HPC functions in HyperFormula, for tests and the preview page: the
 * same implementations as the Excel functions (`src/functions/hpc.ts`), named as in
 * Excel (`HPC.HOSTINGCASHFLOW`, … — HyperFormula accepts dotted names).
 *
 * DEV/TEST ONLY: HyperFormula is GPL-3.0, so this lives in preview/; nothing
 * under src/ or taskpane/ may import it (a test and the build both check).
 *
 * HyperFormula sizes an array result when the formula is entered, before any
 * cell is computed, so HPC.HOSTINGCASHFLOW sizes its spill from the terms
 * cells as they stand then (plain values in a range or a name for one), else
 * for the longest possible schedule, padded with empty cells. Write values
 * before formulas to get exact spills; a schedule that later outgrows its
 * spill gives #VALUE! saying so. Build engines with `HPC_HYPERFORMULA_CONFIG`.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ConfigParams,
  type ImplementedFunctions,
} from "hyperformula";
import { FIGURES, MINING_HEADER, SCHEDULE_HEADER } from "../../src/core";
import type { Cell } from "../../src/functions/deal";
import * as hpc from "../../src/functions/hpc";
import * as hpcMining from "../../src/functions/mining";
import { sensitivity } from "../../src/functions/sensitivity";
import type { Outcome } from "../../src/functions/outcome";
import { PORTFOLIO_FUNCTIONS } from "./portfolioFunctions";
import { UNKNOWN, computedSize, params, summarySize, type HpcFunction, type ParseTime } from "./table";

type RunArgs = Parameters<FunctionPlugin["runFunction"]>;
type Ast = RunArgs[0][number];
type State = RunArgs[1];
interface CallAst {
  /** The function's name as registered, e.g. "HPC.DEALSUMMARY". */
  readonly procedureName: string;
  readonly args: Ast[];
}
interface Address {
  readonly sheet: number;
  readonly row: number;
  readonly col: number;
}
interface RangeAst {
  readonly start: { toSimpleCellAddress(base: Address): Address };
  readonly end: { toSimpleCellAddress(base: Address): Address };
}
interface NamedExpressionsLike {
  nearestNamedExpression(name: string, sheet: number): { readonly address: Address } | undefined;
}
interface VertexLike {
  readonly formula?: unknown;
  readonly width?: number;
  readonly height?: number;
  valueOrUndef?(): unknown;
  getCellValue?(): unknown;
  getArrayCellValue?(address: Address): unknown;
}

/** The argument nodes `directArguments` reads itself (HyperFormula's AstNodeType values). */
const DIRECT_ARGUMENTS: ReadonlySet<string> = new Set(["CELL_RANGE", "CELL_REFERENCE", "NUMBER", "STRING"]);

/** Engine settings the HPC functions are meant for: exact values out (no smart rounding), the GPL license. */
export const HPC_HYPERFORMULA_CONFIG: Partial<ConfigParams> = Object.freeze({
  licenseKey: "gpl-v3",
  smartRounding: false,
});

const EXCEL_CODES: Readonly<Record<string, string>> = {
  DIV_BY_ZERO: "#DIV/0!",
  NAME: "#NAME?",
  VALUE: "#VALUE!",
  NUM: "#NUM!",
  NA: "#N/A",
  CYCLE: "#CYCLE!",
  REF: "#REF!",
  SPILL: "#SPILL!",
  LIC: "#LIC!",
  ERROR: "#ERROR!",
};

/** A HyperFormula value as Excel would pass it: empty → null, error → { code }, date/percent/currency → its number. */
function toExcelCell(v: unknown): unknown {
  if (v === EmptyValue || v === undefined) return null;
  if (v instanceof CellError) return { code: EXCEL_CODES[v.type] ?? "#VALUE!", message: v.message };
  if (typeof v === "object" && v !== null && "val" in v) return (v as { val: unknown }).val;
  return v;
}

/** A range's values as Excel passes them: rows of cells, each row frozen with the whole (see excelArgument). */
function toExcelRows(range: SimpleRangeValue): readonly (readonly unknown[])[] {
  const data = range.rawData();
  const rows: unknown[][] = new Array<unknown[]>(data.length);
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    const out = new Array<unknown>(row.length);
    for (let c = 0; c < row.length; c++) out[c] = toExcelCell(row[c]);
    rows[r] = out;
  }
  for (const row of rows) Object.freeze(row);
  return Object.freeze(rows);
}

/**
 * The key under which a range's Excel-shaped values are kept on HyperFormula's
 * vertex for the range, beside its own SUM/COUNT caches (keyed by function
 * name; ours cannot be one: it has a colon).
 */
export const ARGUMENT_CACHE_KEY = "HPC:excel-argument";

interface RangeCacheLike {
  getFunctionValue(key: string): unknown;
  setFunctionValue(key: string, value: unknown): void;
}

function cellError(outcome: { code: string; message: string }): CellError {
  return new CellError(outcome.code === "#NUM!" ? ErrorType.NUM : ErrorType.VALUE, outcome.message);
}

function scalar(outcome: Outcome<number>): number | CellError {
  return outcome.ok ? outcome.value : cellError(outcome);
}

/**
 * The HPC functions, one row each (HyperFormula's `implementedFunctions`,
 * built from these rows): arguments, answer, the call into src/functions, and
 * the spill's size when the formula is entered. The period and portfolio rows
 * are in portfolioFunctions.ts. Every function is answered by `hpc` and sized
 * by `hpcSize`, which find the row by the formula's function name.
 */
const DEAL_FUNCTIONS: Readonly<Record<string, HpcFunction>> = {
  "HPC.HOSTINGCASHFLOW": {
    parameters: params(1, 2),
    answer: "table",
    call: (terms, tranches, capex) => hpc.hostingCashflow(terms, tranches, capex),
    size: (at) =>
      computedSize(SCHEDULE_HEADER.length, at.ranges(0, 3), ([terms, tranches, capex]) =>
        hpc.hostingCashflow(terms, tranches, capex),
      ),
  },
  "HPC.PREPAYREMAINING": {
    parameters: params(2, 2),
    answer: "figure",
    call: (terms, date, tranches, capex) => hpc.prepayRemaining(terms, date, tranches, capex),
    // One value for one date; a range of dates spills its shape.
    size: (at) => {
      const size = at.count < 2 ? ArraySize.scalar() : at.size(1);
      return size.width * size.height > 1 ? new ArraySize(size.width, size.height) : ArraySize.scalar();
    },
  },
  "HPC.CONTRACTVALUE": {
    parameters: params(1, 2),
    answer: "number",
    call: (terms, tranches, capex) => hpc.contractValue(terms, tranches, capex),
  },
  "HPC.ANNUALREVENUE": {
    parameters: params(1, 2),
    answer: "number",
    call: (terms, tranches, capex) => hpc.annualRevenue(terms, tranches, capex),
  },
  "HPC.DEALNPV": {
    parameters: params(1, 3),
    answer: "number",
    call: (terms, rate, tranches, capex) => hpc.dealNpv(terms, rate, tranches, capex),
  },
  "HPC.DEALSUMMARY": {
    parameters: params(1, 3),
    answer: "figure",
    call: (terms, tranches, capex, figure) => hpc.dealSummary(terms, tranches, capex, figure),
    size: (at) => summarySize(at, 3, FIGURES.length),
  },
  "HPC.MININGCOMPARISON": {
    parameters: params(2, 3),
    answer: "table",
    call: (terms, mining, tranches, capex, rate) => hpcMining.miningComparison(terms, mining, tranches, capex, rate),
    size: (at) =>
      computedSize(MINING_HEADER.length, at.ranges(0, 4), ([terms, mining, tranches, capex]) =>
        hpcMining.miningComparison(terms, mining, tranches, capex),
      ),
  },
  "HPC.BREAKEVENHASHPRICE": {
    parameters: params(2, 3),
    answer: "number",
    call: (terms, mining, tranches, capex, rate) => hpcMining.breakevenHashprice(terms, mining, tranches, capex, rate),
  },
  "HPC.MININGSUMMARY": {
    parameters: params(2, 4),
    answer: "figure",
    call: (terms, mining, tranches, capex, figure, rate) =>
      hpcMining.miningSummary(terms, mining, tranches, capex, figure, rate),
    size: (at) => summarySize(at, 4, hpcMining.MINING_SUMMARY_ROWS),
  },
  "HPC.SENSITIVITY": {
    parameters: params(6, 3),
    answer: "table",
    call: (figure, inputA, valuesA, inputB, valuesB, terms, tranches, capex, mining) =>
      sensitivity(figure, inputA, valuesA, inputB, valuesB, terms, tranches, capex, mining),
    // One row per value of inputA and one column per value of inputB, each plus a header.
    size: (at) => {
      if (at.count < 5) return ArraySize.scalar();
      const [a, b] = [at.size(2), at.size(4)];
      return new ArraySize(1 + b.width * b.height, 1 + a.width * a.height);
    },
  },
};

const HPC_FUNCTIONS: Readonly<Record<string, HpcFunction>> = { ...DEAL_FUNCTIONS, ...PORTFOLIO_FUNCTIONS };

/** The rows whose arguments `runFunction` would hand over as they are: all `ANY`, no default, none repeated. */
const DIRECT_FUNCTIONS: ReadonlySet<HpcFunction> = new Set(
  Object.values(HPC_FUNCTIONS).filter(
    (f) =>
      f.repeatLastArgs === undefined &&
      f.parameters.every((p) => p.argumentType === FunctionArgumentType.ANY && p.defaultValue === undefined),
  ),
);

export class HpcFunctionsPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = Object.fromEntries(
    Object.entries(HPC_FUNCTIONS).map(([name, f]) => [
      name,
      {
        method: "hpc",
        ...(f.size ? { sizeOfResultArrayMethod: "hpcSize" } : {}),
        parameters: [...f.parameters],
        ...(f.repeatLastArgs ? { repeatLastArgs: f.repeatLastArgs } : {}),
        vectorizationForbidden: true,
      },
    ]),
  );

  /** Any HPC function: its row's call on the arguments as Excel passes them, its answer as its row says. */
  hpc(ast: CallAst, state: State) {
    const name = ast.procedureName;
    const f = HPC_FUNCTIONS[name];
    const direct = this.directArguments(f, ast, state);
    if (direct !== undefined) return direct instanceof CellError ? direct : this.answer(f, name, ast, state, direct);
    return this.runFunction(ast.args, state, this.metadata(name), (...raw: unknown[]) =>
      this.answer(
        f,
        name,
        ast,
        state,
        raw.map((arg) => this.excelArgument(arg)),
      ),
    );
  }

  protected answer(f: HpcFunction, name: string, ast: CallAst, state: State, args: unknown[]) {
    if (f.answer === "number") return scalar(f.call(...args));
    const out = f.call(...args);
    if (f.answer === "figure" && out.ok && out.value.length === 1 && out.value[0].length === 1) return out.value[0][0];
    return this.spill(name, ast, state, out);
  }

  /**
   * The arguments as Excel passes them, read without HyperFormula's
   * `runFunction` when that could only hand them over as they are: every
   * argument a cell range, a cell or a literal, their number within the row's
   * parameters (all `ANY`, none repeated). As `runFunction` does then, an
   * argument that is an error is the answer (the first, in order). Undefined
   * for any other call: `runFunction` reads it.
   */
  protected directArguments(f: HpcFunction, ast: CallAst, state: State): unknown[] | CellError | undefined {
    const args = ast.args;
    const parameters = f.parameters;
    if (!DIRECT_FUNCTIONS.has(f) || args.length > parameters.length) return undefined;
    for (let i = args.length; i < parameters.length; i++) if (!parameters[i].optionalArg) return undefined;
    for (const arg of args) {
      if (!DIRECT_ARGUMENTS.has((arg as { type: string }).type)) return undefined;
    }
    const values = new Array<unknown>(args.length);
    for (let i = 0; i < args.length; i++) {
      const value: unknown = this.evaluateAst(args[i], state);
      if (value instanceof CellError) return value;
      values[i] = this.excelArgument(value);
    }
    return values;
  }

  /**
   * An argument as Excel passes it. A cell range's values are read once per
   * recalculation of the range: kept on HyperFormula's vertex for the range,
   * whose caches the engine empties whenever a cell of the range changes (its
   * own SUM cache relies on it), so the dozen HPC cells of one deal share one
   * read and one array. The arrays are frozen: a function that wrote into its
   * input would throw rather than change another cell's input.
   */
  protected excelArgument(arg: unknown): unknown {
    if (arg === undefined) return undefined;
    if (!(arg instanceof SimpleRangeValue)) return toExcelCell(arg);
    const range = arg.range;
    const vertex = (range ? this.dependencyGraph.getRange(range.start, range.end) : undefined) as
      RangeCacheLike | undefined;
    if (vertex === undefined) return toExcelRows(arg);
    const kept = vertex.getFunctionValue(ARGUMENT_CACHE_KEY);
    if (kept !== undefined) return kept;
    const rows = toExcelRows(arg);
    vertex.setFunctionValue(ARGUMENT_CACHE_KEY, rows);
    return rows;
  }

  /** Any HPC function's spill size when its formula is entered (its row's `size`). */
  hpcSize(ast: CallAst, state: State): ArraySize {
    const size = HPC_FUNCTIONS[ast.procedureName].size;
    return size ? size(this.parseTime(ast, state)) : ArraySize.scalar();
  }

  /** What the rows' size functions read of the formula's arguments (see ParseTime). */
  protected parseTime(ast: CallAst, state: State): ParseTime {
    const args = ast.args;
    const given = (i: number) => args[i] !== undefined && (args[i] as { type: string }).type !== "EMPTY";
    return {
      count: args.length,
      given,
      ranges: (from, to = args.length) => {
        const out: unknown[] = [];
        for (let i = from; i < to; i++) {
          const v = this.readAtParseTime(args[i], state);
          if (v === UNKNOWN) return UNKNOWN;
          out.push(v);
        }
        return out;
      },
      literals: (from, to) => {
        const out: unknown[] = [];
        for (let i = from; i < to; i++) {
          if (!given(i)) out.push(undefined);
          else {
            const node = args[i] as { type: string; value?: unknown };
            if (node.type !== "STRING" && node.type !== "NUMBER") return UNKNOWN;
            out.push(node.value);
          }
        }
        return out;
      },
      size: (i) => this.arraySizeForAst(args[i], state),
    };
  }

  /** A table as a spilled result; refused (not truncated) when HyperFormula sized the spill smaller. */
  protected spill(name: string, ast: CallAst, state: State, outcome: Outcome<Cell[][]>): SimpleRangeValue | CellError {
    if (!outcome.ok) return cellError(outcome);
    const table = outcome.value;
    const vertex = this.vertexAt(state.formulaAddress);
    if (vertex?.formula === ast && vertex.width !== undefined && vertex.height !== undefined) {
      const width = table[0]?.length ?? 0;
      if (table.length > vertex.height || width > vertex.width) {
        return new CellError(
          ErrorType.VALUE,
          `${name} gives ${table.length} rows but its spill area was sized for ${vertex.height} when the formula was entered (HyperFormula fixes it then): enter the formula again`,
        );
      }
    }
    return SimpleRangeValue.onlyValues(table);
  }

  protected vertexAt(address: Address): VertexLike | undefined {
    try {
      return this.dependencyGraph.getCell(address) as unknown as VertexLike | undefined;
    } catch {
      return undefined;
    }
  }

  /** A range argument's cell-range AST and the address its references are relative to; a name is resolved. */
  protected rangeOf(ast: Ast, state: State): { range: RangeAst; base: Address } | undefined {
    const type = (ast as { type: string }).type;
    if (type === "CELL_RANGE") return { range: ast as unknown as RangeAst, base: state.formulaAddress };
    if (type !== "NAMED_EXPRESSION") return undefined;
    const names = (this.dependencyGraph as unknown as { namedExpressions: NamedExpressionsLike }).namedExpressions;
    const named = names.nearestNamedExpression(
      (ast as { expressionName: string }).expressionName,
      state.formulaAddress.sheet,
    );
    const formula = named ? this.vertexAt(named.address)?.formula : undefined;
    if (!named || (formula as { type?: string } | undefined)?.type !== "CELL_RANGE") return undefined;
    return { range: formula as RangeAst, base: named.address };
  }

  /**
   * The values of a range argument while the formula is being parsed, or
   * UNKNOWN; undefined for a left-out argument. A cell with no vertex is
   * empty, except that while a sheet is being built (row by row) a cell after
   * the formula has no vertex yet: when no cell of the range after the
   * formula has one, those cells are not known.
   */
  protected readAtParseTime(ast: Ast | undefined, state: State): unknown[][] | undefined | typeof UNKNOWN {
    if (ast === undefined || (ast as { type: string }).type === "EMPTY") return undefined;
    const found = this.rangeOf(ast, state);
    if (!found) return UNKNOWN;
    const start = found.range.start.toSimpleCellAddress(found.base);
    const end = found.range.end.toSimpleCellAddress(found.base);
    if (start.sheet !== end.sheet || (end.row - start.row + 1) * (end.col - start.col + 1) > 10_000) return UNKNOWN;
    const f = state.formulaAddress;
    const isLater = (row: number, col: number) =>
      start.sheet !== f.sheet || row > f.row || (row === f.row && col > f.col);
    let laterBuilt = false;
    let laterMissing = false;
    const rows: unknown[][] = [];
    for (let row = start.row; row <= end.row; row++) {
      const values: unknown[] = [];
      for (let col = start.col; col <= end.col; col++) {
        const address = { sheet: start.sheet, row, col };
        const vertex = this.vertexAt(address);
        let value: unknown = EmptyValue;
        if (vertex === undefined) {
          if (isLater(row, col)) laterMissing = true;
        } else {
          if (isLater(row, col)) laterBuilt = true;
          if (vertex.valueOrUndef !== undefined) {
            value = vertex.valueOrUndef();
            if (value === undefined) return UNKNOWN; // a formula not computed yet
            if (value instanceof SimpleRangeValue) value = vertex.getArrayCellValue?.(address);
            if (value === undefined) return UNKNOWN;
          } else if (vertex.getCellValue !== undefined) {
            value = vertex.getCellValue();
          } else return UNKNOWN;
        }
        values.push(toExcelCell(value));
      }
      rows.push(values);
    }
    return laterMissing && !laterBuilt ? UNKNOWN : rows;
  }
}

/** The functions' names, the same in every language. */
export const HPC_FUNCTION_NAMES: readonly string[] = Object.keys(HPC_FUNCTIONS);

const names = Object.fromEntries(HPC_FUNCTION_NAMES.map((n) => [n, n]));

/** Registers the HPC functions with HyperFormula (once; engines built afterwards have them). */
export function registerHpcFunctions(): void {
  if (HyperFormula.getAllFunctionPlugins().includes(HpcFunctionsPlugin)) return;
  HyperFormula.registerFunctionPlugin(HpcFunctionsPlugin, { enGB: names, enUS: names });
}
