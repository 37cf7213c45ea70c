/**
 * The portfolio sheet's stacked column chart drawn as SVG (the preview's
 * stand-in for Excel's ColumnStacked chart): periods as categories, one
 * stacked segment per deal. `stackedData` and `stackedGeometry` are pure;
 * `renderStackedChart` builds the DOM.
 */
import { parseCell, type PortfolioChart } from "../src/plan";
import { localRef } from "../taskpane/writer/cells";
import { niceStep } from "./chart";
import { formatValue } from "./format";
import type { GridValue } from "./workbook";

export interface StackedData {
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: readonly { readonly name: string; readonly values: readonly number[] }[];
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

export function stackedData(chart: PortfolioChart, read: Read): StackedData {
  const categories = column(read, chart.categories).map((c) => (typeof c === "string" ? c : ""));
  return {
    title: chart.title,
    categories,
    series: chart.series.map((s) => {
      const name = read(localRef(s.nameRef));
      return {
        name: typeof name === "string" && name !== "" ? name : s.name,
        values: column(read, s.values).map((v) => (typeof v === "number" ? v : 0)),
      };
    }),
    valueFormat: chart.valueFormat,
  };
}

export interface StackedGeometry {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly yTicks: readonly { readonly y: number; readonly label: string }[];
  readonly xTicks: readonly { readonly x: number; readonly label: string }[];
  readonly bars: readonly {
    readonly series: number;
    readonly x: number;
    readonly y: number;
    readonly w: number;
    readonly h: number;
  }[];
}

/** Positive values stack up from 0 (a portfolio's gross fees are never negative). */
export function stackedGeometry(data: StackedData, width = 720, height = 320): StackedGeometry {
  const plot = { left: 76, top: 60, right: width - 16, bottom: height - 36 };
  const n = data.categories.length;
  const totals = data.categories.map((_, i) => data.series.reduce((s, x) => s + Math.max(0, x.values[i] ?? 0), 0));
  const step = niceStep(Math.max(0, ...totals), 5);
  const yMax = Math.max(Math.ceil(Math.max(0, ...totals) / step) * step, step);
  const y = (v: number) => plot.bottom - (v / yMax) * (plot.bottom - plot.top);
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
  const yTicks = [];
  for (let v = 0; v <= yMax + step / 2; v += step) yTicks.push({ y: y(v), label: formatValue(v, data.valueFormat) });
  const every = Math.max(1, Math.ceil(n / 8));
  const xTicks = [];
  for (let i = 0; i < n; i += every) xTicks.push({ x: plot.left + (i + 0.5) * slot, label: data.categories[i] });
  return { width, height, plot, yTicks, xTicks, bars };
}

const SVG = "http://www.w3.org/2000/svg";
const FILLS = ["#0f6cbd", "#107c10", "#c239b3", "#ca5010", "#038387", "#8764b8"];

function el(doc: Document, tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = doc.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

export function renderStackedChart(doc: Document, data: StackedData, id = "stacked"): SVGSVGElement {
  const g = stackedGeometry(data);
  const svg = el(doc, "svg", {
    viewBox: `0 0 ${g.width} ${g.height}`,
    role: "img",
    "aria-labelledby": `${id}-title ${id}-desc`,
    class: "chart",
  }) as SVGSVGElement;
  const first = data.categories[0] ?? "";
  const last = data.categories.at(-1) ?? "";
  svg.append(
    el(doc, "title", { id: `${id}-title` }, data.title),
    el(
      doc,
      "desc",
      { id: `${id}-desc` },
      `Stacked column chart of ${data.categories.length} periods from ${first} to ${last}, one segment per deal: ${data.series.map((s) => s.name).join(", ")}.`,
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
    // Two legend entries a row, above the plot.
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
