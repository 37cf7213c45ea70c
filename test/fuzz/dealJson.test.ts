import fc from "fast-check";
import { LIMITS, MAX_DEAL_JSON_DEPTH, parseDealJson, utf8Length, validateDeal, type Problem } from "../../src/core";
import { WORKED_CHECK_FILE } from "../support/deals";
import { Counter, HOSTILE_KEYS, expectNoPollution, fuzz, runs } from "./support";

const WORKED = JSON.stringify({ ...WORKED_CHECK_FILE, tranches: [{ date: "2025-01-01", mw: 200 }] }, null, 2);

function problemsOf(text: string): readonly Problem[] {
  const r = parseDealJson(text);
  if (r.ok) throw new Error(`expected a refusal of ${text.slice(0, 80)}`);
  return r.error.problems;
}

function valueOf(text: string): unknown {
  const r = parseDealJson(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** A refusal is a list of problems, each naming a term and saying what is wrong. */
function expectCleanRefusal(problems: readonly Problem[]): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) {
    // The term may be "" (validateDeal names an unknown key "" by itself); the message never is.
    expect(typeof p.term).toBe("string");
    expect(typeof p.message).toBe("string");
    expect(p.message.length).toBeGreaterThan(0);
    expect(["value", "num"]).toContain(p.kind);
  }
}

