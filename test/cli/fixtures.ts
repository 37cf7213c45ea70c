/** The portfolio tests' deals (test/cli): a plain deal, and a ramp of two tranches to pair it with. */
export const ALPHA = {
  name: "Alpha",
  capacityMW: 100,
  ratePerKWMonth: 120,
  termMonths: 24,
  startDate: "2025-01-01",
  prepayment: 1200000,
  prepaymentDate: "2024-10-01",
};

export const RAMP_TRANCHES = [
  { date: "2025-06-15", mw: 50 },
  { date: "2025-09-01", mw: 30 },
];
