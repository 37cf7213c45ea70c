/**
 * The add-in's own page (taskpane.html, with office.js from the "CDN", served locally) in Chromium
 * at a task pane's widths: no serious or critical axe-core violation at 320 and 450 px, in light,
 * dark and forced colours; nothing scrolls sideways; each section driven by the keyboard alone;
 * figures in the browser's locale; a plain message where the pane cannot run; and no console error
 * at all, with the page kept open past office.js's late work (its logger frame, ~3 s after load).
 * Screenshots go to test-artifacts/ and the README's to docs/images/.
 */
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import {
  ARTIFACTS,
  DOC_IMAGES,
  launch,
  previewUrl,
  scrollsSideways,
  seriousViolations,
  settled,
  tabTo,
  type Browser,
} from "./browser";

const SECTIONS = ["deal", "portfolio", "mining", "sensitivity"] as const;

async function openPane(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(previewUrl("taskpane.html"));
  await page.locator('body[data-ready="true"]').waitFor();
  await page.locator("#tab-deal[aria-selected='true']").waitFor();
  return page;
}

async function shot(page: Page, name: string, docs = false): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  await page.evaluate(() => window.scrollTo(0, 0));
  await settled(page);
  await page.screenshot({ path: file, fullPage: false });
  if (docs) {
    mkdirSync(DOC_IMAGES, { recursive: true });
    copyFileSync(file, path.join(DOC_IMAGES, name));
  }
}

async function showSection(page: Page, id: (typeof SECTIONS)[number]): Promise<void> {
  await page.locator(`#tab-${id}`).click();
  await page.locator(`#panel-${id}:not([hidden])`).waitFor();
}

describe.each([320, 450])("the pane at %i px", (width) => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch({ width, height: 900 });
    page = await openPane(browser);
  });
  afterAll(() => browser?.close());

  it("has no serious or critical axe violation in any section, light or dark, and never scrolls sideways", async () => {
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForFunction((s) => document.documentElement.dataset.theme === s, scheme);
      for (const id of SECTIONS) {
        await showSection(page, id);
        expect([scheme, id, await seriousViolations(page)]).toEqual([scheme, id, []]);
        expect([scheme, id, await scrollsSideways(page)]).toEqual([scheme, id, false]);
      }
      await showSection(page, "deal");
    }
    await page.emulateMedia({ colorScheme: "light" });
  });

  it("keeps the tranches table usable: every input at least 60 px wide and inside the pane", async () => {
    await page.locator("#add-tranche").focus();
    await page.keyboard.press("Enter");
    await page.mouse.move(0, 0);
    const boxes = await page.$$eval("#tranche-rows input, #tranche-rows fluent-button", (els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { w: r.width, right: r.right };
      }),
    );
    expect(boxes.length).toBeGreaterThan(0);
    for (const b of boxes) {
      expect(b.w).toBeGreaterThanOrEqual(60);
      expect(b.right).toBeLessThanOrEqual(width);
    }
    expect(await scrollsSideways(page)).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("shows in dark and in forced colours with no serious violation (screenshots in the artifacts)", async () => {
    await page.reload();
    await page.locator('body[data-ready="true"]').waitFor();
    await shot(page, `pane-${width}.png`, width === 450);
    await page.emulateMedia({ colorScheme: "dark" });
    await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
    await shot(page, `pane-${width}-dark.png`, width === 450);
    await page.emulateMedia({ forcedColors: "active", colorScheme: "dark" });
    expect(await page.evaluate(() => matchMedia("(forced-colors: active)").matches)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);
    await shot(page, `pane-${width}-forced-colors.png`, width === 450);
    await page.emulateMedia({ forcedColors: "none", colorScheme: "light" });
  });

  it("logged no console error, no uncaught exception and no CSP violation, kept open past office.js's late work", async () => {
    await page.waitForTimeout(4500);
    expect(browser.errors).toEqual([]);
  });
});

