/**
 * The shape of a row of the HPC functions' table (DEV/TEST ONLY, as
 * plugin.ts): a function as HyperFormula declares it, in the style of
 * HyperFormula's own `implementedFunctions`. One row says what the function
 * takes, how its answer reaches a cell, which function of src/functions
 * computes it, and how large its spill is when the formula is entered.
 */
import { ArraySize, FunctionArgumentType, type FunctionArgument } from "hyperformula";
import { LIMITS } from "../../src/core";
import type { Cell } from "../../src/functions/deal";
import type { Outcome } from "../../src/functions/outcome";

/** An argument left for the function to read (its coercion is src/functions' job, as in Excel). */
const ANY: FunctionArgument = { argumentType: FunctionArgumentType.ANY };
const OPTIONAL: FunctionArgument = { argumentType: FunctionArgumentType.ANY, optionalArg: true };

/** `required` arguments, then `optional` ones, e.g. (terms, [tranches], [capex]) = params(1, 2). */
export function params(required: number, optional: number, ...then: readonly FunctionArgument[]): FunctionArgument[] {
  return [...Array<FunctionArgument>(required).fill(ANY), ...Array<FunctionArgument>(optional).fill(OPTIONAL), ...then];
}

/** A portfolio's deal: terms, then optional tranches and capex; repeated (`repeatLastArgs: 3`). */
export const DEAL_ARGS: readonly FunctionArgument[] = params(1, 2);

/** A value the plugin cannot read when a formula is entered (a formula not computed yet, a reference it cannot follow). */
export const UNKNOWN: unique symbol = Symbol("unknown at parse time");
export type Unknown = typeof UNKNOWN;

/** What a size function may read of a formula's arguments when it is entered, before anything is computed. */
export interface ParseTime {
  /** How many arguments the formula gives. */
  readonly count: number;
  /** Whether argument `i` is given (neither left out nor empty). */
  given(i: number): boolean;
  /** Arguments `from` to `to` (excluded; all by default) as ranges: their values, or UNKNOWN if any is not known. */
  ranges(from: number, to?: number): unknown[] | Unknown;
  /** Arguments `from` to `to` (excluded) as literals (text or number), or UNKNOWN if any is not a literal. */
  literals(from: number, to: number): unknown[] | Unknown;
  /** The size of argument `i`'s value (a range's; 1×1 for one value). */
  size(i: number): ArraySize;
}

interface Common {
  readonly parameters: readonly FunctionArgument[];
  /** How many last parameters repeat (a portfolio's deals). */
  readonly repeatLastArgs?: number;
  /** The spill's size when the formula is entered (HyperFormula sizes it then, before computing); one cell without. */
  readonly size?: (at: ParseTime) => ArraySize;
}

/**
 * `number`: one value. `table`: a spilled table. `figure`: a table, but one
 * value when it is 1×1 (one figure asked by name, as a 1×1 array shows in Excel).
 */
export type HpcFunction = Common &
  (
    | { readonly answer: "number"; readonly call: (...args: unknown[]) => Outcome<number> }
    | { readonly answer: "table" | "figure"; readonly call: (...args: unknown[]) => Outcome<Cell[][]> }
  );

/** UNKNOWN if any part is, else the parts joined. */
export function joined(...parts: readonly (unknown[] | Unknown)[]): unknown[] | Unknown {
  return parts.some((p) => p === UNKNOWN) ? UNKNOWN : (parts as unknown[][]).flat(1);
}

/**
 * The size of the table `call` gives for the arguments as they stand when the
 * formula is entered; room for the longest schedule while any is not known;
 * one cell for an error.
 */
export function computedSize(
  width: number,
  args: unknown[] | Unknown,
  call: (args: unknown[]) => Outcome<unknown[][]>,
): ArraySize {
  if (args === UNKNOWN) return new ArraySize(width, 1 + LIMITS.maxScheduleMonths);
  const out = call(args);
  return out.ok ? new ArraySize(width, out.value.length) : ArraySize.scalar();
}

/** A summary: one value when its figure argument is given, else the whole two-column table. */
export function summarySize(at: ParseTime, figureArg: number, rows: number): ArraySize {
  return at.given(figureArg) ? ArraySize.scalar() : new ArraySize(2, rows);
}
