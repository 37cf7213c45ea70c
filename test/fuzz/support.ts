/**
 * Shared by the fuzz targets: how many cases to run (FC_NUM_RUNS, set by
 * `npm run fuzz`; a small default keeps `npm test` fast), a record of how
 * many each target ran (for the fuzz script's report), and the checks that
 * nothing leaked onto the shared prototypes.
 */
import { appendFileSync } from "node:fs";
import fc from "fast-check";

/** Cases per fuzz target: FC_NUM_RUNS when set, else the target's own small default. */
export function runs(defaultRuns: number): number {
  const env = Number(process.env.FC_NUM_RUNS);
  return Number.isInteger(env) && env > 0 ? env : defaultRuns;
}

/** Counts the cases a target really ran, and writes the count where the fuzz script reads it. */
export class Counter {
  count = 0;
  private detail = "";
  private counts: Record<string, number> | undefined;

  /** `shard`: a target split over several files; the fuzz script adds up its shards' counts. */
  constructor(
    readonly target: string,
    readonly shard?: number,
  ) {}

  hit(): void {
    this.count++;
  }

  /** A line of detail for the report (written by a later `report`); `counts` are summed over shards. */
  note(detail: string, counts?: Record<string, number>): void {
    this.detail = detail;
    this.counts = counts;
    this.report();
  }

  report(): void {
    const file = process.env.FUZZ_REPORT;
    if (file) {
      const { target, shard, count: runs, detail, counts } = this;
      appendFileSync(file, JSON.stringify({ target, shard, runs, detail, counts }) + "\n");
    }
  }
}

/** Runs a property and reports its count; the seed is printed by fast-check on failure. */
export function fuzz<Ts extends [unknown, ...unknown[]]>(
  counter: Counter,
  numRuns: number,
  arbs: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> },
  check: (...args: Ts) => void,
): void {
  try {
    fc.assert(
      fc.property(...arbs, (...args: Ts) => {
        counter.hit();
        check(...args);
      }),
      { numRuns },
    );
  } finally {
    counter.report();
  }
}

const PROBES = ["polluted", "isAdmin", "x", "__proto__x", "toStringX", "hacked"] as const;

/** Throws when any object, array or function has gained an inherited property. */
export function expectNoPollution(): void {
  const plain = {} as Record<string, unknown>;
  const list = [] as unknown as Record<string, unknown>;
  for (const key of PROBES) {
    if (plain[key] !== undefined || list[key] !== undefined) {
      throw new Error(`Object.prototype polluted: ${key}`);
    }
  }
  for (const proto of [Object.prototype, Array.prototype, Function.prototype]) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (!BASELINE.get(proto)?.has(key)) throw new Error(`prototype gained ${key}`);
    }
  }
  if (Object.getPrototypeOf(plain) !== Object.prototype) throw new Error("a new object lost Object.prototype");
}

const BASELINE = new Map<object, Set<string>>(
  [Object.prototype, Array.prototype, Function.prototype].map((p) => [p, new Set(Object.getOwnPropertyNames(p))]),
);

/** Keys that pollute a prototype when an object is merged or assigned carelessly. */
export const HOSTILE_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "__defineGetter__",
  "toString",
  "valueOf",
  "hasOwnProperty",
];
