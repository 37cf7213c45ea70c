import { computeDeal, Decimal, money, npv, prepaymentRemaining, summarize } from "../../src/core";
import { column, d, dates, iso, model, rep } from "./helpers";

/**
 * Spec §3 (conventions) and §4 (outputs), one small deal per convention.
 * Every expected figure is worked by hand in the comments, from the spec's
 * formulas; none was read off the implementation.
 */

const rates = (m: ReturnType<typeof model>) => m.schedule.rows.map((r) => r.rate.toFixed(4));
const mws = (m: ReturnType<typeof model>) => m.schedule.rows.map((r) => r.billedMW.toFixed(3));

describe("periods are calendar months (§3)", () => {
  // 1 MW × 1000 × 10 $/kW-month = 10,000.00 a month, billed Mar–May 2025.
  // P = 600 received 2025-01-20, straight-line over N = termMonths = 3:
  // round2(600×1/3) − 0 = 200, 400 − 200 = 200, 600 − 400 = 200.
  const m = model({
    capacityMW: 1,
    ratePerKWMonth: 10,
    termMonths: 3,
    startDate: "2025-03-15",
    prepayment: 600,
    prepaymentDate: "2025-01-20",
  });

  it("dates every line the 1st of its month; first row is the prepayment month when it comes first", () => {
    expect(dates(m)).toEqual(["2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01", "2025-05-01"]);
    expect(iso(m.summary.firstMonth)).toBe("2025-01-01");
    expect(iso(m.summary.lastMonth)).toBe("2025-05-01");
  });

  it("shows zero fees before billing starts, and bills a mid-month start for the whole month", () => {
    expect(column(m, "grossFee")).toEqual(["0.00", "0.00", "10000.00", "10000.00", "10000.00"]);
    expect(mws(m)).toEqual(["0.000", "0.000", "1.000", "1.000", "1.000"]);
    expect(column(m, "opex")).toEqual(rep("0.00", 5));
  });

  it("credits only in billing months from the prepayment month on", () => {
    expect(column(m, "credit")).toEqual(["0.00", "0.00", "200.00", "200.00", "200.00"]);
    expect(column(m, "netFee")).toEqual(["0.00", "0.00", "9800.00", "9800.00", "9800.00"]);
    // The prepayment is cash in January; net fees after that.
    expect(column(m, "netCashFlow")).toEqual(["600.00", "0.00", "9800.00", "9800.00", "9800.00"]);
    expect(column(m, "prepaymentRemaining")).toEqual(["600.00", "600.00", "400.00", "200.00", "0.00"]);
  });

  it("summarizes: CV 30,000; AAR = 30,000 × 12 / 3 = 120,000; per MW-year 120,000", () => {
    const s = m.summary;
    expect(money(s.contractValue)).toBe("30000.00");
    expect(money(s.averageAnnualRevenue)).toBe("120000.00");
    expect(money(s.revenuePerMWYear)).toBe("120000.00");
    expect(money(s.totalCredits)).toBe("600.00");
    expect(money(s.uncreditedPrepayment)).toBe("0.00");
    // 600 + 3 × 9,800
    expect(money(s.totalNetCash)).toBe("30000.00");
  });

  it("counts months across a year end and through February", () => {
    const y = model({ capacityMW: 1, ratePerKWMonth: 1, termMonths: 4, startDate: "2024-12-31" });
    expect(dates(y)).toEqual(["2024-12-01", "2025-01-01", "2025-02-01", "2025-03-01"]);
    expect(column(y, "grossFee")).toEqual(rep("1000.00", 4));
  });

  it("ignores the prepayment date for the first row when there is no prepayment", () => {
    const zero = model({
      capacityMW: 1,
      ratePerKWMonth: 10,
      termMonths: 2,
      startDate: "2025-03-15",
      prepayment: 0,
      prepaymentDate: "2025-01-01",
    });
    expect(dates(zero)).toEqual(["2025-03-01", "2025-04-01"]);
    expect(column(zero, "netCashFlow")).toEqual(["10000.00", "10000.00"]);
    expect(column(zero, "credit")).toEqual(["0.00", "0.00"]);
    expect(iso(zero.summary.firstMonth)).toBe("2025-03-01");
  });

  it("starts at the first billing month when the prepayment comes later", () => {
    // 2 MW × 1000 × 5 = 10,000.00; P = 300 on 2025-02-28, N = 2: 150, 150 in Feb and Mar.
    const late = model({
      capacityMW: 2,
      ratePerKWMonth: 5,
      termMonths: 4,
      startDate: "2025-01-01",
      prepayment: 300,
      prepaymentDate: "2025-02-28",
      creditMonths: 2,
    });
    expect(dates(late)).toEqual(["2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01"]);
    expect(column(late, "credit")).toEqual(["0.00", "150.00", "150.00", "0.00"]);
    // Jan: 10,000; Feb: 10,000 − 150 + 300; Mar: 10,000 − 150; Apr: 10,000.
    expect(column(late, "netCashFlow")).toEqual(["10000.00", "10150.00", "9850.00", "10000.00"]);
    // P before any credit, even before the prepayment is received.
    expect(column(late, "prepaymentRemaining")).toEqual(["300.00", "150.00", "0.00", "0.00"]);
    expect(money(late.summary.totalNetCash)).toBe("40000.00");
  });

  it("ends with the last month any tranche bills", () => {
    // Tranches from 2025-01 and 2025-03, 2 months each: Jan, Feb | Mar, Apr.
    const ramp = model({
      ratePerKWMonth: 1,
      termMonths: 2,
      tranches: [
        { date: "2025-03-09", mw: 1 },
        { date: "2025-01-09", mw: 1 },
      ],
    });
    expect(dates(ramp)).toEqual(["2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01"]);
    expect(iso(ramp.summary.lastMonth)).toBe("2025-04-01");
  });
});

