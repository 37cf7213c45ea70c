/**
 * The period, run-rate and portfolio functions: host-neutral (as Excel's
 * runtime calls them, the deals as one repeating argument) and in HyperFormula.
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import path from "node:path";
import { PERIOD_HEADER, SCHEDULE_HEADER, buildPortfolio, money, rollUp, validatePortfolio } from "../../src/core";
import { HPC_HYPERFORMULA_CONFIG, registerHpcFunctions } from "../../preview/hyperformula/plugin";
import * as fn from "../../src/functions/portfolio";
import { serial } from "../support/deals";

registerHpcFunctions();

const alphaTerms = [
  ["Deal", "Alpha"],
  ["Capacity (MW)", 100],
  ["Rate ($/kW-month)", 120],
  ["Term (months)", 24],
  ["Start date", serial("2025-01-01")],
  ["Prepayment ($)", 1200000],
  ["Prepayment date", serial("2024-10-01")],
];
const barberTerms = [
  ["Deal", "Barber Lake"],
  ["Rate ($/kW-month)", 100],
  ["Term (months)", 12],
  ["Discount rate", 0.5],
];
const barberTranches = [
  ["Date", "MW"],
  [serial("2025-06-15"), 50],
  [serial("2025-09-01"), 30],
];
const barberCapex = [[serial("2024-12-01"), 50000000]];

const alphaFile = {
  name: "Alpha",
  capacityMW: 100,
  ratePerKWMonth: 120,
  termMonths: 24,
  startDate: "2025-01-01",
  prepayment: 1200000,
  prepaymentDate: "2024-10-01",
};
const barberFile = {
  name: "Barber Lake",
  ratePerKWMonth: 100,
  termMonths: 12,
  discountRate: 0.5,
  tranches: [
    { date: "2025-06-15", mw: 50 },
    { date: "2025-09-01", mw: 30 },
  ],
  capex: [{ date: "2024-12-01", amount: 50000000 }],
};
const core = (() => {
  const p = validatePortfolio({ deals: [alphaFile, barberFile] });
  if (!p.ok) throw p.error;
  return buildPortfolio(p.value, null);
})();

function ok<T>(o: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!o.ok) throw new Error(o.message);
  return o.value;
}

describe("HPC.PERIODS and HPC.RUNRATE", () => {
  it("spills the period table with its header, dates as serials", () => {
    const t = ok(fn.periods(alphaTerms, null, null, "quarter", null));
    expect(t[0]).toEqual([...PERIOD_HEADER]);
    expect(t[1].slice(0, 4)).toEqual(["Q4 2024", serial("2024-10-01"), serial("2024-12-31"), 3]);
    expect(t[2][5]).toBe(36000000);
    const fy = ok(fn.periods(alphaTerms, undefined, undefined, "year", 6));
    expect(fy.map((r) => r[0])).toEqual(["Period", "FY2025", "FY2026", "FY2027"]);
  });

  it("refuses a bad period or fiscal year end, naming the argument", () => {
    const bad = fn.periods(alphaTerms, null, null, "week", null);
    expect(bad).toMatchObject({ ok: false, code: "#VALUE!" });
    expect(!bad.ok && bad.message).toMatch(/^period must be month, quarter or year/);
    const fy = fn.periods(alphaTerms, null, null, null, 13);
    expect(!fy.ok && fy.message).toMatch(/^fiscalYearEnd must be a whole number from 1 to 12/);
    // Every input problem is #VALUE!: Excel shows its message, and drops a #NUM!'s.
    expect(fy).toMatchObject({ code: "#VALUE!" });
  });

  it("gives the run rate at a date, 0 outside the schedule, and refuses a missing date", () => {
    expect(ok(fn.runRate(alphaTerms, serial("2025-05-20")))).toBe(144000000);
    expect(ok(fn.runRate(alphaTerms, "2030-01-01"))).toBe(0);
    expect(fn.runRate(alphaTerms, null)).toMatchObject({ ok: false, code: "#VALUE!" });
  });
});

describe("portfolio functions (deals as a repeating argument: terms, tranches, capex, …)", () => {
  const deals = [alphaTerms, null, null, barberTerms, barberTranches, barberCapex];

  it("gives the combined schedule of the deals, as the core does", () => {
    const t = ok(fn.portfolioCashflow(deals));
    expect(t[0]).toEqual([...SCHEDULE_HEADER]);
    expect(t).toHaveLength(1 + core.combined.rows.length);
    core.combined.rows.forEach((r, i) => expect(Number(t[i + 1][3]).toFixed(2)).toBe(money(r.grossFee)));
  });

  it("gives the period table, the run rate and the figures", () => {
    const q = ok(fn.portfolioPeriods(null, null, deals));
    const expected = rollUp(core.combined);
    expect(q.slice(1).map((r) => [r[0], Number(r[5]).toFixed(2)])).toEqual(
      expected.map((r) => [r.period, money(r.grossFee)]),
    );
    expect(ok(fn.portfolioRunRate(serial("2025-09-30"), deals))).toBe(240000000);
    const table = ok(fn.portfolioSummary(null, 0.1, deals));
    expect(table[0]).toEqual(["Contract value", 384000000]);
    expect(table[1]).toEqual(["Average annual revenue", ""]);
    expect(ok(fn.portfolioSummary("capacityMW", null, deals))).toEqual([[180]]);
    expect(fn.portfolioSummary("npv", null, deals)).toMatchObject({ ok: false });
    expect(fn.portfolioSummary("averageAnnualRevenue", 0.1, deals)).toMatchObject({ ok: false });
  });

  it("gives each deal's gross fee on the book's periods, adding up to the book's", () => {
    const t = ok(fn.portfolioByDeal(null, null, deals));
    expect(t[0]).toEqual(["Period", "Alpha", "Barber Lake"]);
    const q = ok(fn.portfolioPeriods(null, null, deals));
    expect(t.slice(1).map((r) => r[0])).toEqual(q.slice(1).map((r) => r[0]));
    t.slice(1).forEach((r, i) => expect((Number(r[1]) + Number(r[2])).toFixed(2)).toBe(Number(q[i + 1][5]).toFixed(2)));
    expect(t[1]).toEqual(["Q4 2024", 0, 0]);
  });

  it("takes trailing blanks as left-out ranges, and names a bad deal by index and name", () => {
    expect(ok(fn.portfolioRunRate("2025-02-01", [alphaTerms]))).toBe(144000000);
    const bad = fn.portfolioCashflow([alphaTerms, null, null, barberTerms.concat([["Term (months)", 0]])]);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/^deals\[2\] \("Barber Lake"\): /);
    const missing = fn.portfolioCashflow([alphaTerms, null, null, null, barberTranches]);
    expect(!missing.ok && missing.message).toMatch(/^deals\[2\]: the terms range is missing/);
    const none = fn.portfolioCashflow([]);
    expect(!none.ok && none.message).toMatch(/^deals must name at least one deal/);
  });

  it("is declared with one repeating matrix parameter", async () => {
    const generated = await generateCustomFunctionsMetadata(
      path.resolve(__dirname, "../../src/functions/functions.ts"),
    );
    const functions = (
      JSON.parse(generated.metadataJson) as {
        functions: { id: string; parameters: { name: string; repeating?: boolean }[] }[];
      }
    ).functions;
    for (const id of [
      "PORTFOLIOCASHFLOW",
      "PORTFOLIOPERIODS",
      "PORTFOLIORUNRATE",
      "PORTFOLIOSUMMARY",
      "PORTFOLIOBYDEAL",
    ]) {
      const params = functions.find((f) => f.id === id)!.parameters;
      expect(params[params.length - 1]).toMatchObject({ name: "deals", repeating: true });
      expect(params.filter((p) => p.repeating)).toHaveLength(1);
    }
  });
});

describe("in HyperFormula", () => {
  function cells(rows: unknown[][], at: number, col: number, grid: RawCellContent[][]) {
    rows.forEach((r, i) => r.forEach((v, j) => ((grid[at + i] ??= [])[col + j] = v as RawCellContent)));
  }

  it("computes the portfolio from two deal sheets' ranges, live when a term changes", () => {
    const a: RawCellContent[][] = [];
    cells(alphaTerms, 0, 0, a);
    const b: RawCellContent[][] = [];
    cells(barberTerms, 0, 0, b);
    cells(barberTranches, 0, 3, b);
    cells(barberCapex, 0, 6, b);
    const p: RawCellContent[][] = [
      ["=HPC.PORTFOLIORUNRATE(DATE(2025,9,30),Alpha!$A$1:$B$7,,,Barber!$A$1:$B$4,Barber!$D$1:$E$3,Barber!$G$1:$H$1)"],
      ['=HPC.PORTFOLIOSUMMARY("contractValue",,Alpha!$A$1:$B$7,,,Barber!$A$1:$B$4,Barber!$D$1:$E$3,Barber!$G$1:$H$1)'],
      ['=HPC.RUNRATE(Alpha!$A$1:$B$7,"2025-03-01")'],
      ['=HPC.PORTFOLIOPERIODS("year",,Alpha!$A$1:$B$7,,,Barber!$A$1:$B$4,Barber!$D$1:$E$3,Barber!$G$1:$H$1)'],
    ];
    const hf = HyperFormula.buildFromSheets({ Alpha: a, Barber: b, Book: p }, { ...HPC_HYPERFORMULA_CONFIG });
    const book = hf.getSheetId("Book")!;
    const v = (row: number, col = 0) => hf.getCellValue({ sheet: book, row, col });
    expect(v(0)).toBe(240000000);
    expect(v(1)).toBe(384000000);
    expect(v(2)).toBe(144000000);
    expect([v(3), v(4), v(5), v(6), v(7)]).toEqual(["Period", "2024", "2025", "2026", null]);
    // A term changes on a deal sheet: the portfolio follows.
    hf.setCellContents({ sheet: hf.getSheetId("Alpha")!, row: 2, col: 1 }, 130);
    expect(v(0)).toBe(13000000 * 12 + 80 * 100 * 1000 * 12);
    hf.destroy();
  });
});
