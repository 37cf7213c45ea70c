/** Deals laid out as the task pane lays them out: labels in the first column, values in the second. */
import { parseIsoDate, toExcelSerial } from "../../src/core";

export function serial(iso: string): number {
  const date = parseIsoDate(iso);
  if (!date) throw new Error(`not a date: ${iso}`);
  return toExcelSerial(date);
}

/** The spec's worked check (§5): 200 MW from 2025-01-01, 144 months at 121.53, $300M prepaid on 2024-07-01. */
export function workedCheckTerms(): unknown[][] {
  return [
    ["Deal", "Worked check"],
    ["Capacity (MW)", 200],
    ["Rate ($/kW-month)", 121.53],
    ["Term (months)", 144],
    ["Start date", serial("2025-01-01")],
    ["Annual escalator", null],
    ["Prepayment ($)", 300000000],
    ["Prepayment date", serial("2024-07-01")],
    ["Credit method", "straight-line"],
    ["Credit months", 144],
    ["Discount rate", 0.1],
  ];
}

/** The same deal as a deal file (keys, ISO dates), for the calculation module. */
export const WORKED_CHECK_FILE = Object.freeze({
  name: "Worked check",
  capacityMW: 200,
  ratePerKWMonth: 121.53,
  termMonths: 144,
  startDate: "2025-01-01",
  prepayment: 300000000,
  prepaymentDate: "2024-07-01",
  creditMethod: "straight-line",
  creditMonths: 144,
  discountRate: 0.1,
});
