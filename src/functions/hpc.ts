/**
 * The HPC functions, host-neutral: cell values in, an `Outcome` out. The
 * Excel entry points (`functions.ts`) and the HyperFormula plugin
 * (`hyperformula/plugin.ts`) are thin wrappers over these. No financial
 * logic here: reading arguments, asking the calculation module, and
 * converting its decimals to numbers (in `deal.ts`).
 */
import {
  FIGURES,
  NO_IRR_REASON,
  TERM_SPECS,
  figureCell,
  foldLabel,
  readDate,
  validateNumberTerm,
  type CalendarDate,
  type Decimal,
  type Figure,
  type FigureKey,
} from "../core";
import { ExcelErrorValue, asRows, describeCell, isEmptyCell, readCell } from "./cells";
import { copyTable, type Cell, type DealFigures } from "./deal";
import { argumentProblem, failure, success, type Failure, type Outcome } from "./outcome";
import {
  npvOf,
  resolveDeal,
  resolveTerms,
  scheduleTableOf,
  sharedScheduleTableOf,
  summaryOf,
  summaryTableOf,
  type DealTerms,
} from "./resolve";

/** Never throw at a host: an unexpected exception becomes #VALUE! with what went wrong. */
function guard<T>(name: string, body: () => Outcome<T>): Outcome<T> {
  try {
    return body();
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, code: "#VALUE!", message: `HPC.${name} could not be computed: ${reason}` };
  }
}

function withDeal<T>(
  name: string,
  terms: unknown,
  tranches: unknown,
  capex: unknown,
  body: (deal: DealFigures) => Outcome<T>,
): Outcome<T> {
  return guard(name, () => {
    const deal = resolveDeal(terms, tranches, capex);
    return deal.ok ? body(deal.value) : deal;
  });
}

/** As `withDeal`, for what needs only the validated terms and their key (a spill, the summary), not the figures. */
function withTerms<T>(
  name: string,
  terms: unknown,
  tranches: unknown,
  capex: unknown,
  body: (deal: DealTerms) => Outcome<T>,
): Outcome<T> {
  return guard(name, () => {
    const deal = resolveTerms(terms, tranches, capex);
    return deal.ok ? body(deal.value) : deal;
  });
}

/** =HPC.HOSTINGCASHFLOW(terms, [tranches], [capex]): the schedule with a header row. */
export function hostingCashflow(terms: unknown, tranches?: unknown, capex?: unknown): Outcome<Cell[][]> {
  return withTerms("HOSTINGCASHFLOW", terms, tranches, capex, (deal) => success(scheduleTableOf(deal)));
}

/**
 * The same, without a copy per call, for the Excel entry point: a deal's
 * first call gets the table just built (its own), later calls the cached
 * table deep-frozen (`sharedScheduleTableOf`). The custom-functions runtime
 * serializes a result to the host; copying 1,359 cells was most of a cached
 * call's cost, and a frozen table cannot be changed by whoever receives it.
 * Hosts that pad or rewrite results (HyperFormula) use `hostingCashflow`.
 */
export function hostingCashflowShared(
  terms: unknown,
  tranches?: unknown,
  capex?: unknown,
): Outcome<readonly (readonly Cell[])[]> {
  return withTerms("HOSTINGCASHFLOW", terms, tranches, capex, (deal) => success(sharedScheduleTableOf(deal)));
}

/** =HPC.CONTRACTVALUE(terms, [tranches]) */
export function contractValue(terms: unknown, tranches?: unknown, capex?: unknown): Outcome<number> {
  return withDeal("CONTRACTVALUE", terms, tranches, capex, (deal) => success(deal.contractValue));
}

/** =HPC.ANNUALREVENUE(terms, [tranches]) */
export function annualRevenue(terms: unknown, tranches?: unknown, capex?: unknown): Outcome<number> {
  return withDeal("ANNUALREVENUE", terms, tranches, capex, (deal) => success(deal.annualRevenue));
}

