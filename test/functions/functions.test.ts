import "../support/customFunctionsShim";
import fc from "fast-check";
import {
  buildSchedule,
  money,
  npv,
  parseIsoDate,
  prepaymentRemaining,
  round2,
  summarize,
  fromExcelSerial,
  formatIsoDate,
  toExcelSerial,
  validateDeal,
} from "../../src/core";
import {
  annualRevenue,
  contractValue,
  dealNpv,
  dealSummary,
  hostingCashflow,
  prepayRemaining,
} from "../../src/functions/functions";
import { FIGURES, FIGURE_BY_KEY } from "../../src/core";
import { SCHEDULE_HEADER } from "../../src/functions/deal";

const SUMMARY_LABELS = Object.fromEntries(FIGURES.map((f) => [f.key, f.label])) as Record<
  keyof typeof FIGURE_BY_KEY,
  string
>;
import { CustomFunctionsError } from "../support/customFunctionsShim";
import { WORKED_CHECK_FILE, serial, workedCheckTerms } from "../support/deals";

function core() {
  const checked = validateDeal(WORKED_CHECK_FILE);
  if (!checked.ok) throw checked.error;
  const schedule = buildSchedule(checked.value);
  return { terms: checked.value, schedule, summary: summarize(schedule) };
}

function ok<T>(value: T | CustomFunctionsError | CustomFunctions.Error): T {
  if (value instanceof CustomFunctionsError) throw new Error(`${value.code} ${value.message}`);
  return value as T;
}

/** Money compared as the exact cents the core computed: the number must print as that decimal. */
function cents(n: unknown): string {
  if (typeof n !== "number") throw new Error(`not a number: ${String(n)}`);
  return n.toFixed(2);
}

describe("HPC functions on the spec's worked check, called as Excel calls them", () => {
  const { schedule, summary } = core();
  const terms = workedCheckTerms();

  it("HOSTINGCASHFLOW spills a header row and one row per month, with the spec's columns", () => {
    const table = ok(hostingCashflow(terms)) as unknown[][];
    expect(table[0]).toEqual([...SCHEDULE_HEADER]);
    expect(table).toHaveLength(1 + 150);
    expect(table.every((row) => row.length === 11)).toBe(true);
    expect(table[1][0]).toBe(serial("2024-07-01"));
    expect(table[7][0]).toBe(serial("2025-01-01"));
    expect(table[150][0]).toBe(serial("2036-12-01"));
  });

  it("HOSTINGCASHFLOW holds the calculation module's numbers, converted only at the boundary", () => {
    const table = ok(hostingCashflow(terms)) as unknown[][];
    schedule.rows.forEach((r, i) => {
      expect(table[i + 1]).toEqual([
        toExcelSerial(r.date),
        r.billedMW.toNumber(),
        r.rate.toNumber(),
        r.grossFee.toNumber(),
        r.credit.toNumber(),
        r.netFee.toNumber(),
        r.opex.toNumber(),
        r.netCashFlow.toNumber(),
        r.capex.toNumber(),
        r.hostCashFlow.toNumber(),
        r.prepaymentRemaining.toNumber(),
      ]);
    });
    expect(cents(table[7][3])).toBe("24306000.00");
    expect(cents(table[1][3])).toBe("0.00");
    expect(table[1][7]).toBe(300000000); // the prepayment arrives in its month
  });

  it("returns plain numbers and text only, never an error value in a spilled cell", () => {
    const table = ok(hostingCashflow(terms)) as unknown[][];
    for (const row of table.slice(1)) for (const cell of row) expect(typeof cell).toBe("number");
    for (const row of ok(dealSummary(terms)) as unknown[][]) {
      expect(typeof row[0]).toBe("string");
      expect(["number", "string"]).toContain(typeof row[1]);
    }
  });

  it("CONTRACTVALUE is 3,500,064,000.00", () => {
    expect(ok(contractValue(terms))).toBe(3500064000);
    expect(cents(ok(contractValue(terms)))).toBe(money(summary.contractValue));
  });

  it("ANNUALREVENUE is the contract value × 12 / 144, rounded to cents", () => {
    expect(cents(ok(annualRevenue(terms)))).toBe(money(round2(summary.averageAnnualRevenue)));
    expect(ok(annualRevenue(terms))).toBe(291672000);
  });

  it("PREPAYREMAINING on 2031-01-01 is 147,916,666.67 (after 73 credits)", () => {
    const result = ok(prepayRemaining(terms, [[serial("2031-01-01")]])) as unknown[][];
    expect(result).toEqual([[147916666.67]]);
    const at = parseIsoDate("2031-01-01");
    if (!at) throw new Error("date");
    expect(cents(result[0][0])).toBe(money(prepaymentRemaining(schedule, at)));
  });

  it("PREPAYREMAINING over a range of dates gives one value per date, shaped like the range", () => {
    const dates = [
      [serial("2024-06-30"), serial("2024-07-01")],
      [serial("2031-01-01"), null],
      ["2036-12-01", serial("2040-01-01")],
    ];
    expect(ok(prepayRemaining(terms, dates))).toEqual([
      [300000000, 300000000],
      [147916666.67, ""],
      [0, 0],
    ]);
  });

  it("PREPAYREMAINING reads a date-time as its day, as Excel's INT", () => {
    expect(ok(prepayRemaining(terms, [[serial("2031-01-01") + 0.75]]))).toEqual([[147916666.67]]);
  });

  it("DEALNPV discounts at the terms' rate by default, at the given rate otherwise, rounded to cents", () => {
    const rate = schedule.terms.discountRate;
    if (rate === null) throw new Error("the worked check has a discount rate");
    const at10 = money(round2(npv(schedule, rate)));
    expect(cents(ok(dealNpv(terms)))).toBe(at10);
    expect(cents(ok(dealNpv(terms, null)))).toBe(at10);
    expect(cents(ok(dealNpv(terms, "")))).toBe(at10);
    const at8 = ok(dealNpv(terms, 0.08));
    expect(at8).not.toBe(ok(dealNpv(terms)));
    expect(ok(dealNpv(terms, "8%"))).toBe(at8);
    expect(ok(dealNpv(terms, 0))).toBe(summarize(schedule).totalNetCash.toNumber());
  });

  it("DEALSUMMARY spills label and value for every summary figure", () => {
    const table = ok(dealSummary(terms)) as unknown[][];
    expect(table.map((r) => r[0])).toEqual(Object.values(SUMMARY_LABELS));
    const byLabel = new Map(table.map(([label, value]) => [label, value]));
    expect(byLabel.get(SUMMARY_LABELS.contractValue)).toBe(3500064000);
    expect(byLabel.get(SUMMARY_LABELS.totalCredits)).toBe(300000000);
    expect(byLabel.get(SUMMARY_LABELS.uncreditedPrepayment)).toBe(0);
    expect(byLabel.get(SUMMARY_LABELS.averageAnnualRevenue)).toBe(291672000);
    expect(cents(byLabel.get(SUMMARY_LABELS.revenuePerMWYear))).toBe(money(round2(summary.revenuePerMWYear)));
    expect(byLabel.get(SUMMARY_LABELS.npv)).toBe(ok(dealNpv(terms)));
    expect(byLabel.get(SUMMARY_LABELS.firstMonth)).toBe(serial("2024-07-01"));
    expect(byLabel.get(SUMMARY_LABELS.lastMonth)).toBe(serial("2036-12-01"));
  });

  it("DEALSUMMARY shows a blank NPV, not an error, when there is no discount rate", () => {
    const noRate = terms.filter(([label]) => label !== "Discount rate");
    const table = ok(dealSummary(noRate)) as unknown[][];
    expect(table.find(([label]) => label === SUMMARY_LABELS.npv)?.[1]).toBe("");
  });
});

