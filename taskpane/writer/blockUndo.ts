/**
 * The undo of a block written onto an existing sheet (the mining block):
 * before the block is written, what it will change is read (the number
 * formats of its areas, the fill, font and wrapping of the cells it styles,
 * the input prompts of the cells it prompts, the widths of its columns);
 * after a failed write, exactly that is put back and the cells it wrote are
 * emptied of their contents only. `Range.clear("All")` would also drop the
 * formats a user had put on cells that looked empty, so it is not used.
 * Fill, font and wrapping go through getCellProperties / setCellProperties
 * (ExcelApi 1.9), a prompt through dataValidation (1.8), widths through
 * format.columnWidth (1.1): within the manifest's ExcelApi 1.12.
 */
import { columnLetter, parseCell, type PlanCell, type PlanColumn, type PlanRange } from "../../src/plan";
import type { CellPropertiesLike, ClientResultLike, RangeLike, WorksheetLike } from "./excelLike";

/** What a block writes, as the undo needs it. */
export interface BlockWrites {
  readonly cells: readonly PlanCell[];
  readonly ranges: readonly PlanRange[];
  readonly columns: readonly PlanColumn[];
  /** The A1 areas the block lies in (every cell and range of it is inside one). */
  readonly areas: readonly string[];
}

interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

function boxOf(ref: string): Box {
  const [a, b = a] = ref.split(":");
  const from = parseCell(a);
  const to = parseCell(b);
  if (!from || !to) throw new RangeError(`not an A1 range: ${ref}`);
  return { top: from.row, left: from.column, bottom: to.row, right: to.column };
}

const refOf = (b: Box) => `${columnLetter(b.left)}${b.top}:${columnLetter(b.right)}${b.bottom}`;
const inside = (inner: Box, outer: Box) =>
  inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;

function union(boxes: readonly Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  return {
    top: Math.min(...boxes.map((b) => b.top)),
    left: Math.min(...boxes.map((b) => b.left)),
    bottom: Math.max(...boxes.map((b) => b.bottom)),
    right: Math.max(...boxes.map((b) => b.right)),
  };
}

/** What a block's write will change, as it was before: from `readBlock`, read after its sync. */
export interface BlockBefore {
  readonly numberFormats: readonly { readonly ref: string; readonly range: RangeLike }[];
  readonly looks: readonly { readonly ref: string; readonly props: ClientResultLike<CellPropertiesLike[][]> }[];
  readonly prompts: readonly { readonly ref: string; readonly range: RangeLike }[];
  readonly widths: readonly { readonly column: string; readonly range: RangeLike }[];
  readonly written: readonly string[];
}

/**
 * Queues the reads of what the block's write will change (nothing is sent).
 * Throws when a cell or range of the block lies outside its areas: the undo
 * would not cover it.
 */
export function readBlock(sheet: WorksheetLike, block: BlockWrites): BlockBefore {
  const areas = block.areas.map(boxOf);
  const areaOf = (ref: string) => {
    const b = boxOf(ref);
    const i = areas.findIndex((a) => inside(b, a));
    if (i < 0) throw new RangeError(`the block writes ${ref}, outside its areas ${block.areas.join(", ")}`);
    return { box: b, area: i };
  };
  // Fill, font and wrapping: over the box of the styled cells and ranges of each area.
  const styled: Box[][] = areas.map(() => []);
  for (const c of block.cells) {
    const { box, area } = areaOf(c.ref);
    if (c.style) styled[area].push(box);
  }
  for (const r of block.ranges) {
    const { box, area } = areaOf(r.ref);
    if (r.style || r.wrap) styled[area].push(box);
    if (r.merge) throw new RangeError(`the block merges ${r.ref}: its undo does not unmerge`);
  }
  const props = {
    format: {
      fill: { color: true, pattern: true },
      font: { color: true, bold: true, italic: true, size: true },
      wrapText: true,
    },
  };
  const looks = styled.flatMap((boxes) => {
    const b = union(boxes);
    if (!b) return [];
    const ref = refOf(b);
    return [{ ref, props: sheet.getRange(ref).getCellProperties(props) }];
  });
  const numberFormats = block.areas.map((ref) => {
    const range = sheet.getRange(ref);
    range.load("numberFormat");
    return { ref, range };
  });
  const prompts = block.cells
    .filter((c) => c.help !== undefined || (c.choices !== undefined && c.choices.length > 0))
    .map((c) => {
      const range = sheet.getRange(c.ref);
      range.load("dataValidation/type,dataValidation/prompt");
      return { ref: c.ref, range };
    });
  const widths = block.columns.map((c) => {
    const range = sheet.getRange(`${c.column}:${c.column}`);
    range.load("format/columnWidth");
    return { column: c.column, range };
  });
  return { numberFormats, looks, prompts, widths, written: block.cells.map((c) => c.ref) };
}

/**
 * Queues the undo of a block's write over what `readBlock` read (synced):
 * contents of the cells written removed (they were empty), number formats,
 * fill, font, wrapping, prompts and column widths as they were.
 */
export function undoBlock(sheet: WorksheetLike, before: BlockBefore): void {
  for (const ref of before.written) sheet.getRange(ref).clear("Contents");
  for (const { ref, range } of before.numberFormats) sheet.getRange(ref).numberFormat = range.numberFormat;
  for (const { ref, props } of before.looks) {
    const range = sheet.getRange(ref);
    // No fill is not a colour to set: clear every fill, then give back the ones there were.
    range.format.fill.clear();
    range.setCellProperties(
      props.value.map((row) =>
        row.map((p) => {
          const fill = p.format?.fill;
          return {
            format: {
              font: p.format?.font,
              wrapText: p.format?.wrapText,
              ...(fill && fill.pattern !== "None" ? { fill } : {}),
            },
          };
        }),
      ),
    );
  }
  for (const { ref, range } of before.prompts) {
    const cell = sheet.getRange(ref);
    const prompt = range.dataValidation.prompt as { showPrompt?: boolean } | undefined;
    // A cell with neither a rule nor a shown prompt had no validation: remove the one written.
    if (range.dataValidation.type === "None" && !prompt?.showPrompt) cell.dataValidation.clear();
    else cell.dataValidation.prompt = range.dataValidation.prompt;
  }
  for (const { column, range } of before.widths) {
    // null: the column's cells differ in width (cannot be for a whole column); leave it.
    if (typeof range.format.columnWidth === "number") {
      sheet.getRange(`${column}:${column}`).format.columnWidth = range.format.columnWidth;
    }
  }
}
