/**
 * From the ranges a formula passes to the raw terms the calculation module
 * validates. Only layout is checked here (two columns, known labels, each
 * term once, no Excel error values); what a value must be is the core's job.
 */
import { TERMS, TERM_BY_KEY, parseIsoDate, termForLabel, type Problem, type TermKey } from "../core";
import { ExcelErrorValue, asRows, describeCell, isEmptyCell, readCell } from "./cells";
import { valueProblem } from "./outcome";

const SHEET_TERMS = TERMS.filter((t) => t.key !== "tranches");
const LABEL_LIST = SHEET_TERMS.map((t) => t.label).join(", ");

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
    problems.push(valueProblem("terms", "terms is required: a two-column range of labels and values (e.g. A2:B16)"));
    return { input, problems };
  }
  const width = rows.length === 0 ? 0 : rows[0].length;
  if (width !== 2) {
    problems.push(
      valueProblem(
        "terms",
        `terms must be a two-column range (labels in the first column, values in the second), got ${width} column${width === 1 ? "" : "s"}`,
      ),
    );
    return { input, problems };
  }
  const rowOf = new Map<TermKey, number>();
  rows.forEach((row, i) => {
    const rowNumber = i + 1;
    const label = readCell(row[0]);
    const value = readCell(row[1]);
    if (isEmptyCell(label)) {
      if (!isEmptyCell(value)) {
        problems.push(
          valueProblem("terms", `terms row ${rowNumber} has a value (${describeCell(value)}) but no label`),
        );
      }
      return;
    }
    if (typeof label !== "string") {
      problems.push(
        valueProblem(
          "terms",
          `terms row ${rowNumber}: the label must be text naming a term (e.g. "Capacity (MW)"), got ${describeCell(label)}`,
        ),
      );
      return;
    }
    const key = termForLabel(label);
    if (key === undefined) {
      problems.push(
        valueProblem(
          "terms",
          `unknown term ${describeCell(label)} in terms row ${rowNumber}: the terms are ${LABEL_LIST}`,
        ),
      );
      return;
    }
    if (key === "tranches") {
      problems.push(
        valueProblem(
          "tranches",
          `terms row ${rowNumber}: give the tranches as the tranches argument (a two-column range of dates and MW), not in the terms`,
        ),
      );
      return;
    }
    const earlier = rowOf.get(key);
    if (earlier !== undefined) {
      problems.push(valueProblem(key, `${key} is given twice in the terms (rows ${earlier} and ${rowNumber})`));
      return;
    }
    rowOf.set(key, rowNumber);
    if (value instanceof ExcelErrorValue) {
      const expected = TERM_BY_KEY.get(key)?.expected ?? "a value";
      problems.push(valueProblem(key, `${key} holds the Excel error ${value.code}: it must be ${expected}`));
      return;
    }
    input[key] = value;
  });
  return { input, problems };
}

export interface RawTranches {
  /** The tranches as the calculation module reads them, or undefined when none are given. */
  readonly list: { date: unknown; mw: unknown }[] | undefined;
  /** The range row (1-based) of each listed tranche, for messages. */
  readonly rowNumbers: readonly number[];
  readonly problems: readonly Problem[];
}

const NUMBER_TEXT = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

function isHeaderRow(date: unknown, mw: unknown): boolean {
  return (
    typeof date === "string" &&
    parseIsoDate(date) === undefined &&
    typeof mw === "string" &&
    !NUMBER_TEXT.test(mw) &&
    !isEmptyCell(mw)
  );
}

/**
 * Reads the tranches table: dates in the first column, MW in the second,
 * with or without a header row. A range left out, or holding only blank
 * cells (or only a header), gives no tranches (the terms' capacity and
 * start date apply).
 */
export function readTranchesRange(range: unknown): RawTranches {
  const rows = asRows(range);
  const none: RawTranches = { list: undefined, rowNumbers: [], problems: [] };
  if (rows === undefined) return none;
  const problems: Problem[] = [];
  const width = rows.length === 0 ? 0 : rows[0].length;
  const cells = rows.map((row) => row.map(readCell));
  if (cells.every((row) => row.every(isEmptyCell))) return none;
  if (width !== 2) {
    problems.push(
      valueProblem(
        "tranches",
        `tranches must be a two-column range (dates in the first column, MW in the second), got ${width} column${width === 1 ? "" : "s"}`,
      ),
    );
    return { list: undefined, rowNumbers: [], problems };
  }
  const list: { date: unknown; mw: unknown }[] = [];
  const rowNumbers: number[] = [];
  let first = true;
  cells.forEach(([date, mw], i) => {
    const rowNumber = i + 1;
    if (isEmptyCell(date) && isEmptyCell(mw)) return;
    if (first) {
      first = false;
      if (isHeaderRow(date, mw)) return;
    }
    let bad = false;
    for (const [what, value] of [
      ["date", date],
      ["MW", mw],
    ] as const) {
      if (value instanceof ExcelErrorValue) {
        problems.push(
          valueProblem("tranches", `tranches row ${rowNumber} ${what} holds the Excel error ${value.code}`),
        );
        bad = true;
      }
    }
    if (bad) return;
    list.push({ date, mw });
    rowNumbers.push(rowNumber);
  });
  // A header over blank rows (an empty tranches table) is no tranches, not an empty list.
  if (list.length === 0 && problems.length === 0) return none;
  return { list, rowNumbers, problems };
}

const TRANCHE_REF = /tranches\[(\d+)\](?:\.(date|mw))?/g;

/**
 * The core names a tranche by its place in the list (`tranches[0].mw`); on a
 * sheet, the row of the range says more (`tranches row 2 MW`).
 */
export function withTrancheRows(problem: Problem, rowNumbers: readonly number[]): Problem {
  if (!problem.term.startsWith("tranches[")) return problem;
  const rename = (text: string) =>
    text.replace(TRANCHE_REF, (match, index: string, field: string | undefined) => {
      const row = rowNumbers[Number(index)];
      if (row === undefined) return match;
      return `tranches row ${row}${field === "mw" ? " MW" : field === "date" ? " date" : ""}`;
    });
  return { term: rename(problem.term), message: rename(problem.message), kind: problem.kind };
}
