/**
 * The plans' charts drawn as SVG: a deal sheet's line chart, and the
 * portfolio sheet's stacked column chart (the preview's stand-in for Excel's
 * ColumnStacked). Categories and series are read from the engine at the
 * ranges the plan gives, axes labelled with the plan's formats. The data and
 * geometry functions are pure; `renderChart` and `renderStackedChart` build
 * the DOM on one frame (title, description, value axis, category labels).
 */
import { parseCell, type PlanChart, type PortfolioChart } from "../src/plan";
import { localRef } from "../taskpane/writer/cells";
import { formatValue } from "./format";
import type { GridValue } from "./workbook";

type Read = (ref: string) => GridValue;

function column(read: Read, sheetQualified: string): GridValue[] {
  const [a, b = a] = localRef(sheetQualified).split(":");
  const from = parseCell(a);
  const to = parseCell(b);
  if (!from || !to) return [];
  const letter = a.replace(/\d+$/, "");
  const out: GridValue[] = [];
  for (let row = from.row; row <= to.row; row++) out.push(read(`${letter}${row}`));
  return out;
}

/** A series' name as its name cell shows it; the plan's name when that cell is blank. */
function seriesName(read: Read, s: { readonly nameRef: string; readonly name: string }): string {
  const name = read(localRef(s.nameRef));
  return typeof name === "string" && name !== "" ? name : s.name;
}

// ---- Data ----

export interface ChartData {
  readonly title: string;
  readonly categories: readonly number[];
  readonly series: readonly { readonly name: string; readonly values: readonly (number | null)[] }[];
  readonly categoryFormat: string;
  readonly valueFormat: string;
}

export interface StackedData {
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: readonly { readonly name: string; readonly values: readonly number[] }[];
  readonly valueFormat: string;
}

const num = (v: GridValue): number | null => (typeof v === "number" ? v : null);

/** The line chart's numbers, read cell by cell: the points whose date is a number. */
export function chartData(chart: PlanChart, read: Read): ChartData {
  const categories = column(read, chart.categories);
  const keep = categories.map((c) => typeof c === "number");
  return {
    title: chart.title,
    categories: categories.filter((c): c is number => typeof c === "number"),
    series: chart.series.map((s) => ({
      name: seriesName(read, s),
      values: column(read, s.values)
        .filter((_, i) => keep[i])
        .map(num),
    })),
    categoryFormat: chart.categoryFormat,
    valueFormat: chart.valueFormat,
  };
}

/** The stacked chart's numbers: period labels as categories, a blank or text value as 0. */
export function stackedData(chart: PortfolioChart, read: Read): StackedData {
  return {
    title: chart.title,
    categories: column(read, chart.categories).map((c) => (typeof c === "string" ? c : "")),
    series: chart.series.map((s) => ({
      name: seriesName(read, s),
      values: column(read, s.values).map((v) => (typeof v === "number" ? v : 0)),
    })),
    valueFormat: chart.valueFormat,
  };
}

// ---- Geometry ----

