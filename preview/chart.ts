/**
 * The plan's line chart drawn as SVG: its categories and series read from
 * the engine at the ranges the plan gives, axes labelled with the plan's
 * formats. `chartData` and `chartGeometry` are pure; `renderChart` builds
 * the DOM.
 */
import { parseCell, type PlanChart } from "../src/plan";
import { localRef } from "../taskpane/writer/cells";
import { formatValue } from "./format";
import type { GridValue } from "./workbook";

export interface ChartData {
  readonly title: string;
  readonly categories: readonly number[];
  readonly series: readonly { readonly name: string; readonly values: readonly (number | null)[] }[];
  readonly categoryFormat: string;
  readonly valueFormat: string;
}

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

const num = (v: GridValue): number | null => (typeof v === "number" ? v : null);

/** The chart's numbers, read cell by cell: the points whose date is a number. */
export function chartData(chart: PlanChart, read: Read): ChartData {
  const categories = column(read, chart.categories);
  const keep = categories.map((c) => typeof c === "number");
  const series = chart.series.map((s) => {
    const name = read(localRef(s.nameRef));
    return {
      name: typeof name === "string" && name !== "" ? name : s.name,
      values: column(read, s.values)
        .filter((_, i) => keep[i])
        .map(num),
    };
  });
  return {
    title: chart.title,
    categories: categories.filter((c): c is number => typeof c === "number"),
    series,
    categoryFormat: chart.categoryFormat,
    valueFormat: chart.valueFormat,
  };
}

/** A round step of about range / count: 1, 2 or 5 times a power of ten. */
export function niceStep(range: number, count: number): number {
  if (!(range > 0)) return 1;
  const raw = range / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

export interface ChartGeometry {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly yTicks: readonly { readonly y: number; readonly label: string }[];
  readonly xTicks: readonly { readonly x: number; readonly label: string }[];
  readonly lines: readonly { readonly name: string; readonly points: string }[];
}

export function chartGeometry(data: ChartData, width = 720, height = 320): ChartGeometry {
  const plot = { left: 76, top: 44, right: width - 16, bottom: height - 36 };
  const all = data.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const lo = Math.min(0, ...all);
  const hi = Math.max(0, ...all);
  const step = niceStep(hi - lo, 5);
  const yMin = Math.floor(lo / step) * step;
  const yMax = Math.max(Math.ceil(hi / step) * step, yMin + step);
  const n = data.categories.length;
  const x = (i: number) => plot.left + (n <= 1 ? 0 : (i / (n - 1)) * (plot.right - plot.left));
  const y = (v: number) => plot.bottom - ((v - yMin) / (yMax - yMin)) * (plot.bottom - plot.top);
  const yTicks = [];
  for (let v = yMin; v <= yMax + step / 2; v += step) yTicks.push({ y: y(v), label: formatValue(v, data.valueFormat) });
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

const SVG = "http://www.w3.org/2000/svg";
/** Colour and dash per series, so that the lines differ without colour too. */
const STROKES = [
  { color: "#0f6cbd", dash: "" },
  { color: "#107c10", dash: "6 3" },
  { color: "#c239b3", dash: "2 3" },
];

function el(doc: Document, tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = doc.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The chart as an accessible SVG image: a <title>, a <desc> summing it up, and a legend. */
export function renderChart(doc: Document, data: ChartData, id = "chart"): SVGSVGElement {
  const g = chartGeometry(data);
  const svg = el(doc, "svg", {
    viewBox: `0 0 ${g.width} ${g.height}`,
    role: "img",
    "aria-labelledby": `${id}-title ${id}-desc`,
    class: "chart",
  }) as SVGSVGElement;
  const first = data.categories.length > 0 ? formatValue(data.categories[0], data.categoryFormat) : "";
  const last = data.categories.length > 0 ? formatValue(data.categories.at(-1) ?? 0, data.categoryFormat) : "";
  svg.append(
    el(doc, "title", { id: `${id}-title` }, data.title),
    el(
      doc,
      "desc",
      { id: `${id}-desc` },
      `Line chart of ${data.categories.length} monthly points from ${first} to ${last}: ${data.series.map((s) => s.name).join(", ")}.`,
    ),
    el(doc, "text", { x: g.plot.left, y: 20, class: "chart-title" }, data.title),
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
  svg.append(
    el(doc, "line", { x1: g.plot.left, x2: g.plot.right, y1: g.plot.bottom, y2: g.plot.bottom, class: "axis" }),
  );
  g.lines.forEach((line, i) => {
    const s = STROKES[i % STROKES.length];
    const attrs: Record<string, string | number> = {
      points: line.points,
      fill: "none",
      stroke: s.color,
      "stroke-width": 2,
    };
    if (s.dash) attrs["stroke-dasharray"] = s.dash;
    svg.append(el(doc, "polyline", { ...attrs, "data-series": line.name }));
    const lx = g.plot.left + 8 + i * 190;
    const legend: Record<string, string | number> = {
      x1: lx,
      x2: lx + 24,
      y1: 34,
      y2: 34,
      stroke: s.color,
      "stroke-width": 2,
    };
    if (s.dash) legend["stroke-dasharray"] = s.dash;
    svg.append(el(doc, "line", legend), el(doc, "text", { x: lx + 30, y: 38, class: "legend" }, line.name));
  });
  return svg;
}
