/**
 * The Portfolio tab in the preview, in a real browser: the preset portfolio
 * inserts the four Core Scientific deal sheets and a live portfolio sheet;
 * the grid shows core's run rate and quarters, the model beside what Core
 * Scientific reported, and the stacked column chart; an analyst's reported
 * figure typed in the grid gets its model and variance.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { buildPortfolio, money, parseIsoDate, rollUp, runRate, validatePortfolio } from "../../src/core";
import { PORTFOLIO_LAYOUT } from "../../src/plan";
import { getPreset } from "../../src/presets";
import { CORE_SCIENTIFIC_BOOK } from "../../src/presets/portfolios";
import { ARTIFACTS, launch, previewUrl, seriousViolations, type Browser } from "./browser";

const core = (() => {
  const p = validatePortfolio({ deals: CORE_SCIENTIFIC_BOOK.dealIds.map((id) => getPreset(id)!.deal) });
  if (!p.ok) throw p.error;
  return buildPortfolio(p.value, null);
})();

function amount(text: string | null): string {
  return (text ?? "").replace(/[$,]/g, "");
}

describe("the Portfolio tab in the preview", () => {
  let browser: Browser;
  let page: Page;
  const cell = (ref: string) => page.locator(`#grid td[data-ref="${ref}"]`);

  beforeAll(async () => {
    browser = await launch({ width: 1600, height: 1000 });
    page = await browser.newPage();
    await page.goto(previewUrl());
    await page.getByText("Deal sheets the pane inserted in this workbook:").waitFor();
  });

  afterAll(() => browser?.close());

  it("inserts the preset portfolio: four deal sheets and a live portfolio sheet", async () => {
    await page.locator("#tab-portfolio").click();
    await page.locator(`button[data-preset="${CORE_SCIENTIFIC_BOOK.id}"]`).click();
    await page.locator("#portfolio-status", { hasText: "Inserted" }).waitFor({ timeout: 60_000 });
    expect(await page.locator("#portfolio-status").textContent()).toMatch(/\(4 deal sheets\)/);

    const expected = money(runRate(core.combined, parseIsoDate("2026-01-01")!));
    expect(amount(await cell(`B${PORTFOLIO_LAYOUT.runRateRow}`).textContent())).toBe(expected);
    const quarters = rollUp(core.combined);
    expect(await cell("H6").textContent()).toBe(quarters[0].period);
    expect(amount(await cell("M8").textContent())).toBe(money(quarters[2].grossFee));

    // Model versus reported: Q1 2025 as Core Scientific reported it, the model beside it, the variance shown.
    const first = PORTFOLIO_LAYOUT.reportedFirstRow;
    expect(await cell(`A${first}`).textContent()).toBe("Q1 2025");
    expect(amount(await cell(`B${first}`).textContent())).toBe("8600000.00");
    const q1 = quarters.find((q) => q.period === "Q1 2025")!;
    expect(amount(await cell(`C${first}`).textContent())).toBe(money(q1.grossFee));
    expect(await cell(`F${first}`).textContent()).toContain("stockhouse.com");

    // The stacked column chart: one segment colour per deal.
    const chart = page.locator("#chart svg");
    expect(await chart.locator("title").textContent()).toBe("Gross fee by deal, by quarter");
    expect(await chart.locator("rect[data-series]").count()).toBeGreaterThan(quarters.length);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, "preview-portfolio.png"), fullPage: true });
  });

  it("computes the model and the variance of a reported figure typed in the grid", async () => {
    const row = PORTFOLIO_LAYOUT.reportedFirstRow + CORE_SCIENTIFIC_BOOK.reported.length;
    await cell(`A${row}`).click();
    let editor = page.locator(`#grid td[data-ref="A${row}"] input.cell-editor`);
    await editor.fill("Q1 2026");
    await editor.press("Enter");
    await cell(`B${row}`).click();
    editor = page.locator(`#grid td[data-ref="B${row}"] input.cell-editor`);
    await editor.fill("50000000");
    await editor.press("Enter");
    const q = rollUp(core.combined).find((x) => x.period === "Q1 2026")!;
    await page.waitForFunction(
      (ref) => (document.querySelector(`#grid td[data-ref="${ref}"]`)?.textContent ?? "") !== "",
      `D${row}`,
    );
    expect(amount(await cell(`C${row}`).textContent())).toBe(money(q.grossFee));
    expect(amount(await cell(`D${row}`).textContent())).toBe((50000000 - q.grossFee.toNumber()).toFixed(2));
  });

  it("inserts a portfolio of chosen deal sheets by fiscal year from the form", async () => {
    await page.locator("#tab-portfolio").click();
    const boxes = page.locator("#portfolio-deals input[type=checkbox]");
    expect(await boxes.count()).toBe(4);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.fill("#portfolio-name", "Two contracts");
    await page.selectOption("#portfolio-period", "year");
    await page.fill("#portfolio-fy", "6");
    await page.locator("#portfolio-insert").click();
    await page.locator("#portfolio-status", { hasText: "Inserted the portfolio sheet" }).waitFor();
    const p = validatePortfolio({ deals: CORE_SCIENTIFIC_BOOK.dealIds.slice(0, 2).map((id) => getPreset(id)!.deal) });
    if (!p.ok) throw p.error;
    const years = rollUp(buildPortfolio(p.value, null).combined, { period: "year", fiscalYearEndMonth: 6 });
    expect(await cell("H6").textContent()).toBe(years[0].period);
    expect(years[0].period).toMatch(/^FY\d{4}$/);
    expect(amount(await cell("M7").textContent())).toBe(money(years[1].grossFee));
    // A bad fiscal year end is refused in the pane, naming the field; nothing is inserted.
    const sheetsBefore = await page.locator("#sheet-tabs [role=tab]").count();
    await page.fill("#portfolio-fy", "13");
    await page.locator("#portfolio-insert").click();
    await page.locator("#portfolio-status", { hasText: "Fiscal year end must be" }).waitFor();
    expect(await page.locator("#sheet-tabs [role=tab]").count()).toBe(sheetsBefore);
  });

  it("has no serious or critical axe violation in the Portfolio tab", async () => {
    expect(await seriousViolations(page, "#panel-portfolio")).toEqual([]);
  });

  it("logged no console error, uncaught exception or CSP violation", async () => {
    expect(browser.errors).toEqual([]);
  });
});
