/**
 * The HPC functions in a real spreadsheet engine (HyperFormula 3.5, dev/test
 * only), on a sheet laid out as the task pane will lay it out: the inputs
 * block (labels in A, values in B), the schedule spilling below it, metric
 * cells beside it, and native formulas over the spill.
 */
import { DetailedCellError, HyperFormula, type RawCellContent } from "hyperformula";
import { Decimal, LIMITS, buildSchedule, money, npv, round2, validateDeal } from "../../src/core";
import { HPC_FUNCTION_NAMES, HPC_HYPERFORMULA_CONFIG, registerHpcFunctions } from "../../preview/hyperformula/plugin";
import { WORKED_CHECK_FILE, serial, workedCheckTerms } from "../support/deals";

registerHpcFunctions();

const TERMS = "$A$1:$B$11";
const SPILL_ROW = 19; // A20: header; months in rows 21..170
const FIRST = SPILL_ROW + 2;
const LAST = SPILL_ROW + 1 + 150;

/** A sheet of `rows` rows with the worked check in A1:B11 and extra cells placed at [row, col]. */
function sheet(extra: [number, number, RawCellContent][], terms: unknown[][] = workedCheckTerms()): RawCellContent[][] {
  const rows: RawCellContent[][] = Array.from({ length: 200 }, () => []);
  terms.forEach(([label, value], i) => {
    rows[i][0] = label as RawCellContent;
    rows[i][1] = value as RawCellContent;
  });
  for (const [r, c, v] of extra) rows[r][c] = v;
  return rows;
}

function build(sheets: Record<string, RawCellContent[][]>): HyperFormula {
  return HyperFormula.buildFromSheets(sheets, { ...HPC_HYPERFORMULA_CONFIG });
}

function value(hf: HyperFormula, sheetName: string, a1: string): unknown {
  const address = hf.simpleCellAddressFromString(a1, hf.getSheetId(sheetName) as number);
  if (!address) throw new Error(a1);
  return hf.getCellValue(address);
}

function cents(n: unknown): string {
  if (typeof n !== "number") throw new Error(`not a number: ${JSON.stringify(n)}`);
  return n.toFixed(2);
}

