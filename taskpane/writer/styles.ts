/**
 * How the Office.js writer dresses the plan's cell styles. Inputs use the
 * colours of Excel's built-in "Input" style (fill #FFCC99, font #3F3F76) and
 * outputs those of "Output", set explicitly: built-in style names are
 * localized, explicit colours are not.
 */
import type { CellStyle } from "../../src/plan";
import type { RangeLike } from "./excelLike";

interface Dressing {
  readonly fill?: string;
  readonly font?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
}

export const DRESSING: Readonly<Record<Exclude<CellStyle, "plain">, Dressing>> = {
  title: { bold: true, size: 16, font: "#1F3864" },
  subtitle: { italic: true, font: "#404040" },
  note: { italic: true, font: "#595959" },
  header: { bold: true, fill: "#DDEBF7", font: "#1F3864" },
  label: { font: "#000000" },
  input: { fill: "#FFCC99", font: "#3F3F76" },
  output: { bold: true, fill: "#F2F2F2", font: "#3F3F3F" },
  provenance: { font: "#595959", size: 9 },
};

/** Applies a plan style to a range; "plain" clears the fill and resets the font. */
export function applyStyle(range: RangeLike, style: CellStyle): void {
  const font = range.format.font;
  if (style === "plain") {
    range.format.fill.clear();
    font.color = "#000000";
    font.bold = false;
    font.italic = false;
    return;
  }
  const d = DRESSING[style];
  if (d.fill) range.format.fill.color = d.fill;
  if (d.font) font.color = d.font;
  if (d.bold !== undefined) font.bold = d.bold;
  if (d.italic !== undefined) font.italic = d.italic;
  if (d.size !== undefined) font.size = d.size;
}

/** Excel's column width is in characters of the default font; Office.js sets it in points (Calibri 11: 7 px a digit + 5 px padding). */
export function charactersToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}
