/**
 * Which of the add-in's cells a user changed since the add-in wrote them,
 * and whether the user approved overwriting exactly those changes. Shared by
 * every writer's update path (Office.js, the preview).
 */
import { MINING_TERMS, TERMS } from "../../src/core";
import { parseCell, type SheetLayout } from "../../src/plan";
import { sameValue, updateArea } from "./cells";

/** A cell of the add-in's that a user has changed since the add-in wrote it. */
export interface ChangedCell {
  readonly ref: string;
  /** What the cell is, for a user: "Rate ($/kW-month)", "Tranche 2 MW", "Rate ($/kW-month): source / note". */
  readonly what: string;
  readonly wrote: unknown;
  readonly now: unknown;
}

const LABELS: ReadonlyMap<string, string> = new Map(TERMS.map((t) => [t.key, t.label]));
const MINING_LABELS: ReadonlyMap<string, string> = new Map(MINING_TERMS.map((t) => [t.key, t.label]));

/** What a cell of the update area is, in a user's words. */
export function describeRef(layout: SheetLayout, ref: string): string {
  const c = parseCell(ref);
  if (!c) return ref;
  const term = Object.entries(layout.terms.rows).find(([, row]) => row === c.row);
  if (term) {
    const label = LABELS.get(term[0]) ?? term[0];
    return ref.startsWith(layout.terms.noteColumn) ? `${label}: source / note` : label;
  }
  const m = layout.mining;
  const mining = m ? Object.entries(m.rows).find(([, row]) => row === c.row) : undefined;
  if (m && mining) {
    const label = `Mining: ${MINING_LABELS.get(mining[0]) ?? mining[0]}`;
    return ref.startsWith(m.noteColumn) ? `${label}: source / note` : label;
  }
  const x = layout.capex;
  if (x && ref === x.noteRef) return "Capex table: source / note";
  if (x && c.row >= x.firstRow && c.row < x.firstRow + x.rows) {
    const i = c.row - x.firstRow + 1;
    return ref.startsWith(x.dateColumn) ? `Capex ${i} date` : `Capex ${i} amount`;
  }
  const t = layout.tranches;
  if (!t) return ref;
  if (ref === t.noteRef) return "Tranches table: source / note";
  const i = c.row - t.firstRow + 1;
  return ref.startsWith(t.dateColumn) ? `Tranche ${i} date` : `Tranche ${i} MW`;
}

/** The cells of the update area whose content differs from what the add-in last wrote there. */
export function changedCells(
  layout: SheetLayout,
  written: Readonly<Record<string, unknown>>,
  read: (ref: string) => unknown,
): ChangedCell[] {
  const changed: ChangedCell[] = [];
  for (const ref of updateArea(layout)) {
    const wrote = Object.prototype.hasOwnProperty.call(written, ref) ? written[ref] : null;
    const now = read(ref);
    if (!sameValue(wrote, now)) changed.push({ ref, what: describeRef(layout, ref), wrote, now });
  }
  return changed;
}

/**
 * True when every changed cell is one the user approved overwriting, with the
 * content they saw: a cell changed again, or newly, while they decided needs
 * asking again.
 */
export function editsApproved(changed: readonly ChangedCell[], approved: readonly ChangedCell[] = []): boolean {
  const seen = new Map(approved.map((c) => [c.ref, c.now]));
  return changed.every((c) => seen.has(c.ref) && sameValue(seen.get(c.ref), c.now));
}
