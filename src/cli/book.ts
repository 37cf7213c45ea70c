/**
 * The commands that read a deal file or a portfolio file alike (analysis.md
 * §6–§7): schedule, summary, remaining, periods and runrate. A portfolio file
 * is an object with a `deals` list; anything else is read as a deal. main.ts
 * keeps its own schedule, summary and remaining of a deal file: this module
 * answers those for a portfolio file, and periods and runrate for both.
 */
import {
  PERIOD_COLUMNS,
  buildPortfolio,
  buildSchedule,
  figureText,
  formatIsoDate,
  isPortfolioFile,
  money,
  parseIsoDate,
  portfolioFigures,
  portfolioRemaining,
  readPeriodOptions,
  rollUp,
  runRate,
  validateDeal,
  validateNumberTerm,
  validatePortfolio,
  type CalendarDate,
  type Decimal,
  type MonthlyRows,
  type PeriodRow,
  type Portfolio,
  type PortfolioSummary,
  type Terms,
} from "../core";
import { scheduleCsv } from "./format";
import { UsageError, type CliIO } from "./io";

export const BOOK_COMMANDS = ["schedule", "summary", "remaining", "periods", "runrate"] as const;
export type BookCommand = (typeof BOOK_COMMANDS)[number];

export function isBookCommand(command: string | undefined): command is BookCommand {
  return (BOOK_COMMANDS as readonly (string | undefined)[]).includes(command);
}

export const PERIODS_CSV_HEADER = PERIOD_COLUMNS.map((c) => c.csv).join(",");

/** A deal or a portfolio, validated. */
type Book =
  { readonly kind: "deal"; readonly terms: Terms } | { readonly kind: "portfolio"; readonly portfolio: Portfolio };

async function loadBook(load: (path: string | undefined) => Promise<unknown>, path: string | undefined): Promise<Book> {
  const raw = await load(path);
  if (isPortfolioFile(raw)) {
    const checked = validatePortfolio(raw);
    if (!checked.ok) throw checked.error;
    return { kind: "portfolio", portfolio: checked.value };
  }
  const checked = validateDeal(raw);
  if (!checked.ok) throw checked.error;
  return { kind: "deal", terms: checked.value };
}

/** The validated portfolio of FILE, or undefined when FILE is a deal file (main.ts reads it then). */
async function portfolioIn(
  load: (path: string | undefined) => Promise<unknown>,
  path: string | undefined,
): Promise<Portfolio | undefined> {
  // A missing FILE is main.ts's usage error.
  if (path === undefined) return undefined;
  const raw = await load(path);
  if (!isPortfolioFile(raw)) return undefined;
  const checked = validatePortfolio(raw);
  if (!checked.ok) throw checked.error;
  return checked.value;
}

/** The monthly table of a book: a deal's schedule or the portfolio's combined schedule. */
function monthly(book: Book): MonthlyRows {
  return book.kind === "deal" ? buildSchedule(book.terms) : buildPortfolio(book.portfolio).combined;
}

function readDateArg(text: string | undefined, usage: string): CalendarDate {
  if (text === undefined) throw new UsageError(`missing DATE: ${usage}`);
  const date = parseIsoDate(text);
  if (!date) throw new UsageError(`date must be a date as YYYY-MM-DD, got ${JSON.stringify(text)}`);
  return date;
}

/** The discount rate of `--rate`, checked as the discountRate term. */
function readRate(text: string | undefined): Decimal | undefined {
  if (text === undefined) return undefined;
  const rate = validateNumberTerm("discountRate", text, "--rate");
  if (!rate.ok) throw rate.error;
  return rate.value;
}

/** The period table as CSV: labels as the spec writes them, ISO dates, money with two decimals. */
export function periodsCsv(rows: readonly PeriodRow[]): string {
  const lines = [PERIODS_CSV_HEADER];
  for (const r of rows) {
    lines.push(
      PERIOD_COLUMNS.map((c) => {
        const v = r[c.key];
        if (c.key === "period") return r.period;
        if (c.key === "start" || c.key === "end") return formatIsoDate(r[c.key]);
        if (c.key === "months") return String(r.months);
        if (c.key === "billedMWEnd") return r.billedMWEnd.toString();
        return money(v as Decimal);
      }).join(","),
    );
  }
  return lines.join("\n") + "\n";
}

