/**
 * The deal-sheet service (issue 12 item 4, first half): Insert, Read and
 * Update written once, over the Office.js workbook and the preview's. The
 * same steps give the same outcomes on both.
 */
import { type DealFile } from "../../src/core";
import { getPreset, SEED_PRESET_ID, type Preset } from "../../src/presets";
import { hyperformulaBackend } from "../../preview/backend";
import { PreviewWorkbook } from "../../preview/workbook";
import { excelBackend } from "../../taskpane/backend/excelBackend";
import type { WorkbookBackend } from "../../taskpane/backend/types";
import { FakeExcel } from "../support/taskpane-fakeExcel";

const seed = getPreset(SEED_PRESET_ID) as Preset;

function office(): { backend: WorkbookBackend; setB9: (sheet: string, v: number) => void } {
  const excel = new FakeExcel();
  return {
    backend: excelBackend((batch) => batch(excel.context())),
    setB9: (sheet, v) => excel.sheet(sheet)?.cells.set("B9", v),
  };
}

function preview(): { backend: WorkbookBackend; setB9: (sheet: string, v: number) => void } {
  const book = new PreviewWorkbook();
  return {
    backend: hyperformulaBackend(book),
    setB9: (sheet, v) => book.enter(book.sheets().find((s) => s.name === sheet)?.id ?? -1, "B9", String(v)),
  };
}

describe.each([
  ["Office.js", office],
  ["preview", preview],
])("the deal-sheet service over the %s workbook", (_name, make) => {
  it("inserts, asks before overwriting a user's edit, updates once approved, and reads the terms back", async () => {
    const { backend, setB9 } = make();
    const inserted = await backend.insertDeal(seed.deal as DealFile, seed);
    expect(inserted).toMatchObject({ ok: true, sheet: "CW–CoreSci" });
    if (!inserted.ok) return;
    expect((await backend.listDealSheets()).map((d) => d.sheet)).toEqual(["CW–CoreSci"]);

    setB9(inserted.sheet, 125);
    const deal = { ...(seed.deal as DealFile), termMonths: 120 };
    const asked = await backend.updateTerms(inserted.sheetId, deal);
    expect(asked.status).toBe("confirm");
    if (asked.status !== "confirm") return;
    expect(asked.changed.map((c) => [c.ref, c.what, c.wrote, c.now])).toEqual([
      ["B9", "Rate ($/kW-month)", 121.53, 125],
    ]);
    expect(await backend.updateTerms(inserted.sheetId, deal, { approvedEdits: asked.changed })).toEqual({
      status: "updated",
      sheet: inserted.sheet,
    });
    const read = await backend.readTerms(inserted.sheetId);
    expect(read.ok && [read.file.termMonths, read.file.ratePerKWMonth]).toEqual([120, 121.53]);
  });

  it("refuses a sheet that is not there, and a deal that does not fit", async () => {
    const { backend } = make();
    expect((await backend.updateTerms("nope", seed.deal as DealFile)).status).toBe("refused");
    expect((await backend.readTerms("nope")).ok).toBe(false);
    const inserted = await backend.insertDeal(seed.deal as DealFile, seed);
    if (!inserted.ok) throw new Error(inserted.reason);
    const tranches = Array.from({ length: 6 }, (_, i) => ({ date: `2025-0${i + 1}-01`, mw: 10 }));
    const outcome = await backend.updateTerms(inserted.sheetId, {
      ...(seed.deal as DealFile),
      tranches,
      capacityMW: 60,
    });
    expect(outcome.status).toBe("refused");
    if (outcome.status === "refused") expect(outcome.reason).toContain("6 tranches");
  });
});
