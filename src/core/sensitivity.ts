/**
 * Sensitivity (analysis.md §11): one summary figure over values of two inputs
 * (a two-way table), or over each input's low and high value (a tornado).
 *
 * Every cell is the deal it describes: the raw deal with the inputs replaced,
 * validated by `validateDeal` and built by `buildSchedule`, exactly as a user
 * who typed those terms would get it. No shortcut through the model: a cell
 * is cheap because it computes only the one figure asked for, not because it
 * skips a rule. A combination the model refuses is a short text in that cell
 * only (an error value inside a spilled array would turn the whole table into
 * #VALUE!).
 */
import { daysInMonth, formatIsoDate, type CalendarDate } from "./dates";
import { Decimal } from "./decimal";
import { fail, ok, problem, type Problem, type ProblemCode, type ProblemParams, type Result } from "./errors";
import { termsKey } from "./dealFile";
import { buildSchedule, type Schedule } from "./schedule";
import { FigureMemo, SENSITIVITY_FIGURES, type FigureOutcome, type SensitivityFigure } from "./sensitivityFigures";
import { noMiningError } from "./mining";
import { MINING_TERMS, type MiningNumberKey, type MiningTermUnit } from "./miningTerms";
import { TERM_SPECS, foldLabel, type TermKey, type Terms } from "./terms";
import { validateDeal, type ValidateOptions } from "./validate";
import { isBlank, readDate, type DateInput } from "./values";

export { SENSITIVITY_FIGURES, isSensitivityFigureKey, sensitivityFigure } from "./sensitivityFigures";
export { FigureMemo, NO_VALUE_TEXT } from "./sensitivityFigures";
export type { FigureOutcome, SensitivityFigure, SensitivityFigureKey } from "./sensitivityFigures";

/** The deal terms a table may vary (analysis.md §11), in the terms table's order. */
export const SENSITIVITY_TERMS = Object.freeze([
  "capacityMW",
  "ratePerKWMonth",
  "termMonths",
  "escalator",
  "prepayment",
  "creditMonths",
  "creditPercent",
  "opexPerMWMonth",
  "discountRate",
  "renewalOptions",
  "renewalMonths",
  "renewalRateStep",
  "renewalsExercised",
] as const satisfies readonly TermKey[]);

export type SensitivityTermKey = (typeof SENSITIVITY_TERMS)[number];

/** The scenario knob: every tranche date and the start date moved this many months later. */
export const DELAY_MONTHS = "delayMonths";

/** The most months `delayMonths` may move a deal (as a term: 100 years). */
export const MAX_DELAY_MONTHS = 1200;

/** The most values one input of a table takes: bounds the work of one request. */
export const MAX_SENSITIVITY_VALUES = 100;

/** One input a table or a tornado can vary: a deal term, or `delayMonths`. */
export interface SensitivityInput {
  readonly key: string;
  readonly label: string;
  readonly unit: MiningTermUnit;
  /** The raw deal with this input set to `value`, or a short text saying why the value cannot be. */
  readonly apply: (raw: Record<string, unknown>, value: Decimal, base: Base) => string | undefined;
}

/** What every cell shares: the raw deal as given, and its validated terms. */
interface Base {
  readonly raw: Readonly<Record<string, unknown>>;
  readonly terms: Terms;
  readonly dates: DateInput;
}

/** A decimal as a JSON number when that is exact, else as text (validation reads both): messages then show 12, not "12". */
function rawNumber(value: Decimal): number | string {
  const n = value.toNumber();
  return Number.isFinite(n) && new Decimal(n).equals(value) ? n : value.toString();
}

function termInput(key: SensitivityTermKey): SensitivityInput {
  const spec = TERM_SPECS[key];
  return {
    key,
    label: spec.label,
    unit: spec.unit,
    apply: (raw, value) => {
      raw[key] = rawNumber(value);
      return undefined;
    },
  };
}

