/**
 * The preview page in a real browser (Debian's chromium, headless, through
 * playwright-core): the task pane inserts the seed preset into the
 * HyperFormula workbook, the grid shows core's figures, an input cell edit
 * recomputes them, a malformed deal file is refused in the pane, and the
 * pane downloads the model as .xlsx (its lazily loaded writer, under the CSP).
 * globalSetup.mjs builds and serves the page.
 */
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import {
  computeDeal,
  makeDate,
  money,
  prepaymentRemaining,
  type CalendarDate,
  type DealFile,
  type DealModel,
} from "../../src/core";
import {
  COLUMNS,
  SCHEDULE_COLUMNS,
  SUMMARY_ROWS,
  columnLetter,
  parseCell,
  type SheetPlan,
  type SummaryKey,
} from "../../src/plan";
import { presetOk } from "../plan/fixtures";
import { SEED_PRESET_ID, getPreset } from "../../src/presets";
import { ARTIFACTS, DOC_IMAGES, launch, previewUrl, seriousViolations, tabTo, type Browser } from "./browser";

const seed = getPreset(SEED_PRESET_ID);
if (!seed) throw new Error("no seed preset");
const SEED = seed;
const PLAN: SheetPlan = presetOk(SEED);

function model(deal: unknown): DealModel {
  const m = computeDeal(deal);
  if (!m.ok) throw m.error;
  return m.value;
}

function today(): CalendarDate {
  const now = new Date();
  const d = makeDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
  if (!d) throw new Error("no today");
  return d;
}

/** The summary figure's cell on the inserted sheet, and its label's. */
function summaryRefs(key: SummaryKey): { value: string; label: string } {
  const first = parseCell(PLAN.deal.layout.summary.ref.split(":")[0])?.row ?? 0;
  const row = first + SUMMARY_ROWS.findIndex((r) => r.key === key);
  return { value: `B${row}`, label: `A${row}` };
}

/** "$3,500,064,000.00" → "3500064000.00": the grid's text as core's money string. */
function amount(text: string | null): string {
  return (text ?? "").replace(/[$,]/g, "");
}

