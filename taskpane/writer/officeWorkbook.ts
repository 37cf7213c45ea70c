/**
 * The deal-sheet service's workbook over Office.js (or a recorder of its
 * batches): records in custom XML parts, sheets found by their marker, an
 * update's writes, chart and record in one batch.
 */
import { columnLetter, parseCell, type SheetLayout } from "../../src/plan";
import { updateArea, writeCell } from "./cells";
import { chartName, retargetChart } from "./chart";
import type { DealWorkbook, StoredDealSheet } from "./dealSheets";
import type { ChartLike, CustomXmlPartLike, ExcelContextLike, WorksheetLike } from "./excelLike";
import { insertPlan } from "./insert";
import { recordToXml, type DealRecord } from "./metadata";
import { existingNames, findDealSheets } from "./records";

interface OfficeDealSheet extends StoredDealSheet {
  readonly record: DealRecord;
  readonly part: CustomXmlPartLike;
  readonly ws: WorksheetLike;
  /** The sheet's chart, loaded with the area (null object when a user deleted it). */
  chart?: ChartLike & { readonly isNullObject: boolean };
}

/** The rectangle holding every cell of the update area: one load. */
function areaBox(layout: SheetLayout): { ref: string; top: number; left: number } {
  const cells = updateArea(layout)
    .map((r) => parseCell(r))
    .filter((c) => c !== undefined);
  const top = Math.min(...cells.map((c) => c.row));
  const bottom = Math.max(...cells.map((c) => c.row));
  const left = Math.min(...cells.map((c) => c.column));
  const right = Math.max(...cells.map((c) => c.column));
  return { ref: `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`, top, left };
}

export function officeWorkbook(ctx: ExcelContextLike): DealWorkbook<OfficeDealSheet> {
  return {
    existingNames: () => existingNames(ctx),
    insertPlan: (plan) => insertPlan(ctx, plan),

    findDealSheet: async (sheetId) => {
      const found = (await findDealSheets(ctx)).find((d) => d.sheetId === sheetId);
      if (!found) return undefined;
      return {
        sheetId: found.sheetId,
        sheet: found.sheet,
        deal: found.record.deal,
        written: found.record.written,
        record: found.record,
        part: found.part,
        ws: ctx.workbook.worksheets.getItemOrNullObject(sheetId),
      };
    },

    // The values and the chart in one sync.
    readArea: async (found) => {
      const chart = found.ws.charts.getItemOrNullObject(chartName(found.deal.prefix));
      chart.load("name");
      found.chart = chart;
      const box = areaBox(found.deal.layout);
      const range = found.ws.getRange(box.ref);
      range.load("values");
      await ctx.sync();
      const values = range.values;
      return (ref: string) => {
        const c = parseCell(ref);
        return c ? values[c.row - box.top]?.[c.column - box.left] : undefined;
      };
    },

    // One batch: the cells, the chart's ranges, the record.
    writeUpdate: async (found, cells, charts, written) => {
      for (const cell of cells) writeCell(found.ws, cell, { validation: false });
      if (found.chart && !found.chart.isNullObject) for (const c of charts) retargetChart(found.ws, found.chart, c);
      found.part.setXml(recordToXml({ ...found.record, written }));
      await ctx.sync();
    },

    afterFailedUpdate: "Some cells of the terms block may have been written: check the sheet, or load its terms again.",
  };
}
