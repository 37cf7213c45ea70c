import { randomBytes } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import { copyFile, link, readFile, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  DealError,
  buildSchedule,
  compareMining,
  isBlank,
  isPortfolioFile,
  parseDealJson,
  money,
  parseIsoDate,
  prepaymentRemaining,
  readPeriodOptions,
  summarize,
  validateDeal,
  validatePortfolio,
  validateNumberTerm,
  type CalendarDate,
  type DealFile,
  type Result,
  type Terms,
} from "../core";
import { planDeal, planPreset, planToJson, type SheetPlan } from "../plan";
import { PRESETS, getPreset } from "../presets";
import { HPC_ADDIN, addinFromManifest, parseDeployment, type AddinReference } from "../xlsx/addin";
import { planBook } from "../xlsx/book";
import type { ExportOptions } from "../xlsx/export";
import { isBookCommand, runBookCommand } from "./book";
import { scheduleCsv, summaryJson } from "./format";
import { miningCsv } from "./mining";
import { UsageError, processIO, type CliIO } from "./io";
import { SENSITIVITY_USAGE, sensitivityCommand } from "./sensitivity";
import { exportBookXlsx, exportPlanXlsx } from "./xlsxOnDemand";

const USAGE = `hpc-deal: model AI/HPC data-center hosting deals (the model: docs/model.md)

Usage:
  hpc-deal schedule DEAL.json            monthly schedule as CSV
  hpc-deal summary DEAL.json [--rate R]  summary figures as JSON (money as decimal strings)
  hpc-deal mining DEAL.json [--rate R]   hosting versus mining the same site, monthly, as CSV
  hpc-deal remaining DEAL.json DATE      prepayment not yet credited at DATE (YYYY-MM-DD)
  hpc-deal periods FILE [--period month|quarter|year] [--fiscal-year-end M]
                                         the schedule by period as CSV (default: calendar quarters)
  hpc-deal runrate FILE DATE             run rate at DATE: 12 × the gross fee of its month
  hpc-deal plan DEAL.json                the sheet layout the add-in inserts, as JSON
  hpc-deal plan --preset ID              the same for a preset, with its provenance
  hpc-deal xlsx DEAL.json -o FILE.xlsx   the model as an Excel workbook: HPC formulas with cached values
        [--preset ID instead of DEAL.json] [--values-only] [--as-of YYYY-MM-DD] [--force] [--manifest FILE]
  ${SENSITIVITY_USAGE}
                                         one figure over two inputs as CSV (figures: contractValue, npv,
                                         hostNpv, irr, averageAnnualRevenue, totalNetCash, breakevenHashprice; inputs: numeric
                                         terms, mining.KEY and delayMonths)
  hpc-deal presets                       list the preset deals
  hpc-deal preset ID                     print a preset as a deal file

DEAL.json is a deal file (JSON with the spec's keys); "-" reads standard input.
FILE, and DEAL.json of schedule, summary and remaining, may also be a portfolio file
{"name", "deals": [deal, ...], "discountRate"}: the figures of its combined book (docs/model.md).
--rate R sets the annual discount rate for every NPV (a fraction: 0.1 = 10 %).
A deal with a "mining" block: summary adds the comparison's figures (miningNpv, breakevenHashprice, ...).
xlsx: --values-only writes values, no formulas (for recipients without the add-in); --as-of sets
the date TODAY() is cached at (default: today); an existing FILE is kept unless --force.
xlsx of a portfolio file: each deal's sheet and the portfolio sheet (its run rate at --as-of;
[--period month|quarter|year] [--fiscal-year-end M] as periods, default calendar quarters).
Exit codes: 0 success, 2 bad input or usage (the message names the term).
`;

function parseDeal(text: string, source: string): unknown {
  const parsed = parseDealJson(text);
  if (!parsed.ok) {
    throw new DealError(parsed.error.problems.map((p) => ({ ...p, message: `${source}: ${p.message}` })));
  }
  return parsed.value;
}

async function loadDealFile(io: CliIO, path: string | undefined): Promise<unknown> {
  if (path === undefined) throw new UsageError("missing DEAL.json (a path, or - for standard input)");
  return parseDeal(await io.readInput(path), path === "-" ? "standard input" : path);
}

