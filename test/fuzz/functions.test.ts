import "../support/customFunctionsShim";
import fc from "fast-check";
import { TERMS } from "../../src/core";
import {
  annualRevenue,
  contractValue,
  dealNpv,
  dealSummary,
  hostingCashflow,
  prepayRemaining,
} from "../../src/functions/functions";
import { CustomFunctionsError } from "../support/customFunctionsShim";
import { serial, workedCheckTerms } from "../support/deals";
import { Counter, expectNoPollution, fuzz, runs } from "./support";

/**
 * The custom functions' boundary, fed what Excel (or a hostile caller) can
 * put in a cell or a range. Every call must answer with a finite number, a
 * rectangular matrix of finite numbers and text, or one CustomFunctions.Error
 * with a message: never an exception, never NaN or Infinity.
 */

const ERROR_TEXTS = [
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#BUSY!",
  "#GETTING_DATA",
];

const number = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1e308, -1e308, 5e-324, 1e-300, 0.1 + 0.2, 1e15, 2 ** 53 + 1),
  // Excel serials around the edges: 1900-02-29 (60), 9999-12-31, beyond.
  fc.constantFrom(1, 59, 60, 61, 45658, 45474, 2958465, 2958466, 2958465.9999),
  fc.integer({ min: 1, max: 2400 }),
  fc.double({ min: 0, max: 1, noNaN: true }),
);

const numericText = fc.oneof(
  number.map(String),
  fc.constantFrom(
    "121.53",
    "3%",
    " 10 % ",
    "1e3",
    "-0",
    "1_000",
    "0x10",
    "Infinity",
    "NaN",
    "1e400",
    ".5",
    "5.",
    "+1",
    "2025-01-01",
    "9999-12-31",
    "1900-02-29",
    "straight-line",
    "percent-of-fee",
    "Percent of fee",
  ),
);

const errorValue = fc.oneof(
  fc.constantFrom(...ERROR_TEXTS),
  fc.constantFrom(...ERROR_TEXTS).map((code) => new CustomFunctionsError(code, "upstream")),
  fc.constantFrom(...ERROR_TEXTS).map((code) => ({ code })),
  fc.constantFrom(...ERROR_TEXTS).map((code) => ({ type: "Error", basicValue: code })),
);

const dataType = fc.oneof(
  number.map((basicValue) => ({ type: "Double", basicValue })),
  fc.string().map((basicValue) => ({ type: "String", basicValue })),
  fc.constant({ type: "Entity", basicValue: { nested: true } }),
  fc.constant({ code: 404 }),
  fc.constant(Object.create(null) as object),
  fc.constant([1, 2]),
);

const label = fc.oneof(
  fc.constantFrom(
    ...TERMS.map((t) => t.label),
    ...TERMS.map((t) => t.key),
    "Tranches table",
    "capacity mw",
    "CAPACITY (MW)",
  ),
  fc.string({ maxLength: 12 }),
);

const cell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: number },
  { weight: 3, arbitrary: numericText },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constantFrom(null, "", " ", undefined) },
  { weight: 2, arbitrary: errorValue },
  { weight: 1, arbitrary: dataType },
  { weight: 1, arbitrary: label },
);

/** Ranges of every shape Excel passes and some it never does. */
function rangeOf(c: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constant([]),
    fc.constant([[]]),
    c.map((v) => [[v]]),
    c, // a scalar typed in the formula
    fc.array(fc.array(c, { maxLength: 4 }), { maxLength: 6 }), // ragged
    fc.array(c, { minLength: 1, maxLength: 30 }).map((row) => [row]), // 1×N
    fc.array(c, { minLength: 1, maxLength: 30 }).map((col) => col.map((v) => [v])), // N×1
    fc.tuple(c, fc.integer({ min: 100, max: 5000 })).map(([v, n]) => [Array.from({ length: n }, () => v)]), // huge width
    fc.array(c, { maxLength: 6 }).map((list) => list.filter((v) => !Array.isArray(v))), // a flat list
    fc.array(c, { maxLength: 6 }).map((list) => list.map((v) => (Array.isArray(v) ? v : [v]))), // rows of a list of lists
  );
}

/** The worked check with a few cells replaced, rows dropped or duplicated: mostly near-valid deals. */
const nearValidTerms = fc
  .array(
    fc.oneof(
      fc.record({ row: fc.nat(20), col: fc.nat(1), value: cell }),
      fc.record({ drop: fc.nat(20) }),
      fc.record({ dup: fc.nat(20) }),
      fc.record({ row: fc.nat(20), label, value: cell }),
    ),
    { maxLength: 3 },
  )
  .map((edits) => {
    const rows = workedCheckTerms().map((r) => [...r]);
    for (const e of edits) {
      if ("drop" in e) rows.splice(e.drop % rows.length, 1);
      else if ("dup" in e) rows.push([...rows[e.dup % rows.length]]);
      else if ("label" in e) rows.push([e.label, e.value]);
      else if (rows.length > 0) rows[e.row % rows.length][e.col] = e.value;
    }
    return rows;
  });

const randomTerms = fc.array(
  fc.tuple(label, cell).map(([l, v]) => [l, v]),
  { maxLength: 18 },
);

const terms: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nearValidTerms },
  { weight: 2, arbitrary: randomTerms },
  { weight: 2, arbitrary: rangeOf(cell) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null) },
);