describe("tranches and per-tranche escalation (§3)", () => {
  // Tranche A: 1 MW from 2025-01-10, k = 0 in Jan 2025, bills Jan 2025 – Jun 2026 (18 months).
  // Tranche B: 3 MW from 2025-07-31, k = 0 in Jul 2025, bills Jul 2025 – Dec 2026.
  // Rate 10, escalator 10 %: 10 for k = 0..11, 11 for k = 12..17.
  //   Jan–Jun 2025: A@10                = 10,000          MW 1, rate 10
  //   Jul–Dec 2025: A@10 + B@10         = 10,000 + 30,000 MW 4, rate 10
  //   Jan–Jun 2026: A@11 + B@10 (A's 2nd year, B's 1st) = 11,000 + 30,000 = 41,000,
  //                 MW-weighted rate (1×11 + 3×10) / 4 = 10.25
  //   Jul–Dec 2026: B@11                = 33,000          MW 3, rate 11
  // Opex 100 $/MW-month: 100, 400, 400, 300.
  const m = model({
    ratePerKWMonth: 10,
    termMonths: 18,
    escalator: 0.1,
    opexPerMWMonth: 100,
    tranches: [
      { date: "2025-01-10", mw: 1 },
      { date: "2025-07-31", mw: 3 },
    ],
  });

  it("bills each tranche for termMonths from its own month", () => {
    expect(dates(m)).toHaveLength(24);
    expect(dates(m)[0]).toBe("2025-01-01");
    expect(dates(m)[23]).toBe("2026-12-01");
    expect(mws(m)).toEqual([...rep("1.000", 6), ...rep("4.000", 12), ...rep("3.000", 6)]);
  });

  it("escalates each tranche on its own anniversaries", () => {
    expect(column(m, "grossFee")).toEqual([
      ...rep("10000.00", 6),
      ...rep("40000.00", 6),
      ...rep("41000.00", 6),
      ...rep("33000.00", 6),
    ]);
  });

  it("shows the MW-weighted rate", () => {
    expect(rates(m)).toEqual([...rep("10.0000", 12), ...rep("10.2500", 6), ...rep("11.0000", 6)]);
  });

  it("charges opex on billed MW and nets it from the fee", () => {
    expect(column(m, "opex")).toEqual([...rep("100.00", 6), ...rep("400.00", 12), ...rep("300.00", 6)]);
    expect(column(m, "netCashFlow")).toEqual([
      ...rep("9900.00", 6),
      ...rep("39600.00", 6),
      ...rep("40600.00", 6),
      ...rep("32700.00", 6),
    ]);
  });

  it("summarizes over the sum of the tranches and the term, not the schedule length", () => {
    // CV = 6 × (10,000 + 40,000 + 41,000 + 33,000) = 744,000
    // AAR = 744,000 × 12 / 18 = 496,000; per MW-year = 496,000 / 4 MW = 124,000
    // Net cash = 744,000 − 6 × (100 + 400 + 400 + 300) = 736,800
    expect(money(m.summary.contractValue)).toBe("744000.00");
    expect(money(m.summary.averageAnnualRevenue)).toBe("496000.00");
    expect(money(m.summary.revenuePerMWYear)).toBe("124000.00");
    expect(money(m.summary.totalNetCash)).toBe("736800.00");
  });

  it("compounds the escalator yearly: rate × (1 + e)^floor(k / 12)", () => {
    // 1 MW × 1000 × 100 × 1.035^y: y=0 100,000.00; y=1 103,500.00;
    // y=2 × 1.071225 = 107,122.50; y=3 (k = 36 only) × 1.108717875 = 110,871.7875 → 110,871.79.
    const e = model({ capacityMW: 1, ratePerKWMonth: 100, termMonths: 37, startDate: "2025-01-01", escalator: 0.035 });
    const gross = column(e, "grossFee");
    expect(gross).toEqual([...rep("100000.00", 12), ...rep("103500.00", 12), ...rep("107122.50", 12), "110871.79"]);
    expect(e.schedule.rows[36].rate.toString()).toBe("110.8717875");
    // CV = 1,200,000 + 1,242,000 + 1,285,470 + 110,871.79 = 3,838,341.79
    expect(money(e.summary.contractValue)).toBe("3838341.79");
    // AAR = 3,838,341.79 × 12 / 37 = 1,244,867.6075… (unrounded inside, shown to cents)
    expect(money(e.summary.averageAnnualRevenue)).toBe("1244867.61");
  });

  it("applies a negative escalator (> -1) the same way", () => {
    // 10 × 0.5^y: 10,000, 5,000, 2,500.
    const e = model({ capacityMW: 1, ratePerKWMonth: 10, termMonths: 25, startDate: "2025-01-01", escalator: -0.5 });
    expect(column(e, "grossFee")).toEqual([...rep("10000.00", 12), ...rep("5000.00", 12), "2500.00"]);
  });
});

