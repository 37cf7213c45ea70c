/**
 * From a formula's ranges to a deal's figures, through three caches, each
 * least-recently-used and bounded in entries and approximate bytes:
 *
 * 1. inputs: raw cells → validated terms (or the error) and their
 *    `dealKey`, keyed by the cell values themselves, so that identical
 *    input is not read and validated again (the last few inputs are also
 *    recognized cell by cell, without a key: `recent.ts`);
 * 2. figures: `dealKey` → the deal's `DealFigures`, the few KB the metric
 *    functions read, sized for a book of thousands of deals: a change that
 *    does not touch a deal's terms (a date, a rate given to DEALNPV,
 *    another deal) never rebuilds its schedule;
 * 3. tables: `dealKey` → the schedule's spilled table, as numbers, for
 *    HOSTINGCASHFLOW, kept for far fewer deals (about 20 KB each).
 *
 * Decimal schedules (~120 KB of small objects each) are not cached: the one
 * built last is kept until the next is built, so that the cells of one deal
 * computed one after the other (a spill, an NPV) share it. Keeping dozens of
 * them made every new deal cost a full garbage collection of the old
 * generation. A sheet with a schedule and a dozen metric cells on one deal
 * builds the schedule once per change, however its ranges are laid out.
 * Caches belong here, not in the core (whose XNPV discount-factor cache in
 * summary.ts is to move out: docs/benchmarks.md says what the functions need).
 */
import {
  buildSchedule,
  dealKey,
  validateDeal,
  validateFast,
  NO_MEMO,
  serialDate,
  type FastMemo,
  type SerialDate,
  type CashColumn,
  type Decimal,
  type Schedule,
  type Summary,
  type Terms,
} from "../core";
import { BoundedCache } from "./cache";
import {
  DealFigures,
  copyTable,
  scheduleTable,
  summaryAtOwnRate,
  summaryTableOfSummary,
  type Cell,
  type Table,
} from "./deal";
import { failure, type Failure, type Outcome } from "./outcome";
import { CAPEX_ARGUMENT, readTableRange, readTermsRange, readTranchesRange, withTableRows } from "./ranges";
import { RecentInputs } from "./recent";
import { readSheetTerms, sheetTerms } from "./sheetTerms";

const MB = 1024 * 1024;

export const CACHE_LIMITS = Object.freeze({
  inputEntries: 20_000,
  inputBytes: 24 * MB,
  figureEntries: 20_000,
  figureBytes: 40 * MB,
  tableEntries: 64,
  tableBytes: 8 * MB,
  /** Summaries with their returns (DEALSUMMARY, a figure by name): an XIRR search each, kept apart from the figures. */
  summaryEntries: 2_000,
  summaryBytes: 8 * MB,
  /** Raw input longer than this (as a key) is validated every time rather than cached. */
  maxRawKeyLength: 32 * 1024,
  /** Inputs recognized cell by cell, before any key is built. */
  recentInputs: 8,
});

type Checked = { readonly ok: true; readonly terms: Terms; readonly key: string } | Failure;

const inputs = new BoundedCache<Checked>(CACHE_LIMITS.inputEntries, CACHE_LIMITS.inputBytes);
const figures = new BoundedCache<DealFigures>(CACHE_LIMITS.figureEntries, CACHE_LIMITS.figureBytes);
const tables = new BoundedCache<TableEntry>(CACHE_LIMITS.tableEntries, CACHE_LIMITS.tableBytes);
interface SummaryEntry {
  readonly summary: Summary;
  table: Table | undefined;
}
const summaries = new BoundedCache<SummaryEntry>(CACHE_LIMITS.summaryEntries, CACHE_LIMITS.summaryBytes);
/** The schedule built last, and its terms' key. */
let last: { readonly key: string; readonly schedule: Schedule } | undefined;
const recent = new RecentInputs<Checked>(CACHE_LIMITS.recentInputs);
/**
 * The decimal of each number the terms ranges held (validateDeal's `numbers`): the deals of a book
 * share most of their values (an escalator, a discount rate, a term), and a number's decimal costs
 * more to make than to look up. Bounded: emptied when full.
 */
