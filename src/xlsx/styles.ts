/** How the xlsx export dresses the plan's cell styles (src/plan/styles.ts), in exceljs's terms. */
import type { Fill, Font } from "exceljs";
import { STYLE_DRESSING, type CellStyle } from "../plan";

const DEFAULT_FONT = Object.freeze({ name: "Calibri", size: 11 });

export interface XlsxStyle {
  readonly font: Partial<Font>;
  readonly fill?: Fill;
}

/** The exceljs font and fill of a plan style. */
export function xlsxStyle(style: CellStyle): XlsxStyle {
  const d = STYLE_DRESSING[style];
  const font: Partial<Font> = {
    ...DEFAULT_FONT,
    ...(d.size ? { size: d.size } : {}),
    ...(d.bold ? { bold: true } : {}),
    ...(d.italic ? { italic: true } : {}),
    color: { argb: `FF${d.font}` },
  };
  const fill: Fill | undefined = d.fill
    ? { type: "pattern", pattern: "solid", fgColor: { argb: `FF${d.fill}` } }
    : undefined;
  return fill ? { font, fill } : { font };
}
