/**
 * The pane's form as data: every term of core's terms table as the text a
 * user typed, and the tranches and the host's capex as rows. Validation is core's own
 * (`validateDeal`), its problems mapped to the fields they name. No DOM.
 */
import {
  Decimal,
  formatIsoDate,
  fromExcelSerial,
  isBlank,
  isTableTerm,
  MINING_TERMS,
  TERMS,
  toDealFile,
  validateDeal,
  type DealFile,
  type MiningTermKey,
  type Problem,
  type ProblemPath,
  type TermSpec,
  type Terms,
} from "../../src/core";
import type { ScalarTermKey } from "../../src/plan";

export interface TrancheRow {
  readonly date: string;
  readonly mw: string;
}

export interface CapexRow {
  readonly date: string;
  readonly amount: string;
}

export interface FormState {
  readonly values: Readonly<Record<ScalarTermKey, string>>;
  readonly tranches: readonly TrancheRow[];
  /** The host's capex (analysis.md §9): dated amounts. */
  readonly capex: readonly CapexRow[];
  /**
   * The mining block's inputs as typed (analysis.md §8; the Mining tab edits them), or null/absent
   * when the deal has no mining block.
   */
  readonly mining?: Readonly<Record<MiningTermKey, string>> | null;
}

/** The mining inputs as text: numbers as written, the halving dates as a list ("none" for none). */
export function miningText(
  block: Readonly<Record<string, unknown>>,
  dates: "iso" | "excel" = "iso",
): Record<MiningTermKey, string> {
  const text = (key: MiningTermKey, raw: unknown): string => {
    if (raw === undefined || raw === null) return "";
    if (key === "halvingDates" && Array.isArray(raw)) {
      if (raw.length === 0) return "none";
      return raw.map((d) => (typeof d === "number" ? fieldText(DATE_SPEC, d, dates) : String(d))).join(", ");
    }
    if (typeof raw === "number" && Number.isFinite(raw)) return new Decimal(raw).toString();
    return String(raw);
  };
  return Object.fromEntries(MINING_TERMS.map((t) => [t.key, text(t.key, block[t.key])])) as Record<
    MiningTermKey,
    string
  >;
}

/** The mining block the inputs hold: blanks left out, the halving dates split ("none" is no halvings). */
export function miningBlockOf(values: Readonly<Record<MiningTermKey, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const t of MINING_TERMS) {
    const text = (values[t.key] ?? "").trim();
    if (text === "") continue;
    if (t.key === "halvingDates") {
      out[t.key] = /^(none|\[\])$/i.test(text) ? [] : text.split(/[,;\s]+/).filter((s) => s !== "");
    } else out[t.key] = text;
  }
  return out;
}

/** The scalar terms of the form, in the spec's order. */
export const FORM_TERMS: readonly (TermSpec & { key: ScalarTermKey })[] = TERMS.filter(
  (t): t is TermSpec & { key: ScalarTermKey } => !isTableTerm(t.key),
);

/** The renewal terms (analysis.md §10): the pane shows them in their own group. */
export const RENEWAL_TERMS: ReadonlySet<ScalarTermKey> = new Set<ScalarTermKey>([
  "renewalOptions",
  "renewalMonths",
  "renewalRateStep",
  "renewalsExercised",
]);

/** A field of the form: a scalar term, a table row's field, a whole row, a table, or the deal. */
export type FieldId =
  | ScalarTermKey
  | `tranches.${number}.date`
  | `tranches.${number}.mw`
  | `tranches.${number}`
  | "tranches"
  | `capex.${number}.date`
  | `capex.${number}.amount`
  | `capex.${number}`
  | "capex"
  | "mining"
  | "deal";

export function emptyForm(): FormState {
  const values = {} as Record<ScalarTermKey, string>;
  for (const t of FORM_TERMS) values[t.key] = "";
  return { values, tranches: [], capex: [] };
}

/** How a raw value is shown in its field: percentages as "3%", dates as ISO, numbers as written. */
function fieldText(spec: TermSpec, raw: unknown, dates: "iso" | "excel"): string {
  if (isBlank(raw)) return "";
  if (typeof raw === "string") return raw;
  if (typeof raw === "number" && Number.isFinite(raw)) {
    if (spec.kind === "date" && dates === "excel") {
      const d = fromExcelSerial(raw);
      return d ? formatIsoDate(d) : String(raw);
    }
    if (spec.unit === "percent") return `${new Decimal(raw).times(100).toString()}%`;
    return new Decimal(raw).toString();
  }
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  return String(raw);
}