const numbers = new Map<number, Decimal>();
const MAX_NUMBERS = 4096;
const VALIDATE_OPTIONS = Object.freeze({
  dates: "excel" as const,
  numbers: {
    get: (n: number): Decimal | undefined => numbers.get(n),
    set: (n: number, value: Decimal): void => {
      if (numbers.size >= MAX_NUMBERS) numbers.clear();
      numbers.set(n, value);
    },
  },
});
/** The numbers' decimals: the last of each term (`validateFast`'s slots), then `numbers`. */
const lastNumber: number[] = new Array<number>(8).fill(NaN);
const lastDecimal: (Decimal | undefined)[] = new Array<Decimal | undefined>(8).fill(undefined);
/** The dates of Excel serials, with their ISO text. Bounded: emptied when full. */
const dates = new Map<number, SerialDate | null>();
const MAX_DATES = 4096;
const FAST_MEMO: FastMemo = {
  decimal(x: number, slot: number): Decimal {
    if (lastNumber[slot] === x) return lastDecimal[slot] as Decimal;
    // The decimals validateDeal made are shared; a new one here costs less than remembering it.
    const value = numbers.get(x) ?? NO_MEMO.decimal(x, slot);
    lastNumber[slot] = x;
    lastDecimal[slot] = value;
    return value;
  },
  date(serial: number): SerialDate | null {
    let entry = dates.get(serial);
    if (entry === undefined) {
      entry = serialDate(serial);
      if (dates.size >= MAX_DATES) dates.clear();
      dates.set(serial, entry);
    }
    return entry;
  },
};
let schedulesBuilt = 0;
let validations = 0;
let fastValidations = 0;

function cellKey(v: unknown): string | undefined {
  switch (typeof v) {
    case "number":
      return `n${v}`;
    case "string":
      return `s${v.length}:${v}`;
    case "boolean":
      return v ? "T" : "F";
    case "undefined":
      return "_";
    case "object":
      return v === null ? "_" : undefined; // errors and data types: not worth a key
    default:
      return undefined;
  }
}

function rangeKey(range: unknown): string | undefined {
  if (!Array.isArray(range)) {
    // A single cell holding an Excel error or a data type gets no key, as in a range: an "S" for
    // every one of them made two different errors one input (the first one's message for both).
    const k = cellKey(range);
    return k === undefined ? undefined : `S${k}`;
  }
  let key = `R${range.length}`;
  for (let i = 0; i < range.length; i++) {
    const row: unknown = range[i];
    if (!Array.isArray(row)) return undefined;
    let blank = true;
    let rowKey = `|${i}:${row.length}`;
    for (let j = 0; j < row.length; j++) {
      const v: unknown = row[j];
      if (v !== null && v !== undefined && v !== "") blank = false;
      const k = cellKey(v);
      if (k === undefined) return undefined;
      rowKey += `,${k}`;
    }
    // Blank rows change nothing but the row numbers in messages, which the row index keeps.
    if (!blank) key += rowKey;
    if (key.length > CACHE_LIMITS.maxRawKeyLength) return undefined;
  }
  return key;
}

/** A key for the raw cells of a call, or undefined when they are not worth caching. */
export function rawKey(terms: unknown, tranches: unknown, capex?: unknown): string | undefined {
  const a = rangeKey(terms);
  if (a === undefined) return undefined;
  const b = tranches === undefined || tranches === null ? "" : rangeKey(tranches);
  if (b === undefined) return undefined;
  if (capex === undefined || capex === null) return `${a}#${b}`;
  const c = rangeKey(capex);
  return c === undefined ? undefined : `${a}#${b}#${c}`;
}

function check(termsRange: unknown, tranchesRange: unknown, capexRange: unknown): Checked {
  validations++;
  const terms = readTermsRange(termsRange);
  const tranches = readTranchesRange(tranchesRange);
  const capex = readTableRange(capexRange, CAPEX_ARGUMENT);
  const problems = [...terms.problems, ...tranches.problems, ...capex.problems];
  if (problems.length > 0) return failure(problems);
  // validateDeal only reads its input: the terms read are copied only to add a table to them.
  let input: Record<string, unknown> = terms.input;
  if (tranches.list !== undefined || capex.list !== undefined) {
    input = { ...terms.input };
    if (tranches.list !== undefined) input.tranches = tranches.list;
    if (capex.list !== undefined) input.capex = capex.list;
  }
  const checked = validateDeal(input, VALIDATE_OPTIONS);
  if (!checked.ok) {
    const rows = { tranches: tranches.rowNumbers, capex: capex.rowNumbers };
    return failure(checked.error.problems.map((p) => withTableRows(p, rows)));
  }
  return { ok: true, terms: checked.value, key: dealKey(checked.value) };
}

