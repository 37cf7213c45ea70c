/**
 * The hosting-versus-mining functions (analysis.md §8), host-neutral: cell
 * values in, an `Outcome` out. The mining terms come as their own argument,
 * a two-column range of mining labels (or keys) and values, like the terms
 * block; `Halving dates` takes a text list of YYYY-MM-DD dates ("2028-04-17,
 * 2032-04-14"), one Excel date, "none" for no halvings, or blank for the
 * defaults. No financial logic here: the core computes, this reads cells.
 */
import {
  MINING_COLUMNS,
  MINING_FIGURES,
  MINING_TERMS,
  buildMiningSchedule,
  figureCell,
  foldLabel,
  readMiningBlock,
  resolveMining,
  summarizeMining,
  toExcelSerial,
  validateNumberTerm,
  type Decimal,
  type MiningSchedule,
  type MiningSummary,
  type MiningTermKey,
  type Problem,
} from "../core";
import { ExcelErrorValue, asRows, describeCell, isEmptyCell, readCell } from "./cells";
import type { Cell } from "./deal";
import { failure, success, valueProblem, type Outcome } from "./outcome";
import { readLabelRows } from "./ranges";
import { resolveDeal, scheduleOf } from "./resolve";

const MINING_LABELS = MINING_TERMS.map((t) => t.label).join(", ");

const KEY_BY_LABEL: ReadonlyMap<string, MiningTermKey> = new Map(
  MINING_TERMS.flatMap((t) => [
    [foldLabel(t.key), t.key],
    [foldLabel(t.label), t.key],
  ]),
);

/** The halving dates cell: a text list, one Excel date, "none", or blank (the defaults). */
function readHalvings(value: unknown): unknown {
  if (typeof value === "number") return [value];
  if (typeof value !== "string") return value;
  const text = value.trim();
  if (/^(none|\[\])$/i.test(text)) return [];
  return text.split(/[,;\s]+/).filter((part) => part !== "");
}

/**
 * Reads the mining range into a raw mining block: labels in the first
 * column, values in the second; blank rows ignored; an unknown label, a
 * term given twice or an Excel error value is a problem naming the row.
 */
export function readMiningRange(range: unknown): { input: Record<string, unknown>; problems: Problem[] } {
  const problems: Problem[] = [];
  const input: Record<string, unknown> = {};
  const rows = asRows(range);
  const width = rows === undefined || rows.length === 0 ? 0 : rows[0].length;
  if (rows === undefined || rows.every((row) => row.every((c) => isEmptyCell(readCell(c))))) {
    problems.push(
      valueProblem(
        "mining",
        "mining is required: a two-column range of mining labels and values (Hashprice ($/PH/s/day), Fleet efficiency (J/TH), Power cost ($/kWh), …)",
      ),
    );
    return { input, problems };
  }
  if (width !== 2) {
    problems.push(
      valueProblem(
        "mining",
        `mining must be a two-column range (labels in the first column, values in the second), got ${width} column${width === 1 ? "" : "s"}`,
      ),
    );
    return { input, problems };
  }
  return readLabelRows<MiningTermKey>(rows, {
    name: "mining",
    noun: "mining term",
    example: "Hashprice ($/PH/s/day)",
    within: "the mining range",
    labels: MINING_LABELS,
    keyOf: (label) => KEY_BY_LABEL.get(foldLabel(label)),
    path: (key) => `mining.${key}`,
    value: (key, value) => (key === "halvingDates" && !isEmptyCell(value) ? readHalvings(value) : value),
  });
}

/** The optional rate argument, checked as a discount rate; blank: the terms' rate (or plain sums without one). */
function readRate(raw: unknown): Outcome<Decimal | undefined> {
  const value = readCell(raw);
  if (isEmptyCell(value)) return success(undefined);
  if (value instanceof ExcelErrorValue) {
    return failure([
      valueProblem("rate", `rate holds the Excel error ${value.code}: it must be an annual fraction > -1`),
    ]);
  }
  const checked = validateNumberTerm("discountRate", value, "rate");
  return checked.ok ? success(checked.value) : failure(checked.error.problems);
}

