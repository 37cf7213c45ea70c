import { problem, type Problem, type ProblemCode, type ProblemParams } from "../core";

/**
 * What a function call gives back before it meets a host: a value, or one
 * error for the whole call. The Excel entry points turn a failure into a
 * `CustomFunctions.Error`; the HyperFormula plugin into a `CellError`. The
 * codes are Excel's texts, which are also the `CustomFunctions.ErrorCode` values.
 *
 * Every input problem is #VALUE!, with its message: Excel shows a custom
 * function's message on #VALUE! but drops it on #NUM!, so a #NUM! for a number
 * out of range would leave the user guessing. #NUM! is kept for a computation
 * that has no answer for valid input (an IRR with no root, say), whose reason
 * the function's help must then give; no HPC function has such a case today.
 */
export type ErrorCode = "#VALUE!" | "#NUM!";

export interface Failure {
  readonly ok: false;
  readonly code: ErrorCode;
  readonly message: string;
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | Failure;

/** At most this many problems are spelled out in one error message; the rest are counted. */
export const MAX_PROBLEMS_IN_MESSAGE = 6;

export function success<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

/**
 * One error for a list of problems, as the CLI reports them: #VALUE! with the
 * messages joined, a number out of range included (its message must reach
 * the user, and Excel shows none on #NUM!).
 */
export function failure(problems: readonly Problem[]): Failure {
  const code: ErrorCode = "#VALUE!";
  const shown = problems.slice(0, MAX_PROBLEMS_IN_MESSAGE).map((p) => p.message);
  const more = problems.length - shown.length;
  if (more > 0) shown.push(`and ${more} more problem${more === 1 ? "" : "s"}`);
  return { ok: false, code, message: shown.join("; ") };
}

/** A problem with a function's argument, by its catalogue code (core's messages.ts words it). */
export function argumentProblem(code: ProblemCode, argument: string, params: ProblemParams = {}): Problem {
  return problem("value", code, [argument], params);
}
