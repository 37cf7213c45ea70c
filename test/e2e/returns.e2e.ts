/**
 * The host's returns in a real browser, on the preview page (the pane beside the HyperFormula
 * workbook): a capex row entered by keyboard in the pane makes the host IRR and payback appear, live,
 * as core computes them; the renewal terms sit in their own group; the inserted sheet carries the
 * capex table and the summary's IRR and payback, and an edit of a capex cell in the grid recomputes
 * them. No console error.
 */
import type { Page } from "playwright-core";
import { computeDeal, formatIsoDate, money, type DealFile, type DealModel } from "../../src/core";
import {
  COLUMNS,
  SCHEDULE_COLUMNS,
  SUMMARY_ROWS,
  columnLetter,
  parseCell,
  type SheetPlan,
  type SummaryKey,
} from "../../src/plan";
import { planOk } from "../plan/fixtures";
import { SEED_PRESET_ID, getPreset } from "../../src/presets";
import { percentFormatter } from "../../taskpane/model/returns";
import { launch, previewUrl, seriousViolations, tabTo, type Browser } from "./browser";

const seed = getPreset(SEED_PRESET_ID);
if (!seed) throw new Error("no seed preset");
const SEED = seed;

/** The seed deal with one more capex item: $500 M in its first month, before the prepayment comes back as fees. */
const EXTRA = { date: "2024-07-01", amount: 500_000_000 };
const seedCapex = (SEED.deal.capex as { date: string; amount: number }[] | undefined) ?? [];
const WITH_CAPEX: DealFile = { ...SEED.deal, capex: [...seedCapex, EXTRA] };

function model(deal: unknown): DealModel {
  const m = computeDeal(deal);
  if (!m.ok) throw m.error;
  return m.value;
}

const pct = percentFormatter("en-US");
const monthName = (iso: string) =>
  new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", timeZone: "UTC" }).format(
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, 1),
  );

