/**
 * How the xlsx export dresses the plan's cell styles: the same colours as the
 * pane's Office.js writer (taskpane/writer/styles.ts, Excel's built-in
 * "Input" and "Output" colours set explicitly), in exceljs's terms.
 */
import type { Fill, Font } from "exceljs";
import type { CellStyle } from "../plan";

interface Dressing {
  readonly fill?: string;
  readonly font: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
}

const DEFAULT_FONT = Object.freeze({ name: "Calibri", size: 11 });

const DRESSING: Readonly<Record<CellStyle, Dressing>> = {
  title: { bold: true, size: 16, font: "1F3864" },
  subtitle: { italic: true, font: "404040" },
  note: { italic: true, font: "595959" },
  header: { bold: true, fill: "DDEBF7", font: "1F3864" },
  label: { font: "000000" },
  input: { fill: "FFCC99", font: "3F3F76" },
  output: { bold: true, fill: "F2F2F2", font: "3F3F3F" },
  provenance: { font: "595959", size: 9 },
  plain: { font: "000000" },
};

export interface XlsxStyle {
  readonly font: Partial<Font>;
  readonly fill?: Fill;
}

/** The exceljs font and fill of a plan style. */
export function xlsxStyle(style: CellStyle): XlsxStyle {
  const d = DRESSING[style];
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