async function loadTerms(io: CliIO, path: string | undefined): Promise<Terms> {
  const checked = validateDeal(await loadDealFile(io, path));
  if (!checked.ok) throw checked.error;
  return checked.value;
}

function expectArgs(args: readonly string[], count: number, usage: string): void {
  if (args.length > count) throw new UsageError(`unexpected argument ${JSON.stringify(args[count])}: ${usage}`);
}

/** Splits `--name value` options from positional arguments. */
function takeOption(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined) throw new UsageError(`${name} needs a value`);
  args.splice(i, 2);
  return value;
}

/**
 * The sheet does not carry a mining block yet: say so rather than drop it silently.
 * `mining` is a valid deal's block, from its terms (null when none) or its file (absent or blank when none).
 */
function warnMiningNotOnSheet(io: CliIO, mining: unknown): void {
  if (!isBlank(mining)) {
    io.err("hpc-deal: note: the deal's mining block is not laid out on the sheet yet; see `hpc-deal mining`\n");
  }
}

/** The plan, or its deal's problems thrown as the `DealError` `main` prints (exit 2): the one validation of the file. */
function planned(result: Result<SheetPlan>): SheetPlan {
  if (!result.ok) throw result.error;
  return result.value;
}

/** The deal with `--rate` as its discount rate, for every NPV (checked as the discountRate term is). */
function withRate(terms: Terms, rateText: string | undefined): Terms {
  if (rateText === undefined) return terms;
  const rate = validateNumberTerm("discountRate", rateText, "--rate");
  if (!rate.ok) throw rate.error;
  return { ...terms, discountRate: rate.value };
}

