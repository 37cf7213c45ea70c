/**
 * The period, run-rate and portfolio functions in HyperFormula (DEV/TEST
 * ONLY, as `plugin.ts`): a subclass so that they live in their own file and
 * share the base plugin's argument reading and spill sizing. A portfolio's
 * deals repeat in groups of three arguments (terms, tranches, capex), as
 * HyperFormula's `repeatLastArgs` and Excel's repeating parameter allow.
 */
import { ArraySize, CellError, ErrorType, FunctionArgumentType, type ImplementedFunctions } from "hyperformula";
import { FIGURES, LIMITS, PERIOD_HEADER, SCHEDULE_HEADER } from "../../src/core";
import type { Outcome } from "../../src/functions/outcome";
import * as portfolio from "../../src/functions/portfolio";
// Types only: plugin.ts builds this class from its own (a runtime import would be a cycle).
import type { HpcFunctionsPlugin } from "./plugin";

type Run = HpcFunctionsPlugin["run"];
type CallAst = Parameters<Run>[1];
type State = Parameters<Run>[2];
type Ast = CallAst["args"][number];

const ANY = { argumentType: FunctionArgumentType.ANY };
const OPTIONAL = { argumentType: FunctionArgumentType.ANY, optionalArg: true };
/** A deal's three arguments; only the terms are needed. */
const DEAL = [ANY, OPTIONAL, OPTIONAL];
/** This module's own marker for "not known at parse time". */
const SYMBOL_UNKNOWN = Symbol("unknown at parse time");

function scalarOf(outcome: Outcome<number>): number | CellError {
  if (outcome.ok) return outcome.value;
  return new CellError(outcome.code === "#NUM!" ? ErrorType.NUM : ErrorType.VALUE, outcome.message);
}

const IMPLEMENTED: ImplementedFunctions = {
  "HPC.PERIODS": {
    method: "periods",
    sizeOfResultArrayMethod: "periodsSize",
    parameters: [ANY, OPTIONAL, OPTIONAL, OPTIONAL, OPTIONAL],
    vectorizationForbidden: true,
  },
  "HPC.RUNRATE": {
    method: "runRate",
    parameters: [ANY, ANY, OPTIONAL, OPTIONAL],
    vectorizationForbidden: true,
  },
  "HPC.PORTFOLIOCASHFLOW": {
    method: "portfolioCashflow",
    sizeOfResultArrayMethod: "portfolioCashflowSize",
    parameters: DEAL,
    repeatLastArgs: 3,
    vectorizationForbidden: true,
  },
  "HPC.PORTFOLIOPERIODS": {
    method: "portfolioPeriods",
    sizeOfResultArrayMethod: "portfolioPeriodsSize",
    parameters: [OPTIONAL, OPTIONAL, ...DEAL],
    repeatLastArgs: 3,
    vectorizationForbidden: true,
  },
  "HPC.PORTFOLIORUNRATE": {
    method: "portfolioRunRate",
    parameters: [ANY, ...DEAL],
    repeatLastArgs: 3,
    vectorizationForbidden: true,
  },
  "HPC.PORTFOLIOSUMMARY": {
    method: "portfolioSummary",
    sizeOfResultArrayMethod: "portfolioSummarySize",
    parameters: [OPTIONAL, OPTIONAL, ...DEAL],
    repeatLastArgs: 3,
    vectorizationForbidden: true,
  },
  "HPC.PORTFOLIOBYDEAL": {
    method: "portfolioByDeal",
    sizeOfResultArrayMethod: "portfolioByDealSize",
    parameters: [OPTIONAL, OPTIONAL, ...DEAL],
    repeatLastArgs: 3,
    vectorizationForbidden: true,
  },
};

/** The names of the functions of this file. */
export const PORTFOLIO_FUNCTION_NAMES: readonly string[] = Object.keys(IMPLEMENTED);

/** A value the base plugin could not read at parse time (its UNKNOWN marker is the only symbol it returns). */
function unknown(v: unknown): boolean {
  return typeof v === "symbol";
}

