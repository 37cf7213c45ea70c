import { customFunctionIds, storedFormula, storedFunctionName } from "../../src/xlsx";

describe("formulas as Excel stores them", () => {
  it.each([
    [
      "=HPC.CONTRACTVALUE(CWCoreSci_Terms, CWCoreSci_Tranches)",
      "_xldudf_HPC_CONTRACTVALUE(CWCoreSci_Terms, CWCoreSci_Tranches)",
    ],
    ["=INDEX(HPC.DEALSUMMARY(T), 4, 2)", "INDEX(_xldudf_HPC_DEALSUMMARY(T), 4, 2)"],
    [
      "=HPC.PREPAYREMAINING(T, TODAY())*2+hpc.dealnpv(T)",
      "_xldudf_HPC_PREPAYREMAINING(T, TODAY())*2+_xldudf_HPC_DEALNPV(T)",
    ],
    ["=HPC.DEALNPV(T, , R)", "_xldudf_HPC_DEALNPV(T, , R)"],
    ["=SUM($B$23:$B$27)", "SUM($B$23:$B$27)"],
    ['=IF(A1="HPC.X(1)", HPC.X(1), 0)', 'IF(A1="HPC.X(1)", _xldudf_HPC_X(1), 0)'],
    ["=SUM('HPC.A(b'!A1, 'It''s HPC.Q('!B2)", "SUM('HPC.A(b'!A1, 'It''s HPC.Q('!B2)"],
    ["=MYHPC.X(1)+X.HPC.Y(2)+HPC.Z", "MYHPC.X(1)+X.HPC.Y(2)+HPC.Z"],
  ])("%s → %s", (typed, stored) => expect(storedFormula(typed)).toBe(stored));

  it("turns every dot of the qualified name into _", () => {
    expect(storedFunctionName("SUB.NAME")).toBe("_xldudf_HPC_SUB_NAME");
  });

  it("lists the custom functions a stored formula calls, once each", () => {
    expect(customFunctionIds("INDEX(_xldudf_HPC_DEALSUMMARY(T), 1, 2)+_xldudf_HPC_DEALSUMMARY(T)")).toEqual([
      "_xldudf_HPC_DEALSUMMARY",
    ]);
  });
});
