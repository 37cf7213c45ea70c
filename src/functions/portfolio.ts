/**
 * Periods, run rate and portfolios as functions (analysis.md §6–§7),
 * host-neutral: cell values in, an `Outcome` out. The Excel entry points
 * (`functions.ts`) and the HyperFormula plugin wrap these.
 *
 * A portfolio's deals arrive as one repeating argument, in groups of three:
 * terms, tranches, capex (tranches and capex may be left empty: `T1,,,T2`).
 * Excel allows one repeating parameter, last; a group of three keeps a deal's
 * ranges together without guessing which range is which.
 */
import {
  FIGURES,
  LIMITS,
  NO_IRR_REASON,
  PERIOD_COLUMNS,
  PERIOD_HEADER,
  SCHEDULE_COLUMNS,
  SCHEDULE_HEADER,
  TERM_SPECS,
  combineSchedules,
  figureCell,
  foldLabel,
  portfolioFigureValue,
  portfolioOfSchedules,
  readDate,
  readPeriodOptions,
  periodsByDeal,
  rollUp,
  runRate as coreRunRate,
  spanProblem,
  toExcelSerial,
  validateNumberTerm,
  type CalendarDate,
  type Decimal,
  type MonthlyRows,
  type PeriodOptions,
  type PortfolioModel,
  type Schedule,
} from "../core";
import { BoundedCache } from "./cache";
import { combinedRows } from "./combined";
import { ExcelErrorValue, asRows, describeCell, isEmptyCell, readCell } from "./cells";
import { copyTable, freezeTable, type Cell, type DealFigures, type Table } from "./deal";
import { argumentProblem, failure, success, type Failure, type Outcome } from "./outcome";
import { readTermsRange } from "./ranges";
import { resolveDeal, scheduleOf } from "./resolve";

/** A deal of a portfolio: its cached figures and its schedule (the book is built from the schedules). */
interface DealWithSchedule {
  readonly terms: DealFigures["terms"];
  readonly schedule: Schedule;
}

/**
 * Portfolio tables by function, options and deals: a portfolio is
 * recomputed only when one of its deals (or an option) changes. The deals
 * are known by their figures' `id`, which changes when a deal's terms do
 * (and when its figures leave their cache: then the table is computed again).
 */
const results = new BoundedCache<Table>(64, 4 * 1024 * 1024);

/** The table `compute` makes of the deals, from the results cache when the same deals were asked for the same way. */
function cachedTable(
  what: string,
  deals: readonly DealFigures[],
  compute: (deals: DealWithSchedule[]) => Outcome<Cell[][]>,
): Outcome<Cell[][]> {
  let key = what;
  for (const d of deals) key += `,${d.id}`;
  const known = results.get(key);
  if (known !== undefined) return success(copyTable(known));
  // Each deal's schedule from its figures' terms (the last one built is reused; the others are built again).
  const out = compute(deals.map((d) => ({ terms: d.terms, schedule: scheduleOf(d) })));
  if (out.ok) {
    const cells = out.value.reduce((n, row) => n + row.length, 0);
    results.set(key, freezeTable(out.value), 256 + 48 * cells);
  }
  return out;
}

/** For tests: forget the portfolio tables. */
export function clearPortfolioResults(): void {
  results.clear();
}

/** Never throw at a host. */
function guard<T>(name: string, body: () => Outcome<T>): Outcome<T> {
  try {
    return body();
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, code: "#VALUE!", message: `HPC.${name} could not be computed: ${reason}` };
  }
}

/** The most deals one portfolio function takes: as a portfolio file. */
export const MAX_FUNCTION_DEALS = LIMITS.maxPortfolioDeals;

/** The period table with its header: labels as text, Start and End as Excel dates, money in dollars. */
export function periodTable(table: MonthlyRows, options: PeriodOptions): Cell[][] {
  const out: Cell[][] = [[...PERIOD_HEADER]];
  for (const r of rollUp(table, options)) {
    out.push(
      PERIOD_COLUMNS.map((c) => {
        const v = r[c.key];
        if (c.key === "period") return r.period;
        if (c.key === "start" || c.key === "end") return toExcelSerial(r[c.key]);
        if (c.key === "months") return r.months;
        return (v as Decimal).toNumber();
      }),
    );
  }
  return out;
}

