import { formatIsoDate, money, type Decimal, type Schedule, type Summary } from "../core";

export const SCHEDULE_CSV_HEADER =
  "date,billed_mw,rate_per_kw_month,gross_fee,credit,net_fee,opex,net_cash_flow,prepayment_remaining";

/** The schedule as CSV: ISO dates, money (and the rate) with two decimals, no thousands separators. */
export function scheduleCsv(schedule: Schedule): string {
  const lines = [SCHEDULE_CSV_HEADER];
  for (const r of schedule.rows) {
    lines.push(
      [
        formatIsoDate(r.date),
        r.billedMW.toString(),
        money(r.rate),
        money(r.grossFee),
        money(r.credit),
        money(r.netFee),
        money(r.opex),
        money(r.netCashFlow),
        money(r.prepaymentRemaining),
      ].join(","),
    );
  }
  return lines.join("\n") + "\n";
}

/** The summary with money as decimal strings in cents (nothing lost to floating point). */
export function summaryJson(summary: Summary): Record<string, string> {
  const out: Record<string, string> = {
    contractValue: money(summary.contractValue),
    averageAnnualRevenue: money(summary.averageAnnualRevenue),
    revenuePerMWYear: money(summary.revenuePerMWYear),
    totalCredits: money(summary.totalCredits),
    uncreditedPrepayment: money(summary.uncreditedPrepayment),
    totalNetCash: money(summary.totalNetCash),
  };
  if (summary.npv !== null) out.npv = money(summary.npv as Decimal);
  out.firstMonth = formatIsoDate(summary.firstMonth);
  out.lastMonth = formatIsoDate(summary.lastMonth);
  return out;
}
