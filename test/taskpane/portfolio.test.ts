/**
 * The Portfolio section's view-model, and inserting a portfolio sheet through
 * both backends: the preview's HyperFormula workbook and the Office.js writer
 * (over the strict fake Excel).
 */
import { money, parseIsoDate, rollUp, runRate, validatePortfolio, buildPortfolio } from "../../src/core";
import { getPreset } from "../../src/presets";
import { CORE_SCIENTIFIC_BOOK } from "../../src/presets/portfolios";
import { PORTFOLIO_LAYOUT } from "../../src/plan";
import { hyperformulaBackend } from "../../preview/backend";
import { PreviewWorkbook } from "../../preview/workbook";
import { excelBackend } from "../../taskpane/backend/excelBackend";
import { presetInfoFor } from "../../taskpane/model/presets";
import { portfolioRequest, presetPlan, presetRequest, resolveChoice } from "../../taskpane/ui/sections/portfolio";
import { FakeExcel } from "../support/taskpane-fakeExcel";

const presets = CORE_SCIENTIFIC_BOOK.dealIds.map((id) => getPreset(id)!);
const core = (() => {
  const p = validatePortfolio({ deals: presets.map((x) => x.deal) });
  if (!p.ok) throw p.error;
  return buildPortfolio(p.value, null);
})();

describe("the Portfolio section's view-model", () => {
  const base = { name: "Book", sheetIds: ["a"], period: "quarter", fiscalYearEnd: "12", runRateDate: "2026-01-01" };

  it("makes a request of valid choices", () => {
    expect(portfolioRequest(base)).toEqual({
      ok: true,
      request: {
        name: "Book",
        sheetIds: ["a"],
        period: { period: "quarter", fiscalYearEndMonth: 12 },
        runRateDate: parseIsoDate("2026-01-01"),
      },
    });
  });

  it("says what is wrong, naming the field", () => {
    expect(portfolioRequest({ ...base, sheetIds: [] })).toEqual({
      ok: false,
      reason: "Choose at least one deal sheet.",
    });
    expect(portfolioRequest({ ...base, fiscalYearEnd: "13" })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^Fiscal year end must be a whole number from 1 to 12/),
    });
    expect(portfolioRequest({ ...base, period: "week" })).toMatchObject({
      reason: expect.stringMatching(/^Period must be/),
    });
    expect(portfolioRequest({ ...base, runRateDate: "" })).toMatchObject({
      reason: expect.stringMatching(/^Run-rate date/),
    });
  });

  it("takes chosen preset deals as their sheets when the workbook has them, else inserts them first", () => {
    const sheets = [
      { sheetId: "s1", sheet: "A", title: "a", presetId: null },
      { sheetId: "s2", sheet: "B", title: "b", presetId: "p2" },
    ];
    expect(resolveChoice(sheets, ["s1"], ["p2", "p3"])).toEqual({ sheetIds: ["s1", "s2"], toInsert: ["p3"] });
    expect(resolveChoice(sheets, ["s2"], ["p2"])).toEqual({ sheetIds: ["s2"], toInsert: [] });
  });

  it("inserts only the preset deals not already in the workbook", () => {
    const sheets = [{ sheetId: "s1", sheet: "CW", title: "x", presetId: CORE_SCIENTIFIC_BOOK.dealIds[1] }];
    expect(presetPlan(CORE_SCIENTIFIC_BOOK, sheets)).toEqual({
      present: ["s1"],
      missing: [CORE_SCIENTIFIC_BOOK.dealIds[0], ...CORE_SCIENTIFIC_BOOK.dealIds.slice(2)],
    });
  });
});

