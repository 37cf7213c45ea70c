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
  type MiningInput,
  type MiningSchedule,
  type MiningSummary,
  type MiningTermKey,
  type Problem,
} from "../core";
import { ExcelErrorValue, asRows, describeCell, isEmptyCell, readCell } from "./cells";
import { BoundedCache } from "./cache";
import { copyTable, type Cell, type Table } from "./deal";
import { argumentProblem, failure, success, type Failure, type Outcome } from "./outcome";
import { fastMiningCells } from "./miningCells";
import { readLabelRows } from "./ranges";
import { rawKey, resolveTerms, scheduleOf, type DealTerms } from "./resolve";

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
      argumentProblem("required", "mining", {
        expected:
          "a two-column range of mining labels and values (Hashprice ($/PH/s/day), Fleet efficiency (J/TH), Power cost ($/kWh), …)",
      }),
    );
    return { input, problems };
  }
  if (width !== 2) {
    problems.push(argumentProblem("range-width", "mining", { first: "labels", second: "values", width }));
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
      argumentProblem("excel-error", "rate", { error: value.code, expected: "an annual fraction > -1" }),
    ]);
  }
  const checked = validateNumberTerm("discountRate", value, "rate");
  return checked.ok ? success(checked.value) : failure(checked.error.problems);
}

/**
 * What the comparison functions return, cached by the deal's terms (their
 * key), the mining range's raw cells and, for the summary, the rate: a
 * recalculation that changes neither computes nothing. The mining range read
 * and validated is cached by its raw cells (a new deal beside the same mining
 * range reads it once). The mining schedule itself (decimal rows) is not kept.
 */
const tables = new BoundedCache<TableEntry>(64, 4 * 1024 * 1024);
const summaries = new BoundedCache<MiningSummary>(512, 2 * 1024 * 1024);
const miningInputs = new BoundedCache<Outcome<MiningInput>>(256, 1024 * 1024);

/** Approximate bytes of a comparison table (boxed numbers in frozen rows), of a summary (a few decimals), of a mining input. */
const tableBytes = (rows: number) => 1024 + 256 * rows;
const SUMMARY_BYTES = 2048;
const MINING_INPUT_BYTES = 2048;

/**
 * A cached table. A deal's first call hands out the table just built (the
 * caller's own) and keeps its numbers packed in one array of doubles (no
 * rows for the collector to trace or promote, as a new deal's table mostly
 * is never asked for again); a second call unpacks them into rows, frozen
 * once handed out (as resolve.ts's schedule tables: freezing boxes every
 * number, more than a copy costs), the same object from then on.
 */
interface TableEntry {
  compact?: Float64Array;
  /** The cells a packed row holds. */
  readonly width?: number;
  table?: Table;
  frozen: boolean;
  readonly key: string | undefined;
}

/** Approximate bytes of an entry: rows of boxed numbers (frozen arrays hold no raw doubles), or the packed doubles. */
function entryBytes(entry: TableEntry, rows: number): number {
  return entry.table === undefined ? 1024 + 8 * (entry.compact?.length ?? 0) : tableBytes(rows);
}

interface Prepared {
  readonly deal: DealTerms;
  /** The cache key of the deal and the mining cells; undefined when the cells are not worth a key. */
  readonly key: string | undefined;
  readonly rate: Decimal | undefined;
  /** Reads and validates the mining block and builds the mining schedule (on a cache miss only). */
  readonly build: () => Outcome<MiningSchedule>;
}

/**
 * A short id per validated deal (the same object while the functions' caches
 * keep it), for the cache keys: the terms' own key is a long text, which a
 * cached call would copy and hash every time. A deal validated afresh gets a
 * new id (a miss, never a wrong hit).
 */
const dealIds = new WeakMap<DealTerms, number>();
let nextDealId = 1;
function dealId(deal: DealTerms): number {
  let id = dealIds.get(deal);
  if (id === undefined) {
    id = nextDealId++;
    dealIds.set(deal, id);
  }
  return id;
}

/** The mining range read and checked (site power not yet resolved), or its problems. */
function miningInputOf(mining: unknown): Outcome<MiningInput> {
  const read = readMiningRange(mining);
  if (read.problems.length > 0) return failure(read.problems);
  const problems: Problem[] = [];
  const block = readMiningBlock(problems, read.input, "excel");
  return block === undefined ? failure(problems) : success(block);
}