const DATE_SPEC: TermSpec = { key: "startDate", label: "Date", kind: "date", unit: "date", expected: "", help: "" };
const MW_SPEC: TermSpec = { key: "capacityMW", label: "MW", kind: "decimal", unit: "mw", expected: "", help: "" };
const AMOUNT_SPEC: TermSpec = {
  key: "prepayment",
  label: "Amount",
  kind: "cents",
  unit: "usd",
  expected: "",
  help: "",
};

/** The rows of a table term of a deal file, each an object (anything else reads as an empty row). */
function tableRows(file: Readonly<Record<string, unknown>>, key: string): Record<string, unknown>[] {
  const raw = Object.prototype.hasOwnProperty.call(file, key) ? file[key] : undefined;
  return Array.isArray(raw)
    ? raw.map((r: unknown) => (typeof r === "object" && r !== null ? r : {}) as Record<string, unknown>)
    : [];
}

/**
 * A deal file (a preset's, an imported file's, or one read back from a
 * sheet with Excel dates) as form text. Only the spec's keys are read.
 */
export function formFromDealFile(file: Readonly<Record<string, unknown>>, dates: "iso" | "excel" = "iso"): FormState {
  const values = {} as Record<ScalarTermKey, string>;
  for (const t of FORM_TERMS) {
    values[t.key] = Object.prototype.hasOwnProperty.call(file, t.key) ? fieldText(t, file[t.key], dates) : "";
  }
  const tranches: TrancheRow[] = tableRows(file, "tranches").map((row) => ({
    date: fieldText(DATE_SPEC, row.date, dates),
    mw: fieldText(MW_SPEC, row.mw, dates),
  }));
  const capex: CapexRow[] = tableRows(file, "capex").map((row) => ({
    date: fieldText(DATE_SPEC, row.date, dates),
    amount: fieldText(AMOUNT_SPEC, row.amount, dates),
  }));
  const block = Object.prototype.hasOwnProperty.call(file, "mining") ? file.mining : undefined;
  const mining =
    typeof block === "object" && block !== null && !Array.isArray(block)
      ? miningText(block as Record<string, unknown>, dates)
      : null;
  return { values, tranches, capex, mining };
}

/**
 * The raw deal file the form holds (text as typed; blank fields and blank table rows left out), and
 * which form row each listed tranche (`rowOfIndex`) and capex item (`capexRowOfIndex`) came from.
 */
export function rawDealFile(form: FormState): { file: DealFile; rowOfIndex: number[]; capexRowOfIndex: number[] } {
  const file: DealFile = {};
  for (const t of FORM_TERMS) {
    const text = form.values[t.key];
    if (!isBlank(text)) file[t.key] = text;
  }
  const rowOfIndex: number[] = [];
  const tranches: { date: string; mw: string }[] = [];
  form.tranches.forEach((row, i) => {
    if (isBlank(row.date) && isBlank(row.mw)) return;
    rowOfIndex.push(i);
    tranches.push({ date: row.date, mw: row.mw });
  });
  if (tranches.length > 0) file.tranches = tranches;
  const capexRowOfIndex: number[] = [];
  const capex: { date: string; amount: string }[] = [];
  form.capex.forEach((row, i) => {
    if (isBlank(row.date) && isBlank(row.amount)) return;
    capexRowOfIndex.push(i);
    capex.push({ date: row.date, amount: row.amount });
  });
  if (capex.length > 0) file.capex = capex;
  if (form.mining) file.mining = miningBlockOf(form.mining);
  return { file, rowOfIndex, capexRowOfIndex };
}

export interface FormCheck {
  /** The validated terms, or null while the form has problems. */
  readonly terms: Terms | null;
  /** Messages by field, in core's order. */
  readonly fields: ReadonlyMap<FieldId, readonly string[]>;
  readonly problems: readonly Problem[];
}

const SCALAR_KEYS: ReadonlySet<string> = new Set(FORM_TERMS.map((t) => t.key));

/**
 * The field a problem is about, from its path: `tranches[i].date` → that form row's date field,
 * `capex[i].amount` → that capex row's amount (blank rows skipped, so i counts the listed rows only).
 */
