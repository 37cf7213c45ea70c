/**
 * Mining: a site's hosting deal against mining bitcoin with the same power. Not built yet: the view
 * says what it will hold. To build it, replace miningView() with a view-model over core's mining
 * comparison (no DOM; test it in test/taskpane/) and mount() with the DOM code that renders it.
 */
import { renderPlanned } from "./planned";
import type { PlannedSectionView, Section } from "./types";

export function miningView(): PlannedSectionView {
  return {
    heading: "Mining comparison",
    summary: "What the same megawatts would earn mining bitcoin instead of hosting the deal.",
    holds: [
      "Your mining assumptions: hash price, fleet efficiency, power cost and uptime.",
      "Monthly mining margin beside the deal's net fee, over the deal's term.",
      "The difference in present value, and the hash price at which the two break even.",
    ],
    meanwhile: "Until then, model the hosting side in the Deal tab.",
  };
}

export const miningSection: Section = {
  id: "mining",
  mount(panel) {
    renderPlanned(panel, miningView());
  },
};