describe("gross fee rounding (§3)", () => {
  it("rounds an exact half cent away from zero (0.125 → 0.13, 2.675 → 2.68)", () => {
    // 0.001 MW = 1 kW: the fee is the rate itself.
    const a = model({ capacityMW: 0.001, ratePerKWMonth: 0.125, termMonths: 1, startDate: "2025-01-01" });
    expect(column(a, "grossFee")).toEqual(["0.13"]);
    const b = model({ capacityMW: 0.001, ratePerKWMonth: 2.675, termMonths: 1, startDate: "2025-01-01" });
    expect(column(b, "grossFee")).toEqual(["2.68"]);
  });

  it("rounds an escalated rate that lands on a half cent (1 × 1.005 = 1.005 → 1.01)", () => {
    const m = model({
      capacityMW: 0.001,
      ratePerKWMonth: 1,
      termMonths: 13,
      startDate: "2025-01-01",
      escalator: 0.005,
    });
    expect(column(m, "grossFee")).toEqual([...rep("1.00", 12), "1.01"]);
  });

  it("sums the tranches exactly and rounds the month once", () => {
    // 1 kW × 0.0025 = 0.0025 → 0.00 alone; two such tranches 0.005 → 0.01.
    const m = model({
      ratePerKWMonth: 0.0025,
      termMonths: 2,
      tranches: [
        { date: "2025-01-01", mw: 0.001 },
        { date: "2025-02-01", mw: 0.001 },
      ],
    });
    expect(column(m, "grossFee")).toEqual(["0.00", "0.01", "0.00"]);
  });

  it("keeps an escalated rate exact to its last digit (1.5^20 has 24 significant digits)", () => {
    // 5.24288 MW = 5,242.88 kW = 5 × 2^20 / 1000; 1.5^20 = 3^20 / 2^20 = 3,486,784,401 / 1,048,576.
    // Year 0: 5,242.88. Year 20 (k = 240): 5,242.88 × 1.5^20 = 5 × 3,486,784,401 / 1000
    // = 17,433,922.005 exactly → 17,433,922.01 (with 1.5^20 cut to 20 digits it falls just under → .00).
    const m = model({
      capacityMW: 5.24288,
      ratePerKWMonth: 1,
      termMonths: 241,
      startDate: "2025-01-01",
      escalator: 0.5,
    });
    const gross = column(m, "grossFee");
    expect(gross[0]).toBe("5242.88");
    expect(gross[240]).toBe("17433922.01");
  });

  /** The gross fees of a deal, or undefined when the validator refuses it (acceptable here). */
  function grossOrRefused(deal: Record<string, unknown>): string[] | undefined {
    const r = computeDeal(deal);
    return r.ok ? r.value.schedule.rows.map((row) => money(row.grossFee)) : undefined;
  }

  it("computes exactly before rounding, however many digits the rate has", () => {
    // 1 kW × 0.0049999…9 (45 nines) is just under half a cent: exactly, it rounds to 0.00.
    // A validator may instead refuse such a rate; what must not happen is billing 0.01.
    const gross = grossOrRefused({
      capacityMW: 0.001,
      ratePerKWMonth: `0.004${"9".repeat(45)}`,
      termMonths: 1,
      startDate: "2025-01-01",
    });
    if (gross !== undefined) expect(gross).toEqual(["0.00"]);
  });

  it("computes an escalated fee exactly before rounding, even with plain JSON numbers", () => {
    // kW = 99,999; rate a = 5.000050000500005e-8; escalator e = 1e-20 (all plain doubles).
    // 99,999 × a = 5e-23 × (10^20 − 1) = 0.005 − 5e-23 exactly (99,999 × 1000010000100001 = 10^20 − 1).
    // Second year: (0.005 − 5e-23) × (1 + 1e-20) = 0.005 − 5e-43 exactly: just under half a cent → 0.00.
    // Rounded to 40 significant digits before rounding to cents it would become 0.005 → 0.01.
    const gross = grossOrRefused({
      capacityMW: 99.999,
      ratePerKWMonth: 5.000050000500005e-8,
      escalator: 1e-20,
      termMonths: 13,
      startDate: "2025-01-01",
    });
    if (gross !== undefined) expect(gross).toEqual(rep("0.00", 13));
  });

  it("computes exactly with a 20-digit rate given as text", () => {
    // 9 kW × 0.000555…5 (20 fives) × (1 + 1e-20) = 9 × 0.000555…5 (40 fives) = 0.0049999…995 (41 digits) → 0.00.
    const gross = grossOrRefused({
      capacityMW: 0.009,
      ratePerKWMonth: `0.000${"5".repeat(20)}`,
      escalator: 1e-20,
      termMonths: 13,
      startDate: "2025-01-01",
    });
    if (gross !== undefined) expect(gross).toEqual(rep("0.00", 13));
  });
});

