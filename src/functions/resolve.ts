/**
 * From a formula's ranges to a computed deal, through two caches:
 *
 * 1. raw cells → validated terms (or the error), keyed by the cell values
 *    themselves, so that identical input is not read and validated again
 *    (the last few inputs are also recognized cell by cell, without a key:
 *    `recent.ts`);
 * 2. normalized terms (`termsKey`) → the deal with its schedule, so that a
 *    sheet with a schedule and a dozen metric cells on one deal builds the
 *    schedule once per change, however its ranges are laid out.
 *
 * Both are LRU and bounded in entries and approximate bytes. The raw cache
 * holds terms, not deals, so the deal cache alone bounds the schedules kept.
 */
import { termsKey, validateDeal, type Terms } from "../core";
import { BoundedCache } from "./cache";
import { Deal } from "./deal";
import { failure, success, type Failure, type Outcome } from "./outcome";
import { CAPEX_ARGUMENT, readTableRange, readTermsRange, readTranchesRange, withTableRows } from "./ranges";
import { RecentInputs } from "./recent";

export const CACHE_LIMITS = Object.freeze({
  rawEntries: 512,
  rawBytes: 4 * 1024 * 1024,
  dealEntries: 64,
  dealBytes: 64 * 1024 * 1024,
  /** Raw input longer than this (as a key) is validated every time rather than cached. */
  maxRawKeyLength: 32 * 1024,
  /** Inputs recognized cell by cell, before any key is built. */
  recentInputs: 8,
});

type Checked = { readonly ok: true; readonly terms: Terms; readonly key: string } | Failure;

const rawCache = new BoundedCache<Checked>(CACHE_LIMITS.rawEntries, CACHE_LIMITS.rawBytes);
const dealCache = new BoundedCache<Deal>(CACHE_LIMITS.dealEntries, CACHE_LIMITS.dealBytes);
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
  const input: Record<string, unknown> = { ...terms.input };
  if (tranches.list !== undefined) input.tranches = tranches.list;
  if (capex.list !== undefined) input.capex = capex.list;
  const checked = validateDeal(input, { dates: "excel" });
  if (!checked.ok) {
    const rows = { tranches: tranches.rowNumbers, capex: capex.rowNumbers };
    return failure(checked.error.problems.map((p) => withTableRows(p, rows)));
  }
  return { ok: true, terms: checked.value, key: termsKey(checked.value) };
}

function dealFor(terms: Terms, key: string): Deal {
  let deal = dealCache.get(key);
  if (deal === undefined) {
    deal = new Deal(terms);
    schedulesBuilt++;
    dealCache.set(key, deal, deal.approxBytes);
  }
  return deal;
}

/** The deal of a terms range and optional tranches and capex ranges, or one error naming every problem. */
export function resolveDeal(termsRange: unknown, tranchesRange: unknown, capexRange?: unknown): Outcome<Deal> {
  const noCapex = capexRange === undefined || capexRange === null;
  // The cell-by-cell recognition knows two ranges; a call with capex goes by key.
  let checked = noCapex ? recent.find(termsRange, tranchesRange) : undefined;
  if (checked === undefined) {
    const key = rawKey(termsRange, tranchesRange, capexRange);
    checked = key === undefined ? undefined : rawCache.get(key);
    if (checked === undefined) {
      checked = check(termsRange, tranchesRange, capexRange);
      if (key !== undefined) {
        const bytes = checked.ok ? 2048 + checked.key.length * 2 : 256 + checked.message.length * 2;
        rawCache.set(key, checked, bytes);
      }
    }
    if (noCapex) recent.remember(termsRange, tranchesRange, checked);
  }
  return checked.ok ? success(dealFor(checked.terms, checked.key)) : checked;
}

export interface CacheStats {
  readonly rawEntries: number;
  readonly rawBytes: number;
  readonly dealEntries: number;
  readonly dealBytes: number;
  /** Raw inputs read and validated (cache misses of the first level), ever. */
  readonly validations: number;
  /** Schedules built (cache misses of the second level), ever. */
  readonly schedulesBuilt: number;
}

/** For tests and benchmarks: what the caches hold, and how much work they saved. */
export function cacheStats(): CacheStats {
  return {
    rawEntries: rawCache.size,
    rawBytes: rawCache.bytes,
    dealEntries: dealCache.size,
    dealBytes: dealCache.bytes,
    validations,
    schedulesBuilt,
  };
}

export function clearCaches(): void {
  recent.clear();
  rawCache.clear();
  dealCache.clear();
}
