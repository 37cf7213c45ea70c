/**
 * The package parts exceljs cannot write, as Excel writes them (verbatim
 * shapes from an Excel-saved workbook, docs/research/xlsx-addin-parts.md
 * §1.4, §2.1–2.4), and the small edits that wire them in. Pure string
 * functions: the zip handling is in `postprocess.ts`.
 */
import type { StoreReference } from "./addin";

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Excel 365's calculation engine id: a file with a lower calcId is fully recalculated on open (§1.6). */
export const EXCEL_CALC_ID = 191029;

export const METADATA_PATH = "xl/metadata.xml";
export const WEBEXTENSION_PATH = "xl/webextensions/webextension1.xml";
export const TASKPANES_PATH = "xl/webextensions/taskpanes.xml";
export const TASKPANES_RELS_PATH = "xl/webextensions/_rels/taskpanes.xml.rels";

export const REL = Object.freeze({
  sheetMetadata: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata",
  webextensionTaskpanes: "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes",
  webextension: "http://schemas.microsoft.com/office/2011/relationships/webextension",
});

export const CONTENT_TYPE = Object.freeze({
  sheetMetadata: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml",
  webextensionTaskpanes: "application/vnd.ms-office.webextensiontaskpanes+xml",
  webextension: "application/vnd.ms-office.webextension+xml",
});

/** The document setting that opens the add-in's pane (and so its shared runtime) with the workbook (§3). */
export const AUTO_SHOW_TASKPANE = "Office.AutoShowTaskpaneWithDocument";

/** One dynamic-array cell-metadata block: `cm="1"` on a cell points at it (§1.4, byte for byte as Excel writes it). */
export const METADATA_XML =
  DECLARATION +
  '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xlrd="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>' +
  '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>';

function escapeAttr(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * The web extension: the add-in by its manifest id and version as a
 * sideloaded/registry add-in (`store="developer" storeType="Registry"`, what
 * Excel wrote), the auto-open setting, and the custom functions the sheet
 * uses (Excel's `customFunctionIdList` extension). Children in the schema's
 * order: reference, alternateReferences, properties, bindings, snapshot, extLst.
 */
export function webextensionXml(reference: StoreReference, instanceId: string, functionIds: readonly string[]): string {
  const ids = functionIds.map((id) => `<we:customFunctionIds>${escapeAttr(id)}</we:customFunctionIds>`).join("");
  return (
    DECLARATION +
    `<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{${instanceId}}">` +
    `<we:reference id="${escapeAttr(reference.id)}" version="${escapeAttr(reference.version)}" store="${escapeAttr(reference.store)}" storeType="${reference.storeType}"/>` +
    "<we:alternateReferences/>" +
    `<we:properties><we:property name="${AUTO_SHOW_TASKPANE}" value="true"/></we:properties>` +
    "<we:bindings/>" +
    '<we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>' +
    (ids
      ? '<we:extLst><a:ext xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" uri="{7C84B067-C214-45C3-A712-C9D94CD141B2}">' +
        `<we:customFunctionIdList>${ids}</we:customFunctionIdList></a:ext></we:extLst>`
      : "") +
    "</we:webextension>"
  );
}

/**
 * The task pane record: docked right, `visibility="1"`. Office's docs
 * ("Automatically open a task pane with a document"): with "1" the pane opens
 * the first time the file is opened (the user is asked to trust, or to get,
 * the add-in), then on every open; with "0" the user must first start the
 * add-in from the ribbon. A live export needs the add-in to stay live, so
 * being offered it is what a recipient needs.
 */
export const TASKPANES_XML =
  DECLARATION +
  '<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11">' +
  '<wetp:taskpane dockstate="right" visibility="1" width="350" row="0">' +
  '<wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>' +
  "</wetp:taskpane></wetp:taskpanes>";

export const TASKPANES_RELS_XML =
  DECLARATION +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="${REL.webextension}" Target="webextension1.xml"/>` +
  "</Relationships>";

/** Adds an `<Override>` to [Content_Types].xml (once). */
export function addContentTypeOverride(xml: string, partName: string, contentType: string): string {
  if (xml.includes(`PartName="${partName}"`)) return xml;
  return replaceOnce(xml, "</Types>", `<Override PartName="${partName}" ContentType="${contentType}"/></Types>`);
}

/** Adds a relationship to a .rels part under the first unused `rIdN`; returns the new XML. */
export function addRelationship(xml: string, type: string, target: string): string {
  const used = new Set([...xml.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1])));
  let n = 1;
  while (used.has(n)) n++;
  return replaceOnce(
    xml,
    "</Relationships>",
    `<Relationship Id="rId${n}" Type="${type}" Target="${target}"/></Relationships>`,
  );
}

/** `<calcPr …/>` with Excel's current calcId and without fullCalcOnLoad, so that the cached values are kept on open. */
export function setCalcId(workbookXml: string): string {
  return replaceOnce(workbookXml, /<calcPr\b[^>]*\/>/, `<calcPr calcId="${EXCEL_CALC_ID}"/>`);
}

/**
 * Marks every array formula's cell as a dynamic-array formula (`cm="1"`, the
 * one XLDAPR block of metadata.xml). The export writes `t="array"` only for
 * the HPC formulas, each of which Excel stores as a dynamic array (§1.1, §1.5).
 */
export function markDynamicArrays(sheetXml: string): { xml: string; count: number } {
  let count = 0;
  const xml = sheetXml.replace(/<c ([^>]*[^/>])><f t="array"/g, (_, attrs: string) => {
    count++;
    return `<c ${attrs} cm="1"><f t="array"`;
  });
  return { xml, count };
}

function replaceOnce(xml: string, search: string | RegExp, replacement: string): string {
  const found = typeof search === "string" ? xml.includes(search) : search.test(xml);
  if (!found) throw new Error(`xlsx post-processing: ${String(search)} not found`);
  return xml.replace(search, replacement);
}
