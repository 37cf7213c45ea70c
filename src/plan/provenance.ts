import type { Provenance } from "../presets";

/** A figure's provenance as one line for the sheet: "Reported (source): note" or "Assumed: reason (source: …)". */
export function provenanceText(p: Provenance | undefined): string {
  if (!p) return "";
  if (p.status === "reported") return p.note ? `Reported (${p.source}): ${p.note}` : `Reported (${p.source}).`;
  return p.source ? `Assumed: ${p.reason} (source: ${p.source})` : `Assumed: ${p.reason}`;
}

/** Joins a layout note and a provenance line into one cell's text; null when both are empty. */
export function noteText(...parts: readonly string[]): string | null {
  const text = parts.filter((s) => s.length > 0).join(" ");
  return text.length > 0 ? text : null;
}
