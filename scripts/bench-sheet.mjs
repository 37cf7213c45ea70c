#!/usr/bin/env node
// Case 3 (sheet scale) and the memory half of case 5: a workbook of many deals
// in HyperFormula 3.5 (the engine the tests use, with the HPC functions
// registered), written two ways side by side:
//
//   hpc     each deal's terms block (labels in A, values in B) and, beside it,
//           HPC.PREPAYREMAINING at the ten dates of row 1, HPC.CONTRACTVALUE,
//           HPC.ANNUALREVENUE and HPC.DEALNPV;
//   native  the same terms blocks and the same 13 output cells, computed the
//           way an analyst writes it today: a 144-row schedule per deal on the
//           Schedules sheet (month number, then EDATE / ROUND / MIN rows for
//           date, gross fee, credit, prepayment remaining, net cash flow) and
//           INDEX-MATCH / SUM / XNPV over it.
//
// Each model runs in its own child process (`--child hpc|native`): a warm-up
// on a small workbook, then full builds, each followed by single-input
// changes, timed; the first build also gives the process's peak RSS and the
// heap the engine retains. Schedules rebuilt by a change are counted with the
// functions' own cacheStats() (from the node build, scripts/bench-node-build.mjs).
//
//   node scripts/bench-sheet.mjs [--deals 1000] [--reps 3]   both models, prints JSON
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { OUT_DIR, buildForNode, loadNodeBuild } from "./bench-node-build.mjs";
import { median, msSince, summarizeSamples } from "./bench-stats.mjs";

const self = fileURLToPath(import.meta.url);
const require = createRequire(import.meta.url);

export const DATES_PER_DEAL = 10;
export const MONTHS = 144;
const OUTPUTS = ["CONTRACTVALUE", "ANNUALREVENUE", "DEALNPV"];
/** Output cells per deal: the prepayment remaining at each date, then the three metrics. */
export const CELLS_PER_DEAL = DATES_PER_DEAL + OUTPUTS.length;
const OUT_COL = 3; // D
/** Term rows of a deal's block, in order; labels come from the core's terms table. */
const BLOCK = [
  "name",
  "capacityMW",
  "ratePerKWMonth",
  "termMonths",
  "startDate",
  "escalator",
  "prepayment",
  "creditMethod",
  "creditPercent",
  "opexPerMWMonth",
  "discountRate",
];
const ROW = Object.fromEntries(BLOCK.map((key, i) => [key, i]));
/** Schedules sheet: one deal per group of columns. */
const SCHEDULE_COLS = ["month", "date", "gross", "credit", "remaining", "net"];
const SC = Object.fromEntries(SCHEDULE_COLS.map((key, i) => [key, i]));

function colName(index) {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const serial = (y, m, d) => Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);

/** The terms of deal k: varied, all valid; one tranche, percent-of-fee credits from the start month. */
function dealTerms(k) {
  return {
    name: `Deal ${k + 1}`,
    capacityMW: 50 + (k % 20) * 10,
    ratePerKWMonth: Math.round((100 + (k % 37) * 1.13) * 100) / 100,
    termMonths: MONTHS,
    startDate: serial(2025 + Math.floor((k % 24) / 12), 1 + (k % 12), 1),
    escalator: 0.02 + (k % 5) * 0.005,
    prepayment: 100_000_000 + (k % 50) * 1_000_000,
    creditMethod: "percent-of-fee",
    creditPercent: 0.15 + (k % 5) * 0.05,
    opexPerMWMonth: 25_000,
    discountRate: 0.08 + (k % 4) * 0.01,
  };
}

/** The ten dates of row 1 (D1:M1), shared by every deal. */
function dates() {
  return Array.from({ length: DATES_PER_DEAL }, (_, j) =>
    serial(2024 + Math.floor((6 + 13 * j) / 12), 1 + ((6 + 13 * j) % 12), 15),
  );
}

/**
 * The workbook as HyperFormula sheets, and where its cells are. `labels`
 * maps a term key to its sheet label.
 */
