/**
 * From a formula's ranges to a deal's figures, through three caches, each
 * least-recently-used and bounded in entries and approximate bytes:
 *
 * 1. inputs: raw cells → validated terms (or the error) and their
 *    `termsKey`, keyed by the cell values themselves, so that identical
 *    input is not read and validated again (the last few inputs are also
 *    recognized cell by cell, without a key: `recent.ts`);
 * 2. figures: `termsKey` → the deal's `DealFigures`, the few KB the metric
 *    functions read, sized for a book of thousands of deals: a change that
 *    does not touch a deal's terms (a date, a rate given to DEALNPV,
 *    another deal) never rebuilds its schedule;
 * 3. schedules: `termsKey` → the full schedule and its spilled table, for
 *    HOSTINGCASHFLOW (and an NPV while the schedule is at hand), kept for
 *    far fewer deals: a spill is about 30 KB, a decimal schedule ~120 KB.
 *
 * A sheet with a schedule and a dozen metric cells on one deal builds the
 * schedule once per change, however its ranges are laid out. Nothing is
 * cached in the core: these caches are the only ones.
 */
import { buildSchedule, termsKey, validateDeal, type Decimal, type Schedule, type Terms } from "../core";
import { BoundedCache } from "./cache";
import { DealFigures, freezeTable, scheduleTable, type Table } from "./deal";
import { failure, type Failure, type Outcome } from "./outcome";
import { readTermsRange, readTranchesRange, withTrancheRows } from "./ranges";
import { RecentInputs } from "./recent";

const MB = 1024 * 1024;

export const CACHE_LIMITS = Object.freeze({
  inputEntries: 20_000,
  inputBytes: 24 * MB,
  figureEntries: 20_000,
  figureBytes: 32 * MB,
  scheduleEntries: 32,
  scheduleBytes: 16 * MB,
  /** Raw input longer than this (as a key) is validated every time rather than cached. */
  maxRawKeyLength: 32 * 1024,
  /** Inputs recognized cell by cell, before any key is built. */
  recentInputs: 8,
});

type Checked = { readonly ok: true; readonly terms: Terms; readonly key: string } | Failure;

interface ScheduleEntry {
  readonly schedule: Schedule;
  table: Table | undefined;
}

const inputs = new BoundedCache<Checked>(CACHE_LIMITS.inputEntries, CACHE_LIMITS.inputBytes);
const figures = new BoundedCache<DealFigures>(CACHE_LIMITS.figureEntries, CACHE_LIMITS.figureBytes);
const schedules = new BoundedCache<ScheduleEntry>(CACHE_LIMITS.scheduleEntries, CACHE_LIMITS.scheduleBytes);
const recent = new RecentInputs<Checked>(CACHE_LIMITS.recentInputs);
let schedulesBuilt = 0;
let validations = 0;

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
  if (!Array.isArray(range)) return `S${cellKey(range) ?? ""}`;
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
export function rawKey(terms: unknown, tranches: unknown): string | undefined {
  const a = rangeKey(terms);
  if (a === undefined) return undefined;
  const b = tranches === undefined || tranches === null ? "" : rangeKey(tranches);
  return b === undefined ? undefined : `${a}#${b}`;
}

function check(termsRange: unknown, tranchesRange: unknown): Checked {
  validations++;
  const terms = readTermsRange(termsRange);
  const tranches = readTranchesRange(tranchesRange);
  const problems = [...terms.problems, ...tranches.problems];
  if (problems.length > 0) return failure(problems);
  const input = tranches.list === undefined ? terms.input : { ...terms.input, tranches: tranches.list };
  const checked = validateDeal(input, { dates: "excel" });
  if (!checked.ok) return failure(checked.error.problems.map((p) => withTrancheRows(p, tranches.rowNumbers)));
  return { ok: true, terms: checked.value, key: termsKey(checked.value) };
}

/** Approximate bytes of validated terms and their key (an upper estimate, measured by scripts/bench-cache.mjs). */
function checkedBytes(checked: Checked): number {
  return checked.ok
    ? 2400 + 400 * checked.terms.tranches.length + checked.key.length * 2
    : 256 + checked.message.length * 2;
}

function buildEntry(terms: Terms, key: string): ScheduleEntry {
  const schedule = buildSchedule(terms);
  schedulesBuilt++;
  const entry: ScheduleEntry = { schedule, table: undefined };
  // A decimal schedule with its table of numbers retains about 1.6 KB a month.
  schedules.set(key, entry, 4096 + schedule.rows.length * 1600);
  return entry;
}

function figuresFor(checked: { readonly terms: Terms; readonly key: string }): DealFigures {
  let deal = figures.get(checked.key);
  if (deal === undefined) {
    const entry = schedules.get(checked.key) ?? buildEntry(checked.terms, checked.key);
    deal = DealFigures.of(entry.schedule, checked.key);
    figures.set(checked.key, deal, deal.approxBytes);
  }
  return deal;
}

/** The figures of a terms range and an optional tranches range, or one error naming every problem. */
export function resolveDeal(termsRange: unknown, tranchesRange: unknown): Outcome<DealFigures> {
  let checked = recent.find(termsRange, tranchesRange);
  if (checked === undefined) {
    const key = rawKey(termsRange, tranchesRange);
    checked = key === undefined ? undefined : inputs.get(key);
    if (checked === undefined) {
      checked = check(termsRange, tranchesRange);
      if (key !== undefined) inputs.set(key, checked, checkedBytes(checked));
    }
    recent.remember(termsRange, tranchesRange, checked);
  }
  return checked.ok ? { ok: true, value: figuresFor(checked) } : checked;
}

/** The deal's schedule table, deep-frozen (`freezeTable`): built again only if its schedule left the cache. */
export function scheduleTableOf(deal: DealFigures): Table {
  const entry = schedules.get(deal.key) ?? buildEntry(deal.terms, deal.key);
  return (entry.table ??= freezeTable(scheduleTable(entry.schedule)));
}

/** The deal's NPV at a rate, from its schedule if that is still cached (no decimals to rebuild), else from its figures. */
export function npvOf(deal: DealFigures, rate: Decimal): number {
  return deal.npvAt(rate, schedules.get(deal.key)?.schedule);
}

/** The deal's summary table (shared: copy before handing it to a host that may write into it). */
export function summaryTableOf(deal: DealFigures): Table {
  return deal.summaryTable(schedules.get(deal.key)?.schedule);
}

export interface CacheStats {
  readonly inputEntries: number;
  readonly inputBytes: number;
  readonly figureEntries: number;
  readonly figureBytes: number;
  readonly scheduleEntries: number;
  readonly scheduleBytes: number;
  /** Raw inputs read and validated (misses of the inputs cache), ever. */
  readonly validations: number;
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
    scheduleEntries: schedules.size,
    scheduleBytes: schedules.bytes,
    validations,
    schedulesBuilt,
  };
}

export function clearCaches(): void {
  recent.clear();
  inputs.clear();
  figures.clear();
  schedules.clear();
}