describe("HPC functions in HyperFormula", () => {
  it("registers the functions under their Excel names", () => {
    expect(HPC_FUNCTION_NAMES).toEqual([
      "HPC.HOSTINGCASHFLOW",
      "HPC.PREPAYREMAINING",
      "HPC.CONTRACTVALUE",
      "HPC.ANNUALREVENUE",
      "HPC.DEALNPV",
      "HPC.DEALSUMMARY",
      "HPC.MININGCOMPARISON",
      "HPC.BREAKEVENHASHPRICE",
      "HPC.MININGSUMMARY",
      "HPC.SENSITIVITY",
      "HPC.PERIODS",
      "HPC.RUNRATE",
      "HPC.PORTFOLIOCASHFLOW",
      "HPC.PORTFOLIOPERIODS",
      "HPC.PORTFOLIORUNRATE",
      "HPC.PORTFOLIOSUMMARY",
      "HPC.PORTFOLIOBYDEAL",
    ]);
    for (const name of HPC_FUNCTION_NAMES) expect(HyperFormula.getRegisteredFunctionNames("enGB")).toContain(name);
    registerHpcFunctions(); // idempotent
  });

  describe("the worked check laid out as the pane lays it out", () => {
    let hf: HyperFormula;
    beforeAll(() => {
      hf = build({
        Deal: sheet([
          [0, 4, `=HPC.CONTRACTVALUE(${TERMS})`],
          [1, 4, `=HPC.PREPAYREMAINING(${TERMS}, DATE(2031,1,1))`],
          [2, 4, `=HPC.ANNUALREVENUE(${TERMS})`],
          [3, 4, `=HPC.DEALNPV(${TERMS})`],
          [4, 4, `=SUM(D${FIRST}:D${LAST})`],
          [5, 4, `=SUM(E${FIRST}:E${LAST})`],
          [6, 4, `=XNPV(0.1, H${FIRST}:H${LAST}, A${FIRST}:A${LAST})`],
          [7, 4, `=E5=E1`],
          [8, 4, `=HPC.DEALNPV(${TERMS}, 0.08)`],
          [9, 4, `=INDEX(A${FIRST}:K${LAST}, 79, 11)`],
          [0, 6, `=HPC.DEALSUMMARY(${TERMS})`],
          [0, 10, `=HPC.PREPAYREMAINING(${TERMS}, A${FIRST + 78}:A${FIRST + 80})`],
          [SPILL_ROW, 0, `=HPC.HOSTINGCASHFLOW(${TERMS})`],
        ]),
      });
    });
    afterAll(() => hf.destroy());

    it("spills the schedule: a header row, then one row per month", () => {
      expect(value(hf, "Deal", "A20")).toBe("Date");
      expect(value(hf, "Deal", "I20")).toBe("Capex");
      expect(value(hf, "Deal", "K20")).toBe("Prepayment remaining");
      expect(value(hf, "Deal", `A${FIRST}`)).toBe(serial("2024-07-01"));
      expect(value(hf, "Deal", `A${LAST}`)).toBe(serial("2036-12-01"));
      expect(value(hf, "Deal", `D${FIRST + 6}`)).toBe(24306000);
      expect(value(hf, "Deal", `A${LAST + 1}`)).toBeNull();
    });

    it("gives the worked check's figures", () => {
      expect(value(hf, "Deal", "E1")).toBe(3500064000);
      expect(value(hf, "Deal", "E2")).toBe(147916666.67);
      expect(value(hf, "Deal", "E3")).toBe(291672000);
    });

    it("native formulas over the spill agree: SUM of the gross column is the contract value", () => {
      expect(value(hf, "Deal", "E5")).toBe(3500064000);
      expect(value(hf, "Deal", "E8")).toBe(true);
      // The engine sums in binary floating point, as Excel does: equal to the cent.
      expect(cents(value(hf, "Deal", "E6"))).toBe("300000000.00");
      // Row 79 of the schedule is January 2031: 73 credits taken.
      expect(value(hf, "Deal", "E10")).toBe(147916666.67);
    });

    it("DEALNPV matches the engine's own XNPV over the spilled dates and net cash flows", () => {
      const at10 = value(hf, "Deal", "E4");
      expect(cents(at10)).toBe(exactNpv(0.1));
      expect(cents(value(hf, "Deal", "E9"))).toBe(exactNpv(0.08));
      // XNPV computes in binary floating point; the HPC figure is exact decimals rounded to cents.
      expect(Math.abs((value(hf, "Deal", "E7") as number) - (at10 as number))).toBeLessThan(0.01);
    });

    it("spills the summary (label, value) and one remaining amount per date of a range", () => {
      expect(value(hf, "Deal", "G1")).toBe("Contract value");
      expect(value(hf, "Deal", "H1")).toBe(3500064000);
      expect(value(hf, "Deal", "G9")).toBe("Last month");
      expect(value(hf, "Deal", "H9")).toBe(serial("2036-12-01"));
      expect([value(hf, "Deal", "K1"), value(hf, "Deal", "K2"), value(hf, "Deal", "K3")]).toEqual([
        147916666.67, 145833333.33, 143750000,
      ]);
    });

    it("follows a change of the terms (the spill keeps its size, padded with empty cells)", () => {
      const deal = hf.getSheetId("Deal") as number;
      hf.setCellContents({ sheet: deal, row: 3, col: 1 }, 12); // Term (months)
      expect(value(hf, "Deal", "E1")).toBe(24306000 * 12);
      expect(value(hf, "Deal", `A${FIRST + 17}`)).toBe(serial("2025-12-01"));
      expect(value(hf, "Deal", `A${FIRST + 18}`)).toBeNull();
      expect(value(hf, "Deal", "E5")).toBe(24306000 * 12);
      hf.setCellContents({ sheet: deal, row: 3, col: 1 }, 200); // longer than the spill was sized for
      const grown = value(hf, "Deal", "A20");
      expect(grown).toBeInstanceOf(DetailedCellError);
      expect((grown as DetailedCellError).message).toContain("enter the formula again");
      hf.setCellContents({ sheet: deal, row: SPILL_ROW, col: 0 }, `=HPC.HOSTINGCASHFLOW(${TERMS})`);
      expect(value(hf, "Deal", `A${SPILL_ROW + 1 + 6 + 200}`)).toBe(serial("2041-08-01"));
    });
  });

  it("sizes the spill for the longest schedule when the terms are formulas, and still ties out", () => {
    const terms = workedCheckTerms().map(([label, v]) => {
      if (label === "Start date") return [label, "=DATE(2025,1,1)"];
      if (label === "Prepayment date") return [label, "=DATE(2024,7,1)"];
      return [label, v];
    });
    const hf = build({
      Deal: sheet(
        [
          [0, 4, `=HPC.CONTRACTVALUE(${TERMS})`],
          [1, 4, `=SUM(D${FIRST}:D${SPILL_ROW + 1 + LIMITS.maxScheduleMonths})`],
          [SPILL_ROW, 0, `=HPC.HOSTINGCASHFLOW(${TERMS})`],
        ],
        terms,
      ),
    });
    expect(value(hf, "Deal", `A${FIRST}`)).toBe(serial("2024-07-01"));
    expect(value(hf, "Deal", `A${LAST + 1}`)).toBeNull();
    expect(value(hf, "Deal", "E1")).toBe(3500064000);
    expect(value(hf, "Deal", "E2")).toBe(3500064000);
    const last = SPILL_ROW + LIMITS.maxScheduleMonths; // header + the longest schedule
    expect(hf.isCellPartOfArray({ sheet: 0, row: last, col: 8 })).toBe(true);
    expect(hf.isCellPartOfArray({ sheet: 0, row: last + 1, col: 0 })).toBe(false);
    hf.destroy();
  });

  it("sizes the spill exactly for a named terms range written before the formula, even above it", () => {
    registerHpcFunctions();
    const hf = HyperFormula.buildEmpty({ ...HPC_HYPERFORMULA_CONFIG });
    const id = hf.getSheetId(hf.addSheet("Deal")) as number;
    // The pane's layout: the schedule's header on row 4 (E4), the terms below it from A5.
    hf.setCellContents({ sheet: id, row: 4, col: 0 }, workedCheckTerms() as RawCellContent[][]);
    hf.addNamedExpression("Deal_Terms", "=Deal!$A$5:$B$15");
    hf.setCellContents({ sheet: id, row: 3, col: 4 }, "=HPC.HOSTINGCASHFLOW(Deal_Terms)");
    expect(value(hf, "Deal", "E4")).toBe("Date");
    expect(value(hf, "Deal", "M154")).toBe(0); // last month: nothing left to recoup
    expect(hf.isCellPartOfArray({ sheet: id, row: 3 + 150, col: 12 })).toBe(true);
    expect(hf.isCellPartOfArray({ sheet: id, row: 3 + 151, col: 4 })).toBe(false);
    hf.destroy();
  });

  it("pads the spill when the sheet is built with the terms after the formula", () => {
    const rows: RawCellContent[][] = [[null, null, null, null, "=HPC.HOSTINGCASHFLOW($A$5:$B$15)"], [], [], []];
    for (const [label, v] of workedCheckTerms()) rows.push([label as RawCellContent, v as RawCellContent]);
    const hf = build({ Deal: rows });
    expect(value(hf, "Deal", "E1")).toBe("Date");
    expect(value(hf, "Deal", "A152")).toBeNull();
    expect(value(hf, "Deal", "E151")).toBe(serial("2036-12-01"));
    expect(value(hf, "Deal", "E152")).toBeNull();
    expect(hf.isCellPartOfArray({ sheet: 0, row: LIMITS.maxScheduleMonths, col: 4 })).toBe(true);
    hf.destroy();
  });

  it("gives #VALUE! with the adapter's message for bad input, never a spill of errors", () => {
    const terms = workedCheckTerms();
    terms[1][1] = "lots";
    const hf = build({
      Bad: sheet(
        [
          [0, 4, `=HPC.CONTRACTVALUE(${TERMS})`],
          [0, 6, `=HPC.DEALSUMMARY(${TERMS})`],
          [2, 4, `=HPC.CONTRACTVALUE(${TERMS}, D1:D2)`],
          [SPILL_ROW, 0, `=HPC.HOSTINGCASHFLOW(${TERMS})`],
        ],
        terms,
      ),
    });
    for (const a1 of ["E1", "G1", "E3", "A20"]) {
      const v = value(hf, "Bad", a1);
      expect(v).toBeInstanceOf(DetailedCellError);
      expect((v as DetailedCellError).value).toBe("#VALUE!");
      expect((v as DetailedCellError).message).toBe('capacityMW must be a number of MW > 0, got "lots"');
    }
    hf.destroy();
  });

  it("names the term when a cell of the terms holds an error", () => {
    const terms = workedCheckTerms();
    terms[2][1] = "=NA()";
    const hf = build({ Bad: sheet([[0, 4, `=HPC.CONTRACTVALUE(${TERMS})`]], terms) });
    const v = value(hf, "Bad", "E1") as DetailedCellError;
    expect(v.value).toBe("#VALUE!");
    expect(v.message).toBe("ratePerKWMonth holds the Excel error #N/A: it must be a rate in $/kW-month >= 0");
    hf.destroy();
  });
});

/** The worked check's NPV at a rate, computed exactly by the calculation module and rounded to cents. */
function exactNpv(rate: number): string {
  const checked = validateDeal(WORKED_CHECK_FILE);
  if (!checked.ok) throw checked.error;
  return money(round2(npv(buildSchedule(checked.value), new Decimal(rate))));
}