export function workbook(model, deals, labels) {
  const top = ["Dates", "", "", ...dates(), ...OUTPUTS];
  const sheet = [top];
  const schedules = Array.from({ length: MONTHS }, () => []);
  const blockRow = (k) => 1 + k * BLOCK.length;
  for (let k = 0; k < deals; k++) {
    const terms = dealTerms(k);
    const r0 = blockRow(k);
    for (const key of BLOCK) sheet[r0 + ROW[key]] = [labels[key], key === "name" ? terms.name : terms[key]];
    const abs = (key) => `$B$${r0 + ROW[key] + 1}`;
    const row = sheet[r0];
    row[2] = null;
    if (model === "hpc") {
      const range = `$A$${r0 + 1}:$B$${r0 + BLOCK.length}`;
      for (let j = 0; j < DATES_PER_DEAL; j++) row.push(`=HPC.PREPAYREMAINING(${range},${colName(OUT_COL + j)}$1)`);
      for (const f of OUTPUTS) row.push(`=HPC.${f}(${range})`);
      continue;
    }
    // native: the deal's schedule in its own group of columns of the Schedules sheet.
    const c0 = k * SCHEDULE_COLS.length;
    const col = (key) => colName(c0 + SC[key]);
    const t = (key) => `Deals!${abs(key)}`;
    for (let i = 0; i < MONTHS; i++) {
      const r = i + 1;
      const prev = (key) => `${col(key)}${r - 1}`;
      const here = (key) => `${col(key)}${r}`;
      const cells = schedules[i];
      cells[c0 + SC.month] = i;
      cells[c0 + SC.date] = i === 0 ? `=${t("startDate")}` : `=N(EDATE(${prev("date")},1))`;
      cells[c0 + SC.gross] =
        `=ROUND(${t("capacityMW")}*1000*${t("ratePerKWMonth")}*(1+${t("escalator")})^INT(${here("month")}/12),2)`;
      cells[c0 + SC.credit] =
        `=MIN(ROUND(${t("creditPercent")}*${here("gross")},2),${i === 0 ? t("prepayment") : prev("remaining")})`;
      cells[c0 + SC.remaining] = `=${i === 0 ? t("prepayment") : prev("remaining")}-${here("credit")}`;
      cells[c0 + SC.net] =
        `=${here("gross")}-${here("credit")}-ROUND(${t("opexPerMWMonth")}*${t("capacityMW")},2)` +
        (i === 0 ? `+${t("prepayment")}` : "");
    }
    const span = (key) => `Schedules!$${col(key)}$1:$${col(key)}$${MONTHS}`;
    for (let j = 0; j < DATES_PER_DEAL; j++) {
      row.push(
        `=IFERROR(INDEX(${span("remaining")},MATCH(${colName(OUT_COL + j)}$1,${span("date")},1)),${abs("prepayment")})`,
      );
    }
    row.push(`=SUM(${span("gross")})`);
    row.push(`=ROUND(SUM(${span("gross")})*12/${abs("termMonths")},2)`);
    row.push(`=ROUND(XNPV(${abs("discountRate")},${span("net")},${span("date")}),2)`);
  }
  const sheets = model === "hpc" ? { Deals: sheet } : { Deals: sheet, Schedules: schedules };
  return {
    sheets,
    formulaCells:
      model === "hpc" ? deals * CELLS_PER_DEAL : deals * (CELLS_PER_DEAL + MONTHS * (SCHEDULE_COLS.length - 1)),
    /** Address of deal k's rate (the input a change edits). */
    rateCell: (sheetId, k) => ({ sheet: sheetId, row: blockRow(k) + ROW.ratePerKWMonth, col: 1 }),
    rateOf: (k) => dealTerms(k).ratePerKWMonth,
    /** Address of the first date of row 1 (D1), shared by every deal. */
    dateCell: (sheetId) => ({ sheet: sheetId, row: 0, col: OUT_COL }),
    outputRange: (sheetId, k) => ({
      start: { sheet: sheetId, row: blockRow(k), col: OUT_COL },
      end: { sheet: sheetId, row: blockRow(k), col: OUT_COL + CELLS_PER_DEAL - 1 },
    }),
  };
}

/**
 * Untimed single-input changes made after a build, before the timed ones, in both models alike: the
 * steady state an analyst editing a workbook reaches after a few hundred edits. Node's compiler
 * needs about 200 changes to optimise the HPC side's path (its median falls from ~0.3 ms over the
 * first 50 to ~0.12 ms from the 200th, measured); the native side's stays flat. With 5 warm-up
 * changes the ratio was 11–13× (JIT still cold); the notes say so.
 */
