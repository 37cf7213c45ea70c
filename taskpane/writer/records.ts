/**
 * The deal sheets of the open workbook, from the records the inserts stored:
 * a record counts when a worksheet with its id still exists (by id, so a
 * renamed sheet is still found; a deleted sheet's record is ignored).
 */
import type { CustomXmlPartLike, ExcelContextLike } from "./excelLike";
import { DEAL_NAMESPACE, recordFromXml, type DealRecord } from "./metadata";

export interface DealSheet {
  readonly sheetId: string;
  /** The sheet's current name. */
  readonly sheet: string;
  readonly title: string;
  readonly presetId: string | null;
  readonly record: DealRecord;
  readonly part: CustomXmlPartLike;
}

/** Every deal sheet of the workbook, in the workbook's sheet order. Two syncs, reads only. */
export async function findDealSheets(ctx: ExcelContextLike): Promise<DealSheet[]> {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/id,items/name");
  const parts = ctx.workbook.customXmlParts.getByNamespace(DEAL_NAMESPACE);
  parts.load("items/id");
  await ctx.sync();
  const xml = parts.items.map((part) => ({ part, xml: part.getXml() }));
  await ctx.sync();
  const records = new Map<string, { record: DealRecord; part: CustomXmlPartLike }>();
  for (const { part, xml: x } of xml) {
    const record = recordFromXml(x.value);
    // A sheet copied with its workbook keeps one record; should two name one sheet, the later wins.
    if (record) records.set(record.sheetId, { record, part });
  }
  const found: DealSheet[] = [];
  for (const ws of sheets.items) {
    const hit = records.get(ws.id);
    if (hit) {
      found.push({
        sheetId: ws.id,
        sheet: ws.name,
        title: hit.record.deal.title,
        presetId: hit.record.deal.presetId,
        record: hit.record,
        part: hit.part,
      });
    }
  }
  return found;
}

/** The workbook's sheet names and defined names: what a new plan must not reuse. One sync. */
export async function existingNames(ctx: ExcelContextLike): Promise<{ sheets: string[]; names: string[] }> {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name");
  const names = ctx.workbook.names;
  names.load("items/name");
  await ctx.sync();
  return { sheets: sheets.items.map((s) => s.name), names: names.items.map((n) => n.name) };
}
