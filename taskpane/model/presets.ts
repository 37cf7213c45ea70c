/**
 * The presets as the pane shows them: a list with one-line descriptions, and
 * each term's provenance (reported, naming its document and address;
 * assumed, with the reason and what it rests on). When a user edits a preset's figure before inserting it, the
 * sheet must not claim the preset's source for it.
 */
import { isBlank, MINING_TERMS, TERMS, type DealFile, type MiningTermKey, type TermKey } from "../../src/core";
import { provenanceText, type PresetInfo, type ProvenanceMap } from "../../src/plan";
import { documentLabel, miningProvenance as miningProvenance_, type Preset, type Provenance } from "../../src/presets";

/** A document as the pane lists it: "Issuer, kind, date" and the address to link. */
export interface DocumentRef {
  readonly label: string;
  readonly address: string;
}

export interface ProvenanceLine {
  readonly key: TermKey;
  readonly label: string;
  readonly status: "reported" | "assumed";
  /** "Reported (documents, with addresses): note" / "Assumed: reason (from: …; source: …)". */
  readonly text: string;
  /** The documents the figure rests on: at least one when reported. */
  readonly documents: readonly DocumentRef[];
}

export function provenanceLines(preset: Preset): ProvenanceLine[] {
  const lines: ProvenanceLine[] = [];
  for (const t of TERMS) {
    const p: Provenance | undefined = preset.provenance[t.key];
    if (!p) continue;
    const documents = (p.documents ?? []).map((d) => ({ label: documentLabel(d), address: d.address }));
    lines.push({ key: t.key, label: t.label, status: p.status, text: provenanceText(p), documents });
  }
  return lines;
}

/** Every document a preset cites, for a "Sources" list under its provenance. */
export function presetDocuments(preset: Preset): DocumentRef[] {
  return preset.documents.map((d) => ({ label: documentLabel(d), address: d.address }));
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
    // Leaving the mining comparison out does not edit the contract.
    if (t.key === "mining" && deal.mining === undefined) continue;
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
  // The mining block's figures, each against the preset's own (analysis.md §8).
  const miningProvenance: Partial<Record<MiningTermKey, Provenance>> = {};
  const mineBlock = (deal.mining ?? {}) as Record<string, unknown>;
  const theirBlock = (preset.deal.mining ?? {}) as Record<string, unknown>;
  const theirProvenance = miningProvenance_(preset.id) ?? {};
  for (const t of deal.mining === undefined ? [] : MINING_TERMS) {
    const mine = mineBlock[t.key];
    const theirs = theirBlock[t.key];
    const p = theirProvenance[t.key];
    if (same(mine, theirs)) {
      if (p) miningProvenance[t.key] = p;
    } else {
      edited = true;
      miningProvenance[t.key] = { status: "assumed", reason: "Edited in the pane (not the preset's figure)." };
    }
  }
  return {
    id: preset.id,
    miningProvenance,
    title: edited ? `${preset.title} (edited)` : preset.title,
    description: preset.description,
    provenance: provenance as ProvenanceMap,
    notes: preset.notes,
  };
}
