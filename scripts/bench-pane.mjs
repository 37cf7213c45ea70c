#!/usr/bin/env node
// Case 4: the production bundles' sizes (raw and gzipped) and the pane's time
// to interactive in headless Chromium.
//
// The page is taskpane.html of a production build, served from 127.0.0.1 by
// this script. Office.js comes from Microsoft's CDN in production; here the
// CDN's /lib/1/hosted/ files are answered from node_modules/@microsoft/office-js/dist
// (the same tree), every other outside request is refused. Routing disables
// Chromium's HTTP cache, so every load is a cold one.
//
// Interactive: the first animation frame at which document.body.dataset.ready
// is "true", if the pane sets it; until it does, the first frame after
// DOMContentLoaded (the pane's deferred script has run) at which the pane's
// root element (#app) has a layout box.
//
//   node scripts/bench-pane.mjs [dir]    a build directory (default: dist/)
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { summarizeSamples } from "./bench-stats.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

export const CHROMIUM = "/usr/bin/chromium";
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = path.join(root, "node_modules/@microsoft/office-js/dist");
const ROOT_SELECTOR = "#app";
/** How long to wait for the pane's ready flag on the first load before falling back to the root's render. */
const READY_PROBE_MS = 3000;

const gzipSize = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

/** The local files taskpane.html names (scripts, stylesheets), itself included. */
function referencedByPage(dir) {
  const html = readFileSync(path.join(dir, "taskpane.html"), "utf8");
  const names = [...html.matchAll(/(?:src|href)=["']?([^"'\s>]+)/g)].map((m) => m[1]);
  return ["taskpane.html", ...names.filter((n) => !/^([a-z]+:)?\/\//i.test(n) && existsSync(path.join(dir, n)))];
}

/** What a bundle's license banners name (terser moves them to <file>.LICENSE.txt): the first line of each. */
function bannerNames(dir, file) {
  const license = path.join(dir, `${file}.LICENSE.txt`);
  if (!existsSync(license)) return [];
  const text = readFileSync(license, "utf8");
  return [...text.matchAll(/\/\*!?\s*\n?\s*(?:\*\s*)?([^\n]+)/g)]
    .map((m) =>
      m[1]
        .replace(/\*\/$/, "")
        .replace(/^\*\s*/, "")
        .split(/ - |\. /)[0]
        .trim(),
    )
    .filter(Boolean);
}

/**
 * Sizes, raw and gzipped (level 9), of the functions bundle and of the pane:
 * every .html/.js/.css the build emits except functions.js, split into what
 * the page loads at start (what taskpane.html names, and whatever else
 * `requested` lists: the files the browser asked for while loading the
 * pane) and what is loaded later, on demand (dynamic-import chunks).
 */
export function bundleSizes(dir, requested = []) {
  const files = readdirSync(dir).filter((f) => /\.(js|css|html)$/.test(f));
  const measure = (names) => {
    let raw = 0;
    let gzip = 0;
    for (const name of names) {
      const buf = readFileSync(path.join(dir, name));
      raw += buf.length;
      gzip += gzipSize(buf);
    }
    return { files: names, raw, gzip, banners: names.flatMap((n) => bannerNames(dir, n)) };
  };
  const pane = files.filter((f) => f !== "functions.js");
  const atStart = new Set([...referencedByPage(dir), ...requested]);
  return {
    functions: measure(files.filter((f) => f === "functions.js")),
    paneAtStart: measure(pane.filter((f) => atStart.has(f))),
    paneOnDemand: measure(pane.filter((f) => !atStart.has(f))),
    pane: measure(pane),
  };
}

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json" };

function serve(dir) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    const file = path.join(dir, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ""));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Records, from the page itself, when each milestone is first seen (ms since navigation start). */
function probe(rootSelector) {
  const marks = {};
  window.__hpcBench = marks;
  const at = (name) => {
    if (marks[name] === undefined) marks[name] = performance.now();
  };
  document.addEventListener("DOMContentLoaded", () => at("domContentLoaded"));
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.name === "first-contentful-paint") marks.firstContentfulPaint = e.startTime;
  }).observe({ type: "paint", buffered: true });
  let officeHooked = false;
  const frame = () => {
    const rootEl = document.querySelector(rootSelector);
    if (rootEl && rootEl.getBoundingClientRect().height > 0) at("rootRendered");
    if (rootEl && marks.domContentLoaded !== undefined && rootEl.getBoundingClientRect().height > 0) {
      at("rootRenderedAfterScripts");
    }
    if (document.body && document.body.dataset.ready === "true") at("ready");
    if (!officeHooked && window.Office && typeof window.Office.onReady === "function") {
      officeHooked = true;
      window.Office.onReady(() => at("officeReady"));
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/**
 * Loads the pane `samples` times (plus one warm-up load of the browser) and
 * returns the milestones' medians, or { skipped } when Chromium is missing.
 */
export async function paneTti(dir, { samples = 7 } = {}) {
  if (!existsSync(CHROMIUM)) {
    return { skipped: `${CHROMIUM} is missing (install it with: apt-get update && apt-get install -y chromium)` };
  }
  const { chromium } = require("playwright-core");
  const server = await serve(dir);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const profile = mkdtempSync(path.join(os.tmpdir(), "hpc-bench-chromium-"));
  const outside = new Set();
  const requested = new Set();
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 350, height: 900 }, // a task pane's width
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(base)) {
        requested.add(decodeURIComponent(new URL(url).pathname.slice(1)));
        return route.continue();
      }
      if (url.startsWith(OFFICE_CDN)) {
        const file = path.join(OFFICE_DIST, new URL(url).pathname.slice(new URL(OFFICE_CDN).pathname.length));
        if (file.startsWith(OFFICE_DIST) && existsSync(file) && statSync(file).isFile()) {
          return route.fulfill({ status: 200, contentType: "text/javascript", body: readFileSync(file) });
        }
      }
      outside.add(url.split("?")[0]);
      return route.abort();
    });
    await context.addInitScript(probe, ROOT_SELECTOR);

    const load = async (waitForReady) => {
      const page = await context.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${base}taskpane.html`, { waitUntil: "load" });
      await page.waitForFunction(() => window.__hpcBench?.rootRenderedAfterScripts !== undefined, null, {
        timeout: 30000,
      });
      if (waitForReady) {
        await page
          .waitForFunction(() => window.__hpcBench?.ready !== undefined, null, { timeout: waitForReady })
          .catch(() => {});
      }
      await page.waitForTimeout(50);
      const marks = await page.evaluate(() => {
        const nav = performance.getEntriesByType("navigation")[0];
        return { ...window.__hpcBench, load: nav?.loadEventEnd };
      });
      await page.close();
      return { marks, errors };
    };

    const first = await load(READY_PROBE_MS);
    const readyFlag = first.marks.ready !== undefined;
    const runs = [];
    for (let i = 0; i < samples; i++) runs.push((await load(readyFlag ? 30000 : 0)).marks);
    const stat = (name) => {
      const values = runs.map((m) => m[name]).filter((v) => v !== undefined);
      return values.length === runs.length ? summarizeSamples(values) : undefined;
    };
    return {
      readyFlag,
      tti: stat(readyFlag ? "ready" : "rootRenderedAfterScripts"),
      milestones: {
        firstContentfulPaint: stat("firstContentfulPaint"),
        domContentLoaded: stat("domContentLoaded"),
        load: stat("load"),
        rootRendered: stat("rootRendered"),
        officeReady: stat("officeReady"),
      },
      pageErrors: first.errors,
      refused: [...outside],
      requested: [...requested].sort(),
    };
  } finally {
    await context?.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const dir = path.resolve(process.argv[2] ?? path.join(root, "dist"));
  const tti = await paneTti(dir);
  console.log(JSON.stringify({ sizes: bundleSizes(dir, tti.requested), tti }, null, 2));
}