describe("straight-line credits (§3)", () => {
  const base = { capacityMW: 1, ratePerKWMonth: 10, startDate: "2025-01-01" };

  it("credits round2(P×j/N) − round2(P×(j−1)/N): P = 100, N = 3", () => {
    // 33.33 − 0; 66.67 − 33.33 = 33.34; 100 − 66.67 = 33.33
    const m = model({ ...base, termMonths: 3, prepayment: 100 });
    expect(column(m, "credit")).toEqual(["33.33", "33.34", "33.33"]);
    expect(money(m.summary.totalCredits)).toBe("100.00");
  });

  it("credits P = 100 over N = 6 to the cent", () => {
    // round2(100j/6): 16.67, 33.33, 50.00, 66.67, 83.33, 100.00
    const m = model({ ...base, termMonths: 6, prepayment: 100 });
    expect(column(m, "credit")).toEqual(["16.67", "16.66", "16.67", "16.67", "16.66", "16.67"]);
  });

  it("rounds the cumulative schedule half away from zero (P = 0.01, N = 2: 0.01 then 0.00)", () => {
    // round2(0.005) = 0.01; round2(0.01) − 0.01 = 0.00
    const m = model({ ...base, termMonths: 2, prepayment: 0.01 });
    expect(column(m, "credit")).toEqual(["0.01", "0.00"]);
    // P = 0.05, N = 3: round2(0.0166…) = 0.02, round2(0.0333…) = 0.03, 0.05 → 0.02, 0.01, 0.02
    const n = model({ ...base, termMonths: 3, prepayment: 0.05 });
    expect(column(n, "credit")).toEqual(["0.02", "0.01", "0.02"]);
  });

  it("spreads over creditMonths, not the term, when given", () => {
    const m = model({ ...base, termMonths: 4, prepayment: 90, creditMonths: 2 });
    expect(column(m, "credit")).toEqual(["45.00", "45.00", "0.00", "0.00"]);
  });

  it("starts credits in the prepayment month, even when the money arrives on its last day", () => {
    // P = 200 on 2025-03-31, N = 2: 100 in March, 100 in April.
    const m = model({ ...base, termMonths: 5, prepayment: 200, prepaymentDate: "2025-03-31", creditMonths: 2 });
    expect(column(m, "credit")).toEqual(["0.00", "0.00", "100.00", "100.00", "0.00"]);
    expect(column(m, "prepaymentRemaining")).toEqual(["200.00", "200.00", "100.00", "0.00", "0.00"]);
    // Cash: the prepayment lands in March with that month's net fee.
    expect(column(m, "netCashFlow")).toEqual(["10000.00", "10000.00", "10100.00", "9900.00", "10000.00"]);
  });

  it("does not advance j in a gap between tranches", () => {
    // A: 1 MW Jan–Feb; B: 1 MW Jun–Jul; nothing bills Mar–May.
    // P = 400, N = 4: j = 1, 2 in Jan, Feb; j = 3, 4 in Jun, Jul. 100 each.
    const m = model({
      ratePerKWMonth: 10,
      termMonths: 2,
      prepayment: 400,
      creditMonths: 4,
      opexPerMWMonth: 50,
      tranches: [
        { date: "2025-01-01", mw: 1 },
        { date: "2025-06-01", mw: 1 },
      ],
    });
    expect(dates(m)).toHaveLength(7);
    expect(column(m, "grossFee")).toEqual(["10000.00", "10000.00", "0.00", "0.00", "0.00", "10000.00", "10000.00"]);
    expect(column(m, "credit")).toEqual(["100.00", "100.00", "0.00", "0.00", "0.00", "100.00", "100.00"]);
    expect(column(m, "opex")).toEqual(["50.00", "50.00", "0.00", "0.00", "0.00", "50.00", "50.00"]);
    expect(column(m, "prepaymentRemaining")).toEqual([
      "300.00",
      "200.00",
      "200.00",
      "200.00",
      "200.00",
      "100.00",
      "0.00",
    ]);
    // Jan: 10,000 − 100 − 50 + 400
    expect(column(m, "netCashFlow")).toEqual(["10250.00", "9850.00", "0.00", "0.00", "0.00", "9850.00", "9850.00"]);
    expect(money(m.summary.uncreditedPrepayment)).toBe("0.00");
  });
});

