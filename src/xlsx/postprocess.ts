/**
 * What exceljs cannot write, added to its output with JSZip: the chart
 * (drawing and chart parts), the dynamic-array marks and metadata part,
 * Excel's calcId, and the web-extension parts that tie the workbook to the
 * add-in. Each step is one
 * explicit edit of one part (see `parts.ts`); a part missing where exceljs
 * always writes it is an error, never a silently different file.
 */
import JSZip from "jszip";
import type { CachedValue, PlanChart, PortfolioChart } from "../plan";
import type { StoreReference } from "./addin";
import { CHART_CONTENT_TYPE, CHART_REL, addDrawingElement, chartXml, drawingXml } from "./chart";
import {
  CONTENT_TYPE,
  METADATA_PATH,
  METADATA_XML,
  REL,
  TASKPANES_PATH,
  TASKPANES_RELS_PATH,
  TASKPANES_RELS_XML,
  TASKPANES_XML,
  WEBEXTENSION_PATH,
  addContentTypeOverride,
  addRelationship,
  markDynamicArrays,
  setCalcId,
  webextensionXml,
} from "./parts";

export interface LiveParts {
  /** The add-in as deployed: the web extension's `<we:reference>`. */
  readonly reference: StoreReference;
  /** The web extension's instance GUID (no braces). */
  readonly instanceId: string;
  /** The stored names of the custom functions the workbook uses. */
  readonly functionIds: readonly string[];
}

async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`xlsx post-processing: no ${path} in exceljs's output`);
  return file.async("string");
}

/**
 * How a step zips its output: the last step deflates; a step whose output
 * is unzipped again by the next one stores (deflating twice costs about half
 * of an export's time, for bytes nobody keeps).
 */
export type Compression = "DEFLATE" | "STORE";

/** Adds the live-mode parts to an exceljs workbook's zip; returns the new package. */
export async function addLiveParts(
  xlsx: Uint8Array,
  parts: LiveParts,
  compression: Compression = "DEFLATE",
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  await putLiveParts(zip, parts);
  return zip.generateAsync({ type: "uint8array", compression });
}

/** `addLiveParts` on an opened package: its parts edited in place. */
export async function putLiveParts(zip: JSZip, parts: LiveParts): Promise<void> {
  // Dynamic arrays: cm="1" on each array formula's cell, and the metadata part they point at.
  let marked = 0;
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))) {
    const { xml, count } = markDynamicArrays(await text(zip, path));
    zip.file(path, xml);
    marked += count;
  }
  let types = await text(zip, "[Content_Types].xml");
  let workbookRels = await text(zip, "xl/_rels/workbook.xml.rels");
  if (marked > 0) {
    zip.file(METADATA_PATH, METADATA_XML);
    workbookRels = addRelationship(workbookRels, REL.sheetMetadata, "metadata.xml");
    types = addContentTypeOverride(types, `/${METADATA_PATH}`, CONTENT_TYPE.sheetMetadata);
  }

  // Keep the cached values on open: Excel's calcId, no fullCalcOnLoad.
  zip.file("xl/workbook.xml", setCalcId(await text(zip, "xl/workbook.xml")));

  // The add-in: web extension and task pane parts, the task panes hung off the package root.
  zip.file(WEBEXTENSION_PATH, webextensionXml(parts.reference, parts.instanceId, parts.functionIds));
  zip.file(TASKPANES_PATH, TASKPANES_XML);
  zip.file(TASKPANES_RELS_PATH, TASKPANES_RELS_XML);
  const rootRels = addRelationship(await text(zip, "_rels/.rels"), REL.webextensionTaskpanes, TASKPANES_PATH);
  types = addContentTypeOverride(types, `/${TASKPANES_PATH}`, CONTENT_TYPE.webextensionTaskpanes);
  types = addContentTypeOverride(types, `/${WEBEXTENSION_PATH}`, CONTENT_TYPE.webextension);

  zip.file("_rels/.rels", rootRels);
  zip.file("xl/_rels/workbook.xml.rels", workbookRels);
  zip.file("[Content_Types].xml", types);
}

const EMPTY_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

/** The id that `addRelationship` gave the relationship to `target`. */
function relIdOf(rels: string, target: string): string {
  const m = new RegExp(
    `<Relationship Id="(rId\\d+)"[^>]*Target="${target.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`,
  ).exec(rels);
  if (!m) throw new Error(`xlsx post-processing: no relationship to ${target}`);
  return m[1];
}

/** One sheet's charts, with the cached values they draw (keyed by the sheet's A1 refs). */
export interface SheetCharts {
  readonly charts: readonly (PlanChart | PortfolioChart)[];
  readonly cached: ReadonlyMap<string, CachedValue>;
}

/**
 * Adds the plans' charts to the sheets of an exceljs workbook, the n-th entry
 * to the n-th sheet: one drawing part per sheet with charts, holding a frame
 * per chart, a chart part each (numbered across the workbook), their
 * relationships and content types. Both export modes carry the charts.
 */
export async function addChartParts(
  xlsx: Uint8Array,
  sheets: readonly SheetCharts[],
  compression: Compression = "DEFLATE",
): Promise<Uint8Array> {
  if (sheets.every((s) => s.charts.length === 0)) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  await putChartParts(zip, sheets);
  return zip.generateAsync({ type: "uint8array", compression });
}

/** `addChartParts` on an opened package: its parts edited in place (nothing for sheets without charts). */
export async function putChartParts(zip: JSZip, sheets: readonly SheetCharts[]): Promise<void> {
  let types = await text(zip, "[Content_Types].xml");
  let chartNumber = 0;
  let drawingNumber = 0;
  for (const [index, { charts, cached }] of sheets.entries()) {
    if (charts.length === 0) continue;
    const drawing = `drawing${++drawingNumber}.xml`;
    let drawingRels = EMPTY_RELS;
    const targets = charts.map((chart) => {
      const n = ++chartNumber;
      const path = `xl/charts/chart${n}.xml`;
      zip.file(path, chartXml(chart, cached));
      types = addContentTypeOverride(types, `/${path}`, CHART_CONTENT_TYPE.chart);
      drawingRels = addRelationship(drawingRels, CHART_REL.chart, `../charts/chart${n}.xml`);
      return `../charts/chart${n}.xml`;
    });
    const frames = charts.map((chart, i) => ({ chart, relId: relIdOf(drawingRels, targets[i]) }));
    zip.file(`xl/drawings/${drawing}`, drawingXml(frames));
    zip.file(`xl/drawings/_rels/${drawing}.rels`, drawingRels);
    types = addContentTypeOverride(types, `/xl/drawings/${drawing}`, CHART_CONTENT_TYPE.drawing);

    const sheetPath = `xl/worksheets/sheet${index + 1}.xml`;
    const sheetRelsPath = `xl/worksheets/_rels/sheet${index + 1}.xml.rels`;
    const sheetRels = addRelationship(
      zip.file(sheetRelsPath) ? await text(zip, sheetRelsPath) : EMPTY_RELS,
      CHART_REL.drawing,
      `../drawings/${drawing}`,
    );
    zip.file(sheetRelsPath, sheetRels);
    zip.file(sheetPath, addDrawingElement(await text(zip, sheetPath), relIdOf(sheetRels, `../drawings/${drawing}`)));
  }
  zip.file("[Content_Types].xml", types);
}