/** Reads every argument; the mining block is validated only when the result is not cached. Never throws. */
function prepare(
  name: string,
  terms: unknown,
  mining: unknown,
  tranches: unknown,
  capex: unknown,
  rate: unknown,
): Outcome<Prepared> {
  try {
    const deal = resolveTerms(terms, tranches, capex);
    if (!deal.ok) return deal;
    const r = readRate(rate);
    if (!r.ok) return r;
    const raw = rawKey(mining, undefined);
    const build = (): Outcome<MiningSchedule> => {
      let input = raw === undefined ? undefined : miningInputs.get(raw);
      if (input === undefined) {
        input = miningInputOf(mining);
        if (raw !== undefined) miningInputs.set(raw, input, MINING_INPUT_BYTES);
      }
      if (!input.ok) return input;
      const schedule = scheduleOf(deal.value);
      return success(buildMiningSchedule(schedule, resolveMining(input.value, deal.value.terms.capacityMW)));
    };
    return success({
      deal: deal.value,
      key: raw === undefined ? undefined : `${dealId(deal.value)}|${raw}`,
      rate: r.value,
      build,
    });
  } catch (e) {
    return thrown(name, e);
  }
}

function thrown(name: string, e: unknown): Failure {
  const reason = e instanceof Error ? e.message : String(e);
  return { ok: false, code: "#VALUE!", message: `HPC.${name} could not be computed: ${reason}` };
}

/** The cached table entry, or the table just built (`fresh`, the caller's own) with the entry made of a copy. */
function tableEntryOf(p: Prepared): Outcome<{ readonly entry: TableEntry; readonly fresh?: Cell[][] }> {
  const known = p.key === undefined ? undefined : tables.get(p.key);
  if (known !== undefined) return success({ entry: known });
  const ms = p.build();
  if (!ms.ok) return ms;
  const fresh = rowCells(ms.value);
  const compact = packRows(fresh);
  const entry: TableEntry =
    compact === undefined
      ? { table: copyTable(fresh), frozen: false, key: p.key }
      : { compact, width: fresh[0].length, frozen: false, key: p.key };
  if (p.key !== undefined) tables.set(p.key, entry, entryBytes(entry, fresh.length));
  return success({ entry, fresh });
}

/** The data rows (all numbers) in one array of doubles, row by row; undefined when a cell is not a number. */
function packRows(table: readonly (readonly Cell[])[]): Float64Array | undefined {
  const width = table[0].length;
  const out = new Float64Array((table.length - 1) * width);
  for (let i = 1; i < table.length; i++) {
    const row = table[i];
    if (row.length !== width) return undefined;
    for (let j = 0; j < width; j++) {
      const v = row[j];
      if (typeof v !== "number") return undefined;
      out[(i - 1) * width + j] = v; // exact, −0 included
    }
  }
  return out;
}

/** The table of a packed entry: the header, then its rows. */
function unpackRows(compact: Float64Array, width: number): Cell[][] {
  const out: Cell[][] = [MINING_COLUMNS.map((c) => c.label)];
  for (let k = 0; k < compact.length; k += width) out.push(Array.from(compact.subarray(k, k + width)));
  return out;
}

/** A table entry's table, unpacked (and kept) on first need. */
function entryTable(entry: TableEntry): Table {
  if (entry.table === undefined) {
    entry.table = unpackRows(entry.compact as Float64Array, entry.width as number);
    entry.compact = undefined;
    // Re-counted: rows of boxed numbers now, not a packed array.
    if (entry.key !== undefined && tables.get(entry.key) === entry) {
      tables.set(entry.key, entry, entryBytes(entry, entry.table.length));
    }
  }
  return entry.table;
}

/**
 * The monthly comparison table, for a host that only reads it: on a first
 * call the table just built; from the second, the cached table deep-frozen,
 * the same object every time (no copy per call, no write reaches the cache).
 */
function sharedTable(name: string, p: Prepared): Outcome<Table> {
  try {
    const e = tableEntryOf(p);
    if (!e.ok) return e;
    const { entry, fresh } = e.value;
    if (fresh !== undefined) return success(fresh);
    const table = entryTable(entry);
    if (!entry.frozen) {
      // Never handed out before: frozen in place.
      for (const row of table) Object.freeze(row);
      Object.freeze(table);
      entry.frozen = true;
    }
    return success(table);
  } catch (e) {
    return thrown(name, e);
  }
}

