import type { TermKey } from "../core";

/**
 * A public document a figure is taken from: who published it, what kind of
 * document it is, its date, and where to read it. `copy` names the publisher
 * when the address is a secondary copy (press coverage, a syndicated
 * release) rather than the issuer's own document.
 */
export interface SourceDocument {
  /** Who issued what the document reports, e.g. "Hut 8". */
  readonly issuer: string;
  /** E.g. "8-K exhibit 99.1, River Bend lease". */
  readonly kind: string;
  /** As the document dates itself, e.g. "17 December 2025". */
  readonly date: string;
  /** A public https address. */
  readonly address: string;
  /** The publisher of a secondary copy, e.g. "Blockworks"; absent for the issuer's own document. */
  readonly copy?: string;
}

/** At least one document. */
export type Documents = readonly [SourceDocument, ...SourceDocument[]];

/**
 * Where a preset's figure comes from. `reported`: stated in a public
 * document (a filing, a release, or mainstream news quoting one), which is
 * named with its address; `note` says how the figure is read. `assumed`: a
 * figure derived by arithmetic, taken from a secondary source, or a
 * modelling choice, with the reason; `documents` are those it is derived
 * from, `source` names a source without a public address (e.g. an analyst note).
 */
export type Provenance =
  | { readonly status: "reported"; readonly documents: Documents; readonly note?: string }
  | {
      readonly status: "assumed";
      readonly reason: string;
      readonly documents?: Documents;
      readonly source?: string;
    };

/** A preset deal: a deal file plus where each of its figures comes from. */
export interface Preset {
  /** Kebab-case, e.g. "coreweave-core-scientific-2024"; stable: other presets and saved sheets refer to it. */
  readonly id: string;
  /** E.g. "CoreWeave – Core Scientific (June 2024)". */
  readonly title: string;
  /** One line for a list. */
  readonly description: string;
  /** A deal file: exactly the spec's keys, ISO dates, tranches as [{date, mw}]. */
  readonly deal: Readonly<Record<string, unknown>>;
  /** One entry for every key present in `deal`. */
  readonly provenance: Readonly<Partial<Record<TermKey, Provenance>>>;
  /**
   * Source notes for the sheet: what is reported (naming the documents), what
   * is assumed, what the model leaves out; then one line per document cited,
   * with its address.
   */
  readonly notes: readonly string[];
  /** Every document the preset cites, in order of first citation. */
  readonly documents: readonly SourceDocument[];
}
