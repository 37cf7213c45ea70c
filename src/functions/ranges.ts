/**
 * From the ranges a formula passes to the raw terms the calculation module
 * validates. Only layout is checked here (two columns, known labels, each
 * term once, no Excel error values); what a value must be is the core's job.
 */
import {
  SCALAR_TERMS,
  TERM_SPECS,
  isTableTerm,
  parseIsoDate,
  pathText,
  problem,
  renamed,
  termForLabel,
  type Problem,
  type ProblemCode,
  type ProblemParams,
  type ProblemPath,
  type TermKey,
} from "../core";
import { ExcelErrorValue, asRows, describeCell, isEmptyCell, readCell } from "./cells";

/** A problem with the layout of a function's range: #VALUE!, worded by the catalogue (core's messages.ts). */
export function layoutProblem(code: ProblemCode, path: ProblemPath, params: ProblemParams = {}): Problem {
  return problem("value", code, path, params);
}

/** The problem of a range that is not two columns wide; `first` and `second` say what each column holds. */
export function rangeWidthProblem(argument: string, width: number, first: string, second: string): Problem {
  return layoutProblem("range-width", [argument], { width, first, second });
}

const LABEL_LIST = SCALAR_TERMS.map((t) => t.label).join(", ");

/**
 * termForLabel, remembered by the exact text of the label: a book's terms
 * blocks repeat the same labels, and folding one (lower case, a regular
 * expression) costs more than a lookup. Bounded: emptied when full.
 */
const termByLabel = new Map<string, TermKey | undefined>();
const MAX_LABELS = 1024;

export function termForSheetLabel(label: string): TermKey | undefined {
  let key = termByLabel.get(label);
  if (key === undefined && !termByLabel.has(label)) {
    key = termForLabel(label);
    if (termByLabel.size >= MAX_LABELS) termByLabel.clear();
    termByLabel.set(label, key);
  }
  return key;
}

export interface RawTerms {
  /** Terms keyed as the calculation module expects them (`validateDeal` input). */
  readonly input: Record<string, unknown>;
  readonly problems: readonly Problem[];
}

/**
 * Reads the terms block: labels in the first column, values in the second.
 * Blank rows are ignored; a label that is not a term, a term given twice, a
 * value with no label or an Excel error value is a problem naming the row.
 */
export function readTermsRange(range: unknown): RawTerms {
  const problems: Problem[] = [];
  const input: Record<string, unknown> = {};
  const rows = asRows(range);
  if (rows === undefined) {
    problems.push(
      layoutProblem("required", ["terms"], { expected: "a two-column range of labels and values (e.g. A2:B16)" }),
    );
    return { input, problems };
  }
  const width = rows.length === 0 ? 0 : rows[0].length;
  if (width !== 2) {
    problems.push(rangeWidthProblem("terms", width, "labels", "values"));
    return { input, problems };
  }
  return readLabelRows(rows, {
    name: "terms",
    noun: "term",
    example: "Capacity (MW)",
    within: "the terms",
    labels: LABEL_LIST,
    keyOf: termForSheetLabel,
    path: (key) => [key],
    refuse: (key, rowNumber) => {
      if (!isTableTerm(key)) return undefined;
      const columns =
        key === "tranches" ? "dates and MW" : key === "capex" ? "dates and amounts" : "mining labels and values";
      return layoutProblem("table-in-terms", [key], { range: "terms", row: rowNumber, columns });
    },
    expected: (key) => TERM_SPECS[key].expected,
  });
}

/** How a two-column range of labels and values names its keys (the terms, the mining terms). */
export interface LabelRows<K extends string> {
  /** The argument, e.g. "terms". */
  readonly name: string;
  /** What a key is, e.g. "term", "mining term". */
  readonly noun: string;
  readonly example: string;
  /** Where a key given twice is, e.g. "the terms". */
  readonly within: string;
  /** Every label, for the message of an unknown one. */
  readonly labels: string;
  readonly keyOf: (label: string) => K | undefined;
  /**
   * The key's path, e.g. ["mining", "uptime"]. A dotted text ("mining.uptime") is read as that
   * path too (the form callers gave before problems carried paths).
   */
  readonly path: (key: K) => ProblemPath | string;
  /** A key this range may not hold: the problem, or undefined. */
  readonly refuse?: (key: K, rowNumber: number) => Problem | undefined;
  /** What a key's value must be, for the message of an Excel error value. */
  readonly expected?: (key: K) => string;
  /** The value as the core reads it (e.g. a text list of dates). */
  readonly value?: (key: K, value: unknown) => unknown;
}

/**
 * Reads the rows of a two-column range of labels and values (its width
 * checked by the caller). Blank rows are ignored; a value with no label, a
 * label that names no key, a key given twice or an Excel error value is a
 * problem naming the row.
 */