function readOptions(period: unknown, fiscalYearEnd: unknown): Outcome<PeriodOptions> {
  const p = readCell(period);
  const fy = readCell(fiscalYearEnd);
  if (p instanceof ExcelErrorValue || fy instanceof ExcelErrorValue) {
    const which = p instanceof ExcelErrorValue ? "period" : "fiscalYearEnd";
    return failure([argumentProblem("holds-error", which)]);
  }
  const checked = readPeriodOptions(p, fy, { period: "period", fiscalYearEndMonth: "fiscalYearEnd" });
  return checked.ok ? success(checked.value) : failure(checked.error.problems);
}

/** =HPC.PERIODS(terms, [tranches], [capex], [period], [fiscalYearEnd]) */
export function periods(
  terms: unknown,
  tranches?: unknown,
  capex?: unknown,
  period?: unknown,
  fiscalYearEnd?: unknown,
): Outcome<Cell[][]> {
  return guard("PERIODS", () => {
    const options = readOptions(period, fiscalYearEnd);
    if (!options.ok) return options;
    const deal = resolveDeal(terms, tranches, capex);
    return deal.ok ? success(periodTable(scheduleOf(deal.value), options.value)) : deal;
  });
}

const DATE_EXPECTED = "a date (an Excel date or YYYY-MM-DD text) between 1900-01-01 and 9999-12-31";

function readOneDate(raw: unknown): Outcome<CalendarDate> {
  const rows = asRows(raw);
  const value = readCell(rows ? (rows.length === 1 && rows[0].length === 1 ? rows[0][0] : raw) : raw);
  if (Array.isArray(value)) return failure([argumentProblem("one-cell", "date", { expected: DATE_EXPECTED })]);
  if (isEmptyCell(value)) return failure([argumentProblem("required", "date", { expected: DATE_EXPECTED })]);
  if (value instanceof ExcelErrorValue) {
    return failure([argumentProblem("excel-error", "date", { error: value.code, expected: DATE_EXPECTED })]);
  }
  const date = readDate(value, "excel");
  return date
    ? success(date)
    : failure([argumentProblem("expected", "date", { expected: DATE_EXPECTED, got: describeCell(value) })]);
}

/** =HPC.RUNRATE(terms, date, [tranches], [capex]): 12 × the gross fee of the month holding the date. */
export function runRate(terms: unknown, date: unknown, tranches?: unknown, capex?: unknown): Outcome<number> {
  return guard("RUNRATE", () => {
    const deal = resolveDeal(terms, tranches, capex);
    if (!deal.ok) return deal;
    const d = readOneDate(date);
    return d.ok ? success(coreRunRate(scheduleOf(deal.value), d.value).toNumber()) : d;
  });
}

// ---------------------------------------------------------------------------
// Portfolios

function isOmitted(range: unknown): boolean {
  if (range === undefined || range === null) return true;
  const rows = asRows(range);
  if (rows === undefined) return isEmptyCell(readCell(range));
  return rows.every((row) => row.every((v) => isEmptyCell(readCell(v))));
}

/** The name typed in a terms range, for messages; "" when there is none. */
function nameIn(terms: unknown): string {
  try {
    const name = readTermsRange(terms).input.name;
    return typeof name === "string" ? name : "";
  } catch {
    return "";
  }
}

function label(index: number, name: string): string {
  if (name.trim() === "") return `deals[${index}]`;
  const shown = name.length > 60 ? `${name.slice(0, 57)}...` : name;
  return `deals[${index}] (${JSON.stringify(shown)})`;
}

