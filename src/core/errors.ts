/**
 * Input problems are values: a code, the path of the term it is about, and
 * the parameters of its message (words in `messages.ts`). A `DealError`
 * carries all the problems found at once, so a user fixes a deal in one pass
 * rather than one error at a time.
 */
import { MESSAGES, type Naming, type ProblemCode, type ProblemParams } from "./messages";

export type { ProblemCode, ProblemParams } from "./messages";

/** `value` = wrong kind of input (Excel's #VALUE!), `num` = a number out of range. */
export type ProblemKind = "value" | "num";

/** Where a problem is: ["tranches", 2, "mw"], ["mining", "hashprice"], ["deals", 0, "termMonths"]; [] for the whole deal. */
export type ProblemPath = readonly (string | number)[];

export interface Problem {
  readonly code: ProblemCode;
  readonly path: ProblemPath;
  readonly params: ProblemParams;
  readonly kind: ProblemKind;
  /** The path as a deal file names it (`tranches[2].mw`, or `deal` for the whole input). */
  readonly term: string;
  /** The sentence, as the catalogue words it for a deal file. */
  readonly message: string;
}

/** A path as a deal file names it: `tranches[2].mw`; `deal` for the empty path. */
export function pathText(path: ProblemPath): string {
  let text = "";
  for (const seg of path) {
    if (typeof seg === "number") text += `[${seg}]`;
    else if (IDENTIFIER.test(seg) && seg.length <= 60) text += text === "" ? seg : `.${seg}`;
    else text += `[${shortJson(seg)}]`;
  }
  return text === "" ? "deal" : text;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function shortJson(text: string): string {
  const json = JSON.stringify(text);
  return json.length > 60 ? `${json.slice(0, 56)}..."` : json;
}

/** Words a problem, naming its path with `name` (a deal file's names by default). */
export function describe(
  p: Pick<Problem, "code" | "path" | "params">,
  name: (path: ProblemPath) => string = pathText,
): string {
  // A problem inside a container (a deal of a portfolio): the sentence names the term within it,
  // prefixed by the container's label ("deals[2] ("Barber Lake"): termMonths must be ...").
  const within = typeof p.params.within === "number" ? p.params.within : 0;
  const inner = p.path.slice(within);
  const naming: Naming = { subject: name(inner), parent: name(inner.slice(0, -1)) };
  const text = MESSAGES[p.code](naming, p.params);
  return within > 0 ? `${String(p.params.container)}: ${text}` : text;
}

export function problem(kind: ProblemKind, code: ProblemCode, path: ProblemPath, params: ProblemParams = {}): Problem {
  const base = { code, path: Object.freeze([...path]), params: Object.freeze({ ...params }), kind };
  return Object.freeze({ ...base, term: pathText(path), message: describe(base) });
}

/** The same problem as a surface names its paths (e.g. a sheet's row numbers), re-worded from the catalogue. */
export function renamed(p: Problem, name: (path: ProblemPath) => string): Problem {
  return Object.freeze({ ...p, term: name(p.path), message: describe(p, name) });
}

/**
 * The same problem inside a container: its path prefixed (a deal of a portfolio: ["deals", 1, ...]),
 * its sentence still naming the term within and prefixed by the container's label.
 */
export function nested(p: Problem, prefix: ProblemPath, container: string): Problem {
  return problem(p.kind, p.code, [...prefix, ...p.path], { ...p.params, within: prefix.length, container });
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
