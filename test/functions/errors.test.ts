import "../support/customFunctionsShim";
import fc from "fast-check";
import {
  annualRevenue,
  contractValue,
  dealNpv,
  dealSummary,
  hostingCashflow,
  prepayRemaining,
} from "../../src/functions/functions";
import { MAX_PROBLEMS_IN_MESSAGE } from "../../src/functions/outcome";
import { CustomFunctionsError } from "../support/customFunctionsShim";
import { serial, workedCheckTerms } from "../support/deals";

function error(result: unknown): CustomFunctionsError {
  if (!(result instanceof CustomFunctionsError)) throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  return result;
}

/** The worked check with one term's value replaced (or the row removed when value is `undefined`). */
function withTerm(label: string, value: unknown): unknown[][] {
  const terms = workedCheckTerms();
  const row = terms.find(([l]) => l === label);
  if (!row) return [...terms, [label, value]];
  if (value === undefined) return terms.filter((r) => r !== row);
  row[1] = value;
  return terms;
}

const ALL = { hostingCashflow, contractValue, annualRevenue, dealSummary };

describe("bad terms give one error naming the term, as the CLI reports it", () => {
  it.each([
    [
      "text where a number belongs",
      "Capacity (MW)",
      "lots",
      "#VALUE!",
      'capacityMW must be a number of MW > 0, got "lots"',
    ],
    ["a boolean", "Term (months)", true, "#VALUE!", "termMonths must be a whole number of months >= 1, got TRUE"],
    ["a number out of range", "Capacity (MW)", -5, "#VALUE!", "capacityMW must be a number of MW > 0, got -5"],
    ["a fraction where a whole number belongs", "Term (months)", 12.5, "#VALUE!", "termMonths must be a whole number"],
    ["a date that is not one", "Start date", "next year", "#VALUE!", "startDate must be a date"],
    ["a serial beyond 9999-12-31", "Start date", 99999999, "#VALUE!", "startDate must be a date"],
    [
      "an unknown credit method",
      "Credit method",
      "balloon",
      "#VALUE!",
      'creditMethod must be "straight-line" or "percent-of-fee"',
    ],
    ["an escalator of -100 %", "Annual escalator", -1, "#VALUE!", "escalator must be a fraction > -1"],
    ["fractional cents", "Prepayment ($)", 1.005, "#VALUE!", "prepayment must be an amount in whole cents"],
    ["a required term left out", "Rate ($/kW-month)", undefined, "#VALUE!", "ratePerKWMonth is required"],
    ["a required term left blank", "Rate ($/kW-month)", null, "#VALUE!", "ratePerKWMonth is required"],
  ])("%s", (_what, label, value, code, message) => {
    for (const [name, fn] of Object.entries(ALL)) {
      const e = error(fn(withTerm(label, value)));
      expect([name, e.code]).toEqual([name, code]);
      expect(e.message).toContain(message);
    }
    const e = error(prepayRemaining(withTerm(label, value), [[serial("2031-01-01")]]));
    expect(e.code).toBe(code);
    expect(e.message).toContain(message);
  });

  it.each([
    ["a CustomFunctions.Error", { code: "#N/A", message: "" }, "#N/A"],
    ["error text", "#REF!", "#REF!"],
    ["an Excel.ErrorCellValue", { type: "Error", basicValue: "#DIV/0!", errorType: "Div0" }, "#DIV/0!"],
  ])("an Excel error value in a cell (%s) names the term", (_what, value, shown) => {
    const e = error(contractValue(withTerm("Capacity (MW)", value)));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe(`capacityMW holds the Excel error ${shown}: it must be a number of MW > 0`);
  });

  it("a label that is not a term names the label and its row", () => {
    const e = error(contractValue(withTerm("Capacity (kW)", 200000)));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/^unknown term "Capacity \(kW\)" in terms row 12: the terms are Deal, Host, /);
  });

  it("tranches belong in the tranches argument, not in the terms", () => {
    const e = error(contractValue(withTerm("Tranches table", "see below")));
    expect(e.message).toContain("terms row 12: give the tranches as the tranches argument");
  });

  it("a term given twice, a value without a label, a label that is not text", () => {
    expect(error(contractValue([...workedCheckTerms(), ["capacity mw", 100]])).message).toBe(
      "capacityMW is given twice in the terms (rows 2 and 12)",
    );
    expect(error(contractValue([...workedCheckTerms(), [null, 5]])).message).toBe(
      "terms row 12 has a value (5) but no label",
    );
    expect(error(contractValue([...workedCheckTerms(), [42, 5]])).message).toContain(
      "terms row 12: the label must be text naming a term",
    );
    expect(error(contractValue([...workedCheckTerms(), [{ code: "#REF!" }, 5]])).message).toContain(
      "got the Excel error #REF!",
    );
  });

  it("a terms range that is not two columns, or no terms at all", () => {
    const three = workedCheckTerms().map((row) => [...row, "note"]);
    expect(error(contractValue(three)).message).toBe(
      "terms must be a two-column range (labels in the first column, values in the second), got 3 columns",
    );
    expect(error(contractValue(undefined as never)).message).toContain("terms is required");
    expect(error(contractValue([[]])).code).toBe("#VALUE!");
    expect(error(contractValue(42 as never)).message).toContain("got 1 column");
  });

  it("several problems make one #VALUE! joining their messages, numbers out of range included", () => {
    const bothNum = withTerm("Capacity (MW)", -5);
    bothNum[2][1] = -1; // rate
    const e = error(contractValue(bothNum));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe(
      "capacityMW must be a number of MW > 0, got -5; ratePerKWMonth must be a rate in $/kW-month >= 0, got -1",
    );
    const mixed = withTerm("Capacity (MW)", -5);
    mixed[2][1] = "cheap";
    expect(error(contractValue(mixed)).code).toBe("#VALUE!");
  });

  it("a flood of problems is summarized, not listed in full", () => {
    const junk = Array.from({ length: 40 }, (_, i) => [`junk ${i}`, i]);
    const e = error(contractValue(junk));
    expect(e.message?.split("; ")).toHaveLength(MAX_PROBLEMS_IN_MESSAGE + 1);
    expect(e.message).toMatch(/and \d+ more problems$/);
  });
});

