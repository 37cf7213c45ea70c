import "../support/customFunctionsShim";
import { MINING_FIGURES, MINING_HEADER, buildSchedule, compareMining, money, validateDeal } from "../../src/core";
import { breakevenHashprice, miningComparison, miningSummary } from "../../src/functions/functions";
import { CustomFunctionsError } from "../support/customFunctionsShim";
import { WORKED_CHECK_FILE, serial, workedCheckTerms } from "../support/deals";

/** HPC.MININGCOMPARISON, HPC.BREAKEVENHASHPRICE and HPC.MININGSUMMARY against the core, and their messages. */

const MINING_RANGE: unknown[][] = [
  ["Hashprice ($/PH/s/day)", 48],
  ["Fleet efficiency (J/TH)", 23.6],
  ["Power cost ($/kWh)", 0.04],
  ["Site power (MW)", null],
  ["Uptime", "95%"],
  ["Pool fee", 0.02],
  ["Transaction-fee share of hashprice", 0.1],
  ["Hashprice growth (annual)", 0.05],
  ["Halving dates", "2028-04-17, 2032-04-14"],
  ["Mining opex ($/MW-month)", 1000],
];

const MINING_BLOCK = {
  hashprice: 48,
  efficiencyJPerTH: 23.6,
  powerCostPerKWh: 0.04,
  uptime: 0.95,
  poolFee: 0.02,
  feeShare: 0.1,
  hashpriceGrowth: 0.05,
  halvingDates: ["2028-04-17", "2032-04-14"],
  miningOpexPerMWMonth: 1000,
};

function core(rate?: string) {
  const checked = validateDeal({ ...WORKED_CHECK_FILE, mining: MINING_BLOCK, ...(rate ? { discountRate: rate } : {}) });
  if (!checked.ok) throw checked.error;
  return compareMining(buildSchedule(checked.value));
}

function errorOf(value: unknown): CustomFunctionsError {
  expect(value).toBeInstanceOf(CustomFunctionsError);
  return value as CustomFunctionsError;
}

describe("HPC.MININGCOMPARISON", () => {
  it("spills the core's monthly comparison with a header row, dates as serials, money in dollars", () => {
    const table = miningComparison(workedCheckTerms(), MINING_RANGE) as (string | number)[][];
    const { schedule } = core();
    expect(table[0]).toEqual([...MINING_HEADER]);
    expect(table).toHaveLength(1 + schedule.rows.length);
    schedule.rows.forEach((r, i) => {
      const row = table[i + 1];
      expect(row[0]).toBe(serial(`${r.date.year}-${String(r.date.month).padStart(2, "0")}-01`));
      expect(row[1]).toBe(r.hashprice.toNumber());
      expect(row[2]).toBe(r.hashrate.toNumber());
      expect(money(r.miningRevenue)).toBe((row[3] as number).toFixed(2));
      expect(row.slice(4).map((x) => (x as number).toFixed(2))).toEqual(
        [r.powerCost, r.miningOpex, r.miningMargin, r.hostingCashFlow].map(money),
      );
    });
  });

  it("takes keys as labels, an Excel date or 'none' for the halvings", () => {
    const byKey = MINING_RANGE.map(([label, value]) => [
      label === "Hashprice ($/PH/s/day)" ? "hashprice" : label,
      label === "Halving dates" ? serial("2028-04-17") : value,
    ]);
    const table = miningComparison(workedCheckTerms(), byKey) as number[][];
    expect(table).toHaveLength(151);
    const none = miningComparison(workedCheckTerms(), [...MINING_RANGE.slice(0, 8), ["Halving dates", "none"]]);
    expect((none as number[][])[150][1]).toBeGreaterThan((table[150] as number[])[1]);
  });

  it.each([
    [[["Hashprice ($/PH/s/day)", 48]], /mining\.efficiencyJPerTH is required/],
    [[...MINING_RANGE, ["Colour", "blue"]], /unknown mining term "Colour" in mining row 11/],
    [[...MINING_RANGE, ["Uptime", 1]], /mining\.uptime is given twice/],
    [[["Hashprice", 48, 1]], /two-column/],
    [
      [...MINING_RANGE.slice(0, 8), ["Halving dates", "2028-04-17, 2028-04-17"]],
      /mining\.halvingDates must be a list of distinct dates/,
    ],
    [[...MINING_RANGE.slice(0, 3), ["Pool fee", 1]], /mining\.poolFee must be a fraction >= 0 and < 1/],
    [[[null, null]], /mining is required/],
  ])("refuses bad mining ranges with #VALUE! or #NUM!, naming the term (%#)", (range, pattern) => {
    const e = errorOf(miningComparison(workedCheckTerms(), range));
    expect(e.message).toMatch(pattern);
    expect(["#VALUE!", "#NUM!"]).toContain(e.code);
  });

  it("names the deal's own bad terms as the other functions do", () => {
    const e = errorOf(miningComparison([["Capacity (MW)", -1]], MINING_RANGE));
    expect(e.message).toMatch(/capacityMW/);
  });
});

