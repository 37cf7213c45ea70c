/**
 * The pane's frame: one Fluent tab per section (Deal · Portfolio · Mining · Sensitivity). Every
 * section is mounted once, into its own tab panel; the Fluent tablist shows one panel and hides the
 * others (it ties each tab to its panel by aria-controls), so a section keeps its state while the
 * user is in another. Arrow keys move between tabs, Tab goes into the panel (Fluent's focusgroup).
 */
import { byId } from "./dom";
import { dealSection } from "./sections/deal";
import { miningSection } from "./sections/mining";
import { portfolioSection } from "./sections/portfolio";
import { sensitivitySection } from "./sections/sensitivity";
import type { Section, SectionContext } from "./sections/types";

/** The sections in tab order. */
export const SECTIONS: readonly Section[] = [dealSection, portfolioSection, miningSection, sensitivitySection];

export function mountShell(ctx: SectionContext): void {
  for (const section of SECTIONS) {
    const panel = byId(ctx.doc, `panel-${section.id}`);
    section.mount(panel, ctx);
  }
  // The tablist may upgrade after this runs: it shows the active tab's panel itself, but until then only Deal shows.
  for (const section of SECTIONS.slice(1)) byId(ctx.doc, `panel-${section.id}`).hidden = true;
}
