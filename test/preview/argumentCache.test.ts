/**
 * The plugin keeps a range argument's Excel-shaped values on HyperFormula's
 * vertex for the range, so that the HPC cells of one deal read it once per
 * change. Every edit below is checked against an engine built afresh from the
 * same sheet: a kept value that outlived a change of its range would differ.
 */
import { DetailedCellError, HyperFormula, SimpleRangeValue, type RawCellContent } from "hyperformula";
import { HPC_HYPERFORMULA_CONFIG, registerHpcFunctions } from "../../preview/hyperformula/plugin";
import { workedCheckTerms } from "../support/deals";

registerHpcFunctions();

const TERMS = "$A$1:$B$11";
const FORMULAS = [
  `=HPC.CONTRACTVALUE(${TERMS})`,
  `=HPC.ANNUALREVENUE(${TERMS})`,
  `=HPC.DEALNPV(${TERMS})`,
  `=HPC.PREPAYREMAINING(${TERMS}, DATE(2031,1,1))`,
  // A second range over the same cells and one more row.
  `=HPC.CONTRACTVALUE($A$1:$B$12)`,
];

function sheet(): RawCellContent[][] {
  const rows: RawCellContent[][] = workedCheckTerms().map((row) => [...row] as RawCellContent[]);
  rows[2][1] = "=F1*1"; // the rate: a formula over a cell outside the range
  rows[0][5] = 121.53;
  FORMULAS.forEach((f, i) => (rows[i][3] = f));
  return rows;
}

const build = (sheets: Record<string, RawCellContent[][]>) =>
  HyperFormula.buildFromSheets(sheets, { ...HPC_HYPERFORMULA_CONFIG });

/** The HPC cells of column D (wherever rows moved them), errors as their message. */
function outputs(hf: HyperFormula): unknown[] {
  const id = hf.getSheetId("Deal") as number;
  const height = hf.getSheetDimensions(id).height;
  const out: unknown[] = [];
  for (let row = 0; row < height; row++) {
    if (!hf.doesCellHaveFormula({ sheet: id, row, col: 3 })) continue;
    const v = hf.getCellValue({ sheet: id, row, col: 3 });
    out.push(v instanceof DetailedCellError ? `${v.value} ${v.message}` : v);
  }
  return out;
}

/** The same cells in an engine built from the sheet as it stands now (no kept values). */
function afresh(hf: HyperFormula): unknown[] {
  const again = build(hf.getAllSheetsSerialized());
  try {
    return outputs(again);
  } finally {
    again.destroy();
  }
}

describe("range arguments kept on HyperFormula's range vertex", () => {
  let hf: HyperFormula;
  let deal: number;
  beforeEach(() => {
    hf = build({ Deal: sheet() });
    deal = hf.getSheetId("Deal") as number;
  });
  afterEach(() => hf.destroy());

  it("reads a range once per change however many HPC cells take it", () => {
    const spy = jest.spyOn(SimpleRangeValue.prototype, "rawData");
    try {
      hf.setCellContents({ sheet: deal, row: 1, col: 1 }, 150); // capacity
      // One read for A1:B11 (four cells) and one for A1:B12.
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
    expect(outputs(hf)).toEqual(afresh(hf));
    expect(outputs(hf)[0]).toBe(150 * 1000 * 121.53 * 144);
  });

  it("follows every kind of change to the range, as a fresh engine computes it", () => {
    const steps: [string, () => unknown][] = [
      ["a value in the range", () => hf.setCellContents({ sheet: deal, row: 1, col: 1 }, 150)],
      ["a cell a formula of the range reads", () => hf.setCellContents({ sheet: deal, row: 0, col: 5 }, 99.5)],
      ["a label in the range", () => hf.setCellContents({ sheet: deal, row: 10, col: 0 }, "Unknown label")],
      ["the label back", () => hf.setCellContents({ sheet: deal, row: 10, col: 0 }, "Discount rate")],
      ["the row after the first range", () => hf.setCellContents({ sheet: deal, row: 11, col: 0 }, "Deal")],
      ["a row inserted into the range", () => hf.addRows(deal, [4, 1])],
      ["a value in the inserted row", () => hf.setCellContents({ sheet: deal, row: 4, col: 1 }, 7)],
      ["a row removed from the range", () => hf.removeRows(deal, [1, 1])],
      ["undo", () => hf.undo()],
      ["redo", () => hf.redo()],
      ["a range of cells pasted over the terms", () => hf.setCellContents({ sheet: deal, row: 0, col: 1 }, [["X"]])],
    ];
    expect(outputs(hf)).toEqual(afresh(hf));
    for (const [what, step] of steps) {
      step();
      expect({ what, got: outputs(hf) }).toEqual({ what, got: afresh(hf) });
    }
  });
});
