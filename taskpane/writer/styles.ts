/** How the Office.js writer dresses the plan's cell styles (the colours are src/plan/styles.ts). */
import { STYLE_DRESSING, type CellStyle } from "../../src/plan";
import type { RangeLike } from "./excelLike";

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
  const d = STYLE_DRESSING[style];
  if (d.fill) range.format.fill.color = `#${d.fill}`;
  font.color = `#${d.font}`;
  if (d.bold !== undefined) font.bold = d.bold;
  if (d.italic !== undefined) font.italic = d.italic;
  if (d.size !== undefined) font.size = d.size;
}

/** Excel's column width is in characters of the default font; Office.js sets it in points (Calibri 11: 7 px a digit + 5 px padding). */
export function charactersToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}
