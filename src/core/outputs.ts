import type { Summary } from "./summary";

/** The schedule's columns, as the spec names them (§4): every surface shows these headers. */
export const SCHEDULE_HEADER: readonly string[] = Object.freeze([
  "Date",
  "Billed MW",
  "Rate ($/kW-month, weighted by MW)",
  "Gross fee",
  "Credit",
  "Net fee",
  "Opex",
  "Net cash flow",
  "Prepayment remaining",
]);

/** The summary's figures in the order every surface lists them, with their labels. */
export const SUMMARY_LABELS = Object.freeze({
  contractValue: "Contract value ($)",
  averageAnnualRevenue: "Average annual revenue ($)",
  revenuePerMWYear: "Revenue per MW-year ($)",
  totalCredits: "Total credits ($)",
  uncreditedPrepayment: "Uncredited prepayment ($)",
  totalNetCash: "Total net cash ($)",
  npv: "NPV at the discount rate ($)",
  firstMonth: "First month",
  lastMonth: "Last month",
} satisfies Record<keyof Summary, string>);
