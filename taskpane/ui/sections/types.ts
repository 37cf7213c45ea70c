/**
 * The pane's top-level sections (its tabs). Each is a module with the same two halves:
 *
 *   - a view-model without DOM (`…View()` or a class), which jest tests directly;
 *   - `mount(panel, ctx)`, the DOM code, which renders that view into the section's tab panel once,
 *     at start, and keeps it updated. Panels are only hidden when another tab is chosen, never
 *     re-mounted, so a section keeps its state (fields, scroll position) while the user is away.
 *
 * sections/deal.ts is the full example; portfolio.ts, mining.ts and sensitivity.ts are the
 * placeholders to replace, in the same shape.
 */
import type { WorkbookBackend } from "../../backend/types";
import type { Formatter } from "../format";

export interface SectionContext {
  readonly doc: Document;
  readonly backend: WorkbookBackend;
  /** Money and dates in the user's locale. */
  readonly fmt: Formatter;
}

export interface Section {
  /** The id stem: the tab is #tab-<id>, its panel #panel-<id> (taskpane.html). */
  readonly id: string;
  mount(panel: HTMLElement, ctx: SectionContext): void;
}

/** What a section that has not been built yet says it will hold: honest text, no figures. */
export interface PlannedSectionView {
  readonly heading: string;
  readonly summary: string;
  readonly holds: readonly string[];
  /** What to use in the meantime. */
  readonly meanwhile: string;
}
