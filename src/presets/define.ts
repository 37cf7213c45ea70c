import type { DealFileTerms, IsoDate, PresetForms, TermKey } from "../core";
import { documentCitation } from "./documents";
import { deepFreeze } from "./freeze";
import type { Documents, Preset, Provenance, SourceDocument } from "./types";

export type { IsoDate };

/**
 * A preset's deal file, typed: the deal-file type core derives from its terms
 * table (only the table's keys, each with its JSON type), with numbers as JSON
 * numbers and dates as ISO text.
 */
export type PresetDeal = DealFileTerms<PresetForms>;

interface PresetSpec<D extends PresetDeal> {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Only the spec's keys: an unknown key does not compile. */
  readonly deal: D & { readonly [K in Exclude<keyof D, TermKey>]: never };
  /** Exactly the keys of `deal`: a missing or extra entry does not compile. */
  readonly provenance: NoInfer<{ readonly [K in keyof D]-?: Provenance }>;
  readonly notes: readonly string[];
  /** Documents the notes cite beyond those of the provenance (e.g. results releases). */
  readonly alsoCites?: readonly SourceDocument[];
}

/** The documents of the provenance, in term order, then `also`; each once. */
function citedDocuments(
  provenance: Readonly<Record<string, Provenance>>,
  also: readonly SourceDocument[],
): SourceDocument[] {
  const seen: SourceDocument[] = [];
  for (const p of Object.values(provenance)) for (const d of p.documents ?? []) if (!seen.includes(d)) seen.push(d);
  for (const d of also) if (!seen.includes(d)) seen.push(d);
  return seen;
}

/**
 * Builds a deep-frozen preset; its provenance must cover exactly the keys of
 * its deal. The notes end with one line per document cited, with its address,
 * so the sheet names every document its figures rest on.
 */
export function definePreset<const D extends PresetDeal>(spec: PresetSpec<D>): Preset {
  const provenance = { ...spec.provenance } as Readonly<Record<string, Provenance>>;
  const documents = citedDocuments(provenance, spec.alsoCites ?? []);
  return deepFreeze({
    id: spec.id,
    title: spec.title,
    description: spec.description,
    deal: { ...spec.deal },
    provenance: provenance as Preset["provenance"],
    notes: [...spec.notes, ...documents.map((d) => `Document: ${documentCitation(d)}`)],
    documents,
  });
}

function isDocuments(x: SourceDocument | readonly SourceDocument[]): x is Documents {
  return Array.isArray(x) && x.length > 0;
}

/** A figure stated in a public document: the document(s), and how the figure is read from them. */
export function reported(documents: SourceDocument | Documents, note?: string): Provenance {
  const docs: Documents = isDocuments(documents) ? documents : [documents];
  return note === undefined ? { status: "reported", documents: docs } : { status: "reported", documents: docs, note };
}

/**
 * A derived figure, one from a secondary source, or a modelling choice: the
 * reason, then what it rests on: documents (with addresses), or the name of
 * a source without a public address (a string).
 */
export function assumed(reason: string, ...from: readonly (SourceDocument | string)[]): Provenance {
  const docs = from.filter((f): f is SourceDocument => typeof f !== "string");
  const named = from.filter((f): f is string => typeof f === "string");
  return {
    status: "assumed",
    reason,
    ...(isDocuments(docs) ? { documents: docs } : {}),
    ...(named.length > 0 ? { source: named.join("; ") } : {}),
  };
}
