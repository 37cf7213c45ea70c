import {
  MINING_COLUMNS,
  MINING_FIGURES,
  figureText,
  formatIsoDate,
  money,
  type MiningSchedule,
  type MiningSummary,
} from "../core";

export const MINING_CSV_HEADER = MINING_COLUMNS.map((c) => c.csv).join(",");

/**
 * The monthly mining comparison as CSV (`hpc-deal mining`): ISO dates,
 * hashprice and hashrate as exact decimals (40 significant digits), money
 * with two decimals.
 */
export function miningCsv(ms: MiningSchedule): string {
  const lines = [MINING_CSV_HEADER];
  for (const r of ms.rows) {
    lines.push(
      MINING_COLUMNS.map((c) => {
        switch (c.key) {
          case "date":
            return formatIsoDate(r.date);
          case "hashprice":
          case "hashrate":
            return r[c.key].toString();
          default:
            return money(r[c.key]);
        }
      }).join(","),
    );
  }
  return lines.join("\n") + "\n";
}

/** The comparison's figures as decimal strings: money in cents, the breakeven hashprice to the cent. */
export function miningSummaryJson(summary: MiningSummary): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const f of MINING_FIGURES) out[f.key] = figureText(f, f.value(summary));
  return out;
}
