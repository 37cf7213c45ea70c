/**
 * The plan's line chart as DrawingML parts, which exceljs cannot write: a
 * drawing anchored over the chart's cells, the chart part (a line chart of
 * each series over the schedule's dates, each reference with its cached
 * values so that the chart draws before any recalculation), their
 * relationships and content types, and the `<drawing>` element in the sheet.
 * The parts follow the element order of the ECMA-376 schema (CT_ChartSpace,
 * CT_LineChart, CT_LineSer, CT_DateAx, CT_ValAx), as Excel writes them for a
 * line chart.
 */
import { parseCell, type CachedValue, type PlanChart, type PortfolioChart } from "../plan";

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = Object.freeze({
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
});

export const CHART_REL = Object.freeze({
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
});

export const CHART_CONTENT_TYPE = Object.freeze({
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
});

/** Office's default palette (accent 1, 2, 6): blue, orange, green. */
const LINE_COLOURS = ["4472C4", "ED7D31", "70AD47"];
const CATEGORY_AXIS = 500000001;
const VALUE_AXIS = 500000002;

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The A1 cells of a sheet-qualified range "'S'!$H$5:$H$159", top to bottom. */
function columnCells(ref: string): string[] {
  const local = ref.slice(ref.lastIndexOf("!") + 1).replace(/\$/g, "");
  const [a, b = a] = local.split(":");
  const from = parseCell(a);
  const to = parseCell(b);
  if (!from || !to || from.column !== to.column) throw new RangeError(`not a one-column range: ${ref}`);
  const letters = a.replace(/\d+$/, "");
  return Array.from({ length: to.row - from.row + 1 }, (_, i) => `${letters}${from.row + i}`);
}

function numRef(ref: string, formatCode: string, cached: ReadonlyMap<string, CachedValue>): string {
  const cells = columnCells(ref);
  const points = cells
    .map((cell, i) => {
      const v = cached.get(cell);
      return typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "";
    })
    .join("");
  return (
    `<c:numRef><c:f>${escapeXml(ref)}</c:f><c:numCache><c:formatCode>${escapeXml(formatCode)}</c:formatCode>` +
    `<c:ptCount val="${cells.length}"/>${points}</c:numCache></c:numRef>`
  );
}

function strRef(ref: string, cached: ReadonlyMap<string, CachedValue>): string {
  const cells = columnCells(ref);
  const points = cells
    .map((cell, i) => {
      const v = cached.get(cell);
      return v === undefined || typeof v === "object"
        ? ""
        : `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`;
    })
    .join("");
  return `<c:strRef><c:f>${escapeXml(ref)}</c:f><c:strCache><c:ptCount val="${cells.length}"/>${points}</c:strCache></c:strRef>`;
}

function richText(text: string, size: number, bold: boolean): string {
  return (
    `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich>`
  );
}

/** The chart part: the plan's line chart, or the portfolio sheet's stacked column chart. */
export function chartXml(chart: PlanChart | PortfolioChart, cached: ReadonlyMap<string, CachedValue>): string {
  return chart.type === "line" ? lineChartXml(chart, cached) : stackedColumnXml(chart, cached);
}

function seriesName(s: PlanChart["series"][number], cached: ReadonlyMap<string, CachedValue>): string {
  const name = cached.get(s.nameRef.slice(s.nameRef.lastIndexOf("!") + 1).replace(/\$/g, ""));
  return (
    `<c:tx><c:strRef><c:f>${escapeXml(s.nameRef)}</c:f><c:strCache><c:ptCount val="1"/>` +
    `<c:pt idx="0"><c:v>${escapeXml(typeof name === "string" ? name : s.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>`
  );
}