describe("parseDealJson", () => {
  it("reads a deal file as JSON.parse does, and it validates", () => {
    expect(valueOf(WORKED)).toEqual(JSON.parse(WORKED));
    expect(validateDeal(valueOf(WORKED)).ok).toBe(true);
  });

  it("strips a byte-order mark", () => {
    expect(valueOf("\uFEFF" + WORKED)).toEqual(JSON.parse(WORKED));
  });

  it("refuses a file over the size limit, counting UTF-8 bytes, and says the limit", () => {
    const max = LIMITS.maxDealFileBytes;
    const ascii = `{"name": "${"x".repeat(max - 12)}"}`;
    expect(utf8Length(ascii)).toBe(max);
    expect(parseDealJson(ascii).ok).toBe(true);
    const [big] = problemsOf(`{"name": "${"x".repeat(max)}"}`);
    expect(big).toMatchObject({ term: "deal", kind: "value" });
    expect(big.message).toContain("1,000,000 bytes");
    // Fewer UTF-16 units than the limit, more bytes: "é" is 2 bytes, "€" 3, "😀" 4.
    expect(utf8Length("é€😀")).toBe(9);
    expect(problemsOf(`{"name": "${"é".repeat(max / 2)}"}`)[0].message).toContain("1,000,000 bytes");
  });

  it("refuses invalid JSON with its line and column", () => {
    const [p] = problemsOf('{\n  "capacityMW": 200,\n  "termMonths": 144,\n}');
    expect(p).toMatchObject({ term: "deal", kind: "value" });
    expect(p.message).toBe(
      'the deal file is not valid JSON: expected a key in double quotes, found "}" at line 4, column 1',
    );
    expect(problemsOf("")[0].message).toContain("empty");
    expect(problemsOf("{} x")[0].message).toContain("after the end");
    expect(problemsOf('{"a": 01}')[0].message).toContain("line 1");
    expect(problemsOf('{"a": "\n"}')[0].message).toContain("control character");
    expect(problemsOf('{"a": "\\x"}')[0].message).toContain("invalid escape");
    expect(problemsOf('{"a": tru}')[0].message).toContain("expected a value");
    expect(problemsOf('{"a": [1, 2}')[0].message).toContain('expected "," or "]"');
    expect(problemsOf('{"a" 1}')[0].message).toContain('expected ":"');
    expect(problemsOf('{"a": "open')[0].message).toContain("never closed");
  });

  it(`refuses nesting deeper than ${MAX_DEAL_JSON_DEPTH}`, () => {
    const nest = (n: number) => "[".repeat(n) + "]".repeat(n);
    expect(parseDealJson(nest(MAX_DEAL_JSON_DEPTH)).ok).toBe(true);
    const [p] = problemsOf(nest(MAX_DEAL_JSON_DEPTH + 1));
    expect(p.term).toBe("deal");
    expect(p.message).toContain(`more than ${MAX_DEAL_JSON_DEPTH} deep`);
  });

  it("refuses a key given twice, naming it and its path", () => {
    const [p] = problemsOf('{"capacityMW": 200, "ratePerKWMonth": 1, "capacityMW": 100}');
    expect(p).toMatchObject({ term: "capacityMW", kind: "value" });
    expect(p.message).toBe(
      "capacityMW is given twice in the deal file (again at line 1, column 42): each key may appear once, so that the file means one thing",
    );
    const nested = problemsOf('{"tranches": [{"date": "2025-01-01", "mw": 1}, {"mw": 2, "mw": 3}]}');
    expect(nested.map((q) => q.term)).toEqual(["tranches[1].mw"]);
    // Keys compare as decoded text.
    expect(problemsOf('{"a": 1, "\\u0061": 2}').map((q) => q.term)).toEqual(["a"]);
    expect(problemsOf('{"a b": {"": 1, "": 2}}').map((q) => q.term)).toEqual(['["a b"][""]']);
    // Every duplicate at once; the same key in different objects is fine.
    expect(problemsOf('{"x": 1, "x": 2, "y": 1, "y": 2}').map((q) => q.term)).toEqual(["x", "y"]);
    expect(parseDealJson('[{"a": 1}, {"a": 2}]').ok).toBe(true);
  });

  it("refuses numbers a JSON number cannot hold as written, and accepts every other spelling", () => {
    expect(problemsOf('{"capacityMW": 1e400}')[0]).toMatchObject({ term: "capacityMW" });
    expect(problemsOf('{"capacityMW": 1e400}')[0].message).toContain("too large");
    const [digits] = problemsOf('{"ratePerKWMonth": 121.530000000000000001}');
    expect(digits.message).toBe(
      'ratePerKWMonth has more digits than a JSON number holds (121.530000000000000001 would be read as 121.53): write it as text, e.g. "121.530000000000000001"',
    );
    expect(problemsOf('{"prepayment": 12345678901234567891}')[0].term).toBe("prepayment");
    expect(problemsOf('{"x": 1e-400}')[0].message).toContain("would be read as 0");
    expect(problemsOf("[1, 2, 1e999]")[0].term).toBe("[2]");
    for (const ok of [
      "0",
      "-0",
      "0.0",
      "1.50",
      "1E2",
      "1e+2",
      "100e-2",
      "-0.000e5",
      "0.1",
      "9007199254740993e-300",
      "5e-324",
    ]) {
      const parsed = parseDealJson(`{"a": ${ok}}`);
      expect([ok, parsed.ok]).toEqual([ok, ok !== "9007199254740993e-300"]);
    }
  });

  it("keeps __proto__ an own property that validateDeal reports, and pollutes nothing", () => {
    const value = valueOf('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": 1}}}') as object;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__", "constructor"]);
    const checked = validateDeal(value);
    expect(checked.ok).toBe(false);
    if (!checked.ok)
      expect(checked.error.problems.map((p) => p.term)).toEqual([
        "__proto__",
        "constructor",
        "ratePerKWMonth",
        "termMonths",
        "capacityMW",
        "startDate",
      ]);
    expectNoPollution();
  });

  it("stays linear on the largest hostile files", () => {
    const max = LIMITS.maxDealFileBytes;
    const cases = [
      "[".repeat(max),
      "{" + '"a":1,'.repeat(max / 6 - 1) + '"a":1}',
      '{"a":[' + "1,".repeat(max / 2 - 10) + "1]}",
      '"' + "\\u0041".repeat(max / 6 - 1) + '"',
      "9".repeat(max),
      " ".repeat(max - 1) + "x",
    ];
    for (const text of cases) {
      // CPU time, not wall time: a busy machine must not fail a guard against blow-ups.
      const c0 = process.cpuUsage();
      parseDealJson(text);
      const { user, system } = process.cpuUsage(c0);
      expect((user + system) / 1000).toBeLessThan(1000);
    }
  });

  it("never throws for a value that is not text", () => {
    for (const odd of [undefined, null, 1, {}, []]) {
      expect(parseDealJson(odd as unknown as string).ok).toBe(false);
    }
  });
});

