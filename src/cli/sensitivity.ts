/**
 * `hpc-deal sensitivity DEAL.json --figure F --rows TERM=v1,v2,... --cols TERM=v1,v2,... [--rate R]`:
 * a two-way table of one figure as CSV (analysis.md §11). A header row (the
 * figure's key, then the column values as given), then one row per row value
 * (the value as given, then the figures): money with two decimals, the IRR as
 * a decimal fraction, a cell with no value as its short text.
 */
import {
  Decimal,
  SENSITIVITY_FIGURES,
  checkAxisValues,
  money,
  prepareSensitivity,
  sensitivityInput,
  sensitivityTable,
  validateNumberTerm,
  type FigureOutcome,
  type SensitivityFigure,
  type SensitivityOptions,
} from "../core";
import { UsageError } from "./io";

export const SENSITIVITY_USAGE =
  "hpc-deal sensitivity DEAL.json --figure F --rows TERM=v1,v2,... --cols TERM=v1,v2,... [--rate R]";

/** A plain decimal number: what a value of --rows or --cols must be. */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,6})?$/;
const MAX_VALUE_TEXT = 64;

interface AxisText {
  readonly term: string;
  /** Each value as given (trimmed), and as a number. */
  readonly texts: readonly string[];
  readonly values: readonly Decimal[];
}

/** Reads `TERM=v1,v2,...`; a UsageError names the option and what is wrong. */
export function parseAxis(option: string, text: string): AxisText {
  const eq = text.indexOf("=");
  if (eq < 0) throw new UsageError(`${option} must be TERM=v1,v2,..., got ${JSON.stringify(text)}`);
  const term = text.slice(0, eq).trim();
  if (term === "") throw new UsageError(`${option} must name a term before "=", got ${JSON.stringify(text)}`);
  const list = text.slice(eq + 1);
  if (list.trim() === "") throw new UsageError(`${option} ${term}: the list of values is empty`);
  const texts = list.split(",").map((v) => v.trim());
  const values = texts.map((v, i) => {
    if (v === "") throw new UsageError(`${option} ${term}: value ${i + 1} is empty`);
    if (v.length > MAX_VALUE_TEXT || !NUMBER.test(v)) {
      throw new UsageError(`${option} ${term}: value ${i + 1} must be a number, got ${JSON.stringify(v)}`);
    }
    return new Decimal(v);
  });
  const tooMany = checkAxisValues(`${option} ${term}`, values);
  if (tooMany) throw new UsageError(tooMany.message);
  return { term, texts, values };
}

/** A cell of the CSV: money in cents, a rate as computed, a missing figure as its text. */
export function outcomeText(figure: Pick<SensitivityFigure, "format">, outcome: FigureOutcome): string {
  if (!outcome.ok) return outcome.text;
  return figure.format === "usd" ? money(outcome.value) : outcome.value.toString();
}

/** RFC 4180: a field with a comma, a quote, a line break or edge spaces is quoted, quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface SensitivityRequest {
  readonly figure: string;
  readonly rows: string;
  readonly cols: string;
  readonly rate?: string;
}

/** The table's CSV for a raw deal and the request's option texts. Throws UsageError or DealError. */
export function sensitivityCsv(raw: unknown, request: SensitivityRequest): string {
  if (!SENSITIVITY_FIGURES.some((f) => f.key === request.figure)) {
    throw new UsageError(
      `--figure must be one of ${SENSITIVITY_FIGURES.map((f) => f.key).join(", ")}, got ${JSON.stringify(request.figure)}`,
    );
  }
  const rows = parseAxis("--rows", request.rows);
  const cols = parseAxis("--cols", request.cols);
  const options: { -readonly [K in keyof SensitivityOptions]: SensitivityOptions[K] } = {};
  if (request.rate !== undefined) {
    const rate = validateNumberTerm("discountRate", request.rate, "--rate");
    if (!rate.ok) throw rate.error;
    options.discountRate = rate.value;
  }
  const prepared = prepareSensitivity(raw, request.figure, options);
  if (!prepared.ok) throw prepared.error;
  const deal = prepared.value;
  const rowInput = sensitivityInput(deal, rows.term, "--rows");
  if (!rowInput.ok) throw rowInput.error;
  const colInput = sensitivityInput(deal, cols.term, "--cols");
  if (!colInput.ok) throw colInput.error;
  if (rowInput.value === colInput.value) {
    throw new UsageError(`--rows and --cols must vary different inputs, both name ${rows.term}`);
  }
  const table = sensitivityTable(
    deal,
    { input: rowInput.value, values: rows.values },
    { input: colInput.value, values: cols.values },
  );
  const lines = [[table.figure.key, ...cols.texts].map(csvField).join(",")];
  table.cells.forEach((cells, i) => {
    lines.push([rows.texts[i], ...cells.map((c) => outcomeText(table.figure, c))].map(csvField).join(","));
  });
  return lines.join("\n") + "\n";
}

/** Reads the command's options out of `args` (the rest is DEAL.json). */
export async function sensitivityCommand(
  args: string[],
  take: (args: string[], name: string) => string | undefined,
  loadDeal: (path: string | undefined) => Promise<unknown>,
): Promise<string> {
  const figure = take(args, "--figure");
  const rows = take(args, "--rows");
  const cols = take(args, "--cols");
  const rate = take(args, "--rate");
  const twice = ["--figure", "--rows", "--cols", "--rate"].find((o) => args.includes(o));
  if (twice !== undefined) throw new UsageError(`${twice} is given twice: give it once`);
  const unknown = args.find((a) => a.startsWith("-") && a !== "-");
  if (unknown !== undefined) throw new UsageError(`unknown option ${JSON.stringify(unknown)}: ${SENSITIVITY_USAGE}`);
  if (args.length > 1) throw new UsageError(`unexpected argument ${JSON.stringify(args[1])}: ${SENSITIVITY_USAGE}`);
  if (figure === undefined) throw new UsageError(`missing --figure F: ${SENSITIVITY_USAGE}`);
  if (rows === undefined) throw new UsageError(`missing --rows TERM=v1,v2,...: ${SENSITIVITY_USAGE}`);
  if (cols === undefined) throw new UsageError(`missing --cols TERM=v1,v2,...: ${SENSITIVITY_USAGE}`);
  const raw = await loadDeal(args[0]);
  return sensitivityCsv(raw, { figure, rows, cols, rate });
}
