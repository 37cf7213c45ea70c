import type { TermKey } from "../core";

/**
 * Where a preset's figure comes from. `reported`: a V-tagged figure of
 * `shared/deals/reported-facts.md`, with its source. `assumed`: an S or D
 * figure or a modelling choice, with the reason (and the secondary source, if any).
 */
export type Provenance =
  | { readonly status: "reported"; readonly source: string; readonly note?: string }
  | { readonly status: "assumed"; readonly reason: string; readonly source?: string };

/** A preset deal: a deal file plus where each of its figures comes from. */
export interface Preset {
  /** Kebab-case, e.g. "coreweave-core-scientific-2024". */
  readonly id: string;
  /** E.g. "CoreWeave – Core Scientific (June 2024)". */
  readonly title: string;
  /** One line for a list. */
  readonly description: string;
  /** A deal file: exactly the spec's keys, ISO dates, tranches as [{date, mw}]. */
  readonly deal: Readonly<Record<string, unknown>>;
  /** One entry for every key present in `deal`. */
  readonly provenance: Readonly<Partial<Record<TermKey, Provenance>>>;
  /** Source notes for the sheet's title block: what is reported, with sources; what the model leaves out. */
  readonly notes: readonly string[];
}
