/**
 * The layout problems of the functions' ranges are data: a catalogue code, the path of the
 * argument or term, the parameters (the messages themselves are checked in errors.test.ts).
 */
import { MESSAGES } from "../../src/core/messages";
import { readLabelRows, readTableRange, readTermsRange, CAPEX_ARGUMENT } from "../../src/functions/ranges";

const MW = ["Capacity (MW)", 100];

function shape(problems: readonly { code: string; path: readonly (string | number)[]; params: object }[]) {
  return problems.map((p) => ({ code: p.code, path: p.path, params: p.params }));
}

describe("range layout problems", () => {
  it("the terms range: missing, wrong width, and each kind of bad row", () => {
    expect(shape(readTermsRange(undefined).problems)).toEqual([
      { code: "required", path: ["terms"], params: { expected: expect.stringContaining("two-column") } },
    ]);
    expect(shape(readTermsRange([MW.concat("x")]).problems)).toEqual([
      { code: "range-width", path: ["terms"], params: { width: 3, first: "labels", second: "values" } },
    ]);
    const rows = [
      MW,
      [null, 5],
      [42, 5],
      ["Capacity (kW)", 1],
      ["Tranches", "x"],
      MW,
      ["Rate ($/kW-month)", { code: "#N/A" }],
    ];
    expect(shape(readTermsRange(rows).problems).map((p) => [p.code, p.path, p.params])).toEqual([
      ["value-without-label", ["terms"], { row: 2, got: "5" }],
      ["label-not-text", ["terms"], { row: 3, noun: "term", example: "Capacity (MW)", got: "42" }],
      ["unknown-label", ["terms"], expect.objectContaining({ noun: "term", got: '"Capacity (kW)"', row: 4 })],
      ["table-in-terms", ["tranches"], { range: "terms", row: 5, columns: "dates and MW" }],
      ["given-twice", ["capacityMW"], { place: "the terms", first: 1, second: 6 }],
      ["excel-error", ["ratePerKWMonth"], { error: "#N/A", expected: expect.any(String) }],
    ]);
  });

  it("a table range: wrong width and an Excel error in a cell", () => {
    expect(shape(readTableRange([[1, 2, 3]], CAPEX_ARGUMENT).problems)).toEqual([
      { code: "range-width", path: ["capex"], params: { width: 3, first: "dates", second: "amount" } },
    ]);
    expect(shape(readTableRange([[45000, { code: "#DIV/0!" }]]).problems)).toEqual([
      { code: "table-cell-error", path: ["tranches"], params: { row: 1, column: "MW", error: "#DIV/0!" } },
    ]);
  });

  it("a key's path given as dotted text (the older form) is a path of its segments", () => {
    const spec = {
      name: "mining",
      noun: "mining term",
      example: "Uptime",
      within: "the mining range",
      labels: "Uptime",
      keyOf: (label: string) => (label === "Uptime" ? "uptime" : undefined),
      path: (key: string) => `mining.${key}`,
    };
    const { problems } = readLabelRows(
      [
        ["Uptime", 0.9],
        ["Uptime", 0.8],
      ],
      spec,
    );
    expect(shape(problems)).toEqual([
      { code: "given-twice", path: ["mining", "uptime"], params: { place: "the mining range", first: 1, second: 2 } },
    ]);
    expect(problems[0].message).toBe("mining.uptime is given twice in the mining range (rows 1 and 2)");
  });

  it("every layout code is worded by the catalogue, none by free text", () => {
    for (const code of ["range-width", "value-without-label", "label-not-text", "unknown-label", "table-in-terms"]) {
      expect(MESSAGES).toHaveProperty([code]);
    }
    const all = [readTermsRange([[42, 5]]), readTableRange([[1, 2, 3]])].flatMap((r) => r.problems);
    expect(all.map((p) => p.code)).not.toContain("argument");
  });
});