/** Approximate bytes of validated terms and their key (an upper estimate, measured by scripts/bench-cache.mjs). */
function checkedBytes(checked: Checked): number {
  return checked.ok
    ? 2400 + 400 * checked.terms.tranches.length + checked.key.length * 2
    : 256 + checked.message.length * 2;
}

function scheduleFor(terms: Terms, key: string): Schedule {
  if (last?.key === key) return last.schedule;
  const schedule = buildSchedule(terms);
  schedulesBuilt++;
  last = { key, schedule };
  return schedule;
}

/** The last schedule built, if it is this deal's. */
function scheduleAtHand(key: string): Schedule | undefined {
  return last?.key === key ? last.schedule : undefined;
}

function figuresFor(checked: { readonly terms: Terms; readonly key: string }): DealFigures {
  let deal = figures.get(checked.key);
  if (deal === undefined) {
    deal = DealFigures.of(scheduleFor(checked.terms, checked.key), checked.key);
    figures.set(checked.key, deal, deal.approxBytes);
  }
  return deal;
}

/** Validated terms and their key: what a spilled schedule needs of a deal (its figures are not). */
export interface DealTerms {
  readonly terms: Terms;
  readonly key: string;
}

/**
 * The checked terms of ranges not recognized as recent. A terms block with
 * no tranches or capex is, in the common case, read in one pass
 * (sheetTerms.ts) and validated straight from its doubles (`validateFast`:
 * `validateDeal`'s terms and their `dealKey`, or undefined when it leaves
 * the block to `validateDeal`): that costs less than keying the raw cells,
 * and nothing is kept but the figures, by terms. Any other input goes by
 * the raw cells' key to the inputs cache, or is read and validated (and
 * cached). Exported for the benchmarks: a new deal's reading and keying.
 */
export function checkRanges(termsRange: unknown, tranchesRange: unknown, capexRange?: unknown): Checked {
  if (
    (tranchesRange === undefined || tranchesRange === null) &&
    (capexRange === undefined || capexRange === null) &&
    readSheetTerms(termsRange)
  ) {
    const fast = validateFast(sheetTerms.keys, sheetTerms.values, sheetTerms.count, FAST_MEMO);
    if (fast !== undefined) {
      fastValidations++;
      return fast;
    }
  }
  const key = rawKey(termsRange, tranchesRange, capexRange);
  let checked = key === undefined ? undefined : inputs.get(key);
  if (checked === undefined) {
    checked = check(termsRange, tranchesRange, capexRange);
    if (key !== undefined) inputs.set(key, checked, checkedBytes(checked));
  }
  return checked;
}

function checkedOf(termsRange: unknown, tranchesRange: unknown, capexRange: unknown): Checked {
  const noCapex = capexRange === undefined || capexRange === null;
  // The cell-by-cell recognition knows two ranges; a call with capex goes by key.
  let checked = noCapex ? recent.find(termsRange, tranchesRange) : undefined;
  if (checked === undefined) {
    checked = checkRanges(termsRange, tranchesRange, capexRange);
    if (noCapex) recent.remember(termsRange, tranchesRange, checked);
  }
  return checked;
}

/** The figures of a terms range and an optional tranches range, or one error naming every problem. */
export function resolveDeal(termsRange: unknown, tranchesRange: unknown, capexRange?: unknown): Outcome<DealFigures> {
  const checked = checkedOf(termsRange, tranchesRange, capexRange);
  return checked.ok ? { ok: true, value: figuresFor(checked) } : checked;
}

/** The validated terms of the ranges and their key, without the figures (a spilled schedule needs none). */
export function resolveTerms(termsRange: unknown, tranchesRange: unknown, capexRange?: unknown): Outcome<DealTerms> {
  const checked = checkedOf(termsRange, tranchesRange, capexRange);
  return checked.ok ? { ok: true, value: checked } : checked;
}

/** The deal's decimal schedule (the one built last, or built again): for the functions that derive more tables from it. */
export function scheduleOf(deal: DealTerms): Schedule {
  return scheduleFor(deal.terms, deal.key);
}

/**
 * A cached schedule table, and whether it may be handed out as is: frozen
 * only once a second call asks for it. Freezing boxes every number of the
 * table (frozen arrays hold no raw doubles: ~18 µs for 144 months), more than
 * a copy (~5 µs); a deal's first call hands out the table just built (the
 * caller's to keep) and caches a copy nobody else holds.
 */
interface TableEntry {
  table: Table;
  frozen: boolean;
}