/** The deals of the repeating argument: terms, tranches, capex for each, in order. */
function readDeals(args: readonly unknown[] | undefined): Outcome<DealFigures[]> {
  const list = Array.isArray(args) ? args : args === undefined ? [] : [args];
  // Trailing empty arguments (a group's capex left out) are not deals.
  let end = list.length;
  while (end > 0 && isOmitted(list[end - 1])) end--;
  const count = Math.ceil(end / 3);
  if (count === 0) {
    return failure([
      argumentProblem("no-deals", "deals", {
        expected: "its terms range (then its tranches and capex, or blanks)",
      }),
    ]);
  }
  if (count > MAX_FUNCTION_DEALS) {
    return failure([argumentProblem("limit", "deals", { max: `${MAX_FUNCTION_DEALS} deals`, got: count })]);
  }
  const deals: DealFigures[] = [];
  const messages: string[] = [];
  for (let i = 0; i < count; i++) {
    const [terms, tranches, capex] = [list[3 * i], list[3 * i + 1], list[3 * i + 2]];
    if (isOmitted(terms)) {
      messages.push(
        `deals[${i + 1}]: the terms range is missing (argument ${3 * i + 1} of the deals; each deal is terms, tranches, capex)`,
      );
      continue;
    }
    const deal = resolveDeal(terms, isOmitted(tranches) ? undefined : tranches, isOmitted(capex) ? undefined : capex);
    if (deal.ok) deals.push(deal.value);
    else messages.push(`${label(i + 1, nameIn(terms))}: ${deal.message}`);
  }
  if (messages.length > 0) return { ok: false, code: "#VALUE!", message: messages.join("; ") };
  const span = spanProblem(deals.map((d) => d.terms));
  return span ? failure([span]) : success(deals);
}

function portfolioOf(deals: readonly DealWithSchedule[], rate: Decimal | null): PortfolioModel {
  return portfolioOfSchedules(
    { name: "", deals: deals.map((d) => d.terms), discountRate: rate },
    deals.map((d) => ({ terms: d.terms, schedule: d.schedule })),
    rate,
  );
}

/** The combined schedule with the deal schedule's header; dates as Excel dates. */
function scheduleTable(table: MonthlyRows): Cell[][] {
  const out: Cell[][] = [[...SCHEDULE_HEADER]];
  for (const r of table.rows) {
    out.push(SCHEDULE_COLUMNS.map((c) => (c.key === "date" ? toExcelSerial(r.date) : r[c.key].toNumber())));
  }
  return out;
}

/** =HPC.PORTFOLIOCASHFLOW(deals...): the combined monthly schedule. */
export function portfolioCashflow(deals: readonly unknown[] | undefined): Outcome<Cell[][]> {
  return guard("PORTFOLIOCASHFLOW", () => {
    const read = readDeals(deals);
    if (!read.ok) return read;
    return cachedTable("cashflow", read.value, (d) => success(scheduleTable(combineSchedules(d))));
  });
}

/** =HPC.PORTFOLIOPERIODS([period], [fiscalYearEnd], deals...) */
export function portfolioPeriods(
  period: unknown,
  fiscalYearEnd: unknown,
  deals: readonly unknown[] | undefined,
): Outcome<Cell[][]> {
  return guard("PORTFOLIOPERIODS", () => {
    const options = readOptions(period, fiscalYearEnd);
    if (!options.ok) return options;
    const read = readDeals(deals);
    if (!read.ok) return read;
    const { period: p, fiscalYearEndMonth: fy } = options.value;
    // The roll-up from the deals' cents (combined.ts); the core's decimals when it declines.
    return cachedTable(`periods:${p}:${fy}`, read.value, (d) =>
      success(periodTable(combinedRows(d) ?? combineSchedules(d), options.value)),
    );
  });
}

/** =HPC.PORTFOLIORUNRATE(date, deals...) */
export function portfolioRunRate(date: unknown, deals: readonly unknown[] | undefined): Outcome<number> {
  return guard("PORTFOLIORUNRATE", () => {
    const d = readOneDate(date);
    if (!d.ok) return d;
    const read = readDeals(deals);
    if (!read.ok) return read;
    // The combined month's gross fee is the sum of the deals' own: no combined schedule needed.
    let total = coreRunRate(scheduleOf(read.value[0]), d.value);
    for (let i = 1; i < read.value.length; i++) total = total.plus(coreRunRate(scheduleOf(read.value[i]), d.value));
    return success(total.toNumber());
  });
}

const FIGURE_LIST = FIGURES.map((f) => f.key).join(", ");
const DISCOUNT_RATE = TERM_SPECS.discountRate;

