import { documentCitation, type Provenance } from "../presets";

/** The documents a provenance rests on, cited with their addresses, joined by "; ". */
function citations(p: Provenance): string {
  return (p.documents ?? []).map(documentCitation).join("; ");
}

/**
 * A figure's provenance as one line for the sheet and the pane:
 * "Reported (documents, with addresses): note" or
 * "Assumed: reason (from: documents; source: named source)".
 */
export function provenanceText(p: Provenance | undefined): string {
  if (!p) return "";
  if (p.status === "reported") return p.note ? `Reported (${citations(p)}): ${p.note}` : `Reported (${citations(p)}).`;
  const from = [
    ...(p.documents ? [`from: ${citations(p)}`] : []),
    ...(p.source !== undefined ? [`source: ${p.source}`] : []),
  ];
  return from.length > 0 ? `Assumed: ${p.reason} (${from.join("; ")})` : `Assumed: ${p.reason}`;
}

/** Joins a layout note and a provenance line into one cell's text; null when both are empty. */
export function noteText(...parts: readonly string[]): string | null {
  const text = parts.filter((s) => s.length > 0).join(" ");
  return text.length > 0 ? text : null;
}
