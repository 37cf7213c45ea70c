import { LIMITS, money, validateDeal, type Problem, type Terms, type ValidateOptions } from "../../src/core";
import { iso } from "./helpers";

/**
 * Spec §2 (the terms table and the paragraph under it): what is required,
 * what each term accepts, defaults, and that every problem names its term and
 * says what was expected. Validation never throws.
 */

const VALID = { capacityMW: 10, ratePerKWMonth: 120, termMonths: 12, startDate: "2025-01-01" };

function ok(input: unknown, options?: ValidateOptions): Terms {
  const r = validateDeal(input, options);
  if (!r.ok) throw new Error(`expected valid, got: ${r.error.message}`);
  return r.value;
}

function problems(input: unknown, options?: ValidateOptions): Problem[] {
  const r = validateDeal(input, options);
  if (r.ok) throw new Error(`expected an input error for ${JSON.stringify(input)}`);
  expect(r.error.problems.length).toBeGreaterThan(0);
  return [...r.error.problems];
}

/** The one problem about `term` (the problem's term is the key, or a path under it). */
function problemFor(input: unknown, term: string, options?: ValidateOptions): Problem {
  const found = problems(input, options).filter((p) => p.term === term || p.term.startsWith(`${term}.`));
  expect(found.map((p) => p.term)).toEqual([term]);
  return found[0];
}

const with_ = (extra: Record<string, unknown>) => ({ ...VALID, ...extra });

describe("required terms", () => {
  it("requires ratePerKWMonth and termMonths", () => {
    for (const key of ["ratePerKWMonth", "termMonths"] as const) {
      const deal: Record<string, unknown> = { ...VALID };
      delete deal[key];
      const p = problemFor(deal, key);
      expect(p.message).toContain(key);
      expect(p.message).toMatch(/required/);
    }
  });

  it("requires capacityMW and startDate unless tranches are given", () => {
    expect(problemFor({ ratePerKWMonth: 1, termMonths: 1, startDate: "2025-01-01" }, "capacityMW").message).toContain(
      "capacityMW",
    );
    expect(problemFor({ ratePerKWMonth: 1, termMonths: 1, capacityMW: 1 }, "startDate").message).toContain("startDate");
    const t = ok({ ratePerKWMonth: 1, termMonths: 1, tranches: [{ date: "2025-03-10", mw: 2.5 }] });
    expect(t.capacityMW.toString()).toBe("2.5");
    expect(iso(t.startDate)).toBe("2025-03-10");
  });

  it("reports every missing term of an empty deal at once", () => {
    const terms = problems({}).map((p) => p.term);
    expect(terms).toEqual(expect.arrayContaining(["ratePerKWMonth", "termMonths", "capacityMW", "startDate"]));
  });

  it("requires creditPercent for percent-of-fee", () => {
    const p = problemFor(with_({ creditMethod: "percent-of-fee", prepayment: 100 }), "creditPercent");
    expect(p.message).toContain("creditPercent");
  });
});

describe("null and blank are not given", () => {
  it.each([null, undefined, "", "   "])("treats %p as absent: the default applies", (blank) => {
    const t = ok({
      ...VALID,
      name: blank,
      escalator: blank,
      prepayment: blank,
      prepaymentDate: blank,
      creditMethod: blank,
      creditMonths: blank,
      opexPerMWMonth: blank,
      discountRate: blank,
      tranches: blank,
    });
    expect(t.escalator.isZero()).toBe(true);
    expect(t.prepayment.isZero()).toBe(true);
    expect(iso(t.prepaymentDate)).toBe("2025-01-01");
    expect(t.creditMethod).toBe("straight-line");
    expect(t.creditMonths).toBe(12);
    expect(t.opexPerMWMonth.isZero()).toBe(true);
    expect(t.discountRate).toBeNull();
    expect(t.name).toBe("");
  });

  it("does not let a blank required term pass", () => {
    expect(problemFor(with_({ ratePerKWMonth: null }), "ratePerKWMonth").message).toMatch(/required/);
    expect(problemFor(with_({ termMonths: "" }), "termMonths").message).toMatch(/required/);
  });

  it("lets capacityMW and startDate be blank beside tranches", () => {
    const t = ok({
      ratePerKWMonth: 1,
      termMonths: 2,
      capacityMW: null,
      startDate: "",
      tranches: [
        { date: "2025-02-01", mw: 1 },
        { date: "2025-01-15", mw: 2 },
      ],
    });
    expect(t.capacityMW.toString()).toBe("3");
    expect(iso(t.startDate)).toBe("2025-01-15");
  });
});