describe("carry-forward and the uncredited remainder (§3)", () => {
  // Tranche A: 0.01 MW from Jan (100.00 a month, Jan–Apr); B: 1 MW from Apr (10,000.00, Apr–Jul).
  // Gross: 100, 100, 100, 10,100, 10,000, 10,000, 10,000.
  // P = 900, N = 3: scheduled 300, 300, 300 in Jan, Feb, Mar.
  //   Jan: due 300, credit 100, carry 200 | Feb: due 500, credit 100, carry 400
  //   Mar: due 700, credit 100, carry 600 | Apr (after the N-th month): due 600, credit 600.
  const deal = {
    ratePerKWMonth: 10,
    termMonths: 4,
    prepayment: 900,
    creditMonths: 3,
    tranches: [
      { date: "2025-01-01", mw: 0.01 },
      { date: "2025-04-01", mw: 1 },
    ],
  };

  it("carries what the fee cannot absorb and applies it after the N-th credit month", () => {
    const m = model(deal);
    expect(column(m, "grossFee")).toEqual([
      "100.00",
      "100.00",
      "100.00",
      "10100.00",
      "10000.00",
      "10000.00",
      "10000.00",
    ]);
    expect(column(m, "credit")).toEqual(["100.00", "100.00", "100.00", "600.00", "0.00", "0.00", "0.00"]);
    expect(column(m, "netFee")).toEqual(["0.00", "0.00", "0.00", "9500.00", "10000.00", "10000.00", "10000.00"]);
    expect(column(m, "prepaymentRemaining")).toEqual(["800.00", "700.00", "600.00", "0.00", "0.00", "0.00", "0.00"]);
    expect(column(m, "netCashFlow")).toEqual(["900.00", "0.00", "0.00", "9500.00", "10000.00", "10000.00", "10000.00"]);
    // CV 40,400; credits 900; net cash 40,400 − 900 + 900.
    expect(money(m.summary.contractValue)).toBe("40400.00");
    expect(money(m.summary.totalCredits)).toBe("900.00");
    expect(money(m.summary.totalNetCash)).toBe("40400.00");
  });

  it("keeps carrying when the whole prepayment is scheduled in the first month (N = 1)", () => {
    // Jan: due 900, credit 100, carry 800; Feb 100 (carry 700); Mar 100 (carry 600); Apr 600.
    const m = model({ ...deal, creditMonths: 1 });
    expect(column(m, "credit")).toEqual(["100.00", "100.00", "100.00", "600.00", "0.00", "0.00", "0.00"]);
  });

  it("reports the remainder when the schedule ends first (small fee, big credit)", () => {
    // 0.01 MW × 1000 × 10 = 100.00 a month for 3 months; P = 1,000: 100 credited each month.
    const m = model({ capacityMW: 0.01, ratePerKWMonth: 10, termMonths: 3, startDate: "2025-01-01", prepayment: 1000 });
    expect(column(m, "credit")).toEqual(["100.00", "100.00", "100.00"]);
    expect(column(m, "netFee")).toEqual(["0.00", "0.00", "0.00"]);
    expect(column(m, "prepaymentRemaining")).toEqual(["900.00", "800.00", "700.00"]);
    expect(money(m.summary.totalCredits)).toBe("300.00");
    expect(money(m.summary.uncreditedPrepayment)).toBe("700.00");
    expect(money(prepaymentRemaining(m.schedule, d("2030-01-01")))).toBe("700.00");
    // 1,000 received, nothing else.
    expect(money(m.summary.totalNetCash)).toBe("1000.00");
  });

  it("reports the remainder when creditMonths exceeds the billing months", () => {
    // P = 600, N = 6: 100 a month, but only 3 billing months.
    const m = model({
      capacityMW: 1,
      ratePerKWMonth: 10,
      termMonths: 3,
      startDate: "2025-01-01",
      prepayment: 600,
      creditMonths: 6,
    });
    expect(column(m, "credit")).toEqual(["100.00", "100.00", "100.00"]);
    expect(money(m.summary.uncreditedPrepayment)).toBe("300.00");
  });
});