/** A round step of about range / count: 1, 2 or 5 times a power of ten. */
export function niceStep(range: number, count: number): number {
  if (!(range > 0)) return 1;
  const raw = range / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

type Plot = { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
type Tick<K extends "x" | "y"> = { readonly [P in K]: number } & { readonly label: string };

/** What both charts draw: the plot area, the value axis's ticks and the category labels. */
interface Frame {
  readonly width: number;
  readonly height: number;
  readonly plot: Plot;
  readonly yTicks: readonly Tick<"y">[];
  readonly xTicks: readonly Tick<"x">[];
}

export interface ChartGeometry extends Frame {
  readonly lines: readonly { readonly name: string; readonly points: string }[];
}

export interface StackedGeometry extends Frame {
  readonly bars: readonly {
    readonly series: number;
    readonly x: number;
    readonly y: number;
    readonly w: number;
    readonly h: number;
  }[];
}

/** A value axis over [min(0, values), max(0, values)] in round steps: the y of a value, and the ticks. */
function valueAxis(values: readonly number[], plot: Plot, format: string) {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const step = niceStep(hi - lo, 5);
  const yMin = Math.floor(lo / step) * step;
  const yMax = Math.max(Math.ceil(hi / step) * step, yMin + step);
  const y = (v: number) => plot.bottom - ((v - yMin) / (yMax - yMin)) * (plot.bottom - plot.top);
  const yTicks: Tick<"y">[] = [];
  for (let v = yMin; v <= yMax + step / 2; v += step) yTicks.push({ y: y(v), label: formatValue(v, format) });
  return { y, yTicks };
}

export function chartGeometry(data: ChartData, width = 720, height = 320): ChartGeometry {
  const plot = { left: 76, top: 44, right: width - 16, bottom: height - 36 };
  const all = data.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const { y, yTicks } = valueAxis(all, plot, data.valueFormat);
  const n = data.categories.length;
  const x = (i: number) => plot.left + (n <= 1 ? 0 : (i / (n - 1)) * (plot.right - plot.left));
  // A label a year (12 monthly points), at most about eight.
  const every = Math.max(1, Math.ceil(n / 8 / 12) * 12);
  const xTicks = [];
  for (let i = 0; i < n; i += every)
    xTicks.push({ x: x(i), label: formatValue(data.categories[i], data.categoryFormat) });
  const lines = data.series.map((s) => ({
    name: s.name,
    points: s.values
      .map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
      .filter((p): p is string => p !== null)
      .join(" "),
  }));
  return { width, height, plot, yTicks, xTicks, lines };
}

/** Positive values stack up from 0 (a portfolio's gross fees are never negative). */
export function stackedGeometry(data: StackedData, width = 720, height = 320): StackedGeometry {
  const plot = { left: 76, top: 60, right: width - 16, bottom: height - 36 };
  const n = data.categories.length;
  const totals = data.categories.map((_, i) => data.series.reduce((s, x) => s + Math.max(0, x.values[i] ?? 0), 0));
  const { y, yTicks } = valueAxis(totals, plot, data.valueFormat);
  const slot = n > 0 ? (plot.right - plot.left) / n : 0;
  const w = Math.max(1, slot * 0.7);
  const bars: { series: number; x: number; y: number; w: number; h: number }[] = [];
  for (let i = 0; i < n; i++) {
    let base = 0;
    data.series.forEach((s, k) => {
      const v = Math.max(0, s.values[i] ?? 0);
      if (v === 0) return;
      bars.push({ series: k, x: plot.left + i * slot + (slot - w) / 2, y: y(base + v), w, h: y(base) - y(base + v) });
      base += v;
    });
  }
  const every = Math.max(1, Math.ceil(n / 8));
  const xTicks = [];
  for (let i = 0; i < n; i += every) xTicks.push({ x: plot.left + (i + 0.5) * slot, label: data.categories[i] });
  return { width, height, plot, yTicks, xTicks, bars };
}

// ---- DOM ----

const SVG = "http://www.w3.org/2000/svg";
/** Colour and dash per line, so that the lines differ without colour too. */
const STROKES = [
  { color: "#0f6cbd", dash: "" },
  { color: "#107c10", dash: "6 3" },
  { color: "#c239b3", dash: "2 3" },
];
const FILLS = ["#0f6cbd", "#107c10", "#c239b3", "#ca5010", "#038387", "#8764b8"];

function el(doc: Document, tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = doc.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** An accessible SVG image (a <title>, a <desc> summing it up) with the title, value axis and category labels. */
function frame(doc: Document, g: Frame, id: string, title: string, desc: string): SVGSVGElement {
  const svg = el(doc, "svg", {
    viewBox: `0 0 ${g.width} ${g.height}`,
    role: "img",
    "aria-labelledby": `${id}-title ${id}-desc`,
    class: "chart",
  }) as SVGSVGElement;
  svg.append(
    el(doc, "title", { id: `${id}-title` }, title),
    el(doc, "desc", { id: `${id}-desc` }, desc),
    el(doc, "text", { x: g.plot.left, y: 20, class: "chart-title" }, title),
  );
  for (const t of g.yTicks) {
    svg.append(
      el(doc, "line", { x1: g.plot.left, x2: g.plot.right, y1: t.y, y2: t.y, class: "gridline" }),
      el(doc, "text", { x: g.plot.left - 6, y: t.y + 4, "text-anchor": "end", class: "tick" }, t.label),
    );
  }
  for (const t of g.xTicks) {
    svg.append(el(doc, "text", { x: t.x, y: g.plot.bottom + 18, "text-anchor": "middle", class: "tick" }, t.label));
  }
  return svg;
}

/** The line chart, with a legend. */
export function renderChart(doc: Document, data: ChartData, id = "chart"): SVGSVGElement {
  const g = chartGeometry(data);
  const shown = (i: number) => formatValue(data.categories[i] ?? 0, data.categoryFormat);
  const [first, last] = data.categories.length > 0 ? [shown(0), shown(data.categories.length - 1)] : ["", ""];
  const svg = frame(
    doc,
    g,
    id,
    data.title,
    `Line chart of ${data.categories.length} monthly points from ${first} to ${last}: ${data.series.map((s) => s.name).join(", ")}.`,
  );
  svg.append(
    el(doc, "line", { x1: g.plot.left, x2: g.plot.right, y1: g.plot.bottom, y2: g.plot.bottom, class: "axis" }),
  );
  g.lines.forEach((line, i) => {
    const s = STROKES[i % STROKES.length];
    const stroke: Record<string, string | number> = { stroke: s.color, "stroke-width": 2 };
    if (s.dash) stroke["stroke-dasharray"] = s.dash;
    svg.append(el(doc, "polyline", { points: line.points, fill: "none", ...stroke, "data-series": line.name }));
    const lx = g.plot.left + 8 + i * 190;
    svg.append(
      el(doc, "line", { x1: lx, x2: lx + 24, y1: 34, y2: 34, ...stroke }),
      el(doc, "text", { x: lx + 30, y: 38, class: "legend" }, line.name),
    );
  });
  return svg;
}

/** The stacked column chart, with a legend of two entries a row above the plot. */
export function renderStackedChart(doc: Document, data: StackedData, id = "stacked"): SVGSVGElement {
  const g = stackedGeometry(data);
  const svg = frame(
    doc,
    g,
    id,
    data.title,
    `Stacked column chart of ${data.categories.length} periods from ${data.categories[0] ?? ""} to ${data.categories.at(-1) ?? ""}, one segment per deal: ${data.series.map((s) => s.name).join(", ")}.`,
  );
  for (const b of g.bars) {
    svg.append(
      el(doc, "rect", {
        x: b.x.toFixed(1),
        y: b.y.toFixed(1),
        width: b.w.toFixed(1),
        height: b.h.toFixed(1),
        fill: FILLS[b.series % FILLS.length],
        "data-series": data.series[b.series].name,
      }),
    );
  }
  data.series.forEach((s, i) => {
    const lx = g.plot.left + 8 + (i % 2) * 300;
    const ly = 30 + Math.floor(i / 2) * 14;
    svg.append(
      el(doc, "rect", { x: lx, y: ly - 8, width: 12, height: 12, fill: FILLS[i % FILLS.length] }),
      el(
        doc,
        "text",
        { x: lx + 16, y: ly + 2, class: "legend" },
        s.name.length > 44 ? `${s.name.slice(0, 43)}…` : s.name,
      ),
    );
  });
  return svg;
}
