/**
 * What a user typed into an input cell of the preview's grid, read as Excel
 * reads an entry into a cell of that format: a date typed as YYYY-MM-DD in a
 * date cell becomes its serial, "3%" becomes 0.03, "1,234.5" and "$121.53"
 * numbers, "=…" a formula, anything else text (always text under "@").
 * Pure: no DOM, no engine.
 */
import { parseIsoDate, toExcelSerial } from "../src/core";

export type CellEntry =
  | { readonly kind: "empty" }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "text"; readonly value: string }
  | { readonly kind: "formula"; readonly value: string };

const NUMBER = /^[-+]?\$?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

function number(text: string): number | undefined {
  const t = text.replace(/\s+/g, "");
  if (!/\d/.test(t) || !NUMBER.test(t)) return undefined;
  const n = Number(t.replace(/[$,]/g, ""));
  return Number.isFinite(n) ? n : undefined;
}

/** Reads a typed entry for a cell with the number format `format` (undefined: General). */
export function parseEntry(typed: string, format?: string): CellEntry {
  const text = typed.trim();
  if (text === "") return { kind: "empty" };
  if (format === "@") return { kind: "text", value: typed };
  if (text.startsWith("=") && text.length > 1) return { kind: "formula", value: text };
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const date = parseIsoDate(text);
    return date ? { kind: "number", value: toExcelSerial(date) } : { kind: "text", value: text };
  }
  if (text.endsWith("%")) {
    const n = number(text.slice(0, -1));
    if (n !== undefined) return { kind: "number", value: Number((n / 100).toPrecision(15)) };
  }
  const n = number(text);
  if (n !== undefined) return { kind: "number", value: n };
  if (/^(true|false)$/i.test(text)) return { kind: "boolean", value: text.toLowerCase() === "true" };
  return { kind: "text", value: text };
}
