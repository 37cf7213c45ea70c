/**
 * =HPC.SENSITIVITY(figure, inputA, valuesA, inputB, valuesB, terms, [tranches], [capex]):
 * a two-way table of one figure (analysis.md §11) that spills. Problems with
 * the request (an unknown figure or input, a value that is not a number, an
 * invalid deal) are one #VALUE! for the call; a combination of values the
 * model refuses, or a figure with no value there, is a short text in its
 * cell: inside a spilled array, an error value would turn the whole table
 * into #VALUE!. No financial logic here: reading arguments, asking core.
 */
import {
  Decimal,
  SENSITIVITY_FIGURES,
  SENSITIVITY_INPUTS,
  foldLabel,
  prepareSensitivity,
  round2,
  sensitivityCell,
  sensitivityInput,
  sensitivityInputKey,
  type FigureOutcome,
  type SensitivityFigure,
  type SensitivityInput,
} from "../core";
import { ExcelErrorValue, asRows, describeCell, isEmptyCell, readCell } from "./cells";
import type { Cell } from "./deal";
import { argumentProblem, failure, success, type Outcome } from "./outcome";
import { readMiningRange } from "./mining";
import { CAPEX_ARGUMENT, readTableRange, readTermsRange, readTranchesRange, withTableRows } from "./ranges";

const FIGURE_LIST = SENSITIVITY_FIGURES.map((f) => f.key).join(", ");
const INPUT_LIST = SENSITIVITY_INPUTS.map((i) => i.key).join(", ");

/** Values one input may take in one call (the table is at most this many rows or columns, plus the header). */
export const MAX_FUNCTION_VALUES = 100;

function readFigure(raw: unknown): Outcome<SensitivityFigure> {
  const value = readCell(raw);
  if (typeof value === "string") {
    const folded = foldLabel(value);
    const found = SENSITIVITY_FIGURES.find((f) => foldLabel(f.key) === folded || foldLabel(f.label) === folded);
    if (found) return success(found);
  }
  return failure([
    argumentProblem("expected", "figure", { expected: `one of ${FIGURE_LIST}`, got: describeCell(value) }),
  ]);
}

function readInputName(raw: unknown, arg: string): Outcome<string> {
  const value = readCell(raw);
  const key = typeof value === "string" ? sensitivityInputKey(value) : undefined;
  if (key !== undefined) return success(key);
  return failure([
    argumentProblem("must-name", arg, {
      expected: `a numeric term, delayMonths or mining.KEY (${INPUT_LIST})`,
      got: describeCell(value),
    }),
  ]);
}

/** A values argument, read row by row: numbers, or blank cells (a blank gives a blank row or column). */
function readValues(raw: unknown, arg: string): Outcome<(Decimal | undefined)[]> {
  const rows = asRows(raw);
  const cells = rows === undefined ? [] : rows.flat();
  if (cells.length === 0 || cells.every((c) => isEmptyCell(readCell(c)))) {
    return failure([argumentProblem("no-values", arg)]);
  }
  if (cells.length > MAX_FUNCTION_VALUES) {
    return failure([argumentProblem("too-many-values", arg, { max: MAX_FUNCTION_VALUES, count: cells.length })]);
  }
  const out: (Decimal | undefined)[] = [];
  for (const [i, c] of cells.entries()) {
    const value = readCell(c);
    if (isEmptyCell(value)) out.push(undefined);
    else if (typeof value === "number" && Number.isFinite(value)) out.push(new Decimal(value === 0 ? 0 : value));
    else {
      const what = value instanceof ExcelErrorValue ? `the Excel error ${value.code}` : describeCell(value);
      return failure([argumentProblem("value-not-number", arg, { index: i + 1, got: what })]);
    }
  }
  return success(out);
}

/** A cell of the table: money in cents, the IRR as a fraction, a missing figure as its text. */
function figureCell(figure: SensitivityFigure, outcome: FigureOutcome): Cell {
  if (!outcome.ok) return outcome.text;
  return (figure.format === "usd" ? round2(outcome.value) : outcome.value).toNumber();
}