describe("defaults (§2)", () => {
  it("applies every default of the terms table", () => {
    const t = ok(VALID);
    expect(t.name).toBe("");
    expect(t.host).toBe("");
    expect(t.tenant).toBe("");
    expect(t.escalator.isZero()).toBe(true);
    expect(money(t.prepayment)).toBe("0.00");
    expect(iso(t.prepaymentDate)).toBe("2025-01-01");
    expect(t.creditMethod).toBe("straight-line");
    expect(t.creditMonths).toBe(12);
    expect(t.opexPerMWMonth.isZero()).toBe(true);
    expect(t.tranches).toHaveLength(1);
    expect(iso(t.tranches[0].date)).toBe("2025-01-01");
    expect(t.tranches[0].mw.toString()).toBe("10");
  });
});

describe("wrong types are `value` problems", () => {
  it.each<[string, unknown]>([
    ["capacityMW", "ten"],
    ["capacityMW", true],
    ["ratePerKWMonth", {}],
    ["ratePerKWMonth", [120]],
    ["termMonths", "twelve"],
    ["escalator", false],
    ["prepayment", "lots"],
    ["opexPerMWMonth", { amount: 1 }],
    ["discountRate", "ten percent"],
    ["startDate", "next year"],
    ["startDate", "2025-13-01"],
    ["startDate", 45658],
    ["prepaymentDate", true],
    ["creditMethod", "linear"],
    ["creditMethod", 1],
    ["name", { first: "x" }],
  ])("%s = %p", (key, raw) => {
    const p = problemFor(with_({ [key]: raw }), key);
    expect(p.kind).toBe("value");
    expect(p.message).toContain(key);
  });

  it("rejects non-finite numbers", () => {
    for (const raw of [NaN, Infinity, -Infinity]) {
      expect(problemFor(with_({ ratePerKWMonth: raw }), "ratePerKWMonth").message).toContain("ratePerKWMonth");
    }
  });

  it("rejects a tranches value that is not a list of {date, mw}", () => {
    for (const raw of ["2025-01-01", 5, { date: "2025-01-01", mw: 1 }, []]) {
      const ps = problems({ ratePerKWMonth: 1, termMonths: 1, tranches: raw });
      expect(ps.some((p) => p.term.startsWith("tranches") && p.kind === "value")).toBe(true);
    }
    const bad = problems({
      ratePerKWMonth: 1,
      termMonths: 1,
      tranches: [{ date: "2025-01-01", mw: 1 }, "x", { date: "soon", mw: 1 }, { date: "2025-01-01", mw: 0 }],
    });
    const terms = bad.map((p) => p.term);
    expect(terms).toEqual(expect.arrayContaining(["tranches[1]", "tranches[2].date", "tranches[3].mw"]));
    expect(bad.find((p) => p.term === "tranches[3].mw")?.kind).toBe("num");
  });
});