/** Mutations of a valid deal file: what a hand edit, a truncation or a hostile tool makes of it. */
const mutatedDeal = fc
  .array(
    fc.oneof(
      fc.record({ op: fc.constant("delete" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 20 }) }),
      fc.record({
        op: fc.constant("insert" as const),
        at: fc.nat(),
        text: fc.string({ maxLength: 12, unit: "binary" }),
      }),
      fc.record({
        op: fc.constant("insert" as const),
        at: fc.nat(),
        text: fc.constantFrom(
          ",",
          "{",
          "}",
          "[",
          "]",
          '"',
          "\\",
          ":",
          '"__proto__": {"polluted": 1},',
          '"constructor": {"prototype": {"polluted": 1}},',
          '"capacityMW": 100,',
          "1e400",
          "12345678901234567891",
          "-0",
          "NaN",
          "\uFEFF",
          "\u2028",
          "\uD800",
        ),
      }),
      fc.record({
        op: fc.constant("value" as const),
        key: fc.constantFrom(...Object.keys(WORKED_CHECK_FILE), "tranches"),
        value: fc.jsonValue({ maxDepth: 3 }),
      }),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((ops) => {
    let text = WORKED;
    for (const m of ops) {
      if (m.op === "delete") {
        const at = m.at % (text.length + 1);
        text = text.slice(0, at) + text.slice(at + m.len);
      } else if (m.op === "insert") {
        const at = m.at % (text.length + 1);
        text = text.slice(0, at) + m.text + text.slice(at);
      } else {
        const re = new RegExp(`("${m.key}":\\s*)("[^"]*"|[^,\\n}]*|\\[[^\\]]*\\])`);
        text = text.replace(re, (_all, head: string) => head + JSON.stringify(m.value));
      }
    }
    return text;
  });

/** JSON objects built key by key, some keys repeated, some hostile. */
const objectText: fc.Arbitrary<{ text: string; duplicate: boolean }> = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...HOSTILE_KEYS, "capacityMW", "mw", "a"), fc.string({ maxLength: 6 })),
      fc.oneof(
        fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
        fc.constant('{"polluted": true}'),
      ),
    ),
    { maxLength: 8 },
  )
  .map((pairs) => {
    const keys = new Set(pairs.map(([k]) => k));
    return {
      text: "{" + pairs.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(", ") + "}",
      duplicate: keys.size !== pairs.length,
    };
  });

