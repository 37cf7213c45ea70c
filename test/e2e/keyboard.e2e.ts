/**
 * The Portfolio, Mining and Sensitivity sections driven by the keyboard alone, on the preview:
 * Tab and Shift+Tab to move, the arrow keys between sections, typing into fields, Enter on
 * buttons. No click anywhere; each section's primary action is reached and done, and its result
 * announced in its status region. (The Deal section's keyboard paths are in pane.e2e.ts and
 * returns.e2e.ts.) No console error anywhere.
 */
import type { Page } from "playwright-core";
import { presetOk } from "../plan/fixtures";
import { SEED_PRESET_ID, getPreset } from "../../src/presets";
import { CORE_SCIENTIFIC_BOOK } from "../../src/presets/portfolios";
import { launch, previewUrl, tabTo, type Browser } from "./browser";

const seed = getPreset(SEED_PRESET_ID);
if (!seed) throw new Error("no seed preset");
const DEAL_SHEET = presetOk(seed).sheet;

describe("the newer sections by keyboard alone (preview)", () => {
  let browser: Browser;
  let page: Page;
  const focused = () => page.evaluate(() => document.activeElement?.id ?? "");

  /** From the Deal tab, the arrow keys to a section's tab; its panel shows. */
  async function toSection(id: "portfolio" | "mining" | "sensitivity"): Promise<void> {
    await page.locator("#tab-deal").focus();
    for (let i = 0; i < 4 && (await focused()) !== `tab-${id}`; i++) await page.keyboard.press("ArrowRight");
    expect(await focused()).toBe(`tab-${id}`);
    await page.locator(`#panel-${id}:not([hidden])`).waitFor();
  }

  beforeAll(async () => {
    browser = await launch({ width: 1600, height: 1000 });
    page = await browser.newPage();
    await page.goto(previewUrl());
    await page.getByText("Deal sheets the pane inserted in this workbook:").waitFor();
    // The seed deal, inserted by keyboard: the preset list has it first, Insert is reached by Tab.
    await page.locator("#preset").focus();
    await tabTo(page, "#insert");
    await page.keyboard.press("Enter");
    await page.getByText(`Inserted the deal as the sheet "${DEAL_SHEET}".`).waitFor();
  });

  afterAll(() => browser?.close());

  it("Mining: types a hashprice and reads the breakeven beside it", async () => {
    await toSection("mining");
    await tabTo(page, "#mining-hashprice");
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("30");
    await page.keyboard.press("Tab"); // the value is taken when the field is left, as a spreadsheet does
    await page.locator("#mining-breakeven", { hasText: "beside today's $30." }).waitFor();
    // A bad value is marked on its field, from the keyboard too.
    await tabTo(page, "#mining-efficiencyJPerTH");
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("0");
    await page.keyboard.press("Tab");
    await page.locator("#mining-efficiencyJPerTH[aria-invalid='true']").waitFor();
  });

  it("Sensitivity: takes the deal sheet's default ranges and inserts the table", async () => {
    await toSection("sensitivity");
    await tabTo(page, "#sens-refresh");
    await page.keyboard.press("Enter");
    await page.getByText(`Default ranges set from ${DEAL_SHEET}.`).waitFor();
    // Insert sits just before Refresh: one Shift+Tab back.
    await tabTo(page, "#sens-insert", 5, "Shift+Tab");
    await page.keyboard.press("Enter");
    await page.locator("#sens-status", { hasText: /^Inserted the table on / }).waitFor({ timeout: 60_000 });
  });

  it("Portfolio: inserts the preset book from its button", async () => {
    await toSection("portfolio");
    await tabTo(page, `button[data-preset="${CORE_SCIENTIFIC_BOOK.id}"]`);
    await page.keyboard.press("Enter");
    await page.locator("#portfolio-status", { hasText: "Inserted" }).waitFor({ timeout: 90_000 });
    expect(await page.locator("#portfolio-status").textContent()).toMatch(/\(4 deal sheets\)/);
  });

  it("logged no console error, exception or CSP violation", () => {
    expect(browser.errors).toEqual([]);
  });
});