describe("HPC.BREAKEVENHASHPRICE and HPC.MININGSUMMARY", () => {
  it("give the core's figures, the breakeven to the cent, at the terms' rate or the one given", () => {
    const at10 = core().summary;
    expect((breakevenHashprice(workedCheckTerms(), MINING_RANGE) as number).toFixed(2)).toBe(
      money(at10.breakevenHashprice),
    );
    const at0 = core("0").summary;
    expect(
      (breakevenHashprice(workedCheckTerms(), MINING_RANGE, null as never, null as never, 0) as number).toFixed(2),
    ).toBe(money(at0.breakevenHashprice));
    const table = miningSummary(workedCheckTerms(), MINING_RANGE) as (string | number)[][];
    expect(table.map((r) => r[0])).toEqual(MINING_FIGURES.map((f) => f.label));
    expect(table.map((r) => (r[1] as number).toFixed(2))).toEqual(
      MINING_FIGURES.map((f) => money(f.value(at10) as never)),
    );
    expect(miningSummary(workedCheckTerms(), MINING_RANGE, undefined, undefined, "miningNpv")).toEqual([
      [Number(money(at10.miningNpv))],
    ]);
    expect(miningSummary(workedCheckTerms(), MINING_RANGE, undefined, undefined, "Hosting NPV", 0)).toEqual([
      [Number(money(at0.hostingNpv))],
    ]);
  });

  it("refuses an unknown figure and a bad rate, naming them", () => {
    expect(errorOf(miningSummary(workedCheckTerms(), MINING_RANGE, undefined, undefined, "irr")).message).toMatch(
      /figure must be the name of a mining figure/,
    );
    expect(errorOf(breakevenHashprice(workedCheckTerms(), MINING_RANGE, undefined, undefined, -5)).message).toMatch(
      /rate/,
    );
  });
});

describe("the mining functions in HyperFormula (the preview's engine)", () => {
  it("spill the comparison exactly sized, and give the breakeven and one figure as values", async () => {
    const { HyperFormula } = await import("hyperformula");
    const { HPC_HYPERFORMULA_CONFIG, registerHpcFunctions } = await import("../../preview/hyperformula/plugin");
    registerHpcFunctions();
    const rows: (string | number | null)[][] = Array.from({ length: 200 }, () => [null, null, null, null, null]);
    workedCheckTerms().forEach(([label, value], i) => {
      rows[i][0] = label as string;
      rows[i][1] = value as number;
    });
    MINING_RANGE.forEach(([label, value], i) => {
      rows[i][3] = label as string;
      rows[i][4] = value as string | number | null;
    });
    rows[12][0] = "=HPC.BREAKEVENHASHPRICE(A1:B11, D1:E10)";
    rows[13][0] = '=HPC.MININGSUMMARY(A1:B11, D1:E10, , , "miningNpv")';
    rows[15][0] = "=HPC.MININGCOMPARISON(A1:B11, D1:E10)";
    const hf = HyperFormula.buildFromSheets({ S: rows as never }, { ...HPC_HYPERFORMULA_CONFIG });
    const at = (row: number, col: number) => hf.getCellValue({ sheet: 0, row, col });
    const { schedule, summary } = core();
    expect((at(12, 0) as number).toFixed(2)).toBe(money(summary.breakevenHashprice));
    expect((at(13, 0) as number).toFixed(2)).toBe(money(summary.miningNpv));
    expect(at(15, 0)).toBe("Date");
    expect(at(15, 7)).toBe("Hosting cash flow");
    expect((at(16 + 149, 6) as number).toFixed(2)).toBe(money(schedule.rows[149].miningMargin));
    expect(at(16 + 150, 0)).toBeNull();
    hf.destroy();
  });
});

describe("nothing a user types throws out of the mining functions", () => {
  it("gives a table or one error value for any mining range, figure and rate", async () => {
    const fc = (await import("fast-check")).default;
    const cell = fc.oneof(
      fc.constant(null),
      fc.string({ maxLength: 30 }),
      fc.double({ noNaN: false }),
      fc.boolean(),
      fc.constantFrom("Hashprice", "uptime", "Halving dates", "none", "#N/A", "2028-04-17, x", "1e400", "-0", "95%"),
      fc.record({ code: fc.constantFrom("#VALUE!", "#N/A") }),
    );
    const range = fc.array(fc.tuple(cell, cell), { maxLength: 12 });
    fc.assert(
      fc.property(range, cell, cell, (mining, figure, rate) => {
        for (const out of [
          miningComparison(workedCheckTerms(), mining as unknown[][], undefined, undefined, rate),
          breakevenHashprice(workedCheckTerms(), mining as unknown[][], undefined, undefined, rate),
          miningSummary(workedCheckTerms(), mining as unknown[][], undefined, undefined, figure, rate),
        ]) {
          if (out instanceof CustomFunctionsError) expect(out.message?.length).toBeGreaterThan(0);
          else expect(Array.isArray(out) || typeof out === "number").toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