function readRate(raw: unknown): Outcome<Decimal | null> {
  const value = readCell(raw);
  if (isEmptyCell(value)) return success(null);
  if (value instanceof ExcelErrorValue) {
    return failure([argumentProblem("excel-error", "rate", { error: value.code, expected: DISCOUNT_RATE.expected })]);
  }
  const checked = validateNumberTerm("discountRate", value, "rate");
  return checked.ok ? success(checked.value) : failure(checked.error.problems);
}

/**
 * =HPC.PORTFOLIOSUMMARY([figure], [rate], deals...): label and value of every
 * figure (blank where a portfolio has none), or the one figure named. The NPVs
 * are at `rate`, never at the deals' own rates.
 */
export function portfolioSummary(
  figure: unknown,
  rate: unknown,
  deals: readonly unknown[] | undefined,
): Outcome<Cell[][]> {
  return guard("PORTFOLIOSUMMARY", () => {
    const wanted = readCell(figure);
    let picked: (typeof FIGURES)[number] | undefined;
    if (!isEmptyCell(wanted)) {
      const folded = typeof wanted === "string" ? foldLabel(wanted) : "";
      picked = FIGURES.find((f) => foldLabel(f.key) === folded || foldLabel(f.label) === folded);
      if (picked === undefined) {
        return failure([
          argumentProblem("expected", "figure", {
            expected: `the name of a summary figure (${FIGURE_LIST})`,
            got: describeCell(wanted),
          }),
        ]);
      }
    }
    const r = readRate(rate);
    if (!r.ok) return r;
    const read = readDeals(deals);
    if (!read.ok) return read;
    if (picked === undefined) {
      return cachedTable(`summary:${r.value?.toString() ?? ""}`, read.value, (d) => {
        const summary = portfolioOf(d, r.value).summary;
        return success(FIGURES.map((f) => [f.label, figureCell(f, portfolioFigureValue(f, summary))]));
      });
    }
    const summary = portfolioOf(
      read.value.map((d) => ({ terms: d.terms, schedule: scheduleOf(d) })),
      r.value,
    ).summary;
    const value = portfolioFigureValue(picked, summary);
    if (value !== null) return success([[figureCell(picked, value)]]);
    return noValue(picked.key, summary.irrNone);
  });
}

function noValue(key: string, irrNone: keyof typeof NO_IRR_REASON | null): Failure {
  switch (key) {
    case "irr":
      return { ok: false, code: "#NUM!", message: `no IRR: ${NO_IRR_REASON[irrNone ?? "no-root"]}` };
    case "paybackMonth":
      return { ok: false, code: "#NUM!", message: "no payback: the cumulative host cash flow ends negative" };
    case "npv":
    case "hostNpv":
      return failure([
        argumentProblem("required", "rate", {
          unless: ` for ${key}`,
          expected: "a portfolio's NPV is at the rate given, never its deals' own",
        }),
      ]);
    default:
      return failure([
        argumentProblem("not-for-portfolio", "figure", {
          figure: key,
          instead: "HPC.PORTFOLIORUNRATE at a date",
        }),
      ]);
  }
}

/**
 * =HPC.PORTFOLIOBYDEAL([period], [fiscalYearEnd], deals...): the gross fee of
 * each deal by period of the book (Period, then one column per deal, headed by
 * the deal's name or "Deal n"): the data of a stacked column chart.
 */
export function portfolioByDeal(
  period: unknown,
  fiscalYearEnd: unknown,
  deals: readonly unknown[] | undefined,
): Outcome<Cell[][]> {
  return guard("PORTFOLIOBYDEAL", () => {
    const options = readOptions(period, fiscalYearEnd);
    if (!options.ok) return options;
    const read = readDeals(deals);
    if (!read.ok) return read;
    const { period: p, fiscalYearEndMonth: fy } = options.value;
    return cachedTable(`bydeal:${p}:${fy}`, read.value, (list) => {
      const by = periodsByDeal(
        combinedRows(list) ?? combineSchedules(list),
        list.map((d) => d.schedule),
        options.value,
      );
      const header: Cell[] = ["Period", ...list.map((d, i) => d.terms.name.trim() || `Deal ${i + 1}`)];
      return success([header, ...by.periods.map((q, i) => [q, ...by.values.map((v) => v[i].toNumber())])]);
    });
  });
}
