/** The DOM for a section that is not built yet: its heading, what it will hold, what to use meanwhile. */
import { fill, h } from "../dom";
import type { PlannedSectionView } from "./types";

export function renderPlanned(panel: HTMLElement, view: PlannedSectionView): void {
  const doc = panel.ownerDocument;
  const headingId = `${panel.id}-heading`;
  fill(
    panel,
    h(doc, "h2", { id: headingId }, view.heading),
    h(doc, "p", {}, view.summary),
    h(doc, "p", { class: "hint" }, "This section will hold:"),
    h(doc, "ul", { class: "plain-list" }, ...view.holds.map((t) => h(doc, "li", {}, t))),
    h(doc, "p", { class: "hint" }, view.meanwhile),
  );
}