describe("reading the terms block", () => {
  const base = workedCheckTerms();
  const expected = 3500064000;

  it("matches labels or keys case-insensitively, ignoring spaces and punctuation", () => {
    const relabelled = base.map(([label, value]) => {
      const map: Record<string, string> = {
        "Capacity (MW)": "capacityMW",
        "Rate ($/kW-month)": "RATE $ / KW MONTH",
        "Term (months)": "term_months",
        "Start date": "StartDate",
      };
      return [map[label as string] ?? label, value];
    });
    expect(ok(contractValue(relabelled))).toBe(expected);
  });

  it("ignores blank rows (null or empty text, as Excel passes empty cells)", () => {
    const spaced = [[null, null], ...base.slice(0, 3), ["", ""], [null, ""], ...base.slice(3), ["  ", null]];
    expect(ok(contractValue(spaced))).toBe(expected);
  });

  it("treats a blank value as not given (its default applies)", () => {
    const blanks = base.map(([label, value]) => [label, label === "Credit months" ? "" : value]);
    expect(ok(contractValue(blanks))).toBe(expected);
    expect(ok(prepayRemaining(blanks, [[serial("2031-01-01")]]))).toEqual([[147916666.67]]);
  });

  it("reads numbers and dates typed as text, and percentages as fractions", () => {
    const text = base.map(([label, value]) => {
      if (label === "Rate ($/kW-month)") return [label, "121.53"];
      if (label === "Start date") return [label, "2025-01-01"];
      if (label === "Annual escalator") return [label, 0.03];
      return [label, value];
    });
    const withEscalator = ok(contractValue(text)) as number;
    const checked = validateDeal({ ...WORKED_CHECK_FILE, escalator: 0.03 });
    if (!checked.ok) throw checked.error;
    expect(cents(withEscalator)).toBe(money(summarize(buildSchedule(checked.value)).contractValue));
    expect(withEscalator).toBeGreaterThan(expected);
  });

  it("reads a tranches table with or without a header row", () => {
    const ramp = base.filter(([label]) => label !== "Capacity (MW)" && label !== "Start date");
    const rows = [
      [serial("2025-01-01"), 100],
      [serial("2025-07-01"), 100],
    ];
    const withHeader = [["Date", "MW"], ...rows];
    const a = ok(contractValue(ramp, rows));
    expect(ok(contractValue(ramp, withHeader))).toBe(a);
    const checked = validateDeal({
      ...WORKED_CHECK_FILE,
      capacityMW: undefined,
      startDate: undefined,
      tranches: [
        { date: "2025-01-01", mw: 100 },
        { date: "2025-07-01", mw: 100 },
      ],
    });
    if (!checked.ok) throw checked.error;
    expect(cents(a)).toBe(money(summarize(buildSchedule(checked.value)).contractValue));
    expect(ok(hostingCashflow(ramp, withHeader)) as unknown[][]).toHaveLength(1 + 6 + 144 + 6);
  });

  it("treats a tranches range of blank cells (or only a header) as no tranches", () => {
    expect(
      ok(
        contractValue(base, [
          [null, null],
          ["", ""],
        ]),
      ),
    ).toBe(expected);
    expect(ok(contractValue(base, [[null]]))).toBe(expected);
    expect(
      ok(
        contractValue(base, [
          ["Date", "MW"],
          [null, null],
        ]),
      ),
    ).toBe(expected);
    expect(ok(contractValue(base, undefined))).toBe(expected);
  });

  it("unwraps Excel data types (formatted numbers) to their basic value", () => {
    const typed = base.map(([label, value]) =>
      label === "Rate ($/kW-month)"
        ? [label, { type: "FormattedNumber", basicValue: 121.53, numberFormat: "0.00" }]
        : [label, value],
    );
    expect(ok(contractValue(typed))).toBe(expected);
  });
});