export function readLabelRows<K extends string>(
  rows: readonly (readonly unknown[])[],
  spec: LabelRows<K>,
): { input: Record<string, unknown>; problems: Problem[] } {
  const problems: Problem[] = [];
  const input: Record<string, unknown> = {};
  const rowOf = new Map<K, number>();
  rows.forEach((row, i) => {
    const rowNumber = i + 1;
    const label = readCell(row[0]);
    const value = readCell(row[1]);
    if (isEmptyCell(label)) {
      if (!isEmptyCell(value)) {
        problems.push(layoutProblem("value-without-label", [spec.name], { row: rowNumber, got: describeCell(value) }));
      }
      return;
    }
    if (typeof label !== "string") {
      problems.push(
        layoutProblem("label-not-text", [spec.name], {
          row: rowNumber,
          noun: spec.noun,
          example: spec.example,
          got: describeCell(label),
        }),
      );
      return;
    }
    const key = spec.keyOf(label);
    if (key === undefined) {
      problems.push(
        layoutProblem("unknown-label", [spec.name], {
          noun: spec.noun,
          got: describeCell(label),
          row: rowNumber,
          labels: spec.labels,
        }),
      );
      return;
    }
    const refused = spec.refuse?.(key, rowNumber);
    if (refused) {
      problems.push(refused);
      return;
    }
    const given = spec.path(key);
    const path = typeof given === "string" ? given.split(".") : given;
    const earlier = rowOf.get(key);
    if (earlier !== undefined) {
      problems.push(layoutProblem("given-twice", path, { place: spec.within, first: earlier, second: rowNumber }));
      return;
    }
    rowOf.set(key, rowNumber);
    if (value instanceof ExcelErrorValue) {
      const expected = spec.expected?.(key);
      problems.push(
        layoutProblem("excel-error", path, { error: value.code, ...(expected === undefined ? {} : { expected }) }),
      );
      return;
    }
    input[key] = spec.value ? spec.value(key, value) : value;
  });
  return { input, problems };
}

/** A two-column table argument: tranches (date, MW) or capex (date, amount). */
export interface TableArgument {
  readonly name: "tranches" | "capex";
  readonly field: "mw" | "amount";
  /** The second column as messages name it. */
  readonly what: string;
}

export const TRANCHES_ARGUMENT: TableArgument = { name: "tranches", field: "mw", what: "MW" };
export const CAPEX_ARGUMENT: TableArgument = { name: "capex", field: "amount", what: "amount" };

export interface RawTable {
  /** The rows as the calculation module reads them, or undefined when none are given. */
  readonly list: Record<string, unknown>[] | undefined;
  /** The range row (1-based) of each listed item, for messages. */
  readonly rowNumbers: readonly number[];
  readonly problems: readonly Problem[];
}

export type RawTranches = RawTable;

const NUMBER_TEXT = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

function isHeaderRow(date: unknown, value: unknown): boolean {
  return (
    typeof date === "string" &&
    parseIsoDate(date) === undefined &&
    typeof value === "string" &&
    !NUMBER_TEXT.test(value) &&
    !isEmptyCell(value)
  );
}

/**
 * Reads a table argument: dates in the first column, values in the second,
 * with or without a header row. A range left out, or holding only blank
 * cells (or only a header), gives none (for tranches, the terms' capacity
 * and start date apply; for capex, no capex).
 */
export function readTableRange(range: unknown, arg: TableArgument = TRANCHES_ARGUMENT): RawTable {
  const rows = asRows(range);
  const none: RawTable = { list: undefined, rowNumbers: [], problems: [] };
  if (rows === undefined) return none;
  const problems: Problem[] = [];
  const width = rows.length === 0 ? 0 : rows[0].length;
  const cells = rows.map((row) => row.map(readCell));
  if (cells.every((row) => row.every(isEmptyCell))) return none;
  if (width !== 2) {
    problems.push(rangeWidthProblem(arg.name, width, "dates", arg.what));
    return { list: undefined, rowNumbers: [], problems };
  }
  const list: Record<string, unknown>[] = [];
  const rowNumbers: number[] = [];
  let first = true;
  cells.forEach(([date, value], i) => {
    const rowNumber = i + 1;
    if (isEmptyCell(date) && isEmptyCell(value)) return;
    if (first) {
      first = false;
      if (isHeaderRow(date, value)) return;
    }
    let bad = false;
    for (const [what, cell] of [
      ["date", date],
      [arg.what, value],
    ] as const) {
      if (cell instanceof ExcelErrorValue) {
        problems.push(
          layoutProblem("table-cell-error", [arg.name], { row: rowNumber, column: what, error: cell.code }),
        );
        bad = true;
      }
    }
    if (bad) return;
    list.push({ date, [arg.field]: value });
    rowNumbers.push(rowNumber);
  });
  // A header over blank rows (an empty table) is none, not an empty list.
  if (list.length === 0 && problems.length === 0) return none;
  return { list, rowNumbers, problems };
}

/** The tranches argument (see readTableRange). */
export function readTranchesRange(range: unknown): RawTable {
  return readTableRange(range, TRANCHES_ARGUMENT);
}

/**
 * The core names a row of a table by its place in the list (`tranches[0].mw`,
 * `capex[1].date`); on a sheet, the row of the range says more
 * (`tranches row 2 MW`). The problem is re-worded from its path, not its text.
 */
export function withTableRows(
  problem: Problem,
  rows: Readonly<Partial<Record<"tranches" | "capex", readonly number[]>>>,
): Problem {
  const [table] = problem.path;
  if (table !== "tranches" && table !== "capex") return problem;
  const byRow = rows[table];
  return renamed(problem, (path) => {
    const [t, index, field] = path;
    const row = typeof index === "number" ? byRow?.[index] : undefined;
    if ((t !== "tranches" && t !== "capex") || row === undefined) return pathText(path);
    const suffix = field === undefined ? "" : field === "mw" ? " MW" : ` ${String(field)}`;
    return `${t} row ${row}${suffix}`;
  });
}

/** The tranches-only form of withTableRows. */
export function withTrancheRows(problem: Problem, rowNumbers: readonly number[]): Problem {
  return withTableRows(problem, { tranches: rowNumbers });
}
