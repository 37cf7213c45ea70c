/**
 * The deal-sheet service's workbook over Office.js (or a recorder of its
 * batches): records in custom XML parts, sheets found by their marker, an
 * update's writes, chart and record in one batch.
 */
import { columnLetter, parseCell, type ChartRole, type SheetLayout } from "../../src/plan";
import { updateArea, writeCell } from "./cells";
import { addChart, chartName, removeChartsNotIn, retargetChart } from "./chart";
import type { DealWorkbook, StoredDealSheet } from "./dealSheets";
import type { ChartLike, CustomXmlPartLike, ExcelContextLike, WorksheetLike } from "./excelLike";
import { insertPlan, queueCells } from "./insert";
import { readBlock, undoBlock } from "./blockUndo";
import { describeError } from "./errors";
import { recordToXml, type DealRecord } from "./metadata";
import { existingNames, findDealSheets } from "./records";

interface OfficeDealSheet extends StoredDealSheet {
  readonly record: DealRecord;
  readonly part: CustomXmlPartLike;
  readonly ws: WorksheetLike;
  /** The sheet's charts by role, loaded with the area (null objects when a user deleted them). */
  charts?: Map<ChartRole, ChartLike & { readonly isNullObject: boolean }>;
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

    // The values and the charts in one sync.
    readArea: async (found) => {
      const roles: ChartRole[] = found.deal.layout.mining ? ["schedule", "mining"] : ["schedule"];
      found.charts = new Map(
        roles.map((role) => {
          const chart = found.ws.charts.getItemOrNullObject(chartName(found.deal.prefix, role));
          chart.load("name");
          return [role, chart];
        }),
      );
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

    // One batch: the cells, the charts' ranges, the record.
    writeUpdate: async (found, cells, charts, written) => {
      for (const cell of cells) writeCell(found.ws, cell, { validation: false });
      for (const c of charts) {
        const chart = found.charts?.get(c.role ?? "schedule");
        if (chart && !chart.isNullObject) retargetChart(found.ws, chart, c);
      }
      found.part.setXml(recordToXml({ ...found.record, written }));
      await ctx.sync();
    },

    afterFailedUpdate: "Some cells of the terms block may have been written: check the sheet, or load its terms again.",

    // One load of every area, one sync. Both what the cells hold and what they show: a formula that
    // shows "" (=IF(…,"",…)) holds something, and a cell a user's dynamic array spills into holds
    // nothing (its formula is "") but shows the spill, which the block's own spill would #SPILL! over.
    readAreas: async (found, refs) => {
      const loaded = refs.map((ref) => {
        const range = found.ws.getRange(ref);
        range.load("formulas,values");
        const top = parseCell(ref.split(":")[0]);
        return { range, top: top?.row ?? 0, left: top?.column ?? 0, ref };
      });
      await ctx.sync();
      return (ref: string) => {
        const c = parseCell(ref);
        if (!c) return undefined;
        for (const a of loaded) {
          const at = (grid: unknown[][]) => grid[c.row - a.top]?.[c.column - a.left];
          const held = at(a.range.formulas);
          if (held === undefined) continue;
          return held === "" || held === null ? at(a.range.values) : held;
        }
        return undefined;
      };
    },

    // First (one sync, reads only) the block's chart name, free or not, and what the block will
    // change. Then one batch: names, formats, cells and the record; on failure exactly that is
    // undone (see blockUndo.ts). Then the chart, on its own: a half-made one is removed.
    writeAddition: async (found, addition, written) => {
      const name = chartName(addition.deal.prefix, "mining");
      const taken = found.ws.charts.getItemOrNullObject(name);
      taken.load("name");
      found.ws.charts.load("items/id");
      const before = readBlock(found.ws, addition);
      await ctx.sync();
      const chartsBefore = new Set(found.ws.charts.items.map((c) => c.id));
      if (!taken.isNullObject) {
        return {
          status: "refused",
          reason: `Not added: "${found.sheet}" already has a chart named ${name}. Rename or delete it, then add the block again.`,
        };
      }
      try {
        queueCells(found.ws, ctx, addition);
        found.part.setXml(recordToXml({ ...found.record, deal: addition.deal, written }));
        await ctx.sync();
      } catch (e) {
        const reason = describeError(e);
        try {
          const names = addition.names.map((n) => ctx.workbook.names.getItemOrNullObject(n.name));
          for (const n of names) n.load("name");
          await ctx.sync();
          for (const n of names) if (!n.isNullObject) n.delete();
          undoBlock(found.ws, before);
          found.part.setXml(recordToXml(found.record));
          await ctx.sync();
        } catch (cleanup) {
          return {
            status: "failed",
            reason: `The mining block could not be added (${reason}), and the clean-up failed: ${describeError(cleanup)}. Check ${addition.areas.join(" and ")}.`,
          };
        }
        return {
          status: "failed",
          reason: `The mining block could not be added: ${reason}. Nothing was left on the sheet.`,
        };
      }
      try {
        await addChart(ctx, found.ws, addition.chart, name);
      } catch (e) {
        // What the failed chart left (made in its first sync, named or not) is removed.
        const left = await removeChartsNotIn(ctx, found.ws, chartsBefore);
        return {
          status: "added",
          sheet: found.sheet,
          warning:
            `Added the mining block to "${found.sheet}", but its chart could not be added (${describeError(e)}); to draw ` +
            `it, insert a line chart of ${addition.chart.series.map((s) => s.name).join(", ")} over ${addition.chart.categories}.` +
            (left ? ` A part-made chart may be left on the sheet (${left}): delete it.` : ""),
        };
      }
      return { status: "added", sheet: found.sheet };
    },
  };
}