const trancheDate = fc.oneof(
  fc.integer({ min: serial("2024-01-01"), max: serial("2030-12-31") }),
  fc.constantFrom("2025-01-01", "2026-06-15", "Date", "Start"),
  cell,
);
const trancheMW = fc.oneof(fc.integer({ min: 1, max: 400 }), fc.constantFrom("MW", "80", 0.001), cell);

const tranches: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  {
    weight: 3,
    arbitrary: fc.array(
      fc.tuple(trancheDate, trancheMW).map(([d, m]) => [d, m]),
      { maxLength: 8 },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.array(
      fc.tuple(trancheDate, trancheMW).map(([d, m]) => [d, m]),
      { minLength: 119, maxLength: 125 },
    ),
  },
  { weight: 2, arbitrary: rangeOf(cell) },
);

const dates: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: serial("2020-01-01"), max: serial("2040-12-31") }).map((d) => [[d]]),
  rangeOf(fc.oneof(fc.integer({ min: serial("2020-01-01"), max: serial("2040-12-31") }), cell)),
);

type Answer = unknown;

/** What any HPC function may answer. Returns a description of what is wrong, or undefined. */
function checkAnswer(answer: Answer, kind: "number" | "matrix"): string | undefined {
  if (answer instanceof CustomFunctionsError) {
    if (answer.code !== "#VALUE!" && answer.code !== "#NUM!") return `error code ${answer.code}`;
    if (typeof answer.message !== "string" || answer.message.trim() === "") return "an error with no message";
    // guard() in hpc.ts turns an unexpected exception into #VALUE!: that is a bug caught, not an answer.
    if (answer.message.includes("could not be computed")) return `an internal exception: ${answer.message}`;
    return undefined;
  }
  if (kind === "number") {
    return typeof answer === "number" && Number.isFinite(answer) ? undefined : `not a finite number: ${String(answer)}`;
  }
  if (!Array.isArray(answer) || answer.length === 0) return "not a non-empty matrix";
  const width = Array.isArray(answer[0]) ? answer[0].length : -1;
  if (width < 1) return "a matrix whose first row is empty";
  for (const row of answer as unknown[]) {
    if (!Array.isArray(row)) return "a matrix row that is not a list";
    if (row.length !== width) return `rows of different widths (${width} and ${row.length})`;
    for (const v of row) {
      if (typeof v === "string") continue;
      if (typeof v === "number" && Number.isFinite(v)) continue;
      return `a matrix cell that is ${v instanceof CustomFunctionsError ? "an error" : String(v)}`;
    }
  }
  return undefined;
}

/** Calls that computed a deal (not an error): the fuzzer must reach the model, not only the checks. */
let computed = 0;

function call(name: string, fn: () => Answer, kind: "number" | "matrix"): void {
  let answer: Answer;
  try {
    answer = fn();
  } catch (e) {
    throw new Error(`${name} threw: ${e instanceof Error ? e.stack : String(e)}`, { cause: e });
  }
  const wrong = checkAnswer(answer, kind);
  if (wrong !== undefined) throw new Error(`${name}: ${wrong}`);
  if (!(answer instanceof CustomFunctionsError)) computed++;
}

describe("fuzzing the custom functions' boundary", () => {
  it("all six functions answer a number, a rectangular matrix, or one error with a message", () => {
    const counter = new Counter("functions: six HPC functions");
    fuzz(counter, runs(400), [terms, tranches, dates, fc.oneof(cell, rangeOf(cell))], (t, tr, d, rate) => {
      call("HOSTINGCASHFLOW", () => hostingCashflow(t as unknown[][], tr as unknown[][]), "matrix");
      call("CONTRACTVALUE", () => contractValue(t as unknown[][], tr as unknown[][]), "number");
      call("ANNUALREVENUE", () => annualRevenue(t as unknown[][], tr as unknown[][]), "number");
      call("DEALNPV", () => dealNpv(t as unknown[][], rate, tr as unknown[][]), "number");
      call("DEALSUMMARY", () => dealSummary(t as unknown[][], tr as unknown[][]), "matrix");
      call("PREPAYREMAINING", () => prepayRemaining(t as unknown[][], d as unknown[][], tr as unknown[][]), "matrix");
      expectNoPollution();
    });
    counter.note(`${computed} of ${counter.count * 6} calls computed a deal`);
    expect(computed).toBeGreaterThan(0);
  });

  // Found by this fuzzer: asRows once looked only at a range's first element, and a list
  // mixing rows and plain values threw inside readTranchesRange.
  it("a range mixing rows and plain values is refused with a message, not an internal exception", () => {
    const mixed = [[serial("2025-01-01"), 2], "1"];
    expect(checkAnswer(hostingCashflow(workedCheckTerms(), mixed as unknown[][]), "matrix")).toBeUndefined();
  });

  // Found by this fuzzer: a ragged date range (never from Excel, possible from another
  // host) was answered with ragged rows; a spill must be rectangular.
  it("PREPAYREMAINING answers a ragged date range with a rectangular matrix", () => {
    const answer = prepayRemaining(workedCheckTerms(), [
      [serial("2030-01-01"), serial("2031-01-01")],
      [serial("2032-01-01")],
    ]);
    expect(checkAnswer(answer, "matrix")).toBeUndefined();
  });
});
