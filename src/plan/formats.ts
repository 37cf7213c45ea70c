import type { TermUnit } from "../core";

/** The number formats of the sheet, one per kind of figure. */
export const FORMATS = Object.freeze({
  date: "yyyy-mm-dd",
  /** Money in the terms and the summary. */
  usd: "$#,##0.00",
  /** Money in the schedule, where the $ would only crowd the columns. */
  money: "#,##0.00",
  mw: "#,##0.0##",
  /** A $/kW-month rate: cents, and up to four decimals when escalation makes them. */
  rate: "$#,##0.00##",
  scheduleRate: "#,##0.00##",
  percent: "0.00%",
  months: "0",
  text: "@",
  /** The chart's axes. */
  chartDate: "yyyy-mm",
  chartMoney: '$#,##0,,"M"',
});

/** The format of a term's value cell, by the unit of core's terms table. */
export function termFormat(unit: TermUnit): string | undefined {
  switch (unit) {
    case "text":
    case "choice":
      return FORMATS.text;
    case "mw":
      return FORMATS.mw;
    case "rate":
      return FORMATS.rate;
    case "months":
    case "count":
      return FORMATS.months;
    case "date":
      return FORMATS.date;
    case "usd":
      return FORMATS.usd;
    case "percent":
      return FORMATS.percent;
    case "table":
      return undefined;
  }
}

/**
 * The number format a writer sets on a plan cell. Every text value is
 * written as text ("@", set before the value): Excel reads a string starting
 * with =, +, - or @ as a formula and "2024-07" as a date, so a deal named
 * "=HYPERLINK(…)" would otherwise land as a live formula.
 */
export function cellFormat(cell: { readonly value?: unknown; readonly format?: string }): string | undefined {
  return typeof cell.value === "string" ? FORMATS.text : cell.format;
}
