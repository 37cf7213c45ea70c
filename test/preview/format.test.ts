import { editText, formatValue } from "../../preview/format";
import { parseEntry } from "../../preview/parseInput";

describe("formatValue: the plan's number formats, as Excel shows them", () => {
  it.each<[number | string | boolean | null, string | undefined, string]>([
    [45658, "yyyy-mm-dd", "2025-01-01"],
    [45474, "yyyy-mm-dd", "2024-07-01"],
    [45474, "yyyy-mm", "2024-07"],
    [3500064000, "$#,##0.00", "$3,500,064,000.00"],
    [-1234.5, "$#,##0.00", "-$1,234.50"],
    [-0.001, "$#,##0.00", "$0.00"],
    [0.005, "$#,##0.00", "$0.01"],
    [1.005, "#,##0.00", "1.01"],
    [121.53, "$#,##0.00##", "$121.53"],
    [121.534567, "$#,##0.00##", "$121.5346"],
    [80, "#,##0.0##", "80.0"],
    [80.12345, "#,##0.0##", "80.123"],
    [1234.5, "#,##0.0##", "1,234.5"],
    [0.1, "0.00%", "10.00%"],
    [0.035, "0.00%", "3.50%"],
    [144, "0", "144"],
    [143.5, "0", "144"],
    [300000000, '$#,##0,,"M"', "$300M"],
    [24306000, '$#,##0,,"M"', "$24M"],
    ["2025-01-01", "@", "2025-01-01"],
    ["CoreWeave", "$#,##0.00", "CoreWeave"],
    [12.5, "@", "12.5"],
    [0.1 + 0.2, undefined, "0.3"],
    [42, undefined, "42"],
    [true, undefined, "TRUE"],
    [null, "$#,##0.00", ""],
  ])("%p in %p is %p", (value, format, shown) => expect(formatValue(value, format)).toBe(shown));
});

describe("editText: what an input cell's editor starts with", () => {
  it.each<[number | string | null, string | undefined, string]>([
    [45658, "yyyy-mm-dd", "2025-01-01"],
    [0.1, "0.00%", "10%"],
    [0.035, "0.00%", "3.5%"],
    [121.53, "$#,##0.00##", "121.53"],
    ["percent-of-fee", "@", "percent-of-fee"],
    [null, "#,##0.0##", ""],
  ])("%p in %p edits as %p", (value, format, text) => expect(editText(value, format)).toBe(text));
});

describe("parseEntry: a typed entry, as Excel reads it into a cell of that format", () => {
  it.each<[string, string | undefined, ReturnType<typeof parseEntry>]>([
    ["", "#,##0.0##", { kind: "empty" }],
    ["  ", "@", { kind: "empty" }],
    ["100", "#,##0.0##", { kind: "number", value: 100 }],
    ["1,234.5", "#,##0.0##", { kind: "number", value: 1234.5 }],
    ["$121.53", "$#,##0.00##", { kind: "number", value: 121.53 }],
    ["8%", "0.00%", { kind: "number", value: 0.08 }],
    ["3.5%", "0.00%", { kind: "number", value: 0.035 }],
    ["0.1", "0.00%", { kind: "number", value: 0.1 }],
    ["2025-01-01", "yyyy-mm-dd", { kind: "number", value: 45658 }],
    ["2025-02-30", "yyyy-mm-dd", { kind: "text", value: "2025-02-30" }],
    ["2025-01-01", "@", { kind: "text", value: "2025-01-01" }],
    ["=80+20", "#,##0.0##", { kind: "formula", value: "=80+20" }],
    ["=x", "@", { kind: "text", value: "=x" }],
    ["abc", "#,##0.0##", { kind: "text", value: "abc" }],
    ["1,23", "#,##0.0##", { kind: "text", value: "1,23" }],
    ["TRUE", undefined, { kind: "boolean", value: true }],
  ])("%p in %p", (typed, format, entry) => expect(parseEntry(typed, format)).toEqual(entry));
});