/** The chart space around a plot area, as Excel writes it. */
function chartSpace(title: string, plotArea: string): string {
  return (
    DECLARATION +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    '<c:date1904 val="0"/><c:lang val="en-US"/><c:roundedCorners val="0"/>' +
    "<c:chart>" +
    `<c:title><c:tx>${richText(title, 1400, false)}</c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/>' +
    `<c:plotArea><c:layout/>${plotArea}</c:plotArea>` +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    "</c:chart></c:chartSpace>"
  );
}

/**
 * The portfolio's stacked columns (CT_BarChart, CT_BarSer, CT_CatAx in the
 * schema's order): each deal's gross fee by period, over the period labels.
 */
function stackedColumnXml(chart: PortfolioChart, cached: ReadonlyMap<string, CachedValue>): string {
  const series = chart.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${seriesName(s, cached)}` +
        `<c:spPr><a:solidFill><a:srgbClr val="${LINE_COLOURS[i % LINE_COLOURS.length]}"/></a:solidFill></c:spPr>` +
        '<c:invertIfNegative val="0"/>' +
        `<c:cat>${strRef(chart.categories, cached)}</c:cat>` +
        `<c:val>${numRef(s.values, "#,##0.00", cached)}</c:val></c:ser>`,
    )
    .join("");
  return chartSpace(
    chart.title,
    '<c:barChart><c:barDir val="col"/><c:grouping val="stacked"/><c:varyColors val="0"/>' +
      series +
      `<c:gapWidth val="150"/><c:overlap val="100"/><c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/></c:barChart>` +
      `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
      '<c:delete val="0"/><c:axPos val="b"/>' +
      '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>' +
      `<c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
      '<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
      `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
      '<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>' +
      `<c:numFmt formatCode="${escapeXml(chart.valueFormat)}" sourceLinked="0"/>` +
      '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
      `<c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`,
  );
}

/** The colour of a marked point (a halving): Office's dark red. */
const MARK_COLOUR = "C00000";

/** A point of a line drawn with a marker (CT_DPt: idx, marker, bubble3D), e.g. a halving's first month. */
function markedPoint(index: number): string {
  return (
    `<c:dPt><c:idx val="${index}"/><c:marker><c:symbol val="diamond"/><c:size val="9"/>` +
    `<c:spPr><a:solidFill><a:srgbClr val="${MARK_COLOUR}"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="${MARK_COLOUR}"/></a:solidFill></a:ln></c:spPr>` +
    '</c:marker><c:bubble3D val="0"/></c:dPt>'
  );
}

/** A line chart of the plan's series over its dates, with cached values (and its marked points). */
function lineChartXml(chart: PlanChart, cached: ReadonlyMap<string, CachedValue>): string {
  const series = chart.series
    .map((s, i) => {
      const name = cached.get(s.nameRef.slice(s.nameRef.lastIndexOf("!") + 1).replace(/\$/g, ""));
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeXml(s.nameRef)}</c:f><c:strCache><c:ptCount val="1"/>` +
        `<c:pt idx="0"><c:v>${escapeXml(typeof name === "string" ? name : s.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
        `<c:spPr><a:ln w="22225" cap="rnd"><a:solidFill><a:srgbClr val="${LINE_COLOURS[i % LINE_COLOURS.length]}"/></a:solidFill><a:round/></a:ln></c:spPr>` +
        '<c:marker><c:symbol val="none"/></c:marker>' +
        (chart.marks?.series === i ? chart.marks.points.map(markedPoint).join("") : "") +
        `<c:cat>${numRef(chart.categories, "yyyy\\-mm\\-dd", cached)}</c:cat>` +
        `<c:val>${numRef(s.values, "#,##0.00", cached)}</c:val>` +
        '<c:smooth val="0"/></c:ser>'
      );
    })
    .join("");
  return (
    DECLARATION +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    '<c:date1904 val="0"/><c:lang val="en-US"/><c:roundedCorners val="0"/>' +
    "<c:chart>" +
    `<c:title><c:tx>${richText(chart.title, 1400, false)}</c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/>' +
    "<c:plotArea><c:layout/>" +
    '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>' +
    series +
    `<c:marker val="1"/><c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/></c:lineChart>` +
    `<c:dateAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    '<c:delete val="0"/><c:axPos val="b"/>' +
    `<c:numFmt formatCode="${escapeXml(chart.categoryFormat)}" sourceLinked="0"/>` +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>' +
    `<c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblOffset val="100"/>` +
    '<c:baseTimeUnit val="months"/></c:dateAx>' +
    `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    '<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>' +
    `<c:numFmt formatCode="${escapeXml(chart.valueFormat)}" sourceLinked="0"/>` +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    "</c:plotArea>" +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    "</c:chart></c:chartSpace>"
  );
}

function anchorCell(tag: "from" | "to", ref: string): string {
  const cell = parseCell(ref);
  if (!cell) throw new RangeError(`not a cell: ${ref}`);
  return (
    `<xdr:${tag}><xdr:col>${cell.column - 1}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${cell.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`
  );
}

/** The drawing part: one chart frame per chart, anchored from its top-left cell to its bottom-right cell. */
export function drawingXml(charts: readonly { chart: PlanChart | PortfolioChart; relId: string }[]): string {
  const frames = charts
    .map(
      ({ chart, relId }, i) =>
        '<xdr:twoCellAnchor editAs="oneCell">' +
        anchorCell("from", chart.from) +
        anchorCell("to", chart.to) +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}" descr="${escapeXml(chart.title)}"/>` +
        "<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>" +
        '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
        `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${relId}"/></a:graphicData></a:graphic>` +
        "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>",
    )
    .join("");
  return DECLARATION + `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${frames}</xdr:wsDr>`;
}

/**
 * The worksheet with `<drawing r:id>` in its place in CT_Worksheet: after
 * everything exceljs writes up to the page setup and header/footer, before
 * a legacy drawing, table parts or extLst.
 */
export function addDrawingElement(sheetXml: string, relId: string): string {
  if (/<drawing\b/.test(sheetXml)) throw new Error("xlsx post-processing: the sheet already has a drawing");
  const element = `<drawing r:id="${relId}"/>`;
  const before =
    /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/.exec(
      sheetXml,
    );
  if (!before) throw new Error("xlsx post-processing: no </worksheet> in the sheet");
  return sheetXml.slice(0, before.index) + element + sheetXml.slice(before.index);
}
