/**
 * What an insert records in the workbook so that the pane finds its deal
 * sheets again after save and reopen: one custom XML part per deal sheet,
 * keyed by the worksheet's id (which survives a rename), holding the plan's
 * `deal` info and the values the add-in wrote into the terms block and the
 * tranches table (so that an update can tell what a user has edited since).
 *
 * The payload is JSON in one element's text. Reading it back needs no XML
 * parser: Excel may re-serialize the part (a declaration, other quoting), but
 * the text of an element that holds no markup survives as text.
 */
import type { CellValue, DealSheetInfo } from "../../src/plan";

export const DEAL_NAMESPACE = "urn:hpc-hosting-deals:v1";

/**
 * The worksheet custom property (ExcelApi 1.12) that marks a deal sheet: its
 * value is the record's key. It lives in the sheet itself, so it survives a
 * rename, a save and a reopen on any platform (Worksheet.id need not), and it
 * is copied with the sheet (so a copy is told apart from its original).
 */
export const SHEET_MARKER = "HpcDealSheet";

/** A new record key: a random GUID. */
export function newRecordKey(random: () => number = Math.random): string {
  const c = globalThis.crypto as { randomUUID?: () => string } | undefined;
  if (c?.randomUUID) return c.randomUUID();
  return "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g, (ch) => {
    const r = Math.floor(random() * 16);
    return (ch === "x" ? r : (r & 3) | 8).toString(16);
  });
}

/** One deal sheet's record. */
export interface DealRecord {
  /** The value of the sheet's marker (SHEET_MARKER); absent in records written before markers. */
  readonly key?: string;
  /** The sheet's id when the record was last written: a hint only (ids change between sessions). */
  readonly sheetId: string;
  /** The sheet's name when the record was last written: a hint only, to tell an original from its copy. */
  readonly sheetName?: string;
  readonly deal: DealSheetInfo;
  /** A1 ref → the value the add-in last wrote there (null: an empty cell). */
  readonly written: Readonly<Record<string, CellValue>>;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, code: string) => {
    if (code.startsWith("#x")) return String.fromCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith("#")) return String.fromCodePoint(parseInt(code.slice(1), 10));
    return ENTITIES[code] ?? whole;
  });
}

/** The custom XML part for a record. */
export function recordToXml(record: DealRecord): string {
  const json = JSON.stringify({
    key: record.key,
    sheetId: record.sheetId,
    sheetName: record.sheetName,
    deal: record.deal,
    written: record.written,
  });
  return `<?xml version="1.0" encoding="UTF-8"?><hpcDealSheet xmlns="${DEAL_NAMESPACE}" version="1"><payload>${escapeXml(json)}</payload></hpcDealSheet>`;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function isCellValue(x: unknown): x is CellValue {
  return x === null || typeof x === "string" || typeof x === "number" || typeof x === "boolean";
}

/** A stored record, or null when the XML is not one this add-in wrote (or is damaged). */
export function recordFromXml(xml: string): DealRecord | null {
  const m = /<(?:[\w.-]+:)?payload(?:\s[^>]*)?>([^<]*)<\/(?:[\w.-]+:)?payload>/.exec(xml);
  if (!m) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(unescapeXml(m[1]));
  } catch {
    return null;
  }
  if (!isObject(parsed) || typeof parsed.sheetId !== "string" || !isObject(parsed.deal) || !isObject(parsed.written)) {
    return null;
  }
  const deal = parsed.deal;
  if (deal.kind !== "hpc-deal-sheet" || deal.version !== 1 || !isObject(deal.layout)) return null;
  const written: Record<string, CellValue> = Object.create(null);
  for (const [ref, value] of Object.entries(parsed.written)) {
    if (/^[A-Z]{1,3}\d{1,7}$/.test(ref) && isCellValue(value)) written[ref] = value;
  }
  return {
    ...(typeof parsed.key === "string" && parsed.key ? { key: parsed.key } : {}),
    sheetId: parsed.sheetId,
    ...(typeof parsed.sheetName === "string" ? { sheetName: parsed.sheetName } : {}),
    deal: deal as unknown as DealSheetInfo,
    written,
  };
}