async function run(io: CliIO, argv: readonly string[]): Promise<void> {
  const [command, ...rest] = argv;
  const args = [...rest];
  // A portfolio file (any of these commands), or a deal's periods or run rate: book.ts.
  const load = (file: string | undefined) => loadDealFile(io, file);
  if (isBookCommand(command) && (await runBookCommand(io, command, args, load, { takeOption, expectArgs }))) return;
  switch (command) {
    case "schedule": {
      expectArgs(args, 1, "hpc-deal schedule DEAL.json");
      io.out(scheduleCsv(buildSchedule(await loadTerms(io, args[0]))));
      return;
    }
    case "summary": {
      const rateText = takeOption(args, "--rate");
      expectArgs(args, 1, "hpc-deal summary DEAL.json [--rate R]");
      const terms = withRate(await loadTerms(io, args[0]), rateText);
      const schedule = buildSchedule(terms);
      const mining = terms.mining === null ? null : compareMining(schedule).summary;
      io.out(JSON.stringify(summaryJson(summarize(schedule), mining), null, 2) + "\n");
      return;
    }
    case "mining": {
      const rateText = takeOption(args, "--rate");
      expectArgs(args, 1, "hpc-deal mining DEAL.json [--rate R]");
      const terms = withRate(await loadTerms(io, args[0]), rateText);
      io.out(miningCsv(compareMining(buildSchedule(terms)).schedule));
      return;
    }
    case "remaining": {
      expectArgs(args, 2, "hpc-deal remaining DEAL.json YYYY-MM-DD");
      const terms = await loadTerms(io, args[0]);
      if (args[1] === undefined) throw new UsageError("missing DATE: hpc-deal remaining DEAL.json YYYY-MM-DD");
      const date = parseIsoDate(args[1]);
      if (!date) throw new UsageError(`date must be a date as YYYY-MM-DD, got ${JSON.stringify(args[1])}`);
      io.out(money(prepaymentRemaining(buildSchedule(terms), date)) + "\n");
      return;
    }
    case "plan": {
      // The raw file, not validated terms: a term left blank stays blank on the sheet.
      const presetId = takeOption(args, "--preset");
      if (presetId !== undefined) {
        expectArgs(args, 0, "hpc-deal plan --preset ID");
        const preset = getPreset(presetId);
        if (!preset) throw new UsageError(`unknown preset ${JSON.stringify(presetId)}: see \`hpc-deal presets\``);
        io.out(JSON.stringify(planToJson(planned(planPreset(preset))), null, 2) + "\n");
        return;
      }
      expectArgs(args, 1, "hpc-deal plan DEAL.json");
      const file = await loadDealFile(io, args[0]);
      const plan = planned(planDeal(file as DealFile));
      warnMiningNotOnSheet(io, (file as DealFile).mining);
      io.out(JSON.stringify(planToJson(plan), null, 2) + "\n");
      return;
    }
    case "sensitivity": {
      io.out(await sensitivityCommand(args, takeOption, (file) => loadDealFile(io, file)));
      return;
    }
    case "xlsx": {
      await xlsxCommand(io, args);
      return;
    }
    case "presets": {
      expectArgs(args, 0, "hpc-deal presets");
      const width = Math.max(...PRESETS.map((p) => p.id.length));
      for (const p of PRESETS) io.out(`${p.id.padEnd(width)}  ${p.description}\n`);
      return;
    }
    case "preset": {
      expectArgs(args, 1, "hpc-deal preset ID");
      const id = args[0];
      if (id === undefined) throw new UsageError("missing ID: see `hpc-deal presets`");
      const preset = getPreset(id);
      if (!preset) throw new UsageError(`unknown preset ${JSON.stringify(id)}: see \`hpc-deal presets\``);
      io.out(JSON.stringify(preset.deal, null, 2) + "\n");
      return;
    }
    case undefined:
    case "help":
    case "--help":
    case "-h":
      io.out(USAGE);
      return;
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)}\n\n${USAGE}`);
  }
}

/** Takes a flag (an option without a value) out of the arguments. */
function takeFlag(args: string[], name: string): boolean {
  const i = args.indexOf(name);
  if (i < 0) return false;
  args.splice(i, 1);
  return true;
}

function localToday(): CalendarDate {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

async function xlsxCommand(io: CliIO, args: string[]): Promise<void> {
  const usage =
    "hpc-deal xlsx DEAL.json -o FILE.xlsx [--period P] [--fiscal-year-end M] [--values-only] [--as-of YYYY-MM-DD] [--force] " +
    "[--deployment sideload|centralized|appsource:ASSETID@VERSION[:LOCALE]|fileshare:\\\\server\\share]";
  const out = takeOption(args, "-o") ?? takeOption(args, "--output");
  const presetId = takeOption(args, "--preset");
  const asOfText = takeOption(args, "--as-of");
  const manifest = takeOption(args, "--manifest");
  const deploymentText = takeOption(args, "--deployment");
  const period = takeOption(args, "--period");
  const fiscalYearEnd = takeOption(args, "--fiscal-year-end");
  const valuesOnly = takeFlag(args, "--values-only");
  const force = takeFlag(args, "--force");
  const unknown = args.find((a) => a.startsWith("-") && a !== "-");
  if (unknown !== undefined) throw new UsageError(`unknown option ${JSON.stringify(unknown)}: ${usage}`);
  expectArgs(args, presetId === undefined ? 1 : 0, usage);
  if (out === undefined) throw new UsageError(`missing -o FILE.xlsx: ${usage}`);
  const asOf = asOfText === undefined ? localToday() : parseIsoDate(asOfText);
  if (!asOf) throw new UsageError(`--as-of must be a date as YYYY-MM-DD, got ${JSON.stringify(asOfText)}`);

  let plan: SheetPlan;
  if (presetId !== undefined) {
    const preset = getPreset(presetId);
    if (!preset) throw new UsageError(`unknown preset ${JSON.stringify(presetId)}: see \`hpc-deal presets\``);
    plan = planned(planPreset(preset));
  } else {
    const file = await loadDealFile(io, args[0]);
    if (isPortfolioFile(file)) {
      const bytes = await bookXlsx(io, file, { period, fiscalYearEnd, asOf, valuesOnly, manifest, deploymentText });
      await writeNew(out, bytes, force);
      return;
    }
    if (period !== undefined || fiscalYearEnd !== undefined) {
      throw new UsageError("--period and --fiscal-year-end are for a portfolio file's portfolio sheet");
    }
    plan = planned(planDeal(file as DealFile));
    warnMiningNotOnSheet(io, (file as DealFile).mining);
  }
  const bytes = await exportPlanXlsx(plan, await exportOptions(asOf, valuesOnly, manifest, deploymentText));
  await writeNew(out, bytes, force);
}

