import type { CellStyle } from "./types";

/** How a plan style looks: colours as RRGGBB hex. */
export interface StyleDressing {
  readonly fill?: string;
  readonly font: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
}

/**
 * The one table of how the plan's cell styles look, for every writer (the
 * pane's Office.js writer, the xlsx export). Inputs use the colours of
 * Excel's built-in "Input" style and outputs those of "Output", set
 * explicitly: built-in style names are localized, explicit colours are not.
 */
export const STYLE_DRESSING: Readonly<Record<CellStyle, StyleDressing>> = Object.freeze({
  title: { bold: true, size: 16, font: "1F3864" },
  subtitle: { italic: true, font: "404040" },
  note: { italic: true, font: "595959" },
  header: { bold: true, fill: "DDEBF7", font: "1F3864" },
  label: { font: "000000" },
  input: { fill: "FFCC99", font: "3F3F76" },
  output: { bold: true, fill: "F2F2F2", font: "3F3F3F" },
  provenance: { font: "595959", size: 9 },
  plain: { font: "000000" },
});