describe("percent-of-fee credits (§3)", () => {
  // 1 MW × 1000 × 10.0001 = 10,000.10; 12.5 % of it = 1,250.0125 → 1,250.01.
  const base = {
    capacityMW: 1,
    ratePerKWMonth: 10.0001,
    termMonths: 3,
    startDate: "2025-01-01",
    creditMethod: "percent-of-fee",
    creditPercent: 0.125,
  };

  it("credits round2(pct × gross) until the balance runs out", () => {
    // P = 3,000: 1,250.01, 1,250.01, then the 499.98 left.
    const m = model({ ...base, prepayment: 3000 });
    expect(column(m, "grossFee")).toEqual(rep("10000.10", 3));
    expect(column(m, "credit")).toEqual(["1250.01", "1250.01", "499.98"]);
    expect(column(m, "netFee")).toEqual(["8750.09", "8750.09", "9500.12"]);
    expect(column(m, "prepaymentRemaining")).toEqual(["1749.99", "499.98", "0.00"]);
  });

  it("reports what three months of 12.5 % cannot recoup", () => {
    // P = 5,000 − 3 × 1,250.01 = 1,249.97
    const m = model({ ...base, prepayment: 5000 });
    expect(column(m, "credit")).toEqual(rep("1250.01", 3));
    expect(money(m.summary.totalCredits)).toBe("3750.03");
    expect(money(m.summary.uncreditedPrepayment)).toBe("1249.97");
  });

  it("rounds a half-cent credit away from zero and never makes the net fee negative", () => {
    // 1 kW × 0.01 = 0.01; 50 % = 0.005 → 0.01: the whole fee.
    const m = model({
      capacityMW: 0.001,
      ratePerKWMonth: 0.01,
      termMonths: 1,
      startDate: "2025-01-01",
      creditMethod: "percent-of-fee",
      creditPercent: 0.5,
      prepayment: 1,
    });
    expect(column(m, "credit")).toEqual(["0.01"]);
    expect(column(m, "netFee")).toEqual(["0.00"]);
  });

  it("credits from the prepayment month on, in billing months only", () => {
    // 100 % of the fee, prepayment in month 2: month 1 is not credited.
    const m = model({ ...base, creditPercent: 1, prepayment: 15000, prepaymentDate: "2025-02-14" });
    expect(column(m, "credit")).toEqual(["0.00", "10000.10", "4999.90"]);
    expect(column(m, "netFee")).toEqual(["10000.10", "0.00", "5000.20"]);
  });
});