const FIGURE_LIST = FIGURES.map((f) => f.key).join(", ");

/** The figure a name picks: its key or its label, ignoring case, spaces and punctuation. */
function findFigure(raw: unknown): Outcome<Figure<FigureKey>> | undefined {
  const value = readCell(raw);
  if (isEmptyCell(value)) return undefined;
  if (typeof value === "string") {
    const folded = foldLabel(value);
    const found = FIGURES.find((f) => foldLabel(f.key) === folded || foldLabel(f.label) === folded);
    if (found) return success(found);
  }
  return failure([
    argumentProblem("expected", "figure", {
      expected: `the name of a summary figure (${FIGURE_LIST})`,
      got: describeCell(value),
    }),
  ]);
}

/**
 * =HPC.DEALSUMMARY(terms, [tranches], [capex], [figure]): label and value of
 * every summary figure, or the value of the one figure named. A figure with
 * no value is blank in the table; asked for alone, it is an error that says why.
 */
export function dealSummary(terms: unknown, tranches?: unknown, capex?: unknown, figure?: unknown): Outcome<Cell[][]> {
  return withTerms("DEALSUMMARY", terms, tranches, capex, (deal) => {
    const picked = findFigure(figure);
    if (picked === undefined) return success(copyTable(summaryTableOf(deal)));
    if (!picked.ok) return picked;
    const one = figureOutcome(deal, picked.value);
    return one.ok ? success([[one.value]]) : one;
  });
}

/**
 * One figure of a deal as a cell, or the error that says why it has none:
 * #NUM! where the computation has no answer (no IRR, no payback; the reason
 * in the message and the function's help), #VALUE! for a missing input.
 */
export function figureOutcome(deal: DealTerms, f: Figure<FigureKey>): Outcome<Cell> {
  const value = f.value(summaryOf(deal));
  if (value !== null) return success(figureCell(f, value));
  switch (f.key) {
    case "irr":
      return { ok: false, code: "#NUM!", message: `no IRR: ${NO_IRR_REASON[summaryOf(deal).irrNone ?? "no-root"]}` };
    case "paybackMonth":
      return { ok: false, code: "#NUM!", message: "no payback: the cumulative host cash flow ends negative" };
    default:
      return failure([
        argumentProblem("required", "discountRate", {
          unless: ` for ${f.key}`,
          expected: `give a Discount rate in the terms (${TERM_SPECS.discountRate.expected})`,
        }),
      ]);
  }
}

const DISCOUNT_RATE = TERM_SPECS.discountRate;

/** The rate argument of DEALNPV, checked as the core checks a discount rate; blank means "use the terms' rate". */
function readRate(raw: unknown): Outcome<Decimal | undefined> {
  const value = readCell(raw);
  if (isEmptyCell(value)) return success(undefined);
  if (value instanceof ExcelErrorValue) {
    return failure([argumentProblem("excel-error", "rate", { error: value.code, expected: DISCOUNT_RATE.expected })]);
  }
  const checked = validateNumberTerm("discountRate", value, "rate");
  return checked.ok ? success(checked.value) : failure(checked.error.problems);
}

/** =HPC.DEALNPV(terms, [rate], [tranches]): XNPV of the net cash flows, rounded to cents. */
export function dealNpv(terms: unknown, rate?: unknown, tranches?: unknown, capex?: unknown): Outcome<number> {
  return guard("DEALNPV", () => {
    const deal = resolveDeal(terms, tranches, capex);
    if (!deal.ok) return deal;
    // A rate typed as a number that this deal was asked for before: its NPV, without reading the rate again.
    const known = typeof rate === "number" ? deal.value.rememberedNpv(rate) : undefined;
    if (known !== undefined) return success(known);
    const r = readRate(rate);
    if (!r.ok) return r;
    const annual = r.value ?? deal.value.terms.discountRate;
    if (annual === null) {
      return failure([
        argumentProblem("required", "discountRate", {
          unless: " for the NPV",
          expected: `give a Discount rate in the terms or a rate argument (${DISCOUNT_RATE.expected})`,
        }),
      ]);
    }
    const value = npvOf(deal.value, annual);
    if (typeof rate === "number") deal.value.rememberNpv(rate, value);
    return success(value);
  });
}

