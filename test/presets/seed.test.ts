import {
  computeDeal,
  monthIndex,
  money,
  parseIsoDate,
  type CalendarDate,
  type DealModel,
  type ScheduleRow,
} from "../../src/core";
import { PRESETS, SEED_PRESET_ID, getPreset } from "../../src/presets";

function date(iso: string): CalendarDate {
  const d = parseIsoDate(iso);
  if (!d) throw new Error(iso);
  return d;
}

function model(deal: unknown): DealModel {
  const result = computeDeal(deal);
  if (!result.ok) throw result.error;
  return result.value;
}

const seed = getPreset(SEED_PRESET_ID);
if (!seed) throw new Error("no seed preset");
const { terms, schedule, summary } = model(seed.deal);
function rowAt(iso: string): ScheduleRow {
  const row = schedule.rows[monthIndex(date(iso)) - schedule.firstMonthIndex];
  if (!row) throw new Error(`no row for ${iso}`);
  return row;
}

describe("the seed deal, CoreWeave – Core Scientific of 3 June 2024", () => {
  it("is the first preset", () => {
    expect(PRESETS[0]).toBe(seed);
  });

  it("has the reported headline terms: 200 MW, 12 years, a $300 M prepayment", () => {
    expect(terms.capacityMW.toString()).toBe("200");
    expect(terms.termMonths).toBe(144);
    expect(money(terms.prepayment)).toBe("300000000.00");
    expect(terms.tranches.map((t) => t.mw.toNumber())).toEqual([80, 80, 40]);
    expect(terms.creditMethod).toBe("percent-of-fee");
    expect(terms.creditPercent?.toString()).toBe("0.5");
    expect(terms.escalator.isZero()).toBe(true);
  });

  it("is worth about the reported $3.5 B (within 3 %), exactly 3,500,064,000.00", () => {
    expect(summary.contractValue.dividedBy(3.5e9).minus(1).abs().lessThan(0.03)).toBe(true);
    expect(money(summary.contractValue)).toBe("3500064000.00");
  });

  it("earns about the reported $290 M a year (within the $5 M that rounding to $10 M allows)", () => {
    expect(summary.averageAnnualRevenue.minus(290e6).abs().lessThanOrEqualTo(5e6)).toBe(true);
    expect(money(summary.averageAnnualRevenue)).toBe("291672000.00");
  });

  it("is worth the same as with all 200 MW from the first day: a ramp shifts cash, not the total", () => {
    const { tranches: _tranches, ...rest } = seed.deal;
    const flat = model({ ...rest, startDate: "2025-01-01" });
    expect(money(flat.summary.contractValue)).toBe(money(summary.contractValue));
    // Billing all 200 MW from January 2025 brings cash forward, so only the NPV differs.
    const [flatNpv, rampNpv] = [flat.summary.npv, summary.npv];
    if (flatNpv === null || rampNpv === null) throw new Error("no NPV");
    expect(flatNpv.greaterThan(rampNpv)).toBe(true);
  });

  it("runs from the prepayment month to the last month of the last tranche", () => {
    expect(summary.firstMonth).toEqual(date("2024-07-01"));
    expect(summary.lastMonth).toEqual(date("2037-05-01"));
  });

  it("credits 50 % of each fee from January 2025 until the $300 M is recouped, in March 2027", () => {
    expect(money(rowAt("2024-12-01").credit)).toBe("0.00");
    expect(money(rowAt("2025-01-01").grossFee)).toBe("9722400.00");
    expect(money(rowAt("2025-01-01").credit)).toBe("4861200.00");
    expect(money(rowAt("2025-04-01").credit)).toBe("9722400.00");
    expect(money(rowAt("2025-06-01").credit)).toBe("12153000.00");
    expect(money(rowAt("2027-02-01").prepaymentRemaining)).toBe("10758600.00");
    expect(money(rowAt("2027-03-01").credit)).toBe("10758600.00");
    expect(money(rowAt("2027-03-01").prepaymentRemaining)).toBe("0.00");
    expect(money(rowAt("2027-04-01").credit)).toBe("0.00");
  });

  it("credits the prepayment in full, before the end of the term", () => {
    expect(money(summary.totalCredits)).toBe("300000000.00");
    expect(money(summary.uncreditedPrepayment)).toBe("0.00");
    const remaining = schedule.rows.map((r) => r.prepaymentRemaining);
    for (let i = 1; i < remaining.length; i++) expect(remaining[i].lessThanOrEqualTo(remaining[i - 1])).toBe(true);
    const paidOff = remaining.findIndex((r) => r.isZero());
    expect(paidOff).toBeGreaterThan(0);
    expect(paidOff).toBeLessThan(schedule.rows.length - 1);
  });
});
