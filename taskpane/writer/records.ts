/**
 * The deal sheets of the open workbook, from the records the inserts stored,
 * reconciled with the marker each deal sheet carries (a worksheet custom
 * property whose value is its record's key). Worksheet.id is unique only
 * within a session and may change on reopen or on another platform, so a
 * record is tied to the sheet that carries its key, never to an id alone:
 *
 * - a renamed sheet keeps its marker: still linked;
 * - a copied sheet carries its original's marker: the record stays with the
 *   original (the sheet with the recorded id, else the recorded name), the
 *   copy's marker is removed, and if the two cannot be told apart neither is
 *   linked, so Update never writes to the wrong one;
 * - a record whose key no sheet carries (its sheet was deleted) is removed.
 *
 * Records written before markers (no key) are matched by id, to a sheet
 * without a marker only.
 */
import type { CustomXmlPartLike, ExcelContextLike, WorksheetCustomPropertyLike, WorksheetLike } from "./excelLike";
import { DEAL_NAMESPACE, SHEET_MARKER, recordFromXml, recordToXml, type DealRecord } from "./metadata";

export interface DealSheet {
  readonly sheetId: string;
  /** The sheet's current name. */
  readonly sheet: string;
  readonly title: string;
  readonly presetId: string | null;
  /** The record, its id and name hints brought up to date. */
  readonly record: DealRecord;
  readonly part: CustomXmlPartLike;
}

interface Marked {
  readonly ws: WorksheetLike;
  readonly marker: WorksheetCustomPropertyLike;
}

/** Which of the sheets carrying a record's key is its own sheet: by id, else by name; undefined when unsure. */
function owner(record: DealRecord, carriers: readonly Marked[]): Marked | undefined {
  if (carriers.length === 1) return carriers[0];
  const byId = carriers.filter((c) => c.ws.id === record.sheetId);
  if (byId.length === 1) return byId[0];
  const byName = carriers.filter((c) => c.ws.name === record.sheetName);
  return byName.length === 1 ? byName[0] : undefined;
}

/**
 * Every deal sheet of the workbook, in the workbook's sheet order. Two syncs
 * of reads; a third, when there is something to tidy (records of deleted
 * sheets, copies' markers, stale id hints), whose failure is ignored.
 */
export async function findDealSheets(ctx: ExcelContextLike): Promise<DealSheet[]> {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/id,items/name");
  const parts = ctx.workbook.customXmlParts.getByNamespace(DEAL_NAMESPACE);
  parts.load("items/id");
  await ctx.sync();
  const xml = parts.items.map((part) => ({ part, xml: part.getXml() }));
  const marked: Marked[] = sheets.items.map((ws) => {
    const marker = ws.customProperties.getItemOrNullObject(SHEET_MARKER);
    marker.load("value");
    return { ws, marker };
  });
  await ctx.sync();

  let tidy = false;
  const linked = new Map<WorksheetLike, { record: DealRecord; part: CustomXmlPartLike }>();
  for (const { part, xml: x } of xml) {
    const record = recordFromXml(x.value);
    if (!record) continue;
    if (record.key === undefined) {
      const ws = marked.find((m) => m.marker.isNullObject && m.ws.id === record.sheetId)?.ws;
      if (ws && !linked.has(ws)) linked.set(ws, { record, part });
      continue;
    }
    const carriers = marked.filter((m) => !m.marker.isNullObject && m.marker.value === record.key);
    if (carriers.length === 0) {
      part.delete();
      tidy = true;
      continue;
    }
    const own = owner(record, carriers);
    if (!own || linked.has(own.ws)) continue;
    for (const c of carriers) {
      if (c === own) continue;
      c.marker.delete();
      tidy = true;
    }
    const current: DealRecord = { ...record, sheetId: own.ws.id, sheetName: own.ws.name };
    if (record.sheetId !== own.ws.id || record.sheetName !== own.ws.name) {
      part.setXml(recordToXml(current));
      tidy = true;
    }
    linked.set(own.ws, { record: current, part });
  }
  if (tidy) {
    try {
      await ctx.sync();
    } catch {
      // Tidying is for next time; the list below is right either way.
    }
  }

  const found: DealSheet[] = [];
  for (const { ws } of marked) {
    const hit = linked.get(ws);
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
