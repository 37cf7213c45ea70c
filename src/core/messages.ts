/**
 * Every input problem's words, in one catalogue (HyperFormula keeps its
 * messages in one module; zod words its issues in one function). A problem
 * is data — a code, the path of the term, the parameters — and each surface
 * names the path its own way: `tranches[2].mw` in a deal file, "tranches row
 * 4 MW" on a sheet. Nobody parses a message back.
 */
import { LIMITS } from "./limits";

export type ProblemParams = Readonly<Record<string, string | number>>;

/** How a surface names a path: the subject of the sentence. */
export interface Naming {
  /** The term the problem is about, e.g. "tranches[2].mw". */
  readonly subject: string;
  /** The item holding it, e.g. "tranches[2]" (for "has an unknown field"). */
  readonly parent: string;
}

type Template = (n: Naming, p: ProblemParams) => string;

const limitNote = "(a limit of this add-in)";

/**
 * The subject of a problem whose surface names it its own way (the CLI's "--rows", a cell of a
 * function's date range "date (row 2, column 1 of the range)"): its `named` parameter when given,
 * else the path.
 */
const subjectOf = (n: Naming, p: ProblemParams): string => (p.named === undefined ? n.subject : String(p.named));

export const MESSAGES = {
  /** A value of the wrong kind or out of the spec's range. */
  expected: (n, p) => `${subjectOf(n, p)} must be ${p.expected}, got ${p.got}`,
  /** Above one of this product's own bounds. */
  limit: (n, p) => `${n.subject} must be at most ${p.max} ${limitNote}, got ${p.got}`,
  digits: (n, p) =>
    `${n.subject} must be a number with at most ${p.significant} significant digits and ${p.places} decimal places ${limitNote}, got ${p.got}`,
  date: (n, p) => `${n.subject} must be ${p.what} between 1900-01-01 and 9999-12-31, got ${p.got}`,
  required: (n, p) => `${n.subject} is required${p.unless ?? ""}: ${p.expected}`,
  "text-too-long": (n, p) => `${n.subject} must be at most ${p.max} characters, got ${p.length}`,
  "unknown-term": (_n, p) => `unknown term ${p.got}: ${p.hint}`,
  "unknown-field": (n, p) => `${n.parent} has an unknown field ${p.field}: ${p.item} has only ${p.fields}`,
  "not-a-list": (n, p) => `${n.subject} must be a list of ${p.shape} objects, got ${p.got}`,
  "empty-list": (n, p) => `${n.subject} must hold at least one ${p.item} (or be left out), got an empty list`,
  "too-many": (n, p) => `${n.subject} must hold at most ${p.max} ${p.items}, got ${p.count}`,
  "not-an-item": (n, p) => `${n.subject} must be an object ${p.shape}, got ${p.got}`,
  "capacity-mismatch": (n, p) =>
    `${n.subject} must equal the sum of the tranches (${p.total} MW) or be left blank, got ${p.got}`,
  "start-mismatch": (n, p) =>
    `${n.subject} must equal the earliest tranche date (${p.earliest}) or be left blank, got ${p.got}`,
  "tranches-too-large": (n, p) => `${n.subject} must add up to at most 100,000 MW, got ${p.total}`,
  "renewals-exceed-options": (n, p) =>
    `${n.subject} must be a whole number from 0 to renewalOptions (${p.options}), got ${p.got}`,
  "after-last-month": (n, p) =>
    `${n.subject} must be a date not after the last billing month (${p.last}), got ${p.got}`,
  "schedule-too-long": (_n, p) =>
    `the schedule must span at most ${p.max} months (every renewal option included), got ${p.months}: tranches, renewals, the prepayment date or capex dates are too far apart`,
  "fee-too-large": (n, p) =>
    `${n.subject} is too large: the deal's largest monthly fee (capacity × rate${p.factors}) must be at most $${LIMITS.maxMonthlyFee.toLocaleString("en-US")} (a limit of this add-in, so that every line stays exact to the cent in Excel), got about $${p.peak}`,
  "not-a-block": (n, p) => `${n.subject} must be an object of ${p.what} (${p.keys}), got ${p.got}`,
  "unknown-block-term": (n, p) => `${n.subject} is not a ${p.what}: the ${p.what}s are ${p.keys}`,
  "duplicate-date": (n, p) =>
    `${n.parent} must be a list of distinct dates: ${p.date} is given twice (items ${p.first} and ${p.second})`,
  "no-mining": () =>
    "mining is required for the hosting-versus-mining comparison: the deal has no mining block (give at least mining.hashprice, mining.efficiencyJPerTH and mining.powerCostPerKWh)",
  // Portfolio files (portfolio.ts) and period requests (periods.ts).
  "portfolio-unreadable": (_n, p) => `the portfolio could not be read: ${p.reason}`,
  "not-a-portfolio": (_n, p) => `a portfolio must be an object {"name", "deals": [...], "discountRate"}, got ${p.got}`,
  "unknown-portfolio-key": (_n, p) => `unknown portfolio key ${p.got}: expected name, deals or discountRate`,
  "deals-not-a-list": (n, p) => `${n.subject} must be a list of one or more deals, got ${p.got}`,
  "empty-portfolio": (n) => `${n.subject} must hold at least one deal: the portfolio is empty`,
  "portfolio-too-long": (n, p) =>
    `${n.subject} must span at most ${p.max} months from the first deal's first month to the last deal's last (a limit of this add-in), got ${p.months}`,
  "bad-period": (n, p) => `${n.subject} must be month, quarter or year, got ${p.got}`,
  "bad-fiscal-year-end": (n, p) =>
    `${n.subject} must be a whole number from 1 to 12 (the month the fiscal year ends), got ${p.got}`,
  "not-a-deal": (_n, p) => `a deal must be an object of terms (a JSON object), got ${p.got}`,
  unreadable: (_n, p) => `the deal could not be read: ${p.reason}`,
  "not-numeric": (n) => `${n.subject} is not a numeric term`,
  // Deal files (parseDealJson).
  "json-syntax": (_n, p) => `the deal file is not valid JSON: ${p.what} at ${p.at}`,
  "json-depth": (_n, p) =>
    `the deal file nests objects and lists more than ${p.max} deep ${limitNote} at ${p.at}: a deal file needs three levels`,
  "json-duplicate-key": (n, p) =>
    `${n.subject} is given twice in the deal file (again at ${p.at}): each key may appear once, so that the file means one thing`,
  "json-digits": (n, p) =>
    `${n.subject} has more digits than a JSON number holds (${p.shown} would be read as ${p.read}): write it as text, e.g. "${p.shown}"`,
  "json-number-range": (n, p) => `${n.subject} is a number too large for a JSON number (${p.shown}): write it as text`,
  "json-not-text": () => "a deal file must be text",
  "json-too-large": (_n, p) =>
    `the deal file is larger than ${p.max} bytes ${limitNote}: a deal file is a few kilobytes`,
  "json-more": (_n, p) => `and ${p.count} more problems in the deal file`,
  // The layout of a function's ranges (src/functions/ranges.ts): the subject is the argument ("terms",
  // "tranches", "mining") or, once a row names a key, the term ("mining.uptime").
  "range-width": (n, p) =>
    `${n.subject} must be a two-column range (${p.first} in the first column, ${p.second} in the second), got ${p.width} column${p.width === 1 ? "" : "s"}`,
  "value-without-label": (n, p) => `${n.subject} row ${p.row} has a value (${p.got}) but no label`,
  "label-not-text": (n, p) =>
    `${n.subject} row ${p.row}: the label must be text naming a ${p.noun} (e.g. "${p.example}"), got ${p.got}`,
  "unknown-label": (n, p) => `unknown ${p.noun} ${p.got} in ${n.subject} row ${p.row}: the ${p.noun}s are ${p.labels}`,
  "table-in-terms": (n, p) =>
    `${p.range} row ${p.row}: give the ${n.subject} as the ${n.subject} argument (a two-column range of ${p.columns}), not in the ${p.range}`,
  "given-twice": (n, p) => `${n.subject} is given twice in ${p.place} (rows ${p.first} and ${p.second})`,
  "excel-error": (n, p) =>
    `${subjectOf(n, p)} holds the Excel error ${p.error}${p.expected === undefined ? "" : `: it must be ${p.expected}`}`,
  "table-cell-error": (n, p) => `${n.subject} row ${p.row} ${p.column} holds the Excel error ${p.error}`,
  // A function's single-cell and list arguments (src/functions): the subject is the argument's name.
  "one-cell": (n, p) => `${n.subject} must be one cell: ${p.expected}`,
  "must-name": (n, p) => `${subjectOf(n, p)} must name ${p.expected}, got ${p.got}`,
  "holds-error": (n) => `${n.subject} holds an Excel error: see its cell`,
  "no-deals": (n, p) => `${n.subject} must name at least one deal: ${p.expected}`,
  "no-values": (n) => `${n.subject} must hold at least one number (a range of values, or one value)`,
  "too-many-values": (n, p) => `${subjectOf(n, p)} takes at most ${p.max} values, got ${p.count}`,
  "value-not-number": (n, p) => `${n.subject} value ${p.index} must be a number, got ${p.got}`,
  "same-inputs": (n, p) => `${p.other} and ${n.subject} must be different inputs, both name ${p.key}`,
  // Sensitivity requests (core's sensitivity.ts): the subject is the axis ("rows", "inputA", …).
  "mining-input-without-block": (n, p) =>
    `${subjectOf(n, p)}: ${p.key} is a term of the deal's mining block, and the deal has none (mining)`,
  "capacity-with-tranches": (n, p) =>
    `${subjectOf(n, p)}: capacityMW can be varied only for a deal without tranches (with tranches it is their sum); vary ${p.instead} or edit the tranches instead`,
  "needs-values": (n, p) => `${subjectOf(n, p)} needs at least one value`,
  "not-for-portfolio": (_n, p) =>
    `${p.figure} is not defined for a portfolio (its deals have different terms): use ${p.instead}`,
} satisfies Record<string, Template>;

export type ProblemCode = keyof typeof MESSAGES;
