import "../support/customFunctionsShim";
import fc from "fast-check";
import { BoundedCache } from "../../src/functions/cache";
import * as hpc from "../../src/functions/hpc";
import {
  annualRevenue,
  contractValue,
  dealNpv,
  dealSummary,
  hostingCashflow,
  prepayRemaining,
} from "../../src/functions/functions";
import { RecentInputs } from "../../src/functions/recent";
import { CACHE_LIMITS, cacheStats, clearCaches, rawKey } from "../../src/functions/resolve";
import { serial, workedCheckTerms } from "../support/deals";

describe("BoundedCache", () => {
  it("evicts the least recently used entry when it holds too many", () => {
    const cache = new BoundedCache<number>(2, 1_000_000);
    cache.set("a", 1, 10);
    cache.set("b", 2, 10);
    expect(cache.get("a")).toBe(1); // a is now the most recent
    cache.set("c", 3, 10);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
    expect(cache.size).toBe(2);
  });

  it("evicts by approximate bytes, and keeps nothing larger than its whole budget", () => {
    const cache = new BoundedCache<string>(100, 1000);
    cache.set("x", "big", 600);
    cache.set("y", "big", 600);
    expect(cache.get("x")).toBeUndefined();
    expect(cache.get("y")).toBe("big");
    expect(cache.bytes).toBeLessThanOrEqual(1000);
    cache.set("huge", "too big", 5000);
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.get("y")).toBe("big");
  });

  it("replaces an entry in place, and deletes and clears", () => {
    const cache = new BoundedCache<number>(3, 1000);
    cache.set("a", 1, 100);
    cache.set("a", 2, 200);
    expect(cache.size).toBe(1);
    expect(cache.bytes).toBe(202); // 200 + the key's two bytes
    cache.delete("a");
    expect(cache.bytes).toBe(0);
    cache.set("b", 1, 1);
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it("keeps the entry just stored even when every older one was read since", () => {
    const cache = new BoundedCache<number>(2, 1_000_000);
    cache.set("a", 1, 10);
    cache.set("b", 2, 10);
    cache.get("a");
    cache.get("b");
    cache.set("c", 3, 10);
    expect(cache.get("c")).toBe(3);
    expect(cache.size).toBe(2);
  });

  it("holds its bounds and never answers with another key's value or an overwritten one, whatever the calls", () => {
    const op = fc.oneof(
      fc.record({ set: fc.integer({ min: 0, max: 30 }), bytes: fc.integer({ min: 0, max: 400 }) }),
      fc.record({ get: fc.integer({ min: 0, max: 30 }) }),
      fc.record({ del: fc.integer({ min: 0, max: 30 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(op, { maxLength: 200 }), (entries, ops) => {
        const cache = new BoundedCache<string>(entries, 1000);
        const latest = new Map<string, string>();
        ops.forEach((o, i) => {
          if ("set" in o) {
            const value = `${o.set}#${i}`;
            cache.set(`k${o.set}`, value, o.bytes);
            latest.set(`k${o.set}`, value);
            // What was just stored is there, unless it alone is over the byte budget.
            if (o.bytes + 2 * `k${o.set}`.length < 1000) expect(cache.get(`k${o.set}`)).toBe(value);
          } else if ("get" in o) {
            const got = cache.get(`k${o.get}`);
            if (got !== undefined) expect(got).toBe(latest.get(`k${o.get}`));
          } else {
            cache.delete(`k${o.del}`);
            latest.delete(`k${o.del}`);
            expect(cache.get(`k${o.del}`)).toBeUndefined();
          }
          expect(cache.size).toBeLessThanOrEqual(entries);
          expect(cache.bytes).toBeLessThanOrEqual(1000);
        });
      }),
    );
  });

  it("refuses a cache with no room", () => {
    expect(() => new BoundedCache(0, 10)).toThrow(RangeError);
  });
});

describe("the deal caches", () => {
  beforeEach(() => clearCaches());

  it("builds the schedule once for a sheet with a schedule and a dozen metric cells on one deal", () => {
    const terms = workedCheckTerms();
    const before = cacheStats();
    hostingCashflow(terms);
    for (let i = 0; i < 3; i++) {
      contractValue(terms);
      annualRevenue(terms);
      dealNpv(terms);
      dealSummary(terms);
      prepayRemaining(terms, [[serial("2031-01-01")]]);
    }
    const after = cacheStats();
    expect(after.schedulesBuilt - before.schedulesBuilt).toBe(1);
    // Validated once, from its doubles (validateFast).
    expect(after.validations - before.validations + after.fastValidations - before.fastValidations).toBe(1);
  });

  it("builds the schedule once when the metric cells come before the spill", () => {
    const terms = workedCheckTerms();
    const before = cacheStats().schedulesBuilt;
    contractValue(terms);
    dealNpv(terms);
    dealSummary(terms);
    hostingCashflow(terms);
    expect(cacheStats().schedulesBuilt - before).toBe(1);
  });

  it("builds it again when a term changes, and not when only the layout does", () => {
    const terms = workedCheckTerms();
    contractValue(terms);
    const built = cacheStats().schedulesBuilt;
    // Same deal, other layout: keys for labels, blank rows, text for numbers.
    const relaid = [
      [null, null],
      ...terms.map(([label, value]) => [label === "Capacity (MW)" ? "capacityMW" : label, value]),
      ["", ""],
    ];
    relaid[3][1] = "121.53";
    contractValue(relaid);
    expect(cacheStats().schedulesBuilt).toBe(built);
    const changed = workedCheckTerms();
    changed[2][1] = 130;
    contractValue(changed);
    expect(cacheStats().schedulesBuilt).toBe(built + 1);
  });

  it("does not validate identical raw input again, including input that failed", () => {
    const bad = [["Capacity (MW)", "lots"]];
    const first = contractValue(bad);
    const validations = cacheStats().validations;
    expect(contractValue(bad)).toEqual(first);
    expect(cacheStats().validations).toBe(validations);
  });

  it("stays within its bounds however many deals a workbook holds", () => {
    const terms = workedCheckTerms();
    terms[3][1] = 12; // 12-month term: small schedules, a quick test
    for (let i = 0; i < CACHE_LIMITS.tableEntries + 20; i++) {
      terms[2][1] = 100 + i;
      expect(typeof contractValue(terms)).toBe("number");
      expect(Array.isArray(hostingCashflow(terms))).toBe(true);
    }
    const stats = cacheStats();
    expect(stats.tableEntries).toBeLessThanOrEqual(CACHE_LIMITS.tableEntries);
    expect(stats.tableBytes).toBeLessThanOrEqual(CACHE_LIMITS.tableBytes);
    expect(stats.figureEntries).toBe(CACHE_LIMITS.tableEntries + 20); // figures outlive schedules
    expect(stats.figureBytes).toBeLessThanOrEqual(CACHE_LIMITS.figureBytes);
    expect(stats.inputEntries).toBeLessThanOrEqual(CACHE_LIMITS.inputEntries);
    expect(stats.inputBytes).toBeLessThanOrEqual(CACHE_LIMITS.inputBytes);
  });

  it("answers a new date or a new NPV rate from a deal's figures, its schedule long evicted", () => {
    const terms = workedCheckTerms();
    terms[3][1] = 24;
    const deals = CACHE_LIMITS.tableEntries * 3;
    const at = (i: number) => {
      terms[2][1] = 100 + i;
      return terms;
    };
    for (let i = 0; i < deals; i++) contractValue(at(i));
    const built = cacheStats().schedulesBuilt;
    const validated = cacheStats().validations;
    for (let i = 0; i < deals; i++) {
      expect(typeof prepayRemaining(at(i), [[serial("2026-06-15")]])).not.toBe("string");
      expect(typeof dealNpv(at(i), 0.07 + i / 10_000)).toBe("number");
    }
    expect(cacheStats().schedulesBuilt).toBe(built);
    // A summary's returns (an XIRR search) are not kept with the figures: its first read builds the
    // schedule once, then it is cached apart, and a second pass builds none.
    for (let i = 0; i < deals; i++) expect(typeof dealSummary(at(i))).toBe("object");
    expect(cacheStats().schedulesBuilt).toBe(built + deals);
    for (let i = 0; i < deals; i++) expect(typeof dealSummary(at(i))).toBe("object");
    expect(cacheStats().schedulesBuilt).toBe(built + deals);
    // No block is validated by validateDeal again; each is read again from its doubles (validateFast),
    // which costs less than keying its raw cells would.
    expect(cacheStats().validations).toBe(validated);
    expect(cacheStats().fastValidations).toBeGreaterThan(0);
  });

  it("hands out a frozen table from the second call: a host that writes into a result cannot change the next one", () => {
    const terms = workedCheckTerms();
    const copying = (): unknown[][] => {
      const out = hpc.hostingCashflow(terms);
      if (!out.ok) throw new Error(out.message);
      return out.value;
    };
    const reference = copying();
    clearCaches();
    // The first call: the table just built, the caller's own (the cache keeps a copy).
    const first = hostingCashflow(terms) as unknown[][];
    expect(first).toEqual(reference);
    first[1][3] = 42;
    first.push(["extra"]);
    // From the second: the cached table, frozen, the same object each time (no copy per call).
    const second = hostingCashflow(terms) as unknown[][];
    expect(second).toEqual(reference);
    expect(() => {
      second[1][3] = 42;
    }).toThrow(TypeError);
    expect(() => second.push(["extra"])).toThrow(TypeError);
    expect(hostingCashflow(terms)).toBe(second);
    expect(second[1][3]).toBe(0);
    expect(second).toHaveLength(151);
    // The copying entry point hands out a table of its own every time.
    const copy = copying();
    expect(copy).toEqual(reference);
    expect(copy).not.toBe(second);
    copy[1][3] = 7;
    expect(hostingCashflow(terms)).toEqual(reference);
  });
});

describe("the raw key", () => {
  it("tells apart values that read differently, and ignores blank rows but not their position", () => {
    const a = rawKey([["Term (months)", 12]], undefined);
    expect(rawKey([["Term (months)", "12"]], undefined)).not.toBe(a);
    expect(rawKey([["Term (months)", true]], undefined)).not.toBe(rawKey([["Term (months)", "T"]], undefined));
    expect(rawKey([["a", "b,c"]], undefined)).not.toBe(rawKey([["a,b", "c"]], undefined));
    expect(
      rawKey(
        [
          [null, null],
          ["Term (months)", 12],
        ],
        undefined,
      ),
    ).not.toBe(a); // row numbers appear in messages
    expect(
      rawKey(
        [
          ["Term (months)", 12],
          [null, ""],
        ],
        undefined,
      ),
    ).toBe(
      rawKey(
        [
          ["Term (months)", 12],
          ["", null],
        ],
        undefined,
      ),
    );
    expect(rawKey([["x", 1]], [[1, 2]])).not.toBe(rawKey([["x", 1]], undefined));
  });

  it("gives up (no caching) on objects and on huge input", () => {
    expect(rawKey([["Capacity (MW)", { code: "#N/A" }]], undefined)).toBeUndefined();
    // A one-cell argument holding an error: no key either, so that two errors are never one input.
    expect(rawKey({ code: "#N/A" }, undefined)).toBeUndefined();
    expect(rawKey([["x", 1]], { code: "#REF!" })).toBeUndefined();
    expect(rawKey(12, undefined)).not.toBe(rawKey("12", undefined));
    const huge = Array.from({ length: 5000 }, (_, i) => [`label ${i}`, i]);
    expect(rawKey(huge, undefined)).toBeUndefined();
  });
});

describe("RecentInputs", () => {
  const terms = () => [
    ["Term (months)", 12],
    ["Start date", 45658],
  ];

  it("recognizes a copy of a recent input cell by cell, and nothing that differs", () => {
    const recent = new RecentInputs<string>(2);
    recent.remember(terms(), undefined, "a");
    expect(recent.find(terms(), undefined)).toBe("a");
    expect(recent.find(terms(), null)).toBe("a"); // a left-out range, either way
    expect(
      recent.find(
        [
          ["Term (months)", "12"],
          ["Start date", 45658],
        ],
        undefined,
      ),
    ).toBeUndefined();
    expect(recent.find([...terms(), [null, null]], undefined)).toBeUndefined();
    expect(
      recent.find(
        [
          ["Term (months)", 12, null],
          ["Start date", 45658],
        ],
        undefined,
      ),
    ).toBeUndefined();
    expect(recent.find(terms(), [[45658, 100]])).toBeUndefined();
    expect(recent.find([terms()[0]], undefined)).toBeUndefined();
  });

  it("keeps only the most recent inputs, and never inputs holding objects", () => {
    const recent = new RecentInputs<number>(2);
    recent.remember([["a", 1]], undefined, 1);
    recent.remember([["b", 2]], undefined, 2);
    expect(recent.find([["a", 1]], undefined)).toBe(1); // now the most recent
    recent.remember([["c", 3]], undefined, 3);
    expect(recent.find([["b", 2]], undefined)).toBeUndefined();
    expect(recent.find([["a", 1]], undefined)).toBe(1);
    const withError = [["Capacity (MW)", { code: "#N/A" }]];
    recent.remember(withError, undefined, 4);
    expect(recent.find(withError, undefined)).toBeUndefined();
    recent.clear();
    expect(recent.find([["a", 1]], undefined)).toBeUndefined();
  });
});