/** The portfolio summary as JSON text values, as the deal summary: npv left out without a rate, other gaps null. */
export function portfolioSummaryJson(summary: PortfolioSummary): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const { figure, value } of portfolioFigures(summary)) {
    if (figure.key === "npv" && value === null) continue;
    out[figure.key] = figureText(figure, value);
  }
  return out;
}

/** main.ts's argument helpers, passed in (as the other command modules take them). */
export interface ArgHelpers {
  readonly takeOption: (args: string[], name: string) => string | undefined;
  readonly expectArgs: (args: readonly string[], count: number, usage: string) => void;
}

/**
 * Runs a book command when this module answers it: true when it did, false
 * for a deal file's schedule, summary or remaining (main.ts answers those).
 * `load` reads and parses FILE (or standard input for "-"; main() keeps the
 * text, so a second read of it gives the same).
 */
export async function runBookCommand(
  io: CliIO,
  command: BookCommand,
  argv: readonly string[],
  load: (path: string | undefined) => Promise<unknown>,
  { takeOption, expectArgs }: ArgHelpers,
): Promise<boolean> {
  const args = [...argv];
  switch (command) {
    case "schedule": {
      const portfolio = await portfolioIn(load, args[0]);
      if (portfolio === undefined) return false;
      expectArgs(args, 1, "hpc-deal schedule FILE");
      io.out(scheduleCsv(buildPortfolio(portfolio).combined));
      return true;
    }
    case "summary": {
      const rateText = takeOption(args, "--rate");
      const portfolio = await portfolioIn(load, args[0]);
      if (portfolio === undefined) return false;
      const rate = readRate(rateText);
      expectArgs(args, 1, "hpc-deal summary FILE [--rate R]");
      const model = buildPortfolio(portfolio, rate ?? portfolio.discountRate);
      io.out(JSON.stringify(portfolioSummaryJson(model.summary), null, 2) + "\n");
      return true;
    }
    case "remaining": {
      const portfolio = await portfolioIn(load, args[0]);
      if (portfolio === undefined) return false;
      const usage = "hpc-deal remaining FILE YYYY-MM-DD";
      expectArgs(args, 2, usage);
      const date = readDateArg(args[1], usage);
      io.out(money(portfolioRemaining(buildPortfolio(portfolio), date)) + "\n");
      return true;
    }
    case "periods": {
      const periodText = takeOption(args, "--period");
      const fyText = takeOption(args, "--fiscal-year-end");
      expectArgs(args, 1, "hpc-deal periods FILE [--period month|quarter|year] [--fiscal-year-end M]");
      // The options are checked before the file is read: a bad option is refused whatever the file holds.
      const options = readPeriodOptions(periodText, fyText, {
        period: "--period (period)",
        fiscalYearEndMonth: "--fiscal-year-end (fiscalYearEndMonth)",
      });
      if (periodText !== undefined && periodText.trim() === "") {
        throw new UsageError('--period (period) must be month, quarter or year, got ""');
      }
      if (fyText !== undefined && fyText.trim() === "") {
        throw new UsageError('--fiscal-year-end (fiscalYearEndMonth) must be a whole number from 1 to 12, got ""');
      }
      if (!options.ok) throw options.error;
      io.out(periodsCsv(rollUp(monthly(await loadBook(load, args[0])), options.value)));
      return true;
    }
    case "runrate": {
      const usage = "hpc-deal runrate FILE YYYY-MM-DD";
      expectArgs(args, 2, usage);
      const book = await loadBook(load, args[0]);
      const date = readDateArg(args[1], usage);
      io.out(money(runRate(monthly(book), date)) + "\n");
      return true;
    }
  }
}
