import { CREDIT_METHODS, TERM_BY_KEY, toExcelSerial, type Decimal, type TermKey, type Terms } from "../core";
import type { Provenance } from "../presets";
import { columnNumber, rangeRef } from "./a1";
import type { PreparedDeal } from "./deal";
import { FORMATS, termFormat } from "./formats";
import { noteText, provenanceText } from "./provenance";
import type { CellValue, PlanCell, ScalarTermKey, SheetLayout } from "./types";

/** Where each term's figure comes from, by key (a preset's provenance). */
export type ProvenanceMap = Readonly<Partial<Record<TermKey, Provenance>>>;

/** What a blank input means, for a term the author did not give. */
const DEFAULT_NOTES: Readonly<Partial<Record<ScalarTermKey, string>>> = {
  escalator: "Not given: 0 % (a flat rate).",
  prepayment: "Not given: no prepayment.",
  prepaymentDate: "Not given: the start date.",
  creditMethod: "Not given: straight-line.",
  creditMonths: "Not given: the term.",
  opexPerMWMonth: "Not given: 0.",
  discountRate: "Not given: HPC.DEALNPV needs a discount rate.",
  renewalOptions: "Not given: no renewal options.",
  renewalMonths: "Not given: 60 months.",
  renewalRateStep: "Not given: 0 (the rate carries on).",
  renewalsExercised: "Not given: none.",
};

/** The value a term's cell holds: text as text, amounts and fractions as numbers, dates as Excel serials. */
export function termCellValue(terms: Terms, key: ScalarTermKey): CellValue {
  const spec = TERM_BY_KEY.get(key);
  const raw = terms[key];
  if (raw === null || spec === undefined) return null;
  switch (spec.kind) {
    case "text":
    case "choice":
    case "integer":
      return raw as string | number;
    case "decimal":
    case "cents":
      return (raw as Decimal).toNumber();
    case "date":
      return toExcelSerial(raw as Terms["startDate"]);
    case "tranches":
    case "capex":
    case "mining":
      return null;
  }
}

/** The range the tranches table was inserted with, for notes that point at it. */
function tranchesArea(layout: SheetLayout): string {
  return layout.tranches ? tranchesRange(layout, layout.tranches.rows) : "";
}

/**
 * The value and note cells of the terms block for a deal. With a tranches
 * table, capacity and start date are left blank: the model then takes the
 * tranches' sum and earliest date, so editing a tranche cannot make the terms
 * disagree (a plain value could, and a =SUM() of the table could too, by a
 * floating-point hair, since core compares capacity exactly).
 */
export function termCells(
  layout: SheetLayout,
  deal: PreparedDeal,
  table: boolean,
  provenance: ProvenanceMap = {},
): PlanCell[] {
  const { terms, given } = deal;
  const { valueColumn, noteColumn, rows } = layout.terms;
  const cells: PlanCell[] = [];
  for (const [key, row] of Object.entries(rows) as [ScalarTermKey, number][]) {
    const spec = TERM_BY_KEY.get(key);
    if (!spec) continue;
    let value: CellValue = null;
    let note = "";
    if (table && key === "capacityMW") note = `Blank: the sum of the tranches (${tranchesArea(layout)}).`;
    else if (table && key === "startDate") note = "Blank: the earliest tranche date.";
    else if (key === "creditMonths" && terms.creditMonths === null) note = "Not used by the percent-of-fee method.";
    else if (key === "creditPercent" && terms.creditPercent === null) note = "Not used by the straight-line method.";
    else if (given.has(key) || key === "capacityMW" || key === "startDate") value = termCellValue(terms, key);
    else note = DEFAULT_NOTES[key] ?? "";
    if (typeof value === "string" && value === "") value = null;
    const format = termFormat(spec.unit);
    cells.push({
      ref: `${valueColumn}${row}`,
      value,
      ...(format ? { format } : {}),
      style: "input",
      help: spec.help,
      ...(key === "creditMethod" ? { choices: CREDIT_METHODS } : {}),
    });
    cells.push({
      ref: `${noteColumn}${row}`,
      value: noteText(note, provenanceText(provenance[key])),
      style: "provenance",
    });
  }
  return cells;
}

/**
 * Every row of the tranches table for a deal: one per tranche, then the
 * table's spare rows blank (inside the name: the HPC functions skip blank
 * rows, so a user can add a tranche there). Also the tranches' provenance.
 */
export function trancheCells(layout: SheetLayout, terms: Terms, provenance: ProvenanceMap = {}): PlanCell[] {
  const t = layout.tranches;
  if (!t) return [];
  const cells: PlanCell[] = [];
  for (let i = 0; i < t.rows; i++) {
    const row = t.firstRow + i;
    const tranche = terms.tranches[i];
    cells.push({
      ref: `${t.dateColumn}${row}`,
      value: tranche ? toExcelSerial(tranche.date) : null,
      format: FORMATS.date,
      style: "input",
      help: "The date this tranche starts billing (it bills from the first of that month). Leave a row blank for no tranche.",
    });
    cells.push({
      ref: `${t.mwColumn}${row}`,
      value: tranche ? tranche.mw.toNumber() : null,
      format: FORMATS.mw,
      style: "input",
      help: "The tranche's critical IT capacity in MW.",
    });
  }
  cells.push({ ref: t.noteRef, value: noteText(provenanceText(provenance.tranches)), style: "provenance" });
  return cells;
}

/** The first `count` rows of the tranches table, e.g. "A23:B27". */
export function tranchesRange(layout: SheetLayout, count: number): string {
  const t = layout.tranches;
  if (!t) throw new RangeError("the layout has no tranches table");
  return rangeRef(columnNumber(t.dateColumn), t.firstRow, columnNumber(t.mwColumn), t.firstRow + count - 1);
}
