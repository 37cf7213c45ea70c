import fc from "fast-check";
import {
  PERIOD_HEADER,
  buildSchedule,
  money,
  periodLabel,
  readPeriodOptions,
  rollUp,
  runRate,
  validateDeal,
  type PeriodKind,
  type Terms,
} from "../../src/core";
import { dealArb, dealOf } from "./dealArb";
import { d, iso, monthOf, wide } from "./helpers";

function terms(deal: Record<string, unknown>): Terms {
  const r = validateDeal(deal);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const seed = {
  name: "Seed",
  capacityMW: 200,
  ratePerKWMonth: 121.53,
  termMonths: 144,
  startDate: "2025-01-01",
  prepayment: 300000000,
  prepaymentDate: "2024-07-01",
};

describe("period labels (analysis.md §6)", () => {
  const label = (isoDate: string, period: PeriodKind, fiscalYearEndMonth = 12) =>
    periodLabel(monthOf(d(isoDate)), { period, fiscalYearEndMonth });

  it("names calendar quarters and years plainly, fiscal ones with FY and the year they end in", () => {
    expect(label("2025-01-01", "month")).toBe("2025-01");
    expect(label("2025-01-01", "quarter")).toBe("Q1 2025");
    expect(label("2025-10-01", "quarter")).toBe("Q4 2025");
    expect(label("2025-01-01", "year")).toBe("2025");
    // A June year end: Q1 FY2026 is July–September 2025.
    expect(label("2025-07-01", "quarter", 6)).toBe("Q1 FY2026");
    expect(label("2025-04-01", "quarter", 6)).toBe("Q4 FY2025");
    expect(label("2025-07-01", "year", 6)).toBe("FY2026");
    // A January year end: FY2026 runs February 2025 – January 2026.
    expect(label("2025-02-01", "quarter", 1)).toBe("Q1 FY2026");
    expect(label("2025-11-01", "quarter", 1)).toBe("Q4 FY2026");
  });
});

describe("rollUp", () => {
  const schedule = buildSchedule(terms(seed));

  it("rolls the seed up by calendar quarter: partial first quarter, header as the spec's", () => {
    expect(PERIOD_HEADER).toEqual([
      "Period",
      "Start",
      "End",
      "Months",
      "Billed MW (end)",
      "Gross fee",
      "Credit",
      "Net fee",
      "Opex",
      "Net cash flow",
      "Capex",
      "Host cash flow",
      "Prepayment remaining (end)",
    ]);
    const rows = rollUp(schedule);
    expect(rows[0].period).toBe("Q3 2024");
    expect(iso(rows[0].start)).toBe("2024-07-01");
    expect(iso(rows[0].end)).toBe("2024-09-30");
    expect(rows[0].months).toBe(3);
    expect(money(rows[0].netCashFlow)).toBe("300000000.00");
    expect(money(rows[0].prepaymentRemainingEnd)).toBe("300000000.00");
    expect(rows[0].billedMWEnd.toString()).toBe("0");
    expect(rows[2].period).toBe("Q1 2025");
    expect(money(rows[2].grossFee)).toBe("72918000.00");
    expect(rows[2].billedMWEnd.toString()).toBe("200");
    expect(rows[rows.length - 1].period).toBe("Q4 2036");
  });

  it("does not clip Start and End to the schedule, and counts only its months", () => {
    const rows = rollUp(schedule, { period: "year", fiscalYearEndMonth: 9 });
    expect(rows[0].period).toBe("FY2024");
    expect(iso(rows[0].start)).toBe("2023-10-01");
    expect(iso(rows[0].end)).toBe("2024-09-30");
    expect(rows[0].months).toBe(3);
    expect(iso(rows[1].end)).toBe("2025-09-30");
  });

  it("keeps a period without billing, with zeros, and ends February on its last day", () => {
    const gap = buildSchedule(
      terms({
        ...seed,
        capacityMW: undefined,
        startDate: undefined,
        prepayment: 0,
        tranches: [
          { date: "2024-02-01", mw: 1 },
          { date: "2024-09-01", mw: 2 },
        ],
        termMonths: 2,
      }),
    );
    const rows = rollUp(gap, { period: "month", fiscalYearEndMonth: 12 });
    expect(rows.map((r) => r.period)).toEqual([
      "2024-02",
      "2024-03",
      "2024-04",
      "2024-05",
      "2024-06",
      "2024-07",
      "2024-08",
      "2024-09",
      "2024-10",
    ]);
    expect(iso(rows[0].end)).toBe("2024-02-29");
    expect(money(rows[3].grossFee)).toBe("0.00");
    expect(rows[3].billedMWEnd.toString()).toBe("0");
  });

  it("gives the run rate: 12 × the gross fee of the month holding the date, 0 outside", () => {
    expect(money(runRate(schedule, d("2025-03-17")))).toBe("291672000.00");
    expect(money(runRate(schedule, d("2024-12-31")))).toBe("0.00");
    expect(money(runRate(schedule, d("2037-01-01")))).toBe("0.00");
  });
});

describe("readPeriodOptions", () => {
  it("defaults to calendar quarters and refuses a bad period or year end, naming the term", () => {
    expect(readPeriodOptions(undefined, undefined)).toEqual({
      ok: true,
      value: { period: "quarter", fiscalYearEndMonth: 12 },
    });
    expect(readPeriodOptions("Year", 6)).toEqual({ ok: true, value: { period: "year", fiscalYearEndMonth: 6 } });
    const bad = readPeriodOptions("week", 13);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.problems.map((p) => p.term)).toEqual(["period", "fiscalYearEndMonth"]);
      expect(bad.error.problems[0].message).toBe('period must be month, quarter or year, got "week"');
      expect(bad.error.problems[1].message).toMatch(/^fiscalYearEndMonth must be a whole number from 1 to 12/);
    }
    for (const fy of [0, 6.5, "x", "1e1", -1, true]) expect(readPeriodOptions("month", fy).ok).toBe(false);
  });
});