describe("the host's returns in the preview", () => {
  let browser: Browser;
  let page: Page;

  /** The pane's live returns figures, label → text. */
  const returns = () =>
    page.$$eval("#returns dt", (dts) =>
      Object.fromEntries(dts.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent ?? ""])),
    );

  beforeAll(async () => {
    browser = await launch({ width: 1600, height: 1000 });
    page = await browser.newPage();
    await page.goto(previewUrl());
    await page.getByText("Deal sheets the pane inserted in this workbook:").waitFor();
    await page.selectOption("#preset", SEED_PRESET_ID);
  });

  afterAll(() => browser?.close());

  it("shows the capex and renewals groups, the renewal terms in the latter", async () => {
    await page.locator("#group-capex:not([hidden])").waitFor();
    await page.locator("#group-renewals:not([hidden])").waitFor();
    for (const key of ["renewalOptions", "renewalMonths", "renewalRateStep", "renewalsExercised"]) {
      expect(await page.locator(`#renewals #f-${key}`).count()).toBe(1);
      expect(await page.locator(`#terms #f-${key}`).count()).toBe(0);
    }
    expect(await page.locator('label[for="f-renewalsExercised"]').textContent()).toContain("options exercised");
  });

  it("adds a capex row by keyboard, and the IRR and payback appear as core computes them", async () => {
    const m = model(WITH_CAPEX);
    expect(m.summary.irr).not.toBeNull();
    const row = seedCapex.length;
    // From the last tranche control, Tab to "Add capex" and press Enter: the new row's date gets the focus.
    await page.locator("#add-tranche").focus();
    await tabTo(page, "#add-capex");
    await page.keyboard.press("Enter");
    await page.waitForFunction((id) => document.activeElement?.id === id, `f-capex-${row}-date`);
    await page.keyboard.type(EXTRA.date);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`f-capex-${row}-amount`);
    await page.keyboard.type(String(EXTRA.amount));

    const irr = pct(m.summary.irr!.toNumber());
    await page.waitForFunction(
      (text) => Array.from(document.querySelectorAll("#returns dd")).some((dd) => dd.textContent === text),
      irr,
    );
    const shown = await returns();
    expect(shown["Host IRR"]).toBe(irr);
    expect(shown["Payback month"]).toBe(monthName(formatIsoDate(m.summary.paybackMonth!)));
    expect(shown["Total capex"]).toBe(
      `$${Number(money(m.summary.totalCapex)).toLocaleString("en-US", { minimumFractionDigits: 2 })}`,
    );
    expect(await page.locator("#deal-error").textContent()).toBe("");
  });

  it("puts a bad capex amount beside its field, and the figures wait for valid terms", async () => {
    const row = seedCapex.length;
    const amount = page.locator(`#f-capex-${row}-amount`);
    await amount.fill("-5");
    await page.locator(`#f-capex-${row}-amount-error`).getByText(`capex[${row}].amount`).waitFor();
    expect(await amount.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#returns").count()).toBe(0);
    await amount.fill(String(EXTRA.amount));
    await page.locator("#returns").waitFor();
  });

  it("inserts the deal: the sheet has the capex table and the summary's IRR and payback; a grid edit recomputes them", async () => {
    await page.locator("#preset").focus();
    await tabTo(page, "#insert");
    await page.keyboard.press("Enter");
    const plan: SheetPlan = planOk(WITH_CAPEX);
    await page.getByText(/^Inserted the deal as the sheet "/).waitFor();

    const layout = plan.deal.layout;
    const capex = layout.capex;
    if (!capex) throw new Error("the plan has a capex table");
    const cell = (ref: string) => page.locator(`#grid td[data-ref="${ref}"]`);
    const summaryRef = (key: SummaryKey) => {
      const first = parseCell(layout.summary.ref.split(":")[0])?.row ?? 0;
      return `B${first + SUMMARY_ROWS.findIndex((r) => r.key === key)}`;
    };
    // The pane inserts the deal as core normalizes it: capex sorted by date (stable), so the extra
    // item sits after the seed's items of its own date.
    const sorted = [...seedCapex, EXTRA]
      .map((c, i) => ({ c, i }))
      .sort((a, b) => (a.c.date < b.c.date ? -1 : a.c.date > b.c.date ? 1 : a.i - b.i));
    const extraRow = capex.firstRow + sorted.findIndex((x) => x.c === EXTRA);
    const dateRef = `${capex.dateColumn}${extraRow}`;
    const amountRef = `${capex.amountColumn}${extraRow}`;
    expect(await cell(`${capex.dateColumn}${capex.headerRow}`).textContent()).toBe("Date");
    expect(await cell(dateRef).textContent()).toBe(EXTRA.date);
    expect(await cell(amountRef).textContent()).toBe("$500,000,000.00");

    const m = model(WITH_CAPEX);
    const irrText = (x: number) => `${(x * 100).toFixed(2)}%`;
    expect(await cell(summaryRef("irr")).textContent()).toBe(irrText(m.summary.irr!.toNumber()));
    expect(await cell(summaryRef("paybackMonth")).textContent()).toBe(formatIsoDate(m.summary.paybackMonth!));

    // Halve the capex in the grid (keyboard: the editor opens on the cell, Enter commits).
    const halved: DealFile = { ...SEED.deal, capex: [...seedCapex, { ...EXTRA, amount: 250_000_000 }] };
    const h = model(halved);
    await cell(amountRef).click();
    const editor = page.locator(`#grid td[data-ref="${amountRef}"] input.cell-editor`);
    await editor.fill("250000000");
    await editor.press("Enter");
    const want = h.summary.irr === null ? "#NUM!" : irrText(h.summary.irr.toNumber());
    await page.waitForFunction(
      ([ref, text]) => document.querySelector(`#grid td[data-ref="${ref}"]`)?.textContent === text,
      [summaryRef("irr"), want] as const,
    );
    expect(await cell(summaryRef("paybackMonth")).textContent()).toBe(
      h.summary.paybackMonth ? formatIsoDate(h.summary.paybackMonth) : "#NUM!",
    );
    // The schedule's capex column shows the month's capex.
    const firstRow = 5 + h.schedule.rows.findIndex((r) => !r.capex.isZero());
    const capexColumn = columnLetter(COLUMNS.schedule + SCHEDULE_COLUMNS.findIndex((c) => c.key === "capex"));
    expect(await cell(`${capexColumn}4`).textContent()).toBe("Capex");
    expect((await cell(`${capexColumn}${firstRow}`).textContent())?.replace(/,/g, "")).toBe(
      money(h.schedule.rows[firstRow - 5].capex),
    );
    expect(await cell(`E${firstRow}`).textContent()).toBe(formatIsoDate(h.schedule.rows[firstRow - 5].date));
  });

  it("has no serious or critical axe violation in the pane", async () => {
    expect(await seriousViolations(page, "#app")).toEqual([]);
  });

  it("logged no console error", async () => {
    await page.waitForTimeout(1000);
    expect(browser.errors).toEqual([]);
  });
});