const WARMUP_CHANGES = 200;
/** Changes of the date every deal reads, after each build: untimed, then timed. */
const WARMUP_SHARED = 2;
export const SHARED_CHANGES = 5;

/** The deals edited by the single-input changes (warm-up ones first): spread over the workbook, each once. */
function changedDeals(deals, count) {
  return Array.from({ length: WARMUP_CHANGES + count }, (_, j) => (j * 389 + 17) % deals);
}

function runChild(model, { deals, reps, changes, buildDir }) {
  const load = loadNodeBuild(buildDir);
  const { HyperFormula } = require("hyperformula"); // the instance the plugin registers with
  const plugin = load("preview/hyperformula/plugin");
  const resolve = load("functions/resolve");
  const { TERM_BY_KEY } = load("core/index");
  plugin.registerHpcFunctions();
  const labels = Object.fromEntries(BLOCK.map((key) => [key, TERM_BY_KEY.get(key).label]));
  const config = { ...plugin.HPC_HYPERFORMULA_CONFIG };
  const gc = globalThis.gc ?? (() => {});
  const built = () => resolve.cacheStats().schedulesBuilt;
  const validated = () => resolve.cacheStats().validations;
  // Terms blocks read again from their doubles (validateFast: no validateDeal, no key of the raw cells).
  const fastRead = () => resolve.cacheStats().fastValidations ?? 0;

  const once = (book, { timeChanges, collect }) => {
    resolve.clearCaches();
    gc();
    const before = built();
    let t0 = process.hrtime.bigint();
    const hf = HyperFormula.buildFromSheets(book.sheets, config);
    const buildMs = msSince(t0);
    const sheetId = hf.getSheetId("Deals");
    const out = { buildMs, schedulesAtBuild: built() - before };
    if (collect) {
      out.maxRssMB = process.resourceUsage().maxRSS / 1024;
      gc();
      out.heapMB = process.memoryUsage().heapUsed / 2 ** 20;
      out.values = [];
      for (let k = 0; k < deals; k++) out.values.push(...hf.getRangeValues(book.outputRange(sheetId, k))[0]);
    }
    out.changes = [];
    const edited = timeChanges ? changedDeals(deals, changes) : [];
    edited.forEach((k, j) => {
      const b = built();
      t0 = process.hrtime.bigint();
      const changed = hf.setCellContents(book.rateCell(sheetId, k), [[book.rateOf(k) + 0.01]]);
      const change = { ms: msSince(t0), schedules: built() - b, changedCells: changed.length - 1 };
      if (j >= WARMUP_CHANGES) out.changes.push(change);
      hf.setCellContents(book.rateCell(sheetId, k), [[book.rateOf(k)]]); // back, untimed
    });
    out.shared = [];
    if (timeChanges) {
      // A change every deal depends on: the first shared date (D1), to a new date each time.
      for (let j = 0; j < WARMUP_SHARED + SHARED_CHANGES; j++) {
        const b = built();
        const v = validated();
        const f = fastRead();
        t0 = process.hrtime.bigint();
        const changed = hf.setCellContents(book.dateCell(sheetId), [[serial(2026, 3 + j, 15)]]);
        const ms = msSince(t0);
        const change = {
          ms,
          schedules: built() - b,
          validations: validated() - v,
          fastReads: fastRead() - f,
          changedCells: changed.length - 1,
        };
        if (j >= WARMUP_SHARED) out.shared.push(change);
      }
    }
    hf.destroy();
    return out;
  };

  // Warm-up: the same code paths on a small workbook.
  const small = workbook(model, Math.min(50, deals), labels);
  for (let i = 0; i < 2; i++) once(small, { timeChanges: true });
  const book = workbook(model, deals, labels);
  const runs = [];
  for (let r = 0; r < reps; r++) runs.push(once(book, { timeChanges: true, collect: r === 0 }));
  return { model, deals, formulaCells: book.formulaCells, runs };
}