describe("inserting the preset portfolio in the preview", () => {
  it("makes a live sheet over the four deal sheets, with the reported figures beside the model", async () => {
    const book = new PreviewWorkbook();
    const backend = hyperformulaBackend(book);
    for (const p of presets)
      expect(await backend.insertDeal({ ...p.deal }, presetInfoFor(p, { ...p.deal }))).toMatchObject({ ok: true });
    const sheets = await backend.listDealSheets();
    const { present, missing } = presetPlan(CORE_SCIENTIFIC_BOOK, sheets);
    expect(missing).toEqual([]);
    const out = await backend.insertPortfolio!(
      presetRequest(CORE_SCIENTIFIC_BOOK, present, parseIsoDate("2026-01-01")!),
    );
    expect(out.ok ? out : out.reason).toMatchObject({ ok: true });
    if (!out.ok) return;
    const id = book.sheets().find((s) => s.name === out.sheet)!.id;
    const v = (ref: string) => book.value(id, ref);
    expect(Number(v(`B${PORTFOLIO_LAYOUT.runRateRow}`)).toFixed(2)).toBe(
      money(runRate(core.combined, parseIsoDate("2026-01-01")!)),
    );
    const quarters = rollUp(core.combined);
    expect(v(`H${6 + quarters.length - 1}`)).toBe(quarters[quarters.length - 1].period);
    expect(v(`A${PORTFOLIO_LAYOUT.reportedFirstRow}`)).toBe("Q1 2025");
    // Not a deal sheet: the Deal tab's list does not show it.
    expect((await backend.listDealSheets()).map((s) => s.sheet)).not.toContain(out.sheet);
    // The analyst types a reported quarter in a blank row: the model and the variance follow.
    const blank = PORTFOLIO_LAYOUT.reportedFirstRow + CORE_SCIENTIFIC_BOOK.reported.length;
    book.enter(id, `A${blank}`, "Q1 2026");
    book.enter(id, `B${blank}`, "50000000");
    const q1 = quarters.find((q) => q.period === "Q1 2026")!;
    expect(Number(v(`C${blank}`)).toFixed(2)).toBe(money(q1.grossFee));
    expect(Number(v(`D${blank}`)).toFixed(2)).toBe((50000000 - q1.grossFee.toNumber()).toFixed(2));
  });

  it("refuses an empty choice and a sheet that is gone, writing nothing", async () => {
    const book = new PreviewWorkbook();
    const backend = hyperformulaBackend(book);
    const request = presetRequest(CORE_SCIENTIFIC_BOOK, [], parseIsoDate("2026-01-01")!);
    expect(await backend.insertPortfolio!(request)).toMatchObject({ ok: false });
    expect(await backend.insertPortfolio!({ ...request, sheetIds: ["hf-99"] })).toMatchObject({ ok: false });
    expect(book.sheets().map((s) => s.name)).toEqual(["Sheet1"]);
  });
});

describe("inserting a portfolio sheet through Office.js", () => {
  it("reads the deal sheets, writes the sheet and its stacked column chart, and nothing else", async () => {
    const excel = new FakeExcel(["Sheet1"]);
    const backend = excelBackend((batch) => batch(excel.context()));
    for (const p of presets.slice(0, 2)) await backend.insertDeal({ ...p.deal }, presetInfoFor(p, { ...p.deal }));
    const sheets = await backend.listDealSheets();
    const namesBefore = [...excel.names.keys()];
    const out = await backend.insertPortfolio!(
      presetRequest(
        CORE_SCIENTIFIC_BOOK,
        sheets.map((s) => s.sheetId),
        parseIsoDate("2026-01-01")!,
      ),
    );
    if (!out.ok) throw new Error(out.reason);
    const sheet = excel.sheet(out.sheet)!;
    expect(String(sheet.cells.get(`B${PORTFOLIO_LAYOUT.runRateRow}`))).toMatch(/^=HPC\.PORTFOLIORUNRATE\(\$B\$7,/);
    expect(String(sheet.cells.get("H5"))).toMatch(/^=HPC\.PORTFOLIOPERIODS\("quarter",12,/);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0].series.map((s) => s.name)).toEqual(sheets.map((s) => s.title));
    expect([...excel.names.keys()]).toEqual(namesBefore);
  });

  it("removes the partial sheet when the insert fails, leaving the workbook as it was", async () => {
    const setup = async () => {
      const excel = new FakeExcel(["Sheet1"]);
      const backend = excelBackend((batch) => batch(excel.context()));
      await backend.insertDeal({ ...presets[0].deal }, presetInfoFor(presets[0], { ...presets[0].deal }));
      const sheets = await backend.listDealSheets();
      const request = presetRequest(CORE_SCIENTIFIC_BOOK, [sheets[0].sheetId], parseIsoDate("2026-01-01")!);
      return { excel, backend, request };
    };
    // A dry run counts the syncs: the last two are the sheet's writes and its chart.
    const dry = await setup();
    const start = dry.excel.syncs;
    expect(await dry.backend.insertPortfolio!(dry.request)).toMatchObject({ ok: true });
    const writes = dry.excel.syncs - 1;
    expect(writes).toBeGreaterThan(start);

    const run = await setup();
    const before = run.excel.sheets.map((s) => s.name);
    run.excel.failAt = { sync: writes, afterOps: 5, message: "the sheet is protected" };
    const out = await run.backend.insertPortfolio!(run.request);
    expect(out).toMatchObject({ ok: false, reason: expect.stringMatching(/Nothing was left in the workbook/) });
    expect(run.excel.sheets.map((s) => s.name)).toEqual(before);
  });
});