function table(
  figure: SensitivityFigure,
  compute: (a: Decimal, b: Decimal) => FigureOutcome,
  a: readonly (Decimal | undefined)[],
  b: readonly (Decimal | undefined)[],
): Cell[][] {
  const header: Cell[] = [figure.key, ...b.map((v) => (v === undefined ? "" : v.toNumber()))];
  return [
    header,
    ...a.map((va): Cell[] => [
      va === undefined ? "" : va.toNumber(),
      ...b.map((vb) => (va === undefined || vb === undefined ? "" : figureCell(figure, compute(va, vb)))),
    ]),
  ];
}

/** The request, checked: the table, or one error for the call. */
function sensitivityUnsafe(
  figureArg: unknown,
  inputA: unknown,
  valuesA: unknown,
  inputB: unknown,
  valuesB: unknown,
  termsRange: unknown,
  tranchesRange: unknown,
  capexRange: unknown,
  miningRange: unknown,
): Outcome<Cell[][]> {
  const figure = readFigure(figureArg);
  if (!figure.ok) return figure;
  const keyA = readInputName(inputA, "inputA");
  if (!keyA.ok) return keyA;
  const a = readValues(valuesA, "valuesA");
  if (!a.ok) return a;
  const keyB = readInputName(inputB, "inputB");
  if (!keyB.ok) return keyB;
  const b = readValues(valuesB, "valuesB");
  if (!b.ok) return b;
  if (keyA.value === keyB.value) {
    return failure([argumentProblem("same-inputs", "inputB", { other: "inputA", key: keyA.value })]);
  }

  const terms = readTermsRange(termsRange);
  const tranches = readTranchesRange(tranchesRange);
  const capex = readTableRange(capexRange, CAPEX_ARGUMENT);
  const noMining = miningRange === undefined || miningRange === null;
  const mining = noMining ? undefined : readMiningRange(miningRange);
  const problems = [...terms.problems, ...tranches.problems, ...capex.problems, ...(mining?.problems ?? [])];
  if (problems.length > 0) return failure(problems);
  const raw: Record<string, unknown> = { ...terms.input };
  if (tranches.list !== undefined) raw.tranches = tranches.list;
  if (capex.list !== undefined) raw.capex = capex.list;
  if (mining !== undefined) raw.mining = mining.input;
  const prepared = prepareSensitivity(raw, figure.value.key, { dates: "excel" });
  if (!prepared.ok) {
    const rows = { tranches: tranches.rowNumbers, capex: capex.rowNumbers };
    return failure(prepared.error.problems.map((p) => withTableRows(p, rows)));
  }
  const deal = prepared.value;
  const inA = sensitivityInput(deal, keyA.value, "inputA");
  if (!inA.ok) return failure(inA.error.problems);
  const inB = sensitivityInput(deal, keyB.value, "inputB");
  if (!inB.ok) return failure(inB.error.problems);
  const pairs = (x: SensitivityInput, vx: Decimal, y: SensitivityInput, vy: Decimal) =>
    sensitivityCell(deal, [
      [x, vx],
      [y, vy],
    ]);
  return success(table(figure.value, (va, vb) => pairs(inA.value, va, inB.value, vb), a.value, b.value));
}

/** =HPC.SENSITIVITY(...): never throws; an unexpected exception is #VALUE! saying what went wrong. */
export function sensitivity(
  figure: unknown,
  inputA: unknown,
  valuesA: unknown,
  inputB: unknown,
  valuesB: unknown,
  terms: unknown,
  tranches?: unknown,
  capex?: unknown,
  mining?: unknown,
): Outcome<Cell[][]> {
  try {
    return sensitivityUnsafe(figure, inputA, valuesA, inputB, valuesB, terms, tranches, capex, mining);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, code: "#VALUE!", message: `HPC.SENSITIVITY could not be computed: ${reason}` };
  }
}