export function fieldOf(
  path: ProblemPath,
  rowOfIndex: readonly number[],
  capexRowOfIndex: readonly number[] = [],
): FieldId {
  const [head, index, field] = path;
  if (typeof head === "string" && SCALAR_KEYS.has(head)) return head as ScalarTermKey;
  if (head === "tranches" && typeof index === "number") {
    const row = rowOfIndex[index] ?? index;
    if (field === "date" || field === "mw") return `tranches.${row}.${field}`;
    return `tranches.${row}`;
  }
  if (head === "tranches") return "tranches";
  if (head === "capex" && typeof index === "number") {
    const row = capexRowOfIndex[index] ?? index;
    if (field === "date" || field === "amount") return `capex.${row}.${field}`;
    return `capex.${row}`;
  }
  if (head === "capex") return "capex";
  if (head === "mining") return "mining";
  return "deal";
}

/** Validates the form with core's validation; every problem lands on the field it names. */
export function checkForm(form: FormState): FormCheck {
  const { file, rowOfIndex, capexRowOfIndex } = rawDealFile(form);
  const result = validateDeal(file);
  if (result.ok) return { terms: result.value, fields: new Map(), problems: [] };
  const fields = new Map<FieldId, string[]>();
  for (const p of result.error.problems) {
    const id = fieldOf(p.path, rowOfIndex, capexRowOfIndex);
    fields.set(id, [...(fields.get(id) ?? []), p.message]);
  }
  return { terms: null, fields, problems: result.error.problems };
}

/**
 * The deal file to insert or export: the validated terms in canonical form
 * (numbers as JSON numbers where exact), only the terms the user gave (a
 * blank term keeps its default, and the sheet shows it blank with a note),
 * the tranches and the capex listed when the form has any.
 */
export function normalizedDealFile(form: FormState, terms: Terms): DealFile {
  const { file } = rawDealFile(form);
  const canonical = toDealFile(terms);
  const out: DealFile = {};
  for (const t of FORM_TERMS) {
    if (Object.prototype.hasOwnProperty.call(file, t.key) && canonical[t.key] !== undefined)
      out[t.key] = canonical[t.key];
  }
  if (file.tranches !== undefined) out.tranches = canonical.tranches;
  if (file.capex !== undefined) out.capex = canonical.capex;
  if (file.mining !== undefined && terms.mining !== null) out.mining = normalizedMining(file.mining, terms);
  return out;
}

/** The mining terms given, in canonical form (numbers as JSON numbers where exact, dates as ISO). */
function normalizedMining(raw: unknown, terms: Terms): Record<string, unknown> {
  const given = raw as Record<string, unknown>;
  const canonical = (toDealFile(terms).mining ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const t of MINING_TERMS) {
    if (given[t.key] === undefined) continue;
    out[t.key] =
      t.key === "halvingDates"
        ? (terms.mining?.halvingDates ?? []).map(formatIsoDate)
        : (canonical[t.key] ?? given[t.key]);
  }
  return out;
}

/** Why Insert is disabled, in one line; null when the deal is valid. */
export function blockedReason(check: FormCheck): string | null {
  if (check.terms) return null;
  const n = check.problems.length;
  const first = check.problems[0]?.message ?? "the deal is incomplete";
  return n === 1 ? `Fix 1 problem first: ${first}` : `Fix ${n} problems first (the first: ${first})`;
}

export function setValue(form: FormState, key: ScalarTermKey, text: string): FormState {
  return { ...form, values: { ...form.values, [key]: text } };
}

export function setTranche(form: FormState, index: number, field: "date" | "mw", text: string): FormState {
  return { ...form, tranches: form.tranches.map((r, i) => (i === index ? { ...r, [field]: text } : r)) };
}

export function addTranche(form: FormState): FormState {
  return { ...form, tranches: [...form.tranches, { date: "", mw: "" }] };
}

export function removeTranche(form: FormState, index: number): FormState {
  return { ...form, tranches: form.tranches.filter((_, i) => i !== index) };
}

export function setCapex(form: FormState, index: number, field: "date" | "amount", text: string): FormState {
  return { ...form, capex: form.capex.map((r, i) => (i === index ? { ...r, [field]: text } : r)) };
}

export function addCapex(form: FormState): FormState {
  return { ...form, capex: [...form.capex, { date: "", amount: "" }] };
}

export function removeCapex(form: FormState, index: number): FormState {
  return { ...form, capex: form.capex.filter((_, i) => i !== index) };
}
