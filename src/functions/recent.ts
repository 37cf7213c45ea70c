/**
 * The last few raw inputs, kept as flat copies of their cells and recognized
 * again by comparing cell by cell (`===`), without building a key string.
 * On a recalculation Excel calls every HPC cell of a deal with the same
 * ranges, usually one after the other: this makes those calls cost a few
 * comparisons. Only plain cell values are kept (numbers, text, booleans,
 * empties); anything else is never matched.
 */
const NONE = Symbol("no range");
const SCALAR = Symbol("scalar");
const RANGE = Symbol("range");

/** Inputs with more cells than this are not remembered. */
export const MAX_REMEMBERED_CELLS = 4096;

function isPlain(v: unknown): boolean {
  const t = typeof v;
  return v === null || t === "undefined" || t === "number" || t === "string" || t === "boolean";
}

function flattenInto(out: unknown[], range: unknown): boolean {
  if (range === undefined || range === null) {
    out.push(NONE);
    return true;
  }
  if (!Array.isArray(range)) {
    if (!isPlain(range)) return false;
    out.push(SCALAR, range);
    return true;
  }
  out.push(RANGE, range.length);
  for (const row of range as unknown[]) {
    if (!Array.isArray(row)) return false;
    out.push(row.length);
    for (const v of row as unknown[]) {
      if (!isPlain(v)) return false;
      out.push(v);
    }
    if (out.length > MAX_REMEMBERED_CELLS) return false;
  }
  return true;
}

/** Where the next range starts in `flat` if `range` matches from `at`; -1 if it does not. */
function match(flat: readonly unknown[], at: number, range: unknown): number {
  if (range === undefined || range === null) return flat[at] === NONE ? at + 1 : -1;
  if (!Array.isArray(range)) return flat[at] === SCALAR && flat[at + 1] === range ? at + 2 : -1;
  if (flat[at] !== RANGE || flat[at + 1] !== range.length) return -1;
  let i = at + 2;
  for (let r = 0; r < range.length; r++) {
    const row: unknown = range[r];
    if (!Array.isArray(row) || flat[i] !== row.length) return -1;
    i++;
    for (let c = 0; c < row.length; c++) if (flat[i++] !== row[c]) return -1;
  }
  return i;
}

export class RecentInputs<V> {
  private entries: { readonly flat: readonly unknown[]; readonly value: V }[] = [];

  constructor(readonly capacity: number) {}

  /** The value remembered for exactly these two ranges, if any. */
  find(a: unknown, b: unknown): V | undefined {
    const entries = this.entries;
    for (let k = 0; k < entries.length; k++) {
      const entry = entries[k];
      const mid = match(entry.flat, 0, a);
      if (mid < 0 || match(entry.flat, mid, b) !== entry.flat.length) continue;
      if (k > 0) {
        entries.splice(k, 1);
        entries.unshift(entry);
      }
      return entry.value;
    }
    return undefined;
  }

  remember(a: unknown, b: unknown, value: V): void {
    const flat: unknown[] = [];
    if (!flattenInto(flat, a) || !flattenInto(flat, b)) return;
    this.entries.unshift({ flat, value });
    if (this.entries.length > this.capacity) this.entries.length = this.capacity;
  }

  clear(): void {
    this.entries = [];
  }
}