describe("fuzzing the deal-file reader and the validator", () => {
  /** parseDealJson then validateDeal: a value or clean problems, never an exception, never pollution. */
  function readAndValidate(text: string): void {
    const parsed = parseDealJson(text);
    if (parsed.ok) {
      const checked = validateDeal(parsed.value);
      if (!checked.ok) expectCleanRefusal(checked.error.problems);
    } else expectCleanRefusal(parsed.error.problems);
    expectNoPollution();
  }

  /** Whatever parseDealJson accepts, JSON.parse reads the same; what JSON.parse refuses, it refuses. */
  function agreesWithJsonParse(text: string): void {
    let reference: { ok: true; value: unknown } | { ok: false };
    try {
      reference = { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
    } catch {
      reference = { ok: false };
    }
    const parsed = parseDealJson(text);
    if (parsed.ok) {
      expect(reference.ok).toBe(true);
      if (reference.ok) expect(parsed.value).toEqual(reference.value);
    } else if (!reference.ok) {
      expect(parsed.error.problems[0].term).toBe("deal");
    }
  }

  it("arbitrary text", () => {
    const counter = new Counter("deal file: arbitrary text");
    fuzz(
      counter,
      runs(300),
      [fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme-ascii" }), fc.json())],
      (text) => {
        agreesWithJsonParse(text);
        readAndValidate(text);
      },
    );
  });

  it("any JSON value JSON.stringify writes is read back unchanged", () => {
    const counter = new Counter("deal file: JSON values round-trip");
    fuzz(counter, runs(300), [fc.jsonValue({ maxDepth: 6 }), fc.boolean()], (value, pretty) => {
      const text = JSON.stringify(value, null, pretty ? 2 : undefined);
      const parsed = parseDealJson(text);
      if (!parsed.ok) throw new Error(`refused ${text.slice(0, 200)}: ${parsed.error.message}`);
      expect(parsed.value).toEqual(JSON.parse(text));
      readAndValidate(text);
    });
  });

  it("mutated valid deal files", () => {
    const counter = new Counter("deal file: mutated valid deals");
    fuzz(counter, runs(300), [mutatedDeal], (text) => {
      agreesWithJsonParse(text);
      readAndValidate(text);
    });
  });

  it("duplicate and prototype-polluting keys", () => {
    const counter = new Counter("deal file: duplicate and hostile keys");
    fuzz(counter, runs(300), [objectText, fc.nat({ max: 3 })], ({ text, duplicate }, depth) => {
      const wrapped = '{"tranches": ['.repeat(depth) + text + "]}".repeat(depth);
      const parsed = parseDealJson(wrapped);
      if (duplicate) {
        expect(parsed.ok).toBe(false);
        if (!parsed.ok) expect(parsed.error.problems.some((p) => p.message.includes("given twice"))).toBe(true);
      }
      if (parsed.ok) {
        // Hostile keys stay own data properties; nothing is inherited from them.
        const value = parsed.value as Record<string, unknown>;
        expect(Object.getPrototypeOf(value)).toBe(depth === 0 ? Object.prototype : Object.prototype);
      }
      readAndValidate(wrapped);
    });
  });

  it("deep nesting, huge numbers and long strings", () => {
    const counter = new Counter("deal file: deep, huge, long");
    const arb = fc.oneof(
      fc.integer({ min: 1, max: 200 }).map((n) => '{"tranches": ' + "[".repeat(n) + "]".repeat(n) + "}"),
      fc.integer({ min: 1, max: 200 }).map((n) => '{"a":'.repeat(n) + "1" + "}".repeat(n)),
      fc
        .tuple(
          fc.constantFrom("capacityMW", "termMonths", "escalator", "prepayment"),
          fc.integer({ min: 1, max: 400 }),
          fc.boolean(),
        )
        .map(([key, digits, neg]) => `{"${key}": ${neg ? "-" : ""}${"9".repeat(digits)}e${digits}}`),
      fc
        .tuple(fc.constantFrom("name", "host", "escalator", "startDate"), fc.integer({ min: 0, max: 5000 }))
        .map(
          ([key, n]) =>
            `{"${key}": "${"x".repeat(n)}", "ratePerKWMonth": 1, "termMonths": 1, "capacityMW": 1, "startDate": "2025-01-01"}`,
        ),
      fc
        .tuple(
          fc.constantFrom("escalator", "capacityMW", "ratePerKWMonth", "discountRate", "opexPerMWMonth"),
          fc.integer({ min: -999999, max: 999999 }),
        )
        .map(
          ([key, exp]) =>
            `{"${key}": "1e${exp}", "ratePerKWMonth": 1, "termMonths": 1, "capacityMW": 1, "startDate": "2025-01-01"}`,
        ),
    );
    fuzz(counter, runs(200), [arb], (text) => {
      agreesWithJsonParse(text);
      readAndValidate(text);
    });
  });
});
