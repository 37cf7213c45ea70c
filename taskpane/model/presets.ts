/**
 * The presets as the pane shows them: a list with one-line descriptions, and
 * each term's provenance (reported, with the source; assumed, with the
 * reason). When a user edits a preset's figure before inserting it, the
 * sheet must not claim the preset's source for it.
 */
import { isBlank, TERMS, type DealFile, type TermKey } from "../../src/core";
import { provenanceText, type PresetInfo, type ProvenanceMap } from "../../src/plan";
import type { Preset, Provenance } from "../../src/presets";

export interface ProvenanceLine {
  readonly key: TermKey;
  readonly label: string;
  readonly status: "reported" | "assumed";
  /** "Reported (source): note" / "Assumed: reason (source: …)". */
  readonly text: string;
}

export function provenanceLines(preset: Preset): ProvenanceLine[] {
  const lines: ProvenanceLine[] = [];
  for (const t of TERMS) {
    const p: Provenance | undefined = preset.provenance[t.key];
    if (p) lines.push({ key: t.key, label: t.label, status: p.status, text: provenanceText(p) });
  }
  return lines;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The preset info to insert a (possibly edited) deal with: a figure that
 * differs from the preset's is marked assumed, "edited in the pane"; a
 * figure the preset did not have gets none. The title says when it was edited.
 */
export function presetInfoFor(preset: Preset, deal: DealFile): PresetInfo {
  const provenance: Partial<Record<TermKey, Provenance>> = {};
  let edited = false;
  for (const t of TERMS) {
    const mine = deal[t.key];
    const theirs = preset.deal[t.key];
    const p = preset.provenance[t.key];
    if (isBlank(mine) && isBlank(theirs)) continue;
    if (same(mine, theirs)) {
      if (p) provenance[t.key] = p;
    } else {
      edited = true;
      provenance[t.key] = { status: "assumed", reason: "Edited in the pane (not the preset's figure)." };
    }
  }
  return {
    id: preset.id,
    title: edited ? `${preset.title} (edited)` : preset.title,
    description: preset.description,
    provenance: provenance as ProvenanceMap,
    notes: preset.notes,
  };
}