describe("out-of-range numbers are `num` problems naming what was expected", () => {
  it.each<[string, unknown, RegExp]>([
    ["capacityMW", 0, /> 0/],
    ["capacityMW", -5, /> 0/],
    ["ratePerKWMonth", -0.01, />= 0/],
    ["termMonths", 0, />= 1/],
    ["termMonths", 12.5, /whole/],
    ["escalator", -1, /> -1/],
    ["escalator", -1.5, /> -1/],
    ["prepayment", -1, />= 0/],
    ["prepayment", 100.001, /cents/],
    ["creditMonths", 0, />= 1/],
    ["creditMonths", 6.5, /whole/],
    ["opexPerMWMonth", -1, />= 0/],
    ["discountRate", -1, /> -1/],
  ])("%s = %p", (key, raw, expected) => {
    const p = problemFor(with_({ [key]: raw }), key);
    expect(p.kind).toBe("num");
    expect(p.message).toContain(key);
    expect(p.message).toMatch(expected);
    expect(p.message).toContain(String(raw));
  });

  it.each<[unknown, RegExp]>([
    [0, /> 0/],
    [-0.1, /> 0/],
    [1.01, /<= 1|at most 1/],
  ])("creditPercent = %p is outside (0, 1]", (raw, expected) => {
    const p = problemFor(with_({ creditMethod: "percent-of-fee", creditPercent: raw }), "creditPercent");
    expect(p.kind).toBe("num");
    expect(p.message).toMatch(expected);
  });

  it("says what was expected, as in `termMonths must be a whole number of months >= 1, got 12.5`", () => {
    expect(problemFor(with_({ termMonths: 12.5 }), "termMonths").message).toBe(
      "termMonths must be a whole number of months >= 1, got 12.5",
    );
  });

  it("accepts the edges of each range", () => {
    const t = ok(
      with_({
        ratePerKWMonth: 0,
        escalator: -0.99,
        prepayment: 0.01,
        creditMethod: "percent-of-fee",
        creditPercent: 1,
        opexPerMWMonth: 0,
        discountRate: -0.99,
      }),
    );
    expect(t.creditPercent?.toString()).toBe("1");
    expect(money(t.prepayment)).toBe("0.01");
    expect(ok(with_({ capacityMW: 0.001, termMonths: 1, creditMonths: 1 })).creditMonths).toBe(1);
  });
});

describe("unknown keys", () => {
  it("rejects a typo and suggests the right key", () => {
    const p = problemFor({ ...VALID, capacityMw: 10 }, "capacityMw");
    expect(p.message).toContain("capacityMw");
    expect(p.message).toContain('"capacityMW"');
    const q = problemFor({ ...VALID, RatePerKwMonth: 5 }, "RatePerKwMonth");
    expect(q.message).toContain("ratePerKWMonth");
  });

  it("names the real terms for a key it cannot place", () => {
    const p = problemFor(with_({ termMonth: 5 }), "termMonth");
    expect(p.message).toContain("termMonths");
  });

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty", "prototype"])("rejects the key %s", (key) => {
    const input = JSON.parse(`{"capacityMW":10,"ratePerKWMonth":120,"termMonths":12,"startDate":"2025-01-01",
      ${JSON.stringify(key)}: {"ratePerKWMonth": 1}}`);
    expect(Object.keys(input)).toContain(key);
    problemFor(input, key);
    // And nothing leaked onto Object.prototype.
    expect(({} as Record<string, unknown>).ratePerKWMonth).toBeUndefined();
  });

  it("rejects an unknown field in a tranche", () => {
    const ps = problems({ ratePerKWMonth: 1, termMonths: 1, tranches: [{ date: "2025-01-01", mw: 1, MW: 2 }] });
    expect(ps.some((p) => p.term.startsWith("tranches[0]") && p.message.includes("MW"))).toBe(true);
  });
});

describe("consistency between terms", () => {
  const tranches = [
    { date: "2025-06-01", mw: 2 },
    { date: "2025-01-01", mw: 1 },
  ];

  it("rejects capacityMW that disagrees with the tranches' sum", () => {
    const p = problemFor({ ratePerKWMonth: 1, termMonths: 12, capacityMW: 4, tranches }, "capacityMW");
    expect(p.message).toContain("3");
    expect(ok({ ratePerKWMonth: 1, termMonths: 12, capacityMW: 3, tranches }).capacityMW.toString()).toBe("3");
  });

  it("compares capacityMW with the sum exactly, not in floating point (0.1 + 0.2 = 0.3)", () => {
    const t = ok({
      ratePerKWMonth: 1,
      termMonths: 12,
      capacityMW: 0.3,
      tranches: [
        { date: "2025-01-01", mw: 0.1 },
        { date: "2025-02-01", mw: 0.2 },
      ],
    });
    expect(t.capacityMW.toString()).toBe("0.3");
  });

  it("requires startDate, when given with tranches, to be the earliest tranche date", () => {
    expect(ok({ ratePerKWMonth: 1, termMonths: 12, startDate: "2025-01-01", tranches }).tranches).toHaveLength(2);
    const p = problemFor({ ratePerKWMonth: 1, termMonths: 12, startDate: "2025-06-01", tranches }, "startDate");
    expect(p.message).toContain("2025-01-01");
    // Same month is not enough: it must be that date.
    problemFor({ ratePerKWMonth: 1, termMonths: 12, startDate: "2025-01-02", tranches }, "startDate");
  });

  it("rejects a prepayment date after the last billing month", () => {
    // Single tranche Jan 2025 + 12 months: last billing month Dec 2025.
    expect(iso(ok(with_({ prepayment: 1, prepaymentDate: "2025-12-31" })).prepaymentDate)).toBe("2025-12-31");
    const p = problemFor(with_({ prepayment: 1, prepaymentDate: "2026-01-01" }), "prepaymentDate");
    expect(p.message).toContain("prepaymentDate");
    // Ramp: the later tranche (Jun 2025) bills to May 2026.
    const ramp = { ratePerKWMonth: 1, termMonths: 12, prepayment: 1, tranches };
    ok({ ...ramp, prepaymentDate: "2026-05-31" });
    problemFor({ ...ramp, prepaymentDate: "2026-06-01" }, "prepaymentDate");
  });

  it("accepts a prepayment date long before billing", () => {
    ok(with_({ prepayment: 1, prepaymentDate: "2020-02-29" }));
  });
});

