import type { CreditMethod, TermKey } from "../core";
import { documentCitation } from "./documents";
import { deepFreeze } from "./freeze";
import type { Documents, Preset, Provenance, SourceDocument } from "./types";

/** An ISO `YYYY-MM-DD` date. */
export type IsoDate = `${number}-${number}-${number}`;

/** The value type of each term in a preset's deal file. */
interface TermValues {
  name: string;
  host: string;
  tenant: string;
  capacityMW: number;
  ratePerKWMonth: number;
  termMonths: number;
  startDate: IsoDate;
  escalator: number;
  prepayment: number;
  prepaymentDate: IsoDate;
  creditMethod: CreditMethod;
  creditMonths: number;
  creditPercent: number;
  opexPerMWMonth: number;
  discountRate: number;
  tranches: readonly { readonly date: IsoDate; readonly mw: number }[];
  capex: readonly { readonly date: IsoDate; readonly amount: number }[];
  renewalOptions: number;
  renewalMonths: number;
  renewalRateStep: number;
  renewalsExercised: number;
  mining: Readonly<Record<string, number | readonly IsoDate[]>>;
}

// `never` (and so no preset compiles) if TermValues and core's TermKey ever disagree.
type Exactly<T, K extends PropertyKey> = [Exclude<keyof T, K>, Exclude<K, keyof T>] extends [never, never] ? T : never;

/** A preset's deal file, typed: only the spec's keys, each with its JSON type. */
export type PresetDeal = Readonly<Partial<Exactly<TermValues, TermKey>>>;

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