/** EDATE: the same day `months` later, clamped to the end of the month. */
export function addMonths(date: CalendarDate, months: number): CalendarDate | undefined {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  if (year > 9999) return undefined;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

const DELAY_INPUT: SensitivityInput = {
  key: DELAY_MONTHS,
  label: "Delay (months)",
  unit: "months",
  apply: (raw, value, base) => {
    if (!value.isInteger() || value.isNegative() || value.greaterThan(MAX_DELAY_MONTHS)) {
      return `${DELAY_MONTHS} must be a whole number of months from 0 to ${MAX_DELAY_MONTHS}, got ${value.toString()}`;
    }
    const n = value.toNumber();
    if (n === 0) return undefined;
    const shift = (rawDate: unknown): string | undefined => {
      // The base deal is valid, so every date given reads.
      const date = readDate(rawDate, base.dates);
      const moved = date === undefined ? undefined : addMonths(date, n);
      return moved === undefined ? undefined : formatIsoDate(moved);
    };
    // The prepayment and capex dates stay, also a prepayment date that defaulted to the start date.
    if (isBlank(raw.prepaymentDate)) raw.prepaymentDate = formatIsoDate(base.terms.prepaymentDate);
    if (!isBlank(raw.startDate)) {
      const moved = shift(raw.startDate);
      if (moved === undefined) return `${DELAY_MONTHS} moves startDate past 9999-12-31`;
      raw.startDate = moved;
    }
    if (Array.isArray(raw.tranches)) {
      const tranches: unknown[] = [];
      for (const [i, item] of (raw.tranches as unknown[]).entries()) {
        const t = item as Record<string, unknown>;
        const moved = shift(t.date);
        if (moved === undefined) return `${DELAY_MONTHS} moves tranches[${i}].date past 9999-12-31`;
        tranches.push({ ...t, date: moved });
      }
      raw.tranches = tranches;
    }
    return undefined;
  },
};

/** A numeric term of the mining block (analysis.md §8), as `mining.KEY`. */
function miningInput(key: MiningNumberKey, label: string, unit: MiningTermUnit): SensitivityInput {
  return {
    key: `${MINING_PREFIX}${key}`,
    label: `Mining: ${label}`,
    unit,
    apply: (raw, value) => {
      raw.mining = { ...(raw.mining as Record<string, unknown>), [key]: rawNumber(value) };
      return undefined;
    },
  };
}

export const MINING_PREFIX = "mining.";

/** Every input by key (own keys only). */
const INPUTS: ReadonlyMap<string, SensitivityInput> = new Map<string, SensitivityInput>([
  ...SENSITIVITY_TERMS.map((k) => [k, termInput(k)] as const),
  [DELAY_MONTHS, DELAY_INPUT],
  ...MINING_TERMS.filter((t): t is typeof t & { key: MiningNumberKey } => t.key !== "halvingDates").map(
    (t) => [`${MINING_PREFIX}${t.key}`, miningInput(t.key, t.label, t.unit)] as const,
  ),
]);

/** Every input a table may vary, in order: the terms, then `delayMonths` (for the pane's pickers and the functions' names). */
export const SENSITIVITY_INPUTS: readonly SensitivityInput[] = Object.freeze([...INPUTS.values()]);

/** The keys of every input a table may vary, for messages. */
export const SENSITIVITY_INPUT_KEYS: readonly string[] = Object.freeze([...INPUTS.keys()]);

/** The key of the input a name gives: its key or its label, ignoring case, spaces and punctuation ("Rate ($/kW-month)", "delay months"). */
export function sensitivityInputKey(name: string): string | undefined {
  const folded = foldLabel(name);
  return SENSITIVITY_INPUTS.find((i) => foldLabel(i.key) === folded || foldLabel(i.label) === folded)?.key;
}

/** A checked request: the deal, the figure, and what to vary. Only `prepareSensitivity` makes one. */
export interface SensitivityDeal {
  readonly base: Base;
  readonly figure: SensitivityFigure;
  /** The figure of the deal as given (no input replaced). */
  readonly baseValue: FigureOutcome;
  readonly memo: FigureMemo;
  /** Schedules built for this request's cells, by their terms without the discount rate (see scheduleOf). */
  readonly schedules: Map<string, Schedule>;
}

export interface SensitivityOptions extends ValidateOptions {
  /** A discount rate given with the request: replaces the deal's (an input `discountRate` replaces it in turn). */
  readonly discountRate?: Decimal;
}

/** A problem with a request (not with a deal's terms): worded here, named by the request's own term (`--rows`, `figure`). */
/** A request's problem: `term` is how the caller names the axis ("rows", "--rows", "inputA"), kept as said. */
function requestProblem(code: ProblemCode, term: string, params: ProblemParams = {}): Problem {
  return problem("value", code, [term], { named: term, ...params });
}

/**
 * Checks a request's deal and figure: the deal must be valid as given (its
 * problems are the request's), the figure one of SENSITIVITY_FIGURES. Never throws.
 */
export function prepareSensitivity(
  raw: unknown,
  figureKey: string,
  options: SensitivityOptions = {},
): Result<SensitivityDeal> {
  const figure = SENSITIVITY_FIGURES.find((f) => f.key === figureKey);
  if (figure === undefined) {
    return fail([
      requestProblem("expected", "figure", {
        expected: `one of ${SENSITIVITY_FIGURES.map((f) => f.key).join(", ")}`,
        got: JSON.stringify(figureKey),
      }),
    ]);
  }
  const checked = validateDeal(raw, options);
  if (!checked.ok) return fail(checked.error.problems);
  // validateDeal accepted it, so it is a plain record; copy it so later edits by the caller change nothing here.
  let copy: Record<string, unknown>;
  try {
    copy = { ...(raw as Record<string, unknown>) };
  } catch (e) {
    return fail([requestProblem("unreadable", "deal", { reason: e instanceof Error ? e.message : String(e) })]);
  }
  let terms = checked.value;
  if (figure.key === "breakevenHashprice" && terms.mining === null) return fail(noMiningError().problems);
  if (options.discountRate !== undefined) {
    copy.discountRate = rawNumber(options.discountRate);
    terms = { ...terms, discountRate: options.discountRate };
  }
  const base: Base = { raw: Object.freeze(copy), terms, dates: options.dates ?? "iso" };
  const memo = new FigureMemo();
  return ok({ base, figure, baseValue: figure.compute(buildSchedule(terms), memo), memo, schedules: new Map() });
}

/**
 * The input a key names, for this deal; a problem naming it otherwise.
 * `capacityMW` is an input only of a deal without tranches (with tranches, the
 * capacity is their sum).
 */
export function sensitivityInput(deal: SensitivityDeal, key: string, term = "input"): Result<SensitivityInput> {
  const input = INPUTS.get(key);
  if (input === undefined) {
    return fail([
      requestProblem("must-name", term, {
        expected: `a numeric term, ${DELAY_MONTHS} or mining.KEY (${SENSITIVITY_INPUT_KEYS.join(", ")})`,
        got: JSON.stringify(key),
      }),
    ]);
  }
  if (key.startsWith(MINING_PREFIX) && deal.base.terms.mining === null) {
    return fail([requestProblem("mining-input-without-block", term, { key })]);
  }
  if (key === "capacityMW" && !isBlank(deal.base.raw.tranches)) {
    return fail([requestProblem("capacity-with-tranches", term, { instead: DELAY_MONTHS })]);
  }
  return ok(input);
}

/** The deal's schedule with the given inputs replaced (later ones win), or a short text saying why there is none. */
export function sensitivitySchedule(
  deal: SensitivityDeal,
  settings: readonly (readonly [SensitivityInput, Decimal])[],
): { readonly ok: true; readonly schedule: Schedule } | { readonly ok: false; readonly text: string } {
  const raw: Record<string, unknown> = { ...deal.base.raw };
  // Terms first, the delay last: it reads the dates, which no term changes.
  const ordered = [...settings.filter(([i]) => i !== DELAY_INPUT), ...settings.filter(([i]) => i === DELAY_INPUT)];
  for (const [input, value] of ordered) {
    const why = input.apply(raw, value, deal.base);
    if (why !== undefined) return { ok: false, text: why };
  }
  const checked = validateDeal(raw, { dates: deal.base.dates });
  if (!checked.ok) return { ok: false, text: checked.error.problems[0].message };
  return { ok: true, schedule: scheduleOf(deal, checked.value) };
}

/** Schedules a request keeps: enough for every distinct deal of a 7×7 table, bounded for larger ones. */
const MAX_SCHEDULES_KEPT = 64;

/**
 * The schedule of validated terms. The discount rate takes no part in a
 * schedule (only in the figures), so cells that differ only in it, or only in
 * a term their credit method ignores, share one build: the same rows, with
 * the cell's own terms.
 */
function scheduleOf(deal: SensitivityDeal, terms: Terms): Schedule {
  const key = termsKey({ ...terms, discountRate: null });
  const kept = deal.schedules.get(key);
  if (kept !== undefined) return { ...kept, terms };
  const schedule = buildSchedule(terms);
  if (deal.schedules.size >= MAX_SCHEDULES_KEPT) deal.schedules.clear();
  deal.schedules.set(key, schedule);
  return schedule;
}

/** The figure of the deal with the given inputs replaced (later ones win), or a short text. */
export function sensitivityCell(
  deal: SensitivityDeal,
  settings: readonly (readonly [SensitivityInput, Decimal])[],
): FigureOutcome {
  try {
    const built = sensitivitySchedule(deal, settings);
    return built.ok ? deal.figure.compute(built.schedule, deal.memo) : built;
  } catch (e) {
    // Never an exception out of a cell: one cell's surprise must not take the table down.
    return { ok: false, text: `could not be computed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export interface SensitivityAxis {
  readonly input: SensitivityInput;
  readonly values: readonly Decimal[];
}

export interface SensitivityTable {
  readonly figure: SensitivityFigure;
  readonly rows: SensitivityAxis;
  readonly cols: SensitivityAxis;
  /** cells[i][j]: the figure at rows.values[i] and cols.values[j]. */
  readonly cells: readonly (readonly FigureOutcome[])[];
}

/** Checks an axis's values: at least one, at most MAX_SENSITIVITY_VALUES. */
export function checkAxisValues(term: string, values: readonly Decimal[]): Problem | undefined {
  if (values.length === 0) return requestProblem("needs-values", term);
  if (values.length > MAX_SENSITIVITY_VALUES) {
    return requestProblem("too-many-values", term, { max: MAX_SENSITIVITY_VALUES, count: values.length });
  }
  return undefined;
}

/** The two-way table: rows vary one input, columns another (when both name the same input, the column's value wins). */
export function sensitivityTable(
  deal: SensitivityDeal,
  rows: SensitivityAxis,
  cols: SensitivityAxis,
): SensitivityTable {
  const cells = rows.values.map((a) =>
    cols.values.map((b) =>
      sensitivityCell(deal, [
        [rows.input, a],
        [cols.input, b],
      ]),
    ),
  );
  return { figure: deal.figure, rows, cols, cells };
}

export interface TornadoSweep {
  readonly input: SensitivityInput;
  readonly low: Decimal;
  readonly high: Decimal;
}

export interface TornadoBar extends TornadoSweep {
  readonly atLow: FigureOutcome;
  readonly atHigh: FigureOutcome;
  /** |figure at high − figure at low|; null when either has no value. */
  readonly swing: Decimal | null;
}

export interface Tornado {
  readonly figure: SensitivityFigure;
  readonly base: FigureOutcome;
  /** Largest swing first; bars without a swing last, in the order given. */
  readonly bars: readonly TornadoBar[];
}

/** One-way sweeps: each input alone at its low and its high value, sorted by swing. */
export function tornado(deal: SensitivityDeal, sweeps: readonly TornadoSweep[]): Tornado {
  const bars = sweeps.map((s): TornadoBar => {
    const atLow = sensitivityCell(deal, [[s.input, s.low]]);
    const atHigh = sensitivityCell(deal, [[s.input, s.high]]);
    const swing = atLow.ok && atHigh.ok ? atHigh.value.minus(atLow.value).abs() : null;
    return { ...s, atLow, atHigh, swing };
  });
  // Array.prototype.sort is stable: equal swings keep the order given.
  const sorted = [...bars].sort((a, b) => {
    if (a.swing === null || b.swing === null) return (a.swing === null ? 1 : 0) - (b.swing === null ? 1 : 0);
    return b.swing.comparedTo(a.swing);
  });
  return { figure: deal.figure, base: deal.baseValue, bars: sorted };
}
