/**
 * Input problems are values: every one names the term it is about and says
 * what was expected. A `DealError` carries all the problems found at once, so
 * a user fixes a deal in one pass rather than one error at a time.
 */

/** `value` = wrong kind of input (Excel's #VALUE!), `num` = a number out of range (#NUM!). */
export type ProblemKind = "value" | "num";

export interface Problem {
  /** The term's key (`termMonths`), or `tranches[2].mw`, or `deal` for the whole input. */
  readonly term: string;
  readonly message: string;
  readonly kind: ProblemKind;
}

export class DealError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(problems.map((p) => p.message).join("; "));
    this.name = "DealError";
    this.problems = Object.freeze([...problems]);
  }
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DealError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T>(problems: readonly Problem[]): Result<T> {
  return { ok: false, error: new DealError(problems) };
}
