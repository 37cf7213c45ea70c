/**
 * What every browser test shares: Debian's chromium through playwright-core, a page that records
 * every console error, uncaught exception and CSP violation (the tests fail on any), office.js's CDN
 * served from the local @microsoft/office-js copy (the tests have no network), and axe-core.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts");
export const DOC_IMAGES = path.resolve(__dirname, "../../docs/images");

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));

export function previewUrl(page = "preview.html"): string {
  const url = process.env.HPC_PREVIEW_URL;
  if (!url || !process.env.HPC_CHROMIUM)
    throw new Error("run these tests with `npm run test:e2e` (globalSetup serves the page)");
  return new URL(page, url).href;
}

export interface Browser {
  readonly context: BrowserContext;
  /** Console errors, uncaught exceptions and CSP violations, from every page of the context. */
  readonly errors: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launch(options: { width?: number; height?: number; locale?: string } = {}): Promise<Browser> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), "hpc-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.HPC_CHROMIUM,
    acceptDownloads: true,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: options.width ?? 1600, height: options.height ?? 1000 },
    locale: options.locale ?? "en-US",
  });
  const errors: string[] = [];
  // The add-in's page loads office.js from Microsoft's CDN: serve the same files from the npm copy.
  await context.route(`${OFFICE_CDN}**`, async (route) => {
    const file = path.join(OFFICE_DIST, new URL(route.request().url()).pathname.slice("/lib/1/hosted/".length));
    if (!file.startsWith(OFFICE_DIST)) return route.abort();
    try {
      await route.fulfill({ body: readFileSync(file), contentType: "text/javascript" });
    } catch {
      await route.fulfill({ status: 404, body: "" });
    }
  });
  const watch = (page: Page) => {
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => errors.push(`uncaught: ${e.message}`));
  };
  context.pages().forEach(watch);
  context.on("page", watch);
  return {
    context,
    errors,
    newPage: async () => context.pages()[0] ?? (await context.newPage()),
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Waits for the page's finite animations and transitions to end: colours mid-transition (a theme switch,
 * a hover, the tab indicator) are no colours the user reads, and would make screenshots differ run to run.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== "running" || a.effect?.getComputedTiming().iterations === Infinity),
  );
}

const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe-core's WCAG 2.1 A and AA rules on the page (or under `include`): the serious and critical
 * violations. Injected by evaluation (not a <script>), so the page's CSP stays as it is.
 */
export async function seriousViolations(page: Page, include?: string): Promise<AxeViolation[]> {
  await settled(page);
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }).axe;
    const result = (await axe.run(selector ?? document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations"],
    })) as {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[]; any: { message: string }[] }[];
      }[];
    };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => `${JSON.stringify(n.target)}: ${n.any.map((a) => a.message).join(" ")}`),
    }));
  }, include);
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** True when the page is wider than its viewport (it scrolls sideways). */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

/** Presses Tab until `selector` has the focus; fails after `limit` presses. Returns the number of presses. */
export async function tabTo(page: Page, selector: string, limit = 150, key = "Tab"): Promise<number> {
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press(key);
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i;
  }
  throw new Error(`${selector} never got the focus in ${limit} presses of ${key}`);
}
