import ExcelJS from "exceljs";
import { computeDeal, money, type DealFile } from "../../src/core";
import { getPreset, SEED_PRESET_ID } from "../../src/presets";
import { exportDealXlsx, today, xlsxFileName } from "../../taskpane/model/xlsxExport";

const seed = getPreset(SEED_PRESET_ID)!;
const asOf = { year: 2026, month: 11, day: 25 };

async function open(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

describe("the pane's .xlsx export", () => {
  it("writes the same plan as Insert, with the contract value cached beside its formula", async () => {
    const out = await exportDealXlsx(seed.deal as DealFile, seed, "live", asOf);
    expect(out.name).toBe("cw-coresci.xlsx");
    const sheet = await open(out.bytes);
    const computed = computeDeal(seed.deal);
    if (!computed.ok) throw computed.error;
    const cells: { formula?: string; result?: unknown }[] = [];
    sheet.eachRow((row) => row.eachCell((c) => cells.push(c.value as { formula?: string; result?: unknown })));
    const cv = cells.find((v) => typeof v === "object" && v?.formula?.includes("CONTRACTVALUE"));
    expect(cv?.formula).toMatch(/^_xldudf_HPC_CONTRACTVALUE\(/);
    expect(money(computed.value.summary.contractValue)).toBe(Number(cv?.result).toFixed(2));
  });

  it("writes a values-only copy with no formulas", async () => {
    const out = await exportDealXlsx(seed.deal as DealFile, seed, "values", asOf);
    expect(out.name).toBe("cw-coresci-values.xlsx");
    const sheet = await open(out.bytes);
    let formulas = 0;
    sheet.eachRow((row) =>
      row.eachCell((c) => {
        if (c.type === ExcelJS.ValueType.Formula) formulas++;
      }),
    );
    expect(formulas).toBe(0);
  });

  it("names files safely and takes today's date", () => {
    expect(xlsxFileName("CW–CoreSci (2)", "live")).toBe("cw-coresci-2.xlsx");
    expect(xlsxFileName("***", "values")).toBe("deal-values.xlsx");
    expect(today(new Date(2026, 0, 31))).toEqual({ year: 2026, month: 1, day: 31 });
  });
});
