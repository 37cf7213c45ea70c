/**
 * The Sensitivity section in a real browser, on the preview: insert the seed,
 * open Sensitivity, keep its default ranges (the rate ±10 %, a delay of 0–12
 * months), insert the table, and find core's figures in the grid, cell by
 * cell; a bad value is refused in the pane. No console error anywhere.
 */
import type { Page } from "playwright-core";
import {
  Decimal,
  defaultRange,
  prepareSensitivity,
  rangeValues,
  sensitivityCell,
  sensitivityInput,
  validateDeal,
} from "../../src/core";
import { presetOk } from "../plan/fixtures";
import { SEED_PRESET_ID, getPreset } from "../../src/presets";
import { launch, previewUrl, seriousViolations, type Browser } from "./browser";

const seed = getPreset(SEED_PRESET_ID);
if (!seed) throw new Error("no seed preset");
const SEED = seed;
const DEAL_SHEET = presetOk(SEED).sheet;

function seedNpv(rate: Decimal, delay: number): string {
  return seedFigure("npv", [
    ["ratePerKWMonth", rate],
    ["delayMonths", new Decimal(delay)],
  ]);
}

/** Core's figure of the seed with inputs replaced, to the cent. */
function seedFigure(figure: string, pairs: readonly (readonly [string, Decimal])[]): string {
  const deal = prepareSensitivity(SEED.deal, figure);
  if (!deal.ok) throw deal.error;
  const at = (k: string) => {
    const r = sensitivityInput(deal.value, k);
    if (!r.ok) throw r.error;
    return r.value;
  };
  const cell = sensitivityCell(
    deal.value,
    pairs.map(([k, v]) => [at(k), v] as const),
  );
  if (!cell.ok) throw new Error(cell.text);
  return cell.value.toFixed(2, Decimal.ROUND_HALF_UP);
}

describe("the Sensitivity section (preview)", () => {
  let browser: Browser;
  let page: Page;
  const cell = (ref: string) => page.locator(`#grid td[data-ref="${ref}"]`);

  beforeAll(async () => {
    browser = await launch({ width: 1600, height: 1000 });
    page = await browser.newPage();
    await page.goto(previewUrl());
    await page.getByText("Deal sheets the pane inserted in this workbook:").waitFor();
    await page.selectOption("#preset", SEED_PRESET_ID);
    await page.locator("#insert").click();
    await page.getByText(`Inserted the deal as the sheet "${DEAL_SHEET}".`).waitFor();
  });

  afterAll(() => browser?.close());

  it("offers the deal's default ranges and inserts a live table whose cells are core's", async () => {
    await page.locator("#tab-sensitivity").click();
    await page.locator("#panel-sensitivity:not([hidden])").waitFor();
    await page.locator("#sens-refresh").click();
    await page.getByText(`Default ranges set from ${DEAL_SHEET}.`).waitFor();
    const terms = validateDeal(SEED.deal);
    if (!terms.ok) throw terms.error;
    const rates = rangeValues(defaultRange("ratePerKWMonth", terms.value), 7);
    expect(await page.inputValue("#sens-rows-values")).toBe(rates.map(String).join(", "));
    expect(await page.inputValue("#sens-cols-values")).toBe("0, 2, 4, 6, 8, 10, 12");
    expect(await seriousViolations(page, "#panel-sensitivity")).toEqual([]);

    await page.locator("#sens-insert").click();
    await page.getByText(/^Inserted the table on /).waitFor();
    await page.locator(`#sheet-tabs [role="tab"][aria-selected="true"]`, { hasText: "Sens" }).waitFor();
    expect(await cell("A7").textContent()).toBe("npv");
    // Row i (from 8) is rates[i - 8]; column B is delay 0, H delay 12.
    for (const [i, rate] of rates.entries()) {
      for (const [col, delay] of [
        ["B", 0],
        ["E", 6],
        ["H", 12],
      ] as const) {
        const text = (await cell(`${col}${8 + i}`).textContent()) ?? "";
        expect([rate.toString(), delay, text.replace(/[$,]/g, "")]).toEqual([
          rate.toString(),
          delay,
          seedNpv(rate, delay),
        ]);
      }
    }
  });

  it("offers the mining inputs of the seed's mining block: a breakeven-hashprice table over the power cost", async () => {
    await page.locator(`#sheet-tabs [role="tab"]`, { hasText: DEAL_SHEET }).first().click();
    await page.locator("#tab-sensitivity").click();
    await page.locator("#sens-refresh").click();
    await page.getByText(`Default ranges set from ${DEAL_SHEET}.`).waitFor();
    await page.selectOption("#sens-figure", "breakevenHashprice");
    await page.selectOption("#sens-rows-key", "mining.powerCostPerKWh");
    await page.fill("#sens-rows-values", "0.03, 0.05");
    await page.fill("#sens-cols-values", "0, 12");
    await page.locator("#sens-insert").click();
    await page.getByText(/^Inserted the table on /).waitFor();
    expect(await cell("A7").textContent()).toBe("breakevenHashprice");
    for (const [row, power] of [
      [8, "0.03"],
      [9, "0.05"],
    ] as const) {
      for (const [col, delay] of [
        ["B", 0],
        ["C", 12],
      ] as const) {
        const text = (await cell(`${col}${row}`).textContent()) ?? "";
        expect(text.replace(/[$,]/g, "")).toBe(
          seedFigure("breakevenHashprice", [
            ["mining.powerCostPerKWh", new Decimal(power)],
            ["delayMonths", new Decimal(delay)],
          ]),
        );
      }
    }
  });

  it("refuses a value that is not a number, naming the field", async () => {
    await page.locator("#tab-sensitivity").click();
    await page.selectOption("#sens-rows-key", "ratePerKWMonth");
    await page.fill("#sens-rows-values", "100, abc");
    await page.locator("#sens-insert").click();
    await page.getByText('Rows (Rate ($/kW-month)): "abc" is not a number').waitFor();
    expect(await page.locator("#sens-status").getAttribute("role")).toBe("alert");
  });

  it("logged no console error, exception or CSP violation", () => {
    expect(browser.errors).toEqual([]);
  });
});