describe("random deals: the functions show exactly what the calculation module computes", () => {
  const day = (serialNumber: number) => {
    const d = fromExcelSerial(serialNumber);
    if (!d) throw new Error(`bad serial ${serialNumber}`);
    return formatIsoDate(d);
  };
  const deal = fc.record({
    capacity: fc.integer({ min: 1, max: 5000 }).map((n) => n / 10),
    rate: fc.integer({ min: 0, max: 30000 }).map((n) => n / 100),
    term: fc.integer({ min: 1, max: 48 }),
    start: fc.integer({ min: serial("2020-01-01"), max: serial("2030-12-31") }),
    escalator: fc.option(
      fc.integer({ min: 0, max: 80 }).map((n) => n / 1000),
      { nil: null },
    ),
    prepayment: fc.integer({ min: 0, max: 10_000_000_00 }).map((n) => n / 100),
    prepaidDaysEarly: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
    percentOfFee: fc.option(
      fc.integer({ min: 1, max: 100 }).map((n) => n / 100),
      { nil: null },
    ),
    creditMonths: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
    opex: fc.integer({ min: 0, max: 5_000_000 }).map((n) => n / 100),
  });

  it("HOSTINGCASHFLOW, CONTRACTVALUE and PREPAYREMAINING agree with the core, cell for cell", () => {
    fc.assert(
      fc.property(deal, (d) => {
        const prepaymentDate = d.prepaidDaysEarly === null ? null : d.start - d.prepaidDaysEarly;
        const terms: unknown[][] = [
          ["Capacity (MW)", d.capacity],
          ["Rate ($/kW-month)", d.rate],
          ["Term (months)", d.term],
          ["Start date", d.start],
          ["Annual escalator", d.escalator],
          ["Prepayment ($)", d.prepayment],
          ["Prepayment date", prepaymentDate],
          ["Credit method", d.percentOfFee === null ? "straight-line" : "percent-of-fee"],
          ["Credit months", d.creditMonths],
          ["Credit % of fee", d.percentOfFee],
          ["Opex ($/MW-month)", d.opex],
        ];
        const checked = validateDeal({
          capacityMW: d.capacity,
          ratePerKWMonth: d.rate,
          termMonths: d.term,
          startDate: day(d.start),
          escalator: d.escalator,
          prepayment: d.prepayment,
          prepaymentDate: prepaymentDate === null ? null : day(prepaymentDate),
          creditMethod: d.percentOfFee === null ? "straight-line" : "percent-of-fee",
          creditMonths: d.creditMonths,
          creditPercent: d.percentOfFee,
          opexPerMWMonth: d.opex,
        });
        if (!checked.ok) throw checked.error;
        const schedule = buildSchedule(checked.value);
        const table = ok(hostingCashflow(terms)) as number[][];
        expect(table.slice(1)).toEqual(
          schedule.rows.map((r) => [
            toExcelSerial(r.date),
            r.billedMW.toNumber(),
            r.rate.toNumber(),
            r.grossFee.toNumber(),
            r.credit.toNumber(),
            r.netFee.toNumber(),
            r.opex.toNumber(),
            r.netCashFlow.toNumber(),
            r.capex.toNumber(),
            r.hostCashFlow.toNumber(),
            r.prepaymentRemaining.toNumber(),
          ]),
        );
        expect(cents(ok(contractValue(terms)))).toBe(money(summarize(schedule).contractValue));
        const dates = table.slice(1).map((row) => [row[0]]);
        const remaining = ok(prepayRemaining(terms, dates)) as number[][];
        expect(remaining.map((r) => r[0])).toEqual(table.slice(1).map((row) => row[10]));
      }),
      { numRuns: 60 },
    );
  });
});
