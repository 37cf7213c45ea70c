/**
 * A least-recently-used cache bounded both in entries and in approximate
 * bytes, so that a workbook with many deals (or one huge deal) cannot make
 * the long-lived shared runtime grow without limit.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, { readonly value: V; readonly bytes: number }>();
  private totalBytes = 0;
  private newestKey: string | undefined;

  constructor(
    readonly maxEntries: number,
    readonly maxBytes: number,
  ) {
    if (!(maxEntries >= 1) || !(maxBytes >= 1)) throw new RangeError("a cache needs room for at least one entry");
  }

  get size(): number {
    return this.entries.size;
  }

  /** Approximate bytes held, as estimated by the callers of `set`. */
  get bytes(): number {
    return this.totalBytes;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (key !== this.newestKey) {
      // Map keeps insertion order: re-inserting makes the entry the most recently used.
      this.entries.delete(key);
      this.entries.set(key, entry);
      this.newestKey = key;
    }
    return entry.value;
  }

  /** Stores a value whose size is about `bytes`; a value larger than the whole budget is not kept. */
  set(key: string, value: V, bytes: number): void {
    this.delete(key);
    const size = Math.max(1, Math.ceil(bytes + key.length * 2));
    if (size > this.maxBytes) return;
    this.entries.set(key, { value, bytes: size });
    this.totalBytes += size;
    this.newestKey = key;
    while (this.entries.size > this.maxEntries || this.totalBytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value as string;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.totalBytes -= entry.bytes;
    if (key === this.newestKey) this.newestKey = undefined;
  }

  clear(): void {
    this.entries.clear();
    this.totalBytes = 0;
    this.newestKey = undefined;
  }
}