/** The plugin class, built on the base plugin (given, so that this module needs nothing of it at load time). */
export function makePortfolioPlugin(Base: typeof HpcFunctionsPlugin) {
  return class HpcPortfolioPlugin extends Base {
    static override implementedFunctions: ImplementedFunctions = IMPLEMENTED;

    /** A literal argument's value at parse time (text or number), undefined when left out, else UNKNOWN. */
    private literal(ast: Ast | undefined): unknown {
      if (ast === undefined) return undefined;
      const node = ast as { type: string; value?: unknown };
      if (node.type === "EMPTY") return undefined;
      if (node.type === "STRING" || node.type === "NUMBER") return node.value;
      return SYMBOL_UNKNOWN;
    }

    /** The deals' ranges at parse time, or UNKNOWN when any cannot be read then. */
    private dealsAtParseTime(args: readonly Ast[], state: State): unknown[] | symbol {
      const out: unknown[] = [];
      for (const a of args) {
        const v = this.readAtParseTime(a, state);
        if (unknown(v)) return SYMBOL_UNKNOWN;
        out.push(v);
      }
      return out;
    }

    private tableSize(outcome: Outcome<unknown[][]>, width: number): ArraySize {
      return outcome.ok ? new ArraySize(width, outcome.value.length) : ArraySize.scalar();
    }

    periods(ast: CallAst, state: State) {
      return this.run("HPC.PERIODS", ast, state, (terms, tranches, capex, period, fy) =>
        this.spill("HPC.PERIODS", ast, state, portfolio.periods(terms, tranches, capex, period, fy)),
      );
    }

    periodsSize(ast: CallAst, state: State): ArraySize {
      const ranges = [0, 1, 2].map((i) => this.readAtParseTime(ast.args[i], state));
      const [period, fy] = [this.literal(ast.args[3]), this.literal(ast.args[4])];
      if (ranges.some(unknown) || unknown(period) || unknown(fy)) {
        return new ArraySize(PERIOD_HEADER.length, 1 + LIMITS.maxScheduleMonths);
      }
      return this.tableSize(portfolio.periods(ranges[0], ranges[1], ranges[2], period, fy), PERIOD_HEADER.length);
    }

    runRate(ast: CallAst, state: State) {
      return this.run("HPC.RUNRATE", ast, state, (terms, date, tranches, capex) =>
        scalarOf(portfolio.runRate(terms, date, tranches, capex)),
      );
    }

    portfolioCashflow(ast: CallAst, state: State) {
      return this.run("HPC.PORTFOLIOCASHFLOW", ast, state, (...deals) =>
        this.spill("HPC.PORTFOLIOCASHFLOW", ast, state, portfolio.portfolioCashflow(deals)),
      );
    }

    portfolioCashflowSize(ast: CallAst, state: State): ArraySize {
      const deals = this.dealsAtParseTime(ast.args, state);
      if (unknown(deals)) return new ArraySize(SCHEDULE_HEADER.length, 1 + LIMITS.maxScheduleMonths);
      return this.tableSize(portfolio.portfolioCashflow(deals as unknown[]), SCHEDULE_HEADER.length);
    }

    portfolioPeriods(ast: CallAst, state: State) {
      return this.run("HPC.PORTFOLIOPERIODS", ast, state, (period, fy, ...deals) =>
        this.spill("HPC.PORTFOLIOPERIODS", ast, state, portfolio.portfolioPeriods(period, fy, deals)),
      );
    }

    portfolioPeriodsSize(ast: CallAst, state: State): ArraySize {
      const [period, fy] = [this.literal(ast.args[0]), this.literal(ast.args[1])];
      const deals = this.dealsAtParseTime(ast.args.slice(2), state);
      if (unknown(deals) || unknown(period) || unknown(fy)) {
        return new ArraySize(PERIOD_HEADER.length, 1 + LIMITS.maxScheduleMonths);
      }
      return this.tableSize(portfolio.portfolioPeriods(period, fy, deals as unknown[]), PERIOD_HEADER.length);
    }

    portfolioRunRate(ast: CallAst, state: State) {
      return this.run("HPC.PORTFOLIORUNRATE", ast, state, (date, ...deals) =>
        scalarOf(portfolio.portfolioRunRate(date, deals)),
      );
    }

    portfolioByDeal(ast: CallAst, state: State) {
      return this.run("HPC.PORTFOLIOBYDEAL", ast, state, (period, fy, ...deals) =>
        this.spill("HPC.PORTFOLIOBYDEAL", ast, state, portfolio.portfolioByDeal(period, fy, deals)),
      );
    }

    portfolioByDealSize(ast: CallAst, state: State): ArraySize {
      const [period, fy] = [this.literal(ast.args[0]), this.literal(ast.args[1])];
      const deals = this.dealsAtParseTime(ast.args.slice(2), state);
      if (unknown(deals) || unknown(period) || unknown(fy)) {
        return new ArraySize(1 + Math.ceil((ast.args.length - 2) / 3), 1 + LIMITS.maxScheduleMonths);
      }
      const out = portfolio.portfolioByDeal(period, fy, deals as unknown[]);
      return out.ok ? new ArraySize(out.value[0].length, out.value.length) : ArraySize.scalar();
    }

    portfolioSummary(ast: CallAst, state: State) {
      return this.run("HPC.PORTFOLIOSUMMARY", ast, state, (figure, rate, ...deals) => {
        const out = portfolio.portfolioSummary(figure, rate, deals);
        if (out.ok && out.value.length === 1 && out.value[0].length === 1) return out.value[0][0];
        return this.spill("HPC.PORTFOLIOSUMMARY", ast, state, out);
      });
    }

    portfolioSummarySize(ast: CallAst): ArraySize {
      const figure = ast.args[0];
      return figure !== undefined && figure.type !== "EMPTY" ? ArraySize.scalar() : new ArraySize(2, FIGURES.length);
    }
  };
}