describe("the pane by keyboard alone", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch({ width: 400, height: 800 });
    page = await openPane(browser);
  });
  afterAll(() => browser?.close());

  const focused = () => page.evaluate(() => document.activeElement?.id ?? "");

  it("reaches the tabs first, moves between sections with the arrow keys, and keeps each section's state", async () => {
    // From a fresh page, the first Tab reaches the tabs (the header comes first).
    expect(await tabTo(page, "fluent-tab")).toBeLessThanOrEqual(2);
    expect(await focused()).toBe("tab-deal");
    // A term typed in Deal survives a visit to the other sections.
    await tabTo(page, "#f-name");
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("Keyboard deal");
    await tabTo(page, "#tab-deal", 150, "Shift+Tab");
    expect(await focused()).toBe("tab-deal");
    for (const id of SECTIONS.slice(1)) {
      await page.keyboard.press("ArrowRight");
      expect(await focused()).toBe(`tab-${id}`);
      await page.locator(`#panel-${id}:not([hidden])`).waitFor();
      expect(await page.locator("#panel-deal").isHidden()).toBe(true);
      expect(await page.locator(`#panel-${id} h2`).textContent()).toBeTruthy();
    }
    await page.keyboard.press("ArrowRight"); // wraps to Deal
    expect(await focused()).toBe("tab-deal");
    await page.locator("#panel-deal:not([hidden])").waitFor();
    expect(await page.locator("#f-name").inputValue()).toBe("Keyboard deal");
  });

  it("closes and opens a group with Enter and Space, with the focus visible", async () => {
    await tabTo(page, "#group-terms > summary");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe("none");
    await page.keyboard.press("Enter");
    expect(await page.locator("#group-terms").getAttribute("open")).toBeNull();
    await page.keyboard.press("Space");
    expect(await page.locator("#group-terms").getAttribute("open")).toBe("");
  });

  it("ties every field to its error, and reports problems in the fields", async () => {
    await page.locator("#f-capacityMW").focus();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("-5");
    const described = (await page.locator("#f-capacityMW").getAttribute("aria-describedby")) ?? "";
    expect(described.split(" ")).toContain("f-capacityMW-error");
    expect(await page.locator("#f-capacityMW").getAttribute("aria-invalid")).toBe("true");
    expect((await page.locator("#f-capacityMW-error").textContent())?.length).toBeGreaterThan(0);
    expect(await page.locator("#insert").getAttribute("disabled-focusable")).toBe("");
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("adds a tranche with Enter and puts the focus in its date", async () => {
    await page.locator("#preset").focus();
    await tabTo(page, "#add-tranche");
    const rows = await page.locator("#tranche-rows tr").count();
    await page.keyboard.press("Enter");
    await page.locator(`#tranche-rows tr >> nth=${rows}`).waitFor();
    expect(await focused()).toBe(`f-tranches-${rows}-date`);
  });

  it("logged no console error", () => {
    expect(browser.errors).toEqual([]);
  });
});

describe("the Mining section", () => {
  let browser: Browser;
  afterAll(() => browser?.close());

  it("compares the deal with mining: the breakeven beside today's hashprice, a bad input marked on its field", async () => {
    browser = await launch({ width: 320, height: 900 });
    const page = await openPane(browser);
    await showSection(page, "mining");
    await page.locator("#mining-breakeven").waitFor();
    expect(await page.locator("#mining-breakeven").textContent()).toMatch(
      /^Breakeven hashprice: \$\d+\.\d\d per PH\/s per day, beside today's \$48\.$/,
    );
    // No document address is at hand for the hashprice series: an assumption, its source named.
    expect(await page.locator("label[for='mining-hashprice']").textContent()).toContain("(assumed)");
    expect(await page.locator("label[for='mining-powerCostPerKWh']").textContent()).toContain("(assumed)");
    expect(await page.locator("#mining-assumption").textContent()).toContain("1.3 × the deal's capacity");
    await page.locator("#mining-efficiencyJPerTH").fill("0");
    await page.keyboard.press("Tab");
    await page.locator("#mining-efficiencyJPerTH[aria-invalid='true']").waitFor();
    expect(await page.locator("#mining-efficiencyJPerTH-note").textContent()).toContain("mining.efficiencyJPerTH");
    expect(await page.locator("#mining-blocked").textContent()).toContain("mining inputs");
    // The focus moved on to the next field (the fields are not rebuilt under it).
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("mining-powerCostPerKWh");
    expect([await seriousViolations(page), await scrollsSideways(page)]).toEqual([[], false]);
    await page.locator("#mining-efficiencyJPerTH").fill("23.6");
    await page.keyboard.press("Tab");
    await page.locator("#mining-breakeven").waitFor();
    await shot(page, "pane-mining.png");
    expect(browser.errors).toEqual([]);
  });
});

describe("the pane's figures in the user's locale", () => {
  let browser: Browser;
  afterAll(() => browser?.close());

  it("formats money and months for de-DE outside Office (Office's display language inside it)", async () => {
    browser = await launch({ width: 450, height: 900, locale: "de-DE" });
    const page = await openPane(browser);
    const figures = Object.fromEntries(
      await page.$$eval("#preview dt", (dts) => dts.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent])),
    );
    expect(figures["Contract value"]).toMatch(/^3\.500\.064\.000,00\s\$$/);
    expect(figures["Prepayment credited by"]).toMatch(/^[A-Z][a-zä]+ \d{4}$/);
    expect(browser.errors).toEqual([]);
  });
});

describe("a host the pane cannot run in", () => {
  let browser: Browser;
  afterAll(() => browser?.close());

  it("shows a plain message instead of a blank pane", async () => {
    browser = await launch({ width: 350, height: 600 });
    const page = await browser.newPage();
    // As Safari before 16.4 or IE11: no constructable stylesheets. The bundles then fail: expected here.
    await page.addInitScript(() => {
      delete (Document.prototype as unknown as Record<string, unknown>).adoptedStyleSheets;
    });
    await page.goto(previewUrl("taskpane.html"));
    await page.locator("#unsupported:not([hidden])").waitFor();
    expect(await page.locator("#unsupported").textContent()).toContain("Safari 16.4");
    expect(await page.locator("#app").isHidden()).toBe(true);
    await shot(page, "pane-unsupported.png");
  });
});
