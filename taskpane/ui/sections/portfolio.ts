/**
 * Portfolio: every deal sheet of the workbook side by side. Not built yet: the view says what it
 * will hold. To build it, replace portfolioView() with a view-model over the backend's deal sheets
 * (no DOM; test it in test/taskpane/) and mount() with the DOM code that renders it.
 */
import { renderPlanned } from "./planned";
import type { PlannedSectionView, Section } from "./types";

export function portfolioView(): PlannedSectionView {
  return {
    heading: "Portfolio",
    summary: "The deals inserted in this workbook, side by side.",
    holds: [
      "One row per deal sheet: capacity, term, contract value, prepayment and NPV.",
      "Totals across the deals, in MW and in dollars.",
      "A way to open any deal's terms in the Deal tab.",
    ],
    meanwhile: "Until then, the Deal tab lists the deal sheets of this workbook and loads their terms.",
  };
}

export const portfolioSection: Section = {
  id: "portfolio",
  mount(panel) {
    renderPlanned(panel, portfolioView());
  },
};
