import {
  FIGURES,
  SCHEDULE_COLUMNS,
  figureText,
  formatIsoDate,
  money,
  type MiningSummary,
  type Schedule,
  type Summary,
} from "../core";
import { miningSummaryJson } from "./mining";

export const SCHEDULE_CSV_HEADER = SCHEDULE_COLUMNS.map((c) => c.csv).join(",");

/**
 * The schedule as CSV: ISO dates, money with two decimals, no thousands
 * separators; the rate exact (as Excel gets it), not rounded to cents.
 */
export function scheduleCsv(schedule: Pick<Schedule, "rows">): string {
  const lines = [SCHEDULE_CSV_HEADER];
  for (const r of schedule.rows) {
    lines.push(
      SCHEDULE_COLUMNS.map((c) => {
        switch (c.key) {
          case "date":
            return formatIsoDate(r.date);
          case "billedMW":
          case "rate":
            return r[c.key].toString();
          default:
            return money(r[c.key]);
        }
      }).join(","),
    );
  }
  return lines.join("\n") + "\n";
}

/**
 * The summary with money as decimal strings in cents (nothing lost to
 * floating point), dates ISO, the IRR as a decimal fraction. A figure with no
 * value is null, except `npv`, which is left out without a discount rate (as
 * it always was).
 */
export function summaryJson(summary: Summary, mining: MiningSummary | null = null): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const f of FIGURES) {
    const value = f.value(summary);
    if (f.key === "npv" && value === null) continue;
    out[f.key] = figureText(f, value);
  }
  // A deal with a mining block: the comparison's figures after the deal's (analysis.md §8).
  return mining === null ? out : { ...out, ...miningSummaryJson(mining) };
}
