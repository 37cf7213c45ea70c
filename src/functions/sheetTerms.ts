/**
 * A terms block read in one pass, for a call that passes no tranches or
 * capex (the common case), its terms and values left where `validateFast`
 * reads them. Any block this pass is not sure of (an Excel error, a label
 * that names no term or a table, a term given twice, a blank label beside a
 * value, rows not two cells wide, anything but plain cell values) is left
 * to the general path (`rawKey`, `readTermsRange`, `validateDeal`), whose
 * messages name rows. When this pass takes a block, what `readTermsRange`
 * gives `validateDeal` of it is exactly its terms and values in row order.
 */
import { TERMS, isTableTerm, type TermKey } from "../core";
import { termForSheetLabel } from "./ranges";

/**
 * The term each label names, by its index in TERMS (−1: none, or a table),
 * remembered by the label's exact text (termForSheetLabel folds it once).
 * Bounded: emptied when full.
 */
const indexByLabel = new Map<string, number>();
const TERM_KEYS: readonly TermKey[] = TERMS.map((t) => t.key);
const MAX_LABELS = 1024;

function termIndex(label: string): number {
  let index = indexByLabel.get(label);
  if (index === undefined) {
    // A label that reads as an Excel error ("#N/A") is the general path's.
    const term = label.charCodeAt(0) === 35 ? undefined : termForSheetLabel(label);
    index = term === undefined || isTableTerm(term) ? -1 : TERM_KEYS.indexOf(term);
    if (indexByLabel.size >= MAX_LABELS) indexByLabel.clear();
    indexByLabel.set(label, index);
  }
  return index;
}

/** The terms of the block read last: its keys and values in row order (`count` of them). */
export const sheetTerms = { keys: [] as TermKey[], values: [] as unknown[], count: 0 };

function isBlankCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** A value this pass takes: a plain cell value, not an Excel error's text. */
function isPlainValue(v: unknown): boolean {
  const t = typeof v;
  return (
    v === null ||
    t === "undefined" ||
    t === "number" ||
    t === "boolean" ||
    (t === "string" && (v as string).charCodeAt(0) !== 35)
  );
}

/**
 * Reads a terms block into `sheetTerms` (true), or leaves it to the general path (false).
 */
export function readSheetTerms(range: unknown): boolean {
  if (!Array.isArray(range) || range.length === 0) return false;
  let seen = 0;
  let count = 0;
  for (let i = 0; i < range.length; i++) {
    const row: unknown = range[i];
    if (!Array.isArray(row) || row.length !== 2) return false;
    const label: unknown = row[0];
    const value: unknown = row[1];
    if (typeof label !== "string") {
      if ((label === null || label === undefined) && isBlankCell(value)) continue;
      return false;
    }
    const index = termIndex(label);
    if (index < 0) {
      if (isBlankCell(label) && isBlankCell(value)) continue;
      return false;
    }
    const bit = 1 << index; // 22 terms: within 31 bits
    if ((seen & bit) !== 0) return false;
    seen |= bit;
    if (!isPlainValue(value)) return false;
    sheetTerms.keys[count] = TERM_KEYS[index];
    sheetTerms.values[count] = value;
    count++;
  }
  sheetTerms.count = count;
  return true;
}