describe("bad tranches name the row of the tranches range", () => {
  const ramp = workedCheckTerms().filter(([label]) => label !== "Capacity (MW)" && label !== "Start date");

  it.each([
    [
      "negative MW",
      [
        ["Date", "MW"],
        [serial("2025-01-01"), 100],
        [serial("2025-07-01"), -5],
      ],
      "#VALUE!",
      "tranches row 3 MW must be a number of MW > 0, got -5",
    ],
    [
      "a date that is not one",
      [
        [serial("2025-01-01"), 100],
        ["soon", 100],
      ],
      "#VALUE!",
      "tranches row 2 date must be a date",
    ],
    ["an Excel error", [[{ code: "#N/A" }, 100]], "#VALUE!", "tranches row 1 date holds the Excel error #N/A"],
    ["three columns", [[serial("2025-01-01"), 100, "x"]], "#VALUE!", "tranches must be a two-column range"],
  ])("%s", (_what, tranches, code, message) => {
    const e = error(contractValue(ramp, tranches));
    expect(e.code).toBe(code);
    expect(e.message).toContain(message);
  });

  it("a capacity that disagrees with the tranches names capacityMW", () => {
    const e = error(contractValue(withTerm("Start date", null), [[serial("2025-01-01"), 150]]));
    expect(e.message).toContain("capacityMW must equal the sum of the tranches (150 MW)");
  });
});

describe("bad dates and rates", () => {
  const terms = workedCheckTerms();

  it.each([
    ["missing", undefined, "#VALUE!", "date is required"],
    ["blank", [[null]], "#VALUE!", "date is required"],
    [
      "text",
      [["soon"]],
      "#VALUE!",
      'date must be a date (an Excel date or YYYY-MM-DD text) between 1900-01-01 and 9999-12-31, got "soon"',
    ],
    ["out of range", [[99999999]], "#VALUE!", "date must be a date"],
    ["the phantom 1900-02-29", [[60]], "#VALUE!", "date must be a date"],
    ["an Excel error", [[{ code: "#VALUE!" }]], "#VALUE!", "date holds the Excel error #VALUE!"],
    [
      "a boolean in a range",
      [[serial("2030-01-01")], [false]],
      "#VALUE!",
      "date (row 2, column 1 of the range) must be a date",
    ],
  ])("PREPAYREMAINING with a date %s", (_what, date, code, message) => {
    const e = error(prepayRemaining(terms, date as never));
    expect(e.code).toBe(code);
    expect(e.message).toContain(message);
  });

  it.each([
    ["text", "soon", "#VALUE!", 'rate must be an annual fraction > -1 (0.1 = 10 %), got "soon"'],
    ["at -100 %", -1, "#VALUE!", "rate must be an annual fraction > -1"],
    ["too high", 11, "#VALUE!", "rate must be at most 10"],
    ["an Excel error", { code: "#N/A" }, "#VALUE!", "rate holds the Excel error #N/A"],
    ["a boolean", true, "#VALUE!", "rate must be an annual fraction > -1 (0.1 = 10 %), got TRUE"],
  ])("DEALNPV with a rate %s", (_what, rate, code, message) => {
    const e = error(dealNpv(terms, rate));
    expect(e.code).toBe(code);
    expect(e.message).toContain(message);
  });

  it("DEALNPV without any discount rate asks for one", () => {
    const e = error(dealNpv(withTerm("Discount rate", undefined)));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("discountRate is required for the NPV");
  });
});

describe("no input makes a function throw, and a spill never holds an error value", () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.constant(""),
    fc.boolean(),
    fc.double(),
    fc.integer({ min: -1e6, max: 3e6 }),
    fc.string({ maxLength: 12 }),
    fc.constantFrom("Capacity (MW)", "Rate ($/kW-month)", "Term (months)", "Start date", "Tranches table", "#N/A"),
    fc.constant({ code: "#REF!" }),
    fc.constant({ type: "Error", basicValue: "#N/A" }),
    fc.constant(Object.create(null) as object),
  );
  const range = fc.array(fc.array(cell, { minLength: 0, maxLength: 3 }), { maxLength: 6 });

  it("returns a table of plain values or one CustomFunctions.Error, whatever the cells hold", () => {
    fc.assert(
      fc.property(range, fc.option(range, { nil: undefined }), cell, (terms, tranches, date) => {
        const results = [
          hostingCashflow(terms, tranches),
          dealSummary(terms, tranches),
          prepayRemaining(terms, [[date]], tranches),
          contractValue(terms, tranches),
          annualRevenue(terms, tranches),
          dealNpv(terms, date, tranches),
        ];
        for (const r of results) {
          if (r instanceof CustomFunctionsError) {
            // Every input problem is #VALUE!: Excel drops the message of a #NUM!.
            expect(r.code).toBe("#VALUE!");
            expect(r.message?.length).toBeGreaterThan(0);
          } else if (Array.isArray(r)) {
            for (const row of r) for (const v of row) expect(["number", "string"]).toContain(typeof v);
          } else expect(typeof r).toBe("number");
        }
      }),
      { numRuns: 300 },
    );
  });
});