/** The monthly comparison table, a copy of its own (hosts that pad or rewrite results). */
function ownTable(name: string, p: Prepared): Outcome<Cell[][]> {
  try {
    const e = tableEntryOf(p);
    if (!e.ok) return e;
    const { entry, fresh } = e.value;
    if (fresh !== undefined) return success(fresh);
    return success(
      entry.table === undefined
        ? unpackRows(entry.compact as Float64Array, entry.width as number)
        : copyTable(entry.table),
    );
  } catch (e) {
    return thrown(name, e);
  }
}

/** The comparison's summary at the rate given, else the terms' (plain sums without either). */
function comparisonSummary(name: string, p: Prepared): Outcome<MiningSummary> {
  try {
    const rate = p.rate ?? p.deal.terms.discountRate;
    const key = p.key === undefined ? undefined : `${p.key}@${rate === null ? "" : rate.toString()}`;
    const known = key === undefined ? undefined : summaries.get(key);
    if (known !== undefined) return success(known);
    const ms = p.build();
    if (!ms.ok) return ms;
    const summary = summarizeMining(ms.value, rate);
    if (key !== undefined) summaries.set(key, summary, SUMMARY_BYTES);
    return success(summary);
  } catch (e) {
    return thrown(name, e);
  }
}

/** For tests: forget the cached comparisons. */
export function clearMiningResults(): void {
  tables.clear();
  summaries.clear();
  miningInputs.clear();
}

/** The table's cells: from the float path's certified numbers when there is one (miningCells.ts), else the decimals'. */
function rowCells(ms: MiningSchedule): Cell[][] {
  const table: Cell[][] = [MINING_COLUMNS.map((c) => c.label)];
  const fast = fastMiningCells(ms);
  if (fast !== undefined) return table.concat(fast);
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
  const p = prepare("MININGCOMPARISON", terms, mining, tranches, capex, rate);
  if (!p.ok) return p;
  return ownTable("MININGCOMPARISON", p.value);
}

/**
 * The same, without a copy per call: the cached, deep-frozen table, for the
 * Excel entry point (as `hostingCashflowShared`: the runtime only serializes
 * it). Hosts that pad or rewrite results (HyperFormula) use `miningComparison`.
 */
export function miningComparisonShared(
  terms: unknown,
  mining: unknown,
  tranches?: unknown,
  capex?: unknown,
  rate?: unknown,
): Outcome<Table> {
  const p = prepare("MININGCOMPARISON", terms, mining, tranches, capex, rate);
  return p.ok ? sharedTable("MININGCOMPARISON", p.value) : p;
}

/** =HPC.BREAKEVENHASHPRICE(terms, mining, [tranches], [capex], [rate]): to the cent. */
export function breakevenHashprice(
  terms: unknown,
  mining: unknown,
  tranches?: unknown,
  capex?: unknown,
  rate?: unknown,
): Outcome<number> {
  const p = prepare("BREAKEVENHASHPRICE", terms, mining, tranches, capex, rate);
  if (!p.ok) return p;
  const c = comparisonSummary("BREAKEVENHASHPRICE", p.value);
  if (!c.ok) return c;
  const f = MINING_FIGURES.find((x) => x.key === "breakevenHashprice") as (typeof MINING_FIGURES)[number];
  return success(figureCell(f, c.value.breakevenHashprice) as number);
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
  const p = prepare("MININGSUMMARY", terms, mining, tranches, capex, rate);
  if (!p.ok) return p;
  const c = comparisonSummary("MININGSUMMARY", p.value);
  if (!c.ok) return c;
  const summary = c.value;
  const name = readCell(figure);
  if (isEmptyCell(name)) {
    return success(MINING_FIGURES.map((f) => [f.label, figureCell(f, f.value(summary))]));
  }
  const folded = typeof name === "string" ? foldLabel(name) : "";
  const f = MINING_FIGURES.find((x) => foldLabel(x.key) === folded || foldLabel(x.label) === folded);
  if (f === undefined) {
    return failure([
      argumentProblem("expected", "figure", {
        expected: `the name of a mining figure (${FIGURE_LIST})`,
        got: describeCell(name),
      }),
    ]);
  }
  return success([[figureCell(f, f.value(summary))]]);
}

/** Rows of MININGSUMMARY's table (for hosts that size a spill before computing it). */
export const MINING_SUMMARY_ROWS = MINING_FIGURES.length;