function tableEntryOf(deal: DealTerms): { readonly entry: TableEntry; readonly fresh?: Cell[][] } {
  const entry = tables.get(deal.key);
  if (entry !== undefined) return { entry };
  const fresh = scheduleTable(scheduleFor(deal.terms, deal.key));
  const made: TableEntry = { table: copyTable(fresh), frozen: false };
  // An array per row of 11 numbers; frozen arrays hold their numbers boxed (measured: ~200 bytes a row).
  tables.set(deal.key, made, 1024 + fresh.length * 256);
  return { entry: made, fresh };
}

/**
 * The deal's schedule table, for a host that only reads it (Excel's runtime
 * serializes a result): on a deal's first call the table just built, the
 * caller's own; from the second, the cached table deep-frozen, the same
 * object every time, so that no call pays a copy and no write can reach the
 * cache. Its schedule is built again if it left the cache.
 */
export function sharedScheduleTableOf(deal: DealTerms): readonly (readonly Cell[])[] {
  const { entry, fresh } = tableEntryOf(deal);
  if (fresh !== undefined) return fresh;
  if (!entry.frozen) {
    // Never handed out before: frozen in place.
    for (const row of entry.table) Object.freeze(row);
    Object.freeze(entry.table);
    entry.frozen = true;
  }
  return entry.table;
}

/** The deal's schedule table, a copy of its own (hosts that pad or rewrite results). */
export function scheduleTableOf(deal: DealTerms): Cell[][] {
  const { entry, fresh } = tableEntryOf(deal);
  return fresh ?? copyTable(entry.table);
}

/** The deal's NPV at a rate, from its schedule if it was built last (no decimals to rebuild), else from its figures. */
export function npvOf(deal: DealFigures, rate: Decimal, column: CashColumn = "netCashFlow"): number {
  return deal.npvAt(rate, column, scheduleAtHand(deal.key));
}

/** Approximate bytes of a summary (16 figures, most of them decimals) and its table: ~1.5 KB measured, doubled. */
const SUMMARY_BYTES = 3 * 1024;

function summaryEntryOf(deal: DealTerms): SummaryEntry {
  let entry = summaries.get(deal.key);
  if (entry === undefined) {
    entry = { summary: summaryAtOwnRate(scheduleFor(deal.terms, deal.key)), table: undefined };
    summaries.set(deal.key, entry, SUMMARY_BYTES);
  }
  return entry;
}

/** The deal's summary with the NPVs at the terms' own discount rate (its returns searched once, then cached). */
export function summaryOf(deal: DealTerms): Summary {
  return summaryEntryOf(deal).summary;
}

/** The deal's summary table (shared: copy before handing it to a host that may write into it). */
export function summaryTableOf(deal: DealTerms): Table {
  const entry = summaryEntryOf(deal);
  // Not frozen: copying a frozen array (DEALSUMMARY hands out copies) is many times slower.
  return (entry.table ??= summaryTableOfSummary(entry.summary));
}

export interface CacheStats {
  readonly inputEntries: number;
  readonly inputBytes: number;
  readonly figureEntries: number;
  readonly figureBytes: number;
  readonly tableEntries: number;
  readonly tableBytes: number;
  readonly summaryEntries: number;
  readonly summaryBytes: number;
  /** Raw inputs read and validated by `validateDeal` (misses of the inputs cache), ever. */
  readonly validations: number;
  /**
   * Terms blocks read and validated straight from their doubles (`validateFast`), ever: on every
   * call not recognized as recent, since that costs less than keying the raw cells.
   */
  readonly fastValidations: number;
  /** Schedules built, ever. */
  readonly schedulesBuilt: number;
}

/** For tests and benchmarks: what the caches hold, and how much work they saved. */
export function cacheStats(): CacheStats {
  return {
    inputEntries: inputs.size,
    inputBytes: inputs.bytes,
    figureEntries: figures.size,
    figureBytes: figures.bytes,
    tableEntries: tables.size,
    tableBytes: tables.bytes,
    summaryEntries: summaries.size,
    summaryBytes: summaries.bytes,
    validations,
    fastValidations,
    schedulesBuilt,
  };
}

export function clearCaches(): void {
  recent.clear();
  inputs.clear();
  figures.clear();
  tables.clear();
  summaries.clear();
  numbers.clear();
  dates.clear();
  lastNumber.fill(NaN);
  lastDecimal.fill(undefined);
  last = undefined;
}
