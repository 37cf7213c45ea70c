/**
 * Sensitivity: how the deal's figures move with its terms. Not built yet: the view says what it will
 * hold. To build it, replace sensitivityView() with a view-model over core's sensitivity tables
 * (no DOM; test it in test/taskpane/) and mount() with the DOM code that renders it (each table
 * with a caption and header cells, so it reads as text too).
 */
import { renderPlanned } from "./planned";
import type { PlannedSectionView, Section } from "./types";

export function sensitivityView(): PlannedSectionView {
  return {
    heading: "Sensitivity",
    summary: "How the deal's value moves when one or two of its terms change.",
    holds: [
      "Tables of NPV against the discount rate, the fee per kW-month and the escalator.",
      "A choice of the two terms to vary and the range of each.",
      "Each table inserted into the workbook as live formulas.",
    ],
    meanwhile: "Until then, change a term in the Deal tab and watch its figures.",
  };
}

export const sensitivitySection: Section = {
  id: "sensitivity",
  mount(panel) {
    renderPlanned(panel, sensitivityView());
  },
};