// ---------------------------------------------------------------------------
// Properties: the periods add up to the schedule's totals, to the cent.

const optionsArb = fc.record({
  period: fc.constantFrom("month" as const, "quarter" as const, "year" as const),
  fiscalYearEndMonth: fc.integer({ min: 1, max: 12 }),
});

describe("periods: properties", () => {
  it("add up to the schedule's totals to the cent, cover every month once, and end on the last row's balances", () => {
    fc.assert(
      fc.property(dealArb, optionsArb, (shape, options) => {
        const schedule = buildSchedule(terms(dealOf(shape)));
        const rows = rollUp(schedule, options);
        const cols = ["grossFee", "credit", "netFee", "opex", "netCashFlow", "capex", "hostCashFlow"] as const;
        for (const c of cols) {
          const total = schedule.rows.reduce((s, r) => s.plus(wide(r[c])), wide(0));
          const byPeriod = rows.reduce((s, r) => s.plus(wide(r[c])), wide(0));
          expect(byPeriod.toFixed(2)).toBe(total.toFixed(2));
        }
        expect(rows.reduce((s, r) => s + r.months, 0)).toBe(schedule.rows.length);
        // Contiguous: each period starts the day after the previous one ends; months fall inside their period.
        let k = 0;
        rows.forEach((p, i) => {
          if (i > 0) expect(monthOf(p.start)).toBe(monthOf(rows[i - 1].end) + 1);
          expect(p.start.day).toBe(1);
          expect(monthOf(p.end) - monthOf(p.start) + 1).toBe(
            options.period === "month" ? 1 : options.period === "quarter" ? 3 : 12,
          );
          expect(p.months).toBeGreaterThan(0);
          for (let j = 0; j < p.months; j++, k++) {
            const m = monthOf(schedule.rows[k].date);
            expect(m >= monthOf(p.start) && m <= monthOf(p.end)).toBe(true);
          }
          const last = schedule.rows[k - 1];
          expect(p.billedMWEnd.toString()).toBe(last.billedMW.toString());
          expect(money(p.prepaymentRemainingEnd)).toBe(money(last.prepaymentRemaining));
        });
        // A fiscal year's four quarters share its label.
        if (options.period === "quarter" && options.fiscalYearEndMonth !== 12) {
          for (const p of rows) expect(p.period).toMatch(/^Q[1-4] FY\d{4}$/);
        }
      }),
      { numRuns: Number(process.env.FC_NUM_RUNS ?? 150) },
    );
  });
});
