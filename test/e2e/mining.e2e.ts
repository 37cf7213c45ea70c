/**
 * Hosting versus mining in the preview (issue 17): the seed, inserted with its mining block, shows
 * the block, its live figures and monthly comparison, and the mining chart; an edit of the sheet's
 * hashprice recomputes them. A deal inserted without the block gets it from the Mining tab, after
 * the user confirms. Fails on any console error.
 */
import type { Page } from "playwright-core";
import { MINING_COLUMNS, buildSchedule, compareMining, money, validateDeal } from "../../src/core";
import { columnLetter, parseCell, type SheetPlan } from "../../src/plan";
import { presetOk } from "../plan/fixtures";
import { SEED_PRESET_ID, getPreset } from "../../src/presets";
import { launch, previewUrl, type Browser } from "./browser";

const seed = getPreset(SEED_PRESET_ID);
if (!seed) throw new Error("no seed preset");
const SEED = seed;
const PLAN: SheetPlan = presetOk(SEED);
const MINING = PLAN.deal.layout.mining;
if (!MINING) throw new Error("the seed has a mining block");
const LAYOUT = MINING;

function validOk(deal: unknown) {
  const checked = validateDeal(deal);
  if (!checked.ok) throw checked.error;
  return checked.value;
}

function comparison(deal: unknown) {
  const checked = validateDeal(deal);
  if (!checked.ok) throw checked.error;
  return compareMining(buildSchedule(checked.value));
}

/** "$1,234.56" → 1234.56. */
const num = (text: string | null) => Number((text ?? "").replace(/[$,]/g, ""));
const breakevenRef = () => `B${parseCell(LAYOUT.figures.ref.split(":")[1])?.row}`;

describe("hosting versus mining in the preview", () => {
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

  it("inserts the seed with its mining block: the block, its live figures, the comparison and its chart", async () => {
    await page.selectOption("#preset", SEED_PRESET_ID);
    await page.locator("#insert").click();
    await page.getByText(`Inserted the deal as the sheet "${PLAN.sheet}".`).waitFor();

    const { summary, schedule } = comparison(SEED.deal);
    expect(await cell(`A${LAYOUT.headerRow}`).textContent()).toBe("Mining comparison");
    expect(await cell(`A${LAYOUT.rows.hashprice}`).textContent()).toBe("Hashprice ($/PH/s/day)");
    expect(await cell(`C${LAYOUT.rows.sitePowerMW}`).textContent()).toContain("1.3 × the deal's capacity");
    expect(num(await cell(breakevenRef()).textContent())).toBe(Number(money(summary.breakevenHashprice)));
    expect(await cell(LAYOUT.spill.anchor).textContent()).toBe("Date");
    const anchor = parseCell(LAYOUT.spill.anchor);
    if (!anchor) throw new Error(LAYOUT.spill.anchor);
    const marginColumn = columnLetter(anchor.column + MINING_COLUMNS.findIndex((c) => c.key === "miningMargin"));
    const margin = await cell(`${marginColumn}${anchor.row + 1}`).textContent();
    expect(num(margin).toFixed(2)).toBe(money(schedule.rows[0].miningMargin));

    // Both charts drawn, the mining one titled with the halvings.
    await page.locator("#chart-mining-title").waitFor({ state: "attached" });
    expect(await page.locator("#chart-mining-title").textContent()).toBe(
      "Hosting cash flow and mining margin (halvings: 2028-04, 2032-04, 2036-04)",
    );
    expect(await page.locator("svg:has(#chart-mining-title) polyline").count()).toBe(2);
    expect(browser.errors).toEqual([]);
  });

  it("recomputes the block live when the sheet's hashprice is edited", async () => {
    const before = await cell(breakevenRef()).textContent();
    const ref = `B${LAYOUT.rows.hashprice}`;
    const npvRef = `B${(parseCell(LAYOUT.figures.ref.split(":")[0])?.row ?? 0) + 4}`; // Mining NPV
    const npvBefore = await cell(npvRef).textContent();
    await cell(ref).click();
    const editor = page.locator(`#grid td[data-ref="${ref}"] input.cell-editor`);
    await editor.fill("96");
    await editor.press("Enter");
    await page.waitForFunction(([r, old]) => document.querySelector(`#grid td[data-ref="${r}"]`)?.textContent !== old, [
      npvRef,
      npvBefore,
    ] as const);
    const { summary } = comparison({ ...SEED.deal, mining: { ...(SEED.deal.mining as object), hashprice: 96 } });
    expect(num(await cell(npvRef).textContent()).toFixed(2)).toBe(money(summary.miningNpv));
    // The breakeven does not depend on today's hashprice.
    expect(await cell(breakevenRef()).textContent()).toBe(before);
    expect(browser.errors).toEqual([]);
  });

  it("adds the block to a deal inserted without it, from the Mining tab, after the user confirms", async () => {
    await page.locator("#tab-mining").click();
    await page.locator("#panel-mining:not([hidden])").waitFor();
    // Leave the comparison out, and insert the deal as a second sheet.
    await page.locator("#mining-include").uncheck();
    await page.locator("#tab-deal").click();
    await page.locator("#insert").click();
    const second = `${PLAN.sheet} (2)`;
    await page.getByText(`Inserted the deal as the sheet "${second}".`).waitFor();
    expect(await page.locator("#chart-mining-title").count()).toBe(0);

    // The Deal tab now shows another term: the block still follows the sheet's own terms.
    await page.locator("#f-termMonths").fill("96");
    await page.locator("#tab-mining").click();
    await page.locator("#mining-add:not([disabled])").click();
    const dialog = page.locator("fluent-dialog");
    await dialog.getByText("Add the mining comparison?").waitFor();
    await dialog.locator("fluent-button", { hasText: "Add" }).click();
    await page
      .locator("#mining-status", { hasText: `Added the mining comparison and its chart to "${second}".` })
      .waitFor();
    await page.locator("#chart-mining-title").waitFor({ state: "attached" });
    const { summary } = comparison(SEED.deal);
    // Placed as the insert would place it, one note row higher (the sheet was inserted without the block's note).
    const header = LAYOUT.headerRow - 1;
    expect(await cell(`A${header}`).textContent()).toBe("Mining comparison");
    const breakeven = `B${header + (parseCell(LAYOUT.figures.ref.split(":")[1])?.row ?? 0) - LAYOUT.headerRow}`;
    expect(num(await cell(breakeven).textContent())).toBe(Number(money(summary.breakevenHashprice)));
    // Its chart covers the sheet's schedule, month for month, not the 96 months the Deal tab shows.
    const points = async (id: string) =>
      /of (\d+) monthly points/.exec((await page.locator(id).textContent()) ?? "")?.[1];
    expect(await points("#chart-mining-desc")).toBe(String(buildSchedule(validOk(SEED.deal)).rows.length));
    expect(await points("#chart-mining-desc")).toBe(await points("#chart-desc"));
    expect(browser.errors).toEqual([]);
  });
});