describe("the credit term the method does not use is ignored", () => {
  it("ignores creditPercent under straight-line, even when invalid", () => {
    for (const creditPercent of [0.5, 7, "abc", -1, { x: 1 }]) {
      const t = ok(with_({ creditMethod: "straight-line", creditPercent }));
      expect(t.creditPercent).toBeNull();
      expect(ok(with_({ creditPercent })).creditMethod).toBe("straight-line");
    }
  });

  it("ignores creditMonths under percent-of-fee, even when invalid", () => {
    for (const creditMonths of [6, 0, 2.5, "abc", [1]]) {
      const t = ok(with_({ creditMethod: "percent-of-fee", creditPercent: 0.5, creditMonths }));
      expect(t.creditMonths).toBeNull();
      expect(t.creditPercent?.toString()).toBe("0.5");
    }
  });

  it("defaults creditMonths to termMonths under straight-line", () => {
    expect(ok(with_({ termMonths: 144 })).creditMonths).toBe(144);
    expect(ok(with_({ creditMonths: 60 })).creditMonths).toBe(60);
  });
});

describe("several problems are reported together", () => {
  it("lists each bad term once, each naming its term", () => {
    const ps = problems({
      capacityMW: -1,
      ratePerKWMonth: "x",
      termMonths: 0,
      startDate: "someday",
      escalator: -2,
      capacityMw: 3,
    });
    const terms = ps.map((p) => p.term).sort();
    expect(terms).toEqual(["capacityMW", "capacityMw", "escalator", "ratePerKWMonth", "startDate", "termMonths"]);
    for (const p of ps) {
      expect(p.message).toContain(p.term);
      expect(p.message.length).toBeGreaterThan(p.term.length + 10);
    }
    const r = validateDeal({ capacityMW: -1, ratePerKWMonth: "x" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toContain("capacityMW");
      expect(r.error.message).toContain("ratePerKWMonth");
    }
  });
});

describe("dates: Excel mode and ISO mode", () => {
  const excel: ValidateOptions = { dates: "excel" };

  it("reads Excel serials as dates in Excel mode (45658 = 2025-01-01)", () => {
    const t = ok(with_({ startDate: 45658, prepaymentDate: 45474, prepayment: 100 }), excel);
    expect(iso(t.startDate)).toBe("2025-01-01");
    expect(iso(t.prepaymentDate)).toBe("2024-07-01");
    // A date-time serial: its date part.
    expect(iso(ok(with_({ startDate: 45658.75 }), excel).startDate)).toBe("2025-01-01");
  });

  it("reads tranche dates as serials in Excel mode", () => {
    const t = ok({ ratePerKWMonth: 1, termMonths: 1, tranches: [{ date: 45689, mw: 1 }] }, excel);
    expect(iso(t.startDate)).toBe("2025-02-01");
  });

  it("accepts ISO text in Excel mode too", () => {
    expect(iso(ok(VALID, excel).startDate)).toBe("2025-01-01");
  });

  it("rejects Excel's phantom 1900-02-29 (serial 60) and serials outside 1..2958465", () => {
    for (const serial of [60, 0, -1, 2958466]) {
      expect(problemFor(with_({ startDate: serial }), "startDate", excel).kind).toBe("value");
    }
  });

  it("rejects numbers as dates in ISO mode", () => {
    const p = problemFor(with_({ startDate: 45658 }), "startDate");
    expect(p.kind).toBe("value");
    expect(p.message).toContain("startDate");
    expect(p.message).toContain("45658");
    problemFor({ ratePerKWMonth: 1, termMonths: 1, tranches: [{ date: 45658, mw: 1 }] }, "tranches[0].date");
  });

  it("rejects impossible ISO dates in either mode", () => {
    for (const options of [undefined, excel]) {
      problemFor(with_({ startDate: "2025-02-29" }), "startDate", options);
      problemFor(with_({ startDate: "2025-1-1" }), "startDate", options);
    }
    expect(iso(ok(with_({ startDate: "2024-02-29" })).startDate)).toBe("2024-02-29");
  });
});

describe("limits (limits.ts)", () => {
  it("caps termMonths at LIMITS.maxTermMonths", () => {
    expect(ok(with_({ termMonths: LIMITS.maxTermMonths })).termMonths).toBe(LIMITS.maxTermMonths);
    expect(problemFor(with_({ termMonths: LIMITS.maxTermMonths + 1 }), "termMonths").kind).toBe("num");
  });

  it("caps the number of tranches at LIMITS.maxTranches", () => {
    const tranches = (n: number) => Array.from({ length: n }, () => ({ date: "2025-01-01", mw: 1 }));
    expect(ok({ ratePerKWMonth: 1, termMonths: 1, tranches: tranches(LIMITS.maxTranches) }).tranches).toHaveLength(
      LIMITS.maxTranches,
    );
    const ps = problems({ ratePerKWMonth: 1, termMonths: 1, tranches: tranches(LIMITS.maxTranches + 1) });
    expect(ps.some((p) => p.term === "tranches" && p.kind === "num")).toBe(true);
  });

  it("caps the schedule at LIMITS.maxScheduleMonths rows", () => {
    const span = LIMITS.maxScheduleMonths;
    // Two tranches (span − 1000) months apart, each billing 1,000 months: exactly `span` rows.
    const later = (months: number) => {
      const y = 2000 + Math.floor(months / 12);
      return `${y}-${String((months % 12) + 1).padStart(2, "0")}-01`;
    };
    const deal = (gap: number) => ({
      ratePerKWMonth: 1,
      termMonths: 1000,
      tranches: [
        { date: "2000-01-01", mw: 1 },
        { date: later(gap), mw: 1 },
      ],
    });
    ok(deal(span - 1000));
    expect(problems(deal(span - 999)).length).toBeGreaterThan(0);
    // The same through an early prepayment.
    const early = with_({ prepayment: 1, prepaymentDate: "1900-01-01", startDate: "2100-01-01" });
    expect(problems(early).length).toBeGreaterThan(0);
  });

  it("caps text terms at LIMITS.maxTextLength characters", () => {
    expect(ok(with_({ name: "n".repeat(LIMITS.maxTextLength) })).name).toHaveLength(LIMITS.maxTextLength);
    const p = problemFor(with_({ tenant: "t".repeat(LIMITS.maxTextLength + 1) }), "tenant");
    expect(p.kind).toBe("num");
  });

  it("caps money at LIMITS.maxAmount", () => {
    expect(ok(with_({ prepayment: LIMITS.maxAmount })).prepayment.toNumber()).toBe(LIMITS.maxAmount);
    expect(problemFor(with_({ prepayment: LIMITS.maxAmount * 10 }), "prepayment").kind).toBe("num");
    expect(problemFor(with_({ opexPerMWMonth: LIMITS.maxAmount * 10 }), "opexPerMWMonth").kind).toBe("num");
  });
});

describe("validateDeal never throws", () => {
  const throwing = () => {
    throw new Error("boom");
  };
  const sparse = (item: unknown) => {
    const list: unknown[] = new Array(3);
    list[2] = item;
    return list;
  };
  const hostile: [string, () => unknown][] = [
    ["undefined", () => undefined],
    ["null", () => null],
    ["a number", () => 42],
    ["a string", () => "capacityMW=10"],
    ["a huge string", () => "x".repeat(5_000_000)],
    ["an array", () => [VALID]],
    ["a function", () => () => VALID],
    ["a symbol", () => Symbol("deal")],
    ["a bigint", () => BigInt(10)],
    ["a Date", () => new Date()],
    ["a Map", () => new Map(Object.entries(VALID))],
    ["a throwing getter", () => Object.defineProperty({ ...VALID }, "termMonths", { get: throwing, enumerable: true })],
    [
      "a getter throwing a non-Error without toString",
      () =>
        Object.defineProperty({ ...VALID }, "termMonths", {
          get() {
            throw Object.create(null);
          },
          enumerable: true,
        }),
    ],
    [
      "a value whose toString and valueOf throw",
      () => with_({ ratePerKWMonth: { toString: throwing, valueOf: throwing, [Symbol.toPrimitive]: throwing } }),
    ],
    ["a Proxy whose traps throw", () => new Proxy({}, { get: throwing, ownKeys: throwing, has: throwing })],
    ["a Proxy whose get throws", () => new Proxy({ ...VALID }, { get: throwing })],
    [
      "a revoked Proxy",
      () => {
        const r = Proxy.revocable({ ...VALID }, {});
        r.revoke();
        return r.proxy;
      },
    ],
    [
      "a Proxy as a tranche",
      () => ({ ratePerKWMonth: 1, termMonths: 1, tranches: [new Proxy({}, { get: throwing })] }),
    ],
    ["a huge tranches list", () => ({ ratePerKWMonth: 1, termMonths: 1, tranches: new Array(1_000_000) })],
    ["a sparse tranches list", () => ({ ratePerKWMonth: 1, termMonths: 1, tranches: sparse({ date: "2025-01-01" }) })],
    ["a tranches list of holes", () => ({ ratePerKWMonth: 1, termMonths: 1, tranches: new Array(3) })],
    ["huge number text", () => with_({ ratePerKWMonth: "9".repeat(100_000) })],
    ["huge date text", () => with_({ startDate: "2".repeat(100_000) })],
    ["a huge unknown key", () => ({ ...VALID, ["k".repeat(100_000)]: 1 })],
    ["many unknown keys", () => Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]))],
    ["symbol keys", () => ({ ...VALID, [Symbol("x")]: 1 })],
    ["nested garbage", () => with_({ tranches: [[[{ date: [] }]]], creditMethod: { toString: throwing } })],
  ];

  it.each(hostile)("%s", (_label, make) => {
    const input = make();
    let result: ReturnType<typeof validateDeal> | undefined;
    expect(() => {
      result = validateDeal(input);
    }).not.toThrow();
    expect(() => validateDeal(input, { dates: "excel" })).not.toThrow();
    if (result && !result.ok) {
      expect(result.error.problems.length).toBeGreaterThan(0);
      for (const p of result.error.problems) {
        expect(p.message.length).toBeGreaterThan(0);
        expect(p.message.length).toBeLessThan(1000);
      }
    }
  });

  it("accepts a null-prototype object (as a parser may make)", () => {
    const input = Object.assign(Object.create(null), VALID);
    expect(validateDeal(input).ok).toBe(true);
  });

  it("never fails without saying why: inherited terms", () => {
    // Terms found only on the prototype are not the deal's own: either read them or
    // report a problem, but an error with no problem in it helps no one.
    const input = Object.assign(Object.create({ ratePerKWMonth: 120, termMonths: 12 }), {
      capacityMW: 10,
      startDate: "2025-01-01",
    });
    const r = validateDeal(input);
    if (!r.ok) expect(r.error.problems.length).toBeGreaterThan(0);
  });

  it("never fails without saying why: a getter that answers differently each time", () => {
    let reads = 0;
    const input = Object.defineProperty({ capacityMW: 10, termMonths: 12, startDate: "2025-01-01" }, "ratePerKWMonth", {
      get: () => (reads++ === 0 ? null : 120),
      enumerable: true,
    });
    const r = validateDeal(input);
    if (!r.ok) expect(r.error.problems.length).toBeGreaterThan(0);
  });
});
