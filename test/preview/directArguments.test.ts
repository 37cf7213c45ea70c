/**
 * The plugin reads a call's arguments itself when HyperFormula's runFunction
 * could only hand them over as they are (cell ranges, cells, literals). The
 * same call with each argument in parentheses goes through runFunction: both
 * must answer the same, errors included.
 */
import { DetailedCellError, HyperFormula, type RawCellContent } from "hyperformula";
import { HPC_HYPERFORMULA_CONFIG, HpcFunctionsPlugin, registerHpcFunctions } from "../../preview/hyperformula/plugin";
import { serial, workedCheckTerms } from "../support/deals";

registerHpcFunctions();

const T = "$A$1:$B$11";
const BAD = "$A$13:$B$23"; // the worked check with an error in a cell
/** Cells of column F, each a date argument of some kind. */
const DATES: RawCellContent[] = [
  serial("2031-01-01"),
  "=1/0",
  null,
  "not a date",
  "=DATE(2031,1,1)",
  true,
  "2031-01-01",
];
const CALLS: string[][] = [
  ["HPC.CONTRACTVALUE", T],
  ["HPC.CONTRACTVALUE", BAD],
  ["HPC.CONTRACTVALUE", "F1"],
  ["HPC.CONTRACTVALUE", "F2"],
  ["HPC.ANNUALREVENUE", T],
  ["HPC.DEALNPV", T],
  ["HPC.DEALNPV", T, "0.08"],
  ["HPC.DEALNPV", T, '"8%"'],
  ["HPC.DEALNPV", T, "F2"],
  ["HPC.DEALNPV", T, "F4"],
  ["HPC.DEALNPV", BAD, "F2"],
  ["HPC.PREPAYREMAINING", T, '"2031-01-01"'],
  ["HPC.PREPAYREMAINING", T, "F1:F1"],
  ["HPC.PREPAYREMAINING", T, "F1", "F3"],
  ["HPC.PREPAYREMAINING", T, "F1", "F2"],
  ["HPC.BREAKEVENHASHPRICE", T, "F4"],
  ...DATES.map((_, i) => ["HPC.PREPAYREMAINING", T, `F${i + 1}`]),
];

function rows(): RawCellContent[][] {
  const out: RawCellContent[][] = Array.from({ length: 24 }, () => []);
  workedCheckTerms().forEach(([label, value], i) => {
    out[i][0] = label as RawCellContent;
    out[i][1] = value as RawCellContent;
    out[i + 12][0] = label as RawCellContent;
    out[i + 12][1] = (i === 1 ? "=NA()" : value) as RawCellContent;
  });
  DATES.forEach((d, i) => (out[i][5] = d));
  CALLS.forEach((call, i) => {
    const [name, ...args] = call;
    out[i] ??= [];
    out[i][7] = `=${name}(${args.join(",")})`;
    out[i][8] = `=${name}(${args.map((a) => `(${a})`).join(",")})`;
  });
  return out;
}

const shown = (v: unknown) => (v instanceof DetailedCellError ? `${v.value} ${v.message}` : v);

describe("arguments read without runFunction", () => {
  it("answer as runFunction's reading does, for every kind of argument", () => {
    const spy = jest.spyOn(
      HpcFunctionsPlugin.prototype as unknown as { directArguments: () => unknown },
      "directArguments",
    );
    const hf = HyperFormula.buildFromSheets({ S: rows() }, { ...HPC_HYPERFORMULA_CONFIG });
    try {
      const s = hf.getSheetId("S") as number;
      // Both forms asked; only the plain one is read directly.
      expect(spy.mock.results.filter((r) => r.value !== undefined)).toHaveLength(CALLS.length);
      CALLS.forEach((call, i) => {
        const direct = shown(hf.getCellValue({ sheet: s, row: i, col: 7 }));
        const through = shown(hf.getCellValue({ sheet: s, row: i, col: 8 }));
        expect({ call, got: direct }).toEqual({ call, got: through });
      });
      expect(hf.getCellValue({ sheet: s, row: 0, col: 7 })).toBe(3500064000);
      expect(shown(hf.getCellValue({ sheet: s, row: 3, col: 7 }))).toMatch(/^#DIV\/0!/);
    } finally {
      spy.mockRestore();
      hf.destroy();
    }
  });
});