describe("the preview page", () => {
  let browser: Browser;
  let page: Page;

  const cell = (ref: string) => page.locator(`#grid td[data-ref="${ref}"]`);
  const figure = async (key: SummaryKey) => {
    const refs = summaryRefs(key);
    expect(await cell(refs.label).textContent()).toBe(SUMMARY_ROWS.find((r) => r.key === key)?.label);
    return amount(await cell(refs.value).textContent());
  };
  const formState = () =>
    page.$$eval("#terms input, #terms select, #tranche-rows input", (els) =>
      els.map((e) => [e.id, (e as HTMLInputElement).value]),
    );

  beforeAll(async () => {
    browser = await launch({ width: 1600, height: 1000 });
    page = await browser.newPage();
    await page.goto(previewUrl());
    // The pane is up with the preview's workbook (not "no workbook").
    await page.getByText("Deal sheets the pane inserted in this workbook:").waitFor();
  });

  afterAll(() => browser?.close());

  it("says it is a preview and how to load the add-in into Excel", async () => {
    const banner = await page.locator(".preview-banner").textContent();
    expect(banner).toContain("this is not Excel");
    expect(banner).toContain("manifest.xml");
    expect(banner).toContain("npm start");
  });

  it("inserts the seed preset from the keyboard and shows core's contract value and prepayment remaining", async () => {
    await page.selectOption("#preset", SEED_PRESET_ID);
    // From the preset picker, Tab through the Deal section to its primary action, then Enter.
    await page.locator("#preset").focus();
    await tabTo(page, "#insert");
    await page.keyboard.press("Enter");
    await page.getByText(`Inserted the deal as the sheet "${PLAN.sheet}".`).waitFor();
    await page.locator(`#sheet-tabs [role="tab"][aria-selected="true"]`, { hasText: PLAN.sheet }).waitFor();

    const m = model(SEED.deal);
    expect(await figure("contractValue")).toBe("3500064000.00");
    expect(await figure("contractValue")).toBe(money(m.summary.contractValue));
    expect(await figure("prepaymentRemainingToday")).toBe(money(prepaymentRemaining(m.schedule, today())));

    // The schedule's prepayment-remaining column, month by month, and nothing after its last row.
    const P = columnLetter(COLUMNS.schedule + SCHEDULE_COLUMNS.findIndex((c) => c.key === "prepaymentRemaining"));
    expect(await cell(`${P}4`).textContent()).toBe("Prepayment remaining");
    const column = await page.$$eval(
      `#grid td[data-ref^="${P}"]`,
      (tds, p) =>
        tds
          .filter((td) => /^\d+$/.test((td.getAttribute("data-ref") ?? "").slice(p.length)))
          .map((td) => [td.getAttribute("data-ref"), td.textContent] as const),
      P,
    );
    const byRef = new Map(column);
    m.schedule.rows.forEach((row, i) =>
      expect([i, amount(byRef.get(`${P}${5 + i}`) ?? null)]).toEqual([i, money(row.prepaymentRemaining)]),
    );
    expect(byRef.get(`${P}${5 + m.schedule.rows.length}`) ?? "").toBe("");

    // The chart: three lines over the schedule, titled.
    const chart = page.locator("#chart svg").first();
    expect(await chart.locator("title").textContent()).toBe("Gross fee, net fee and prepayment remaining");
    expect(await chart.locator("polyline").count()).toBe(3);
  });

  it("recomputes when a tranche's MW is edited in the grid", async () => {
    const table = PLAN.deal.layout.tranches;
    if (!table) throw new Error("the seed has a tranches table");
    const mwRef = `${table.mwColumn}${table.firstRow}`;
    const tranches = SEED.deal.tranches as { date: string; mw: number }[];
    expect(amount(await cell(mwRef).textContent())).toBe(String(tranches[0].mw) + ".0");

    const before = await figure("contractValue");
    await cell(mwRef).click();
    const editor = page.locator(`#grid td[data-ref="${mwRef}"] input.cell-editor`);
    await editor.fill("100");
    await editor.press("Enter");
    await page.waitForFunction(
      ([ref, old]) => document.querySelector(`#grid td[data-ref="${ref}"]`)?.textContent?.replace(/[$,]/g, "") !== old,
      [summaryRefs("contractValue").value, before] as const,
    );

    // The sheet leaves Capacity and Start date blank beside a tranches table (core takes the tranches' sum and first date).
    const { capacityMW: _capacity, startDate: _start, ...rest } = SEED.deal;
    const changed: DealFile = { ...rest, tranches: [{ ...tranches[0], mw: 100 }, ...tranches.slice(1)] };
    const m = model(changed);
    expect(await figure("contractValue")).toBe(money(m.summary.contractValue));
    expect(await figure("contractValue")).not.toBe("3500064000.00");
    expect(await figure("capacity")).toBe("220.0");
    expect(await figure("prepaymentRemainingToday")).toBe(money(prepaymentRemaining(m.schedule, today())));
    // The edited cell keeps the focus, formatted.
    expect(await cell(mwRef).textContent()).toBe("100.0");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-ref"))).toBe(mwRef);

    // The screenshot shows the summary under the frozen header rows, beside the pane, with the chart below.
    await cell(summaryRefs("contractValue").value).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, 0));
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, "preview.png"), fullPage: true });
    // The README's: what a user sees first (the pane's Insert button stays at the bottom of the window).
    await page.screenshot({ path: path.join(ARTIFACTS, "preview-inserted-sheet.png") });
    mkdirSync(DOC_IMAGES, { recursive: true });
    copyFileSync(
      path.join(ARTIFACTS, "preview-inserted-sheet.png"),
      path.join(DOC_IMAGES, "preview-inserted-sheet.png"),
    );
  });

  it("asks before overwriting the cell edited by hand, and Escape keeps it (all by keyboard)", async () => {
    const table = PLAN.deal.layout.tranches;
    if (!table) throw new Error("the seed has a tranches table");
    const mwRef = `${table.mwColumn}${table.firstRow}`;
    expect(await cell(mwRef).textContent()).toBe("100.0");
    // The inserted sheet is selected in the list; Update sheet would write the form's 80 MW over the 100 typed.
    await page.locator("#deal-sheets").focus();
    await tabTo(page, "#update-terms");
    await page.keyboard.press("Enter");
    const dialog = page.locator("fluent-dialog");
    await dialog.getByText("Overwrite your changes?").waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === "Keep my changes");
    await page.keyboard.press("Escape");
    await page.getByText("Not updated: your changes in the sheet were kept.").waitFor();
    expect(await dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("update-terms");
    expect(await cell(mwRef).textContent()).toBe("100.0");
  });

  it("refuses a malformed deal file in the pane and leaves the form as it was", async () => {
    const before = await formState();
    expect(before.length).toBeGreaterThan(10);
    await page.locator("#import-file").setInputFiles({
      name: "broken.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"name": "Broken", "capacityMW": 200,', "utf8"),
    });
    const alert = page.locator('#message [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain("broken.json:");
    expect(await formState()).toEqual(before);
  });

  it("downloads the model as .xlsx from the pane, with the contract value cached beside its formula", async () => {
    await page.selectOption("#preset", SEED_PRESET_ID);
    let downloads = 0;
    page.on("download", () => downloads++);
    const downloaded = page.waitForEvent("download");
    // Two clicks in a row: the first starts the export and shows its progress; the second is refused.
    const shown = await page.evaluate(() => {
      const button = document.getElementById("export-xlsx") as HTMLElement;
      button.click();
      const state = {
        progress: !(document.getElementById("progress") as HTMLElement).hidden,
        label: document.getElementById("busy-label")?.textContent,
        disabled: button.hasAttribute("disabled-focusable"),
      };
      button.click();
      return state;
    });
    expect(shown).toEqual({ progress: true, label: "Building the .xlsx…", disabled: true });
    const download = await downloaded;
    await page.locator("#progress").waitFor({ state: "hidden" });
    await page.waitForTimeout(500);
    expect(downloads).toBe(1);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const values: { formula?: string; result?: unknown }[] = [];
    wb.worksheets[0].eachRow((row) =>
      row.eachCell((c) => values.push(c.value as { formula?: string; result?: unknown })),
    );
    const cv = values.find((v) => typeof v === "object" && v?.formula?.startsWith("_xldudf_HPC_CONTRACTVALUE("));
    expect(Number(cv?.result).toFixed(2)).toBe(money(model(SEED.deal).summary.contractValue));
  });

  it("has no serious or critical axe violation in the pane beside the workbook", async () => {
    expect(await seriousViolations(page, "#app")).toEqual([]);
  });

  it("logged no console error, uncaught exception or CSP violation, kept open past office.js's late work", async () => {
    await page.waitForTimeout(4500);
    expect(browser.errors).toEqual([]);
  });
});