interface Comparison {
  readonly schedule: MiningSchedule;
  readonly summary: MiningSummary;
}

/** Reads every argument and computes the comparison; never throws. */
function compare(
  name: string,
  terms: unknown,
  mining: unknown,
  tranches: unknown,
  capex: unknown,
  rate: unknown,
): Outcome<Comparison> {
  try {
    const deal = resolveDeal(terms, tranches, capex);
    if (!deal.ok) return deal;
    const r = readRate(rate);
    if (!r.ok) return r;
    const raw = readMiningRange(mining);
    if (raw.problems.length > 0) return failure(raw.problems);
    const problems: Problem[] = [];
    const block = readMiningBlock(problems, raw.input, "excel");
    if (block === undefined) return failure(problems);
    const dealTerms = deal.value.terms;
    const schedule = scheduleOf(deal.value);
    const ms = buildMiningSchedule(schedule, resolveMining(block, dealTerms.capacityMW));
    return success({ schedule: ms, summary: summarizeMining(ms, r.value ?? dealTerms.discountRate) });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, code: "#VALUE!", message: `HPC.${name} could not be computed: ${reason}` };
  }
}

function rowCells(ms: MiningSchedule): Cell[][] {
  const table: Cell[][] = [MINING_COLUMNS.map((c) => c.label)];
  for (const r of ms.rows) {
    table.push(MINING_COLUMNS.map((c) => (c.key === "date" ? toExcelSerial(r.date) : r[c.key].toNumber())));
  }
  return table;
}

/** =HPC.MININGCOMPARISON(terms, mining, [tranches], [capex], [rate]): the monthly table with a header row. */
export function miningComparison(
  terms: unknown,
  mining: unknown,
  tranches?: unknown,
  capex?: unknown,
  rate?: unknown,
): Outcome<Cell[][]> {
  const c = compare("MININGCOMPARISON", terms, mining, tranches, capex, rate);
  return c.ok ? success(rowCells(c.value.schedule)) : c;
}

/** =HPC.BREAKEVENHASHPRICE(terms, mining, [tranches], [capex], [rate]): to the cent. */
export function breakevenHashprice(
  terms: unknown,
  mining: unknown,
  tranches?: unknown,
  capex?: unknown,
  rate?: unknown,
): Outcome<number> {
  const c = compare("BREAKEVENHASHPRICE", terms, mining, tranches, capex, rate);
  if (!c.ok) return c;
  const f = MINING_FIGURES.find((x) => x.key === "breakevenHashprice") as (typeof MINING_FIGURES)[number];
  return success(figureCell(f, c.value.summary.breakevenHashprice) as number);
}

const FIGURE_LIST = MINING_FIGURES.map((f) => f.key).join(", ");

/**
 * =HPC.MININGSUMMARY(terms, mining, [tranches], [capex], [figure], [rate]):
 * label and value of every comparison figure, or the one figure named.
 */
export function miningSummary(
  terms: unknown,
  mining: unknown,
  tranches?: unknown,
  capex?: unknown,
  figure?: unknown,
  rate?: unknown,
): Outcome<Cell[][]> {
  const c = compare("MININGSUMMARY", terms, mining, tranches, capex, rate);
  if (!c.ok) return c;
  const summary = c.value.summary;
  const name = readCell(figure);
  if (isEmptyCell(name)) {
    return success(MINING_FIGURES.map((f) => [f.label, figureCell(f, f.value(summary))]));
  }
  const folded = typeof name === "string" ? foldLabel(name) : "";
  const f = MINING_FIGURES.find((x) => foldLabel(x.key) === folded || foldLabel(x.label) === folded);
  if (f === undefined) {
    return failure([
      valueProblem("figure", `figure must be the name of a mining figure (${FIGURE_LIST}), got ${describeCell(name)}`),
    ]);
  }
  return success([[figureCell(f, f.value(summary))]]);
}

/** Rows of MININGSUMMARY's table (for hosts that size a spill before computing it). */
export const MINING_SUMMARY_ROWS = MINING_FIGURES.length;
