/**
 * Deal: the terms of one deal, its figures, its files, and inserting it as a live model. The
 * view-model is ui/dealModel.ts (no DOM, tested in test/taskpane/dealModel.test.ts); the DOM code is
 * ui/app.ts, over the markup of #panel-deal in taskpane.html.
 */
import { DealPane } from "../app";
import type { Section, SectionContext } from "./types";

/** The Deal section's DOM code once mounted (the page's tests and benchmarks reach it through startPane). */
let mounted: DealPane | null = null;

export const dealSection: Section & { pane(): DealPane | null } = {
  id: "deal",
  mount(panel: HTMLElement, ctx: SectionContext) {
    mounted = new DealPane(panel, ctx.backend, ctx.fmt);
    mounted.mount();
  },
  pane: () => mounted,
};