/** Runs one model in a child process (its own heap, so that its peak RSS is its own). */
function child(model, { deals, reps, changes, buildDir = OUT_DIR }) {
  const out = execFileSync(
    process.execPath,
    [
      "--expose-gc",
      "--max-old-space-size=8192",
      self,
      "--child",
      model,
      "--deals",
      String(deals),
      "--reps",
      String(reps),
      "--changes",
      String(changes),
      "--build-dir",
      buildDir,
    ],
    { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] },
  );
  return JSON.parse(out);
}

function verify(hpc, native) {
  const a = hpc.runs[0].values;
  const b = native.runs[0].values;
  let mismatches = 0;
  let maxDiff = 0;
  for (let i = 0; i < a.length; i++) {
    const diff = typeof a[i] === "number" && typeof b[i] === "number" ? Math.abs(a[i] - b[i]) : Infinity;
    maxDiff = Math.max(maxDiff, diff);
    if (!(diff < 0.005)) mismatches++;
  }
  return { cells: a.length, mismatches, maxDiff };
}

/**
 * Both models, side by side: `rounds` rounds, each running the HPC model and
 * then the native one in fresh child processes (`reps` builds each).
 */
export function benchSheet({ deals = 1000, reps = 1, rounds = 3, changes = 21, build = true } = {}) {
  if (build) buildForNode();
  const results = { hpc: [], native: [] };
  for (let r = 0; r < rounds; r++) {
    for (const model of ["hpc", "native"]) results[model].push(child(model, { deals, reps, changes }));
  }
  const hpc = summarize(results.hpc);
  const native = summarize(results.native);
  return {
    deals,
    rounds,
    changes,
    warmupChanges: WARMUP_CHANGES,
    sharedChanges: SHARED_CHANGES,
    warmupShared: WARMUP_SHARED,
    hpc,
    native,
    buildRatio: native.build.median / hpc.build.median,
    changeRatio: native.change.median / hpc.change.median,
    sharedRatio: native.shared.median / hpc.shared.median,
    check: verify(results.hpc[0], results.native[0]),
  };
}

/** Medians over the children of one model (their builds, changes and first-build memory). */
function summarize(list) {
  const runs = list.flatMap((c) => c.runs);
  const changeRuns = runs.flatMap((run) => run.changes);
  const sharedRuns = runs.flatMap((run) => run.shared);
  const rss = list.map((c) => c.runs[0].maxRssMB);
  return {
    formulaCells: list[0].formulaCells,
    build: summarizeSamples(runs.map((run) => run.buildMs)),
    schedulesAtBuild: median(runs.map((run) => run.schedulesAtBuild)),
    change: summarizeSamples(changeRuns.map((c) => c.ms)),
    schedulesPerChange: Math.max(...changeRuns.map((c) => c.schedules)),
    changedCellsPerChange: median(changeRuns.map((c) => c.changedCells)),
    shared: summarizeSamples(sharedRuns.map((c) => c.ms)),
    /** The most any such change rebuilt (budget: none). */
    schedulesPerSharedChange: Math.max(...sharedRuns.map((c) => c.schedules)),
    validationsPerSharedChange: Math.max(...sharedRuns.map((c) => c.validations)),
    /** Terms blocks read again from their doubles (validateFast) by such a change. */
    fastReadsPerSharedChange: Math.max(...sharedRuns.map((c) => c.fastReads)),
    changedCellsPerSharedChange: median(sharedRuns.map((c) => c.changedCells)),
    maxRssMB: { median: median(rss), max: Math.max(...rss) },
    heapMB: median(list.map((c) => c.runs[0].heapMB)),
  };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === self;
if (isMain) {
  const args = process.argv.slice(2);
  const arg = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const childModel = args.includes("--child") ? args[args.indexOf("--child") + 1] : undefined;
  if (childModel) {
    const result = runChild(childModel, {
      deals: arg("--deals", 1000),
      reps: arg("--reps", 2),
      changes: arg("--changes", 21),
      buildDir: args.includes("--build-dir") ? args[args.indexOf("--build-dir") + 1] : OUT_DIR,
    });
    process.stdout.write(JSON.stringify(result));
  } else {
    const result = benchSheet({ deals: arg("--deals", 1000), reps: arg("--reps", 2), rounds: arg("--rounds", 2) });
    console.log(JSON.stringify(result, null, 2));
  }
}