type DateCell = { readonly date: CalendarDate } | { readonly blank: true } | Failure;

const DATE_EXPECTED = "a date (an Excel date or YYYY-MM-DD text) between 1900-01-01 and 9999-12-31";

/**
 * The dates of Excel serials (`readDate(serial, "excel")`), remembered: a
 * sheet's date cells are read by every deal. Bounded: emptied when full.
 */
const datesBySerial = new Map<number, CalendarDate | undefined>();
const MAX_DATES = 4096;

function dateOfSerial(serial: number): CalendarDate | undefined {
  let date = datesBySerial.get(serial);
  if (date === undefined && !datesBySerial.has(serial)) {
    date = readDate(serial, "excel");
    if (datesBySerial.size >= MAX_DATES) datesBySerial.clear();
    datesBySerial.set(serial, date);
  }
  return date;
}

function readDateCell(raw: unknown, where: string): DateCell {
  const value = readCell(raw);
  if (isEmptyCell(value)) return { blank: true };
  if (value instanceof ExcelErrorValue) {
    return failure([
      argumentProblem("excel-error", "date", { named: where, error: value.code, expected: DATE_EXPECTED }),
    ]);
  }
  // As the core reads date terms (a serial out of Excel's range is the wrong kind of value: #VALUE!).
  const date = readDate(value, "excel");
  if (date) return { date };
  return failure([
    argumentProblem("expected", "date", { named: where, expected: DATE_EXPECTED, got: describeCell(value) }),
  ]);
}

/**
 * =HPC.PREPAYREMAINING(terms, date, [tranches]): the prepayment not yet
 * credited at each date, shaped like the date argument. In a range, a blank
 * cell gives ""; a single blank date is an error.
 */
export function prepayRemaining(terms: unknown, date: unknown, tranches?: unknown, capex?: unknown): Outcome<Cell[][]> {
  return guard("PREPAYREMAINING", () => {
    const deal = resolveDeal(terms, tranches, capex);
    if (!deal.ok) return deal;
    // One date cell holding a date's serial (a sheet's usual call): read as below, without the arrays.
    if (typeof date === "number") {
      const one = dateOfSerial(date);
      if (one !== undefined) return success([[deal.value.prepaymentRemainingAt(one)]]);
    }
    const rows = asRows(date);
    if (rows === undefined || rows.length === 0 || rows[0].length === 0) {
      return failure([argumentProblem("required", "date", { expected: DATE_EXPECTED })]);
    }
    const single = rows.length === 1 && rows[0].length === 1;
    const dates: (CalendarDate | undefined)[][] = [];
    for (let i = 0; i < rows.length; i++) {
      const out: (CalendarDate | undefined)[] = [];
      for (let j = 0; j < rows[i].length; j++) {
        const where = single ? "date" : `date (row ${i + 1}, column ${j + 1} of the range)`;
        const cell = readDateCell(rows[i][j], where);
        if ("ok" in cell) return cell;
        if ("blank" in cell) {
          if (single) return failure([argumentProblem("required", "date", { expected: DATE_EXPECTED })]);
          out.push(undefined);
        } else out.push(cell.date);
      }
      dates.push(out);
    }
    const figures = deal.value;
    // Shaped like the range; a ragged range (never from Excel) is padded to a rectangle with blanks.
    const width = dates.reduce((w, row) => Math.max(w, row.length), 0);
    return success(
      dates.map((row) =>
        Array.from({ length: width }, (_, j) => (row[j] ? figures.prepaymentRemainingAt(row[j]) : "")),
      ),
    );
  });
}