describe("opex and net cash flow (§3)", () => {
  it("rounds opexPerMWMonth × billed MW to cents, half away from zero", () => {
    // Billed MW: 0 (Jan, prepayment only), 0.5, 0.75, 0.25.
    // Opex: 0; 0.5 × 1,234.565 = 617.2825 → 617.28; 0.75 × = 925.92375 → 925.92; 0.25 × = 308.64125 → 308.64.
    // Gross 0; 5,000; 7,500; 2,500. P = 1,000 on Jan 1, N = 2: 500 in Feb and Mar.
    const m = model({
      ratePerKWMonth: 10,
      termMonths: 2,
      opexPerMWMonth: 1234.565,
      prepayment: 1000,
      prepaymentDate: "2025-01-01",
      creditMonths: 2,
      tranches: [
        { date: "2025-02-01", mw: 0.5 },
        { date: "2025-03-01", mw: 0.25 },
      ],
    });
    expect(column(m, "opex")).toEqual(["0.00", "617.28", "925.92", "308.64"]);
    expect(column(m, "credit")).toEqual(["0.00", "500.00", "500.00", "0.00"]);
    // 1,000; 4,500 − 617.28; 7,000 − 925.92; 2,500 − 308.64
    expect(column(m, "netCashFlow")).toEqual(["1000.00", "3882.72", "6074.08", "2191.36"]);
    expect(money(m.summary.totalNetCash)).toBe("13148.16");
    // And 1 MW × 1,234.565 = 1,234.57.
    const one = model({
      capacityMW: 1,
      ratePerKWMonth: 1,
      termMonths: 1,
      startDate: "2025-01-01",
      opexPerMWMonth: 1234.565,
    });
    expect(column(one, "opex")).toEqual(["1234.57"]);
  });

  it("lets opex make the net cash flow negative (only the net fee is floored at 0)", () => {
    const m = model({ capacityMW: 1, ratePerKWMonth: 1, termMonths: 1, startDate: "2025-01-01", opexPerMWMonth: 2000 });
    expect(column(m, "netCashFlow")).toEqual(["-1000.00"]);
    expect(money(m.summary.totalNetCash)).toBe("-1000.00");
  });
});

describe("prepayment remaining at a date (§3)", () => {
  // 1 MW × 10 = 10,000 a month Jan–May 2025; P = 200 on 2025-03-31, N = 2: 100 in Mar, 100 in Apr.
  const m = model({
    capacityMW: 1,
    ratePerKWMonth: 10,
    termMonths: 5,
    startDate: "2025-01-01",
    prepayment: 200,
    prepaymentDate: "2025-03-31",
    creditMonths: 2,
  });
  const at = (date: string) => money(prepaymentRemaining(m.schedule, d(date)));

  it("is P before any credit, before the schedule and before the prepayment is received", () => {
    expect(at("1990-06-15")).toBe("200.00");
    expect(at("2025-01-01")).toBe("200.00");
    expect(at("2025-02-28")).toBe("200.00");
  });

  it("includes a month's credit from its first day on", () => {
    expect(at("2025-03-01")).toBe("100.00");
    expect(at("2025-03-15")).toBe("100.00");
    expect(at("2025-03-31")).toBe("100.00");
    expect(at("2025-04-01")).toBe("0.00");
  });

  it("is the uncredited remainder after the schedule's end", () => {
    expect(at("2025-05-31")).toBe("0.00");
    expect(at("2099-12-31")).toBe("0.00");
    const short = model({
      capacityMW: 0.001,
      ratePerKWMonth: 10,
      termMonths: 2,
      startDate: "2025-01-01",
      prepayment: 50,
    });
    // 10.00 a month absorbs 10.00 of each 25.00 scheduled: 30.00 left.
    expect(money(prepaymentRemaining(short.schedule, d("2025-02-01")))).toBe("30.00");
    expect(money(prepaymentRemaining(short.schedule, d("2040-01-01")))).toBe("30.00");
    expect(money(short.summary.uncreditedPrepayment)).toBe("30.00");
  });
});

describe("summary (§4)", () => {
  it("does not round averageAnnualRevenue before dividing by MW", () => {
    // 1 kW, rate 1, escalator 100 %, term 13: gross 1.00 × 12 then 2.00; CV 14.00.
    // AAR = 14 × 12 / 13 = 12.923076…; per MW-year = 12.923076… / 0.001 = 12,923.076… → 12,923.08
    // (rounding AAR to 12.92 first would give 12,920.00).
    const m = model({ capacityMW: 0.001, ratePerKWMonth: 1, termMonths: 13, startDate: "2025-01-01", escalator: 1 });
    expect(money(m.summary.contractValue)).toBe("14.00");
    expect(money(m.summary.averageAnnualRevenue)).toBe("12.92");
    expect(money(m.summary.revenuePerMWYear)).toBe("12923.08");
  });

  it("has no NPV without a discount rate", () => {
    const m = model({ capacityMW: 1, ratePerKWMonth: 10, termMonths: 3, startDate: "2025-01-01" });
    expect(m.summary.npv == null).toBe(true);
  });
});

