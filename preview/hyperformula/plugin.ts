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
import { FIGURES, LIMITS, MINING_HEADER, SCHEDULE_HEADER } from "../../src/core";
import type { Cell } from "../../src/functions/deal";
import * as hpc from "../../src/functions/hpc";
import * as hpcMining from "../../src/functions/mining";
import { sensitivity } from "../../src/functions/sensitivity";
import type { Outcome } from "../../src/functions/outcome";
import { PORTFOLIO_FUNCTION_NAMES, makePortfolioPlugin } from "./portfolioPlugin";

type RunArgs = Parameters<FunctionPlugin["runFunction"]>;
type Ast = RunArgs[0][number];
type State = RunArgs[1];
type Value = ReturnType<RunArgs[3]>;
interface CallAst {
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

function toExcelArgument(arg: unknown): unknown {
  if (arg === undefined) return undefined;
  if (arg instanceof SimpleRangeValue) return arg.rawData().map((row) => row.map(toExcelCell));
  return toExcelCell(arg);
}

function cellError(outcome: { code: string; message: string }): CellError {
  return new CellError(outcome.code === "#NUM!" ? ErrorType.NUM : ErrorType.VALUE, outcome.message);
}

function scalar(outcome: Outcome<number>): number | CellError {
  return outcome.ok ? outcome.value : cellError(outcome);
}

/** Marks a range whose values cannot be read when the formula is parsed. */
const UNKNOWN = Symbol("unknown at parse time");

const SUMMARY_ROWS = FIGURES.length;

export class HpcFunctionsPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    "HPC.HOSTINGCASHFLOW": {
      method: "hostingCashflow",
      sizeOfResultArrayMethod: "hostingCashflowSize",
      parameters: [
        { argumentType: FunctionArgumentType.ANY },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
      ],
      vectorizationForbidden: true,
    },
    "HPC.PREPAYREMAINING": {
      method: "prepayRemaining",
      sizeOfResultArrayMethod: "prepayRemainingSize",
      parameters: [
        { argumentType: FunctionArgumentType.ANY },
        { argumentType: FunctionArgumentType.ANY },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
      ],
      vectorizationForbidden: true,
    },
    "HPC.CONTRACTVALUE": {
      method: "contractValue",
      parameters: [
        { argumentType: FunctionArgumentType.ANY },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
      ],
      vectorizationForbidden: true,
    },
    "HPC.ANNUALREVENUE": {
      method: "annualRevenue",
      parameters: [
        { argumentType: FunctionArgumentType.ANY },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
      ],
      vectorizationForbidden: true,
    },
    "HPC.DEALNPV": {
      method: "dealNpv",
      parameters: [
        { argumentType: FunctionArgumentType.ANY },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
      ],
      vectorizationForbidden: true,
    },
    "HPC.DEALSUMMARY": {
      method: "dealSummary",
      sizeOfResultArrayMethod: "dealSummarySize",
      parameters: [
        { argumentType: FunctionArgumentType.ANY },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
      ],
      vectorizationForbidden: true,
    },
    "HPC.MININGCOMPARISON": {
      method: "miningComparison",
      sizeOfResultArrayMethod: "miningComparisonSize",
      parameters: [
        { argumentType: FunctionArgumentType.ANY },
        { argumentType: FunctionArgumentType.ANY },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
      ],
      vectorizationForbidden: true,
    },
    "HPC.BREAKEVENHASHPRICE": {
      method: "breakevenHashprice",
      parameters: [
        { argumentType: FunctionArgumentType.ANY },
        { argumentType: FunctionArgumentType.ANY },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
      ],
      vectorizationForbidden: true,
    },
    "HPC.MININGSUMMARY": {
      method: "miningSummary",
      sizeOfResultArrayMethod: "miningSummarySize",
      parameters: [
        { argumentType: FunctionArgumentType.ANY },
        { argumentType: FunctionArgumentType.ANY },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
      ],
      vectorizationForbidden: true,
    },
    "HPC.SENSITIVITY": {
      method: "sensitivity",
      sizeOfResultArrayMethod: "sensitivitySize",
      parameters: [
        { argumentType: FunctionArgumentType.ANY },
        { argumentType: FunctionArgumentType.ANY },
        { argumentType: FunctionArgumentType.ANY },
        { argumentType: FunctionArgumentType.ANY },
        { argumentType: FunctionArgumentType.ANY },
        { argumentType: FunctionArgumentType.ANY },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
      ],
      vectorizationForbidden: true,
    },
  };

  protected run(name: string, ast: CallAst, state: State, body: (...args: unknown[]) => Value) {
    return this.runFunction(ast.args, state, this.metadata(name), (...args: unknown[]) =>
      body(...args.map(toExcelArgument)),
    );
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

  hostingCashflow(ast: CallAst, state: State) {
    return this.run("HPC.HOSTINGCASHFLOW", ast, state, (terms, tranches, capex) =>
      this.spill("HPC.HOSTINGCASHFLOW", ast, state, hpc.hostingCashflow(terms, tranches, capex)),
    );
  }

  hostingCashflowSize(ast: CallAst, state: State): ArraySize {
    const terms = this.readAtParseTime(ast.args[0], state);
    const tranches = this.readAtParseTime(ast.args[1], state);
    const capex = this.readAtParseTime(ast.args[2], state);
    if (terms === UNKNOWN || tranches === UNKNOWN || capex === UNKNOWN) {
      return new ArraySize(SCHEDULE_HEADER.length, 1 + LIMITS.maxScheduleMonths);
    }
    const out = hpc.hostingCashflow(terms, tranches, capex);
    return out.ok ? new ArraySize(SCHEDULE_HEADER.length, out.value.length) : ArraySize.scalar();
  }

  prepayRemaining(ast: CallAst, state: State) {
    return this.run("HPC.PREPAYREMAINING", ast, state, (terms, date, tranches, capex) => {
      const out = hpc.prepayRemaining(terms, date, tranches, capex);
      if (out.ok && out.value.length === 1 && out.value[0].length === 1) return out.value[0][0];
      return this.spill("HPC.PREPAYREMAINING", ast, state, out);
    });
  }

  prepayRemainingSize(ast: CallAst, state: State): ArraySize {
    if (ast.args.length < 2) return ArraySize.scalar();
    const size = this.arraySizeForAst(ast.args[1], state);
    return size.width * size.height > 1 ? new ArraySize(size.width, size.height) : ArraySize.scalar();
  }

  contractValue(ast: CallAst, state: State) {
    return this.run("HPC.CONTRACTVALUE", ast, state, (terms, tranches, capex) =>
      scalar(hpc.contractValue(terms, tranches, capex)),
    );
  }

  annualRevenue(ast: CallAst, state: State) {
    return this.run("HPC.ANNUALREVENUE", ast, state, (terms, tranches, capex) =>
      scalar(hpc.annualRevenue(terms, tranches, capex)),
    );
  }

  dealNpv(ast: CallAst, state: State) {
    return this.run("HPC.DEALNPV", ast, state, (terms, rate, tranches, capex) =>
      scalar(hpc.dealNpv(terms, rate, tranches, capex)),
    );
  }

  dealSummary(ast: CallAst, state: State) {
    return this.run("HPC.DEALSUMMARY", ast, state, (terms, tranches, capex, figure) => {
      const out = hpc.dealSummary(terms, tranches, capex, figure);
      // One figure by name is one value (as a 1×1 array shows in Excel).
      if (out.ok && out.value.length === 1 && out.value[0].length === 1) return out.value[0][0];
      return this.spill("HPC.DEALSUMMARY", ast, state, out);
    });
  }

  dealSummarySize(ast: CallAst): ArraySize {
    // A figure argument (the fourth) asks for one value.
    const figure = ast.args[3];
    return figure !== undefined && figure.type !== "EMPTY" ? ArraySize.scalar() : new ArraySize(2, SUMMARY_ROWS);
  }

  miningComparison(ast: CallAst, state: State) {
    return this.run("HPC.MININGCOMPARISON", ast, state, (terms, mining, tranches, capex, rate) =>
      this.spill("HPC.MININGCOMPARISON", ast, state, hpcMining.miningComparison(terms, mining, tranches, capex, rate)),
    );
  }

  miningComparisonSize(ast: CallAst, state: State): ArraySize {
    const args = [0, 1, 2, 3].map((i) => this.readAtParseTime(ast.args[i], state));
    if (args.some((a) => a === UNKNOWN)) return new ArraySize(MINING_HEADER.length, 1 + LIMITS.maxScheduleMonths);
    const out = hpcMining.miningComparison(args[0], args[1], args[2], args[3]);
    return out.ok ? new ArraySize(MINING_HEADER.length, out.value.length) : ArraySize.scalar();
  }

  breakevenHashprice(ast: CallAst, state: State) {
    return this.run("HPC.BREAKEVENHASHPRICE", ast, state, (terms, mining, tranches, capex, rate) =>
      scalar(hpcMining.breakevenHashprice(terms, mining, tranches, capex, rate)),
    );
  }

  miningSummary(ast: CallAst, state: State) {
    return this.run("HPC.MININGSUMMARY", ast, state, (terms, mining, tranches, capex, figure, rate) => {
      const out = hpcMining.miningSummary(terms, mining, tranches, capex, figure, rate);
      if (out.ok && out.value.length === 1 && out.value[0].length === 1) return out.value[0][0];
      return this.spill("HPC.MININGSUMMARY", ast, state, out);
    });
  }

  miningSummarySize(ast: CallAst): ArraySize {
    // A figure argument (the fifth) asks for one value.
    const figure = ast.args[4];
    return figure !== undefined && figure.type !== "EMPTY"
      ? ArraySize.scalar()
      : new ArraySize(2, hpcMining.MINING_SUMMARY_ROWS);
  }

  sensitivity(ast: CallAst, state: State) {
    return this.run(
      "HPC.SENSITIVITY",
      ast,
      state,
      (figure, inputA, valuesA, inputB, valuesB, terms, tranches, capex, mining) =>
        this.spill(
          "HPC.SENSITIVITY",
          ast,
          state,
          sensitivity(figure, inputA, valuesA, inputB, valuesB, terms, tranches, capex, mining),
        ),
    );
  }

  /** One row per value of inputA and one column per value of inputB, each plus a header: known from the ranges' sizes. */
  sensitivitySize(ast: CallAst, state: State): ArraySize {
    if (ast.args.length < 5) return ArraySize.scalar();
    const a = this.arraySizeForAst(ast.args[2], state);
    const b = this.arraySizeForAst(ast.args[4], state);
    return new ArraySize(1 + b.width * b.height, 1 + a.width * a.height);
  }
}

/** The functions' names, the same in every language. */
export const HPC_FUNCTION_NAMES: readonly string[] = Object.keys(HpcFunctionsPlugin.implementedFunctions).concat(
  PORTFOLIO_FUNCTION_NAMES,
);

const names = Object.fromEntries(HPC_FUNCTION_NAMES.map((n) => [n, n]));

/** Registers the HPC functions with HyperFormula (once; engines built afterwards have them). */
export function registerHpcFunctions(): void {
  if (HyperFormula.getAllFunctionPlugins().includes(HpcFunctionsPlugin)) return;
  HyperFormula.registerFunctionPlugin(HpcFunctionsPlugin, { enGB: names, enUS: names });
  HyperFormula.registerFunctionPlugin(makePortfolioPlugin(HpcFunctionsPlugin), { enGB: names, enUS: names });
}
