import { HyperFormula, type RawCellContent } from "hyperformula";
import { buildSchedule, compareMining, computeDeal, round2, validateDeal } from "../../src/core";
import { HPC_HYPERFORMULA_CONFIG, registerHpcFunctions } from "../../preview/hyperformula/plugin";
import { sensitivity } from "../../src/functions/sensitivity";
import { WORKED_CHECK_FILE, serial, workedCheckTerms } from "../support/deals";

/** =HPC.SENSITIVITY: the two-way table as a spilled array, problems as text inside it, request errors as #VALUE!. */

registerHpcFunctions();

function npvOf(file: Record<string, unknown>): number {
  const m = computeDeal(file);
  if (!m.ok || m.value.summary.npv === null) throw new Error("expected an NPV");
  return round2(m.value.summary.npv).toNumber();
}

describe("HPC.SENSITIVITY", () => {
  it("spills a header row and one row per value of inputA; cells are the deals' figures", () => {
    const out = sensitivity("npv", "Rate ($/kW-month)", [[110], [121.53]], "delayMonths", [[0, 6]], workedCheckTerms());
    if (!out.ok) throw new Error(out.message);
    expect(out.value).toEqual([
      ["npv", 0, 6],
      [
        110,
        npvOf({ ...WORKED_CHECK_FILE, ratePerKWMonth: 110 }),
        npvOf({ ...WORKED_CHECK_FILE, ratePerKWMonth: 110, startDate: "2025-07-01" }),
      ],
      [121.53, npvOf(WORKED_CHECK_FILE), npvOf({ ...WORKED_CHECK_FILE, startDate: "2025-07-01" })],
    ]);
  });

  it("holds a short text, never an error value, where a combination is invalid or a figure has none", () => {
    const out = sensitivity("irr", "termMonths", [[0], [144], [null]], "escalator", [[-2, 0]], workedCheckTerms());
    if (!out.ok) throw new Error(out.message);
    expect(out.value[1][1]).toBe("termMonths must be a whole number of months >= 1, got 0");
    expect(out.value[2][1]).toBe("escalator must be a fraction > -1 (0.03 = 3 %), got -2");
    expect(out.value[2][2]).toBe("no IRR: host cash flows never change sign");
    expect(out.value[3]).toEqual(["", "", ""]); // a blank value: a blank row
    for (const row of out.value) for (const cell of row) expect(["string", "number"]).toContain(typeof cell);
  });

  it("takes figure and input names by key or label, in any case", () => {
    const a = sensitivity("Contract value", "rate per kw month", 100, "Term (months)", [[12]], workedCheckTerms());
    const b = sensitivity("contractvalue", "ratePerKWMonth", [[100]], "termMonths", 12, workedCheckTerms());
    expect(a).toEqual(b);
    expect(a.ok && a.value[1][1]).toBe(200 * 1000 * 100 * 12);
  });

  it.each([
    [["revenuePerMWYear", "termMonths", [[1]], "escalator", [[0]]], /^figure must be one of contractValue, npv/],
    [["npv", "rate", [[1]], "escalator", [[0]]], /^inputA must name a numeric term, delayMonths or mining.KEY/],
    [["npv", "termMonths", [[1]], 3, [[0]]], /^inputB must name a numeric term,.*got 3$/],
    [["npv", "termMonths", [["abc"]], "escalator", [[0]]], /^valuesA value 1 must be a number, got "abc"/],
    [["npv", "termMonths", [[1]], "escalator", [[{ code: "#N/A" }]]], /^valuesB value 1 .*the Excel error #N\/A/],
    [["npv", "termMonths", [[null]], "escalator", [[0]]], /^valuesA must hold at least one number/],
    [["npv", "termMonths", [[1]], "termMonths", [[0]]], /^inputA and inputB must be different inputs/],
    [["npv", "capacityMW", [[1]], "termMonths", [[12]], [[serial("2025-01-01"), 5]]], /capacityMW can be varied only/],
  ] as [unknown[], RegExp][])("refuses a bad request with #VALUE! naming it (%#)", (args, message) => {
    const [figure, inputA, valuesA, inputB, valuesB, tranches] = args;
    const terms =
      tranches === undefined
        ? workedCheckTerms()
        : workedCheckTerms().filter((r) => r[0] !== "Capacity (MW)" && r[0] !== "Start date");
    const out = sensitivity(figure, inputA, valuesA, inputB, valuesB, terms, tranches);
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.code).toBe("#VALUE!");
      expect(out.message).toMatch(message);
    }
  });

  it("refuses an invalid deal with its problems, and never throws on hostile input", () => {
    const bad = sensitivity("npv", "termMonths", [[1]], "escalator", [[0]], [["Term (months)", 0]]);
    expect(bad.ok).toBe(false);
    const hostile = {
      get code(): string {
        throw new Error("boom");
      },
    };
    expect(() => sensitivity(hostile, hostile, hostile, hostile, hostile, hostile)).not.toThrow();
  });

  it("takes the mining range for breakevenHashprice and mining.KEY inputs", () => {
    const mining = [
      ["Hashprice ($/PH/s/day)", 50],
      ["Fleet efficiency (J/TH)", 20],
      ["Power cost ($/kWh)", 0.04],
    ];
    const out = sensitivity(
      "breakevenHashprice",
      "mining.powerCostPerKWh",
      [[0.03, 0.05]],
      "termMonths",
      144,
      workedCheckTerms(),
      null,
      null,
      mining,
    );
    if (!out.ok) throw new Error(out.message);
    [0.03, 0.05].forEach((p, i) => {
      const t = validateDeal({
        ...WORKED_CHECK_FILE,
        mining: { hashprice: 50, efficiencyJPerTH: 20, powerCostPerKWh: p },
      });
      if (!t.ok) throw t.error;
      const h = compareMining(buildSchedule(t.value)).summary.breakevenHashprice;
      expect(out.value[i + 1][1]).toBe(round2(h).toNumber());
    });
    const without = sensitivity("breakevenHashprice", "termMonths", 12, "escalator", 0, workedCheckTerms());
    expect(without.ok).toBe(false);
    if (!without.ok) expect(without.message).toMatch(/mining/);
  });

  it("spills in HyperFormula, sized from the values ranges", () => {
    const rows: RawCellContent[][] = workedCheckTerms().map((r) => r as RawCellContent[]);
    rows.push([], ["termMonths", 120, 144], ["delayMonths", 0, 12]);
    rows.push([], ['=HPC.SENSITIVITY("contractValue","termMonths",B13:C13,"delayMonths",B14:C14,A1:B11)']);
    const hf = HyperFormula.buildFromSheets({ S: rows }, { ...HPC_HYPERFORMULA_CONFIG });
    const sheet = hf.getSheetId("S") as number;
    const range = hf.getRangeValues({ start: { sheet, row: 15, col: 0 }, end: { sheet, row: 17, col: 2 } });
    expect(range).toEqual([
      ["contractValue", 0, 12],
      [120, 2916720000, 2916720000],
      [144, 3500064000, 3500064000],
    ]);
    hf.destroy();
  });
});
