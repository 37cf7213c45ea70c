/**
 * A cache bounded both in entries and in approximate bytes, so that a
 * workbook with many deals (or one huge deal) cannot make the long-lived
 * shared runtime grow without limit.
 *
 * Eviction is least-recently-used by approximation (CLOCK, "second chance"):
 * a hit only marks its entry used; when room is needed, the oldest entries
 * that were used since they were last passed over go to the back instead of
 * being evicted. A hit costs a lookup and a write, not the delete and
 * re-insert of an exact LRU, which in a Map of thousands of entries cost
 * more than the rest of a cached call.
 */
interface Entry<V> {
  readonly value: V;
  readonly bytes: number;
  used: boolean;
}

export class BoundedCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private totalBytes = 0;

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
    entry.used = true;
    return entry.value;
  }

  /** Stores a value whose size is about `bytes`; a value larger than the whole budget is not kept. */
  set(key: string, value: V, bytes: number): void {
    this.delete(key);
    const size = Math.max(1, Math.ceil(bytes + key.length * 2));
    if (size > this.maxBytes) return;
    this.entries.set(key, { value, bytes: size, used: false });
    this.totalBytes += size;
    while (this.entries.size > this.maxEntries || this.totalBytes > this.maxBytes) {
      const [oldest, entry] = this.entries.entries().next().value as [string, Entry<V>];
      if (entry.used || oldest === key) {
        // A second chance (and never the entry just stored): to the back, unmarked.
        entry.used = false;
        this.entries.delete(oldest);
        this.entries.set(oldest, entry);
      } else {
        this.delete(oldest);
      }
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.totalBytes -= entry.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.totalBytes = 0;
  }
}