describe("NPV as Excel's XNPV (§4)", () => {
  /** XNPV with plain floats, days counted with Date.UTC: an independent check. */
  function floatXnpv(rate: number, flows: { date: string; cf: number }[]): number {
    const t0 = Date.parse(`${flows[0].date}T00:00:00Z`);
    return flows.reduce((acc, f) => {
      const days = (Date.parse(`${f.date}T00:00:00Z`) - t0) / 86_400_000;
      return acc + f.cf / Math.pow(1 + rate, days / 365);
    }, 0);
  }

  it("discounts by days / 365 from the first row (prepayment month first)", () => {
    // Rows 2025-01 (P = 600), 02 (0), 03, 04, 05 (10,000 − 200 each), r = 10 %:
    // 600 + 9,800 × (1.1^(−59/365) + 1.1^(−90/365) + 1.1^(−120/365)) = 29,320.2291…
    const m = model({
      capacityMW: 1,
      ratePerKWMonth: 10,
      termMonths: 3,
      startDate: "2025-03-01",
      prepayment: 600,
      prepaymentDate: "2025-01-15",
      discountRate: 0.1,
    });
    const flows = m.schedule.rows.map((r) => ({ date: iso(r.date), cf: Number(money(r.netCashFlow)) }));
    expect(flows.map((f) => f.cf)).toEqual([600, 0, 9800, 9800, 9800]);
    const npvValue = m.summary.npv as Decimal;
    expect(Math.abs(npvValue.toNumber() - floatXnpv(0.1, flows))).toBeLessThan(0.01);
    expect(money(npvValue)).toBe("29320.23");
  });

  it("counts days from the first row even when its cash flow is zero", () => {
    // Gross 10,000 in 2025, 11,000 from 2026-01 (10 % escalator); opex 10,000:
    // cash 0 for 12 months, then 1,000 on 2026-01-01, 365 days after the first row.
    // XNPV = 1,000 / 1.1 = 909.0909… (counting from the first non-zero flow would give 1,000.00).
    const m = model({
      capacityMW: 1,
      ratePerKWMonth: 10,
      termMonths: 13,
      startDate: "2025-01-01",
      escalator: 0.1,
      opexPerMWMonth: 10000,
      discountRate: 0.1,
    });
    expect(column(m, "netCashFlow")).toEqual([...rep("0.00", 12), "1000.00"]);
    expect(money(m.summary.npv as Decimal)).toBe("909.09");
  });

  it("counts actual days, leap days included", () => {
    // 10,000 on 2024-01-01, 02-01 (31 days), 03-01 (60 days), r = 20 % → 29,551.0842…
    const m = model({ capacityMW: 1, ratePerKWMonth: 10, termMonths: 3, startDate: "2024-01-01", discountRate: 0.2 });
    expect(money(m.summary.npv as Decimal)).toBe("29551.08");
    const flows = ["2024-01-01", "2024-02-01", "2024-03-01"].map((date) => ({ date, cf: 10000 }));
    expect(Math.abs((m.summary.npv as Decimal).toNumber() - floatXnpv(0.2, flows))).toBeLessThan(0.01);
  });

  it("accepts a negative rate above -1", () => {
    // r = −50 %: 10,000 × (1 + 0.5^(−31/365) + 0.5^(−59/365)) = 31,791.9830…
    const m = model({ capacityMW: 1, ratePerKWMonth: 10, termMonths: 3, startDate: "2025-01-01", discountRate: -0.5 });
    expect(money(m.summary.npv as Decimal)).toBe("31791.98");
  });

  it("equals the total net cash at a zero rate, and npv() takes a rate of its own", () => {
    const m = model({
      capacityMW: 1,
      ratePerKWMonth: 10,
      termMonths: 3,
      startDate: "2025-03-01",
      prepayment: 600,
      prepaymentDate: "2025-01-15",
      discountRate: 0,
    });
    expect(money(m.summary.npv as Decimal)).toBe("30000.00");
    expect(money(npv(m.schedule, new Decimal("0.1")))).toBe("29320.23");
    expect(money(summarize(m.schedule, new Decimal("0.1")).npv as Decimal)).toBe("29320.23");
  });
});