async function exportOptions(
  asOf: CalendarDate,
  valuesOnly: boolean,
  manifest: string | undefined,
  deploymentText: string | undefined,
): Promise<ExportOptions> {
  let deployment;
  try {
    deployment = deploymentText === undefined ? undefined : parseDeployment(deploymentText);
  } catch (e) {
    throw new UsageError(`--deployment: ${e instanceof Error ? e.message : String(e)}`);
  }
  const addin = manifest === undefined ? HPC_ADDIN : await readManifest(manifest);
  return { mode: valuesOnly ? "values" : "live", asOf, addin, deployment };
}

/** A portfolio file as a workbook: each deal's sheet and the portfolio sheet, its run rate at --as-of. */
async function bookXlsx(
  io: CliIO,
  file: unknown,
  o: {
    period?: string;
    fiscalYearEnd?: string;
    asOf: CalendarDate;
    valuesOnly: boolean;
    manifest?: string;
    deploymentText?: string;
  },
): Promise<Uint8Array> {
  const options = readPeriodOptions(o.period, o.fiscalYearEnd, {
    period: "--period (period)",
    fiscalYearEndMonth: "--fiscal-year-end (fiscalYearEndMonth)",
  });
  if (!options.ok) throw options.error;
  // As `periods`: a blank option is refused, not read as the default.
  if (o.period?.trim() === "") throw new UsageError('--period (period) must be month, quarter or year, got ""');
  if (o.fiscalYearEnd?.trim() === "") {
    throw new UsageError('--fiscal-year-end (fiscalYearEndMonth) must be a whole number from 1 to 12, got ""');
  }
  const checked = validatePortfolio(file);
  if (!checked.ok) throw checked.error;
  checked.value.deals.forEach((terms) => warnMiningNotOnSheet(io, terms.mining));
  const raw = (file as { deals: DealFile[] }).deals;
  const book = planBook(checked.value, raw, { period: options.value, runRateDate: o.asOf });
  return exportBookXlsx(
    book.deals,
    book.portfolio,
    await exportOptions(o.asOf, o.valuesOnly, o.manifest, o.deploymentText),
  );
}

async function readManifest(file: string): Promise<AddinReference> {
  try {
    return addinFromManifest(await readFile(file, "utf8"));
  } catch (e) {
    throw new UsageError(`cannot read the add-in's id from ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Writes a file atomically: to a temporary file beside it, then linked (which
 * fails if the target exists: an existing file is never replaced unless
 * `force`) or, with `force`, renamed over it. A reader never sees half a file.
 */
async function writeNew(target: string, bytes: Uint8Array, force: boolean): Promise<void> {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(tmp, bytes, { flag: "wx" });
  } catch (e) {
    throw new UsageError(`cannot write ${target}: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    if (force) {
      await rename(tmp, target);
      return;
    }
    try {
      await link(tmp, target);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EEXIST") throw e;
      // A file system without hard links: an exclusive copy still never replaces an existing file.
      await copyFile(tmp, target, fsConstants.COPYFILE_EXCL);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new UsageError(`${target} exists: give --force to replace it`);
    throw new UsageError(`cannot write ${target}: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

/** The same IO, each input read once: a file (or standard input) may be looked at twice (deal or portfolio?). */
function keepingInput(io: CliIO): CliIO {
  const texts = new Map<string, Promise<string>>();
  return {
    ...io,
    readInput: (file) => {
      let text = texts.get(file);
      if (text === undefined) {
        text = io.readInput(file);
        texts.set(file, text);
      }
      return text;
    },
  };
}

/** Runs the CLI; resolves to the exit code. Never rejects. */
export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  try {
    await run(keepingInput(io), argv);
    return 0;
  } catch (e) {
    if (e instanceof DealError) {
      io.err(e.problems.map((p) => `hpc-deal: ${p.message}\n`).join(""));
      return 2;
    }
    if (e instanceof UsageError) {
      io.err(`hpc-deal: ${e.message}\n`);
      return 2;
    }
    io.err(`hpc-deal: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
