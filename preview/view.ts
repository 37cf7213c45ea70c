/**
 * The workbook side of the preview page: sheet tabs, the active sheet's grid
 * and its chart, drawn again whenever the workbook changes (an insert, an
 * update, an edit, a recalculation).
 */
import { h } from "../taskpane/ui/dom";
import { chartData, renderChart, renderStackedChart, stackedData } from "./chart";
import { GridView } from "./grid";
import type { PreviewWorkbook } from "./workbook";

export interface WorkbookElements {
  readonly tabs: HTMLElement;
  readonly grid: HTMLElement;
  readonly chart: HTMLElement;
  readonly status: HTMLElement;
}

export class WorkbookView {
  private active: number;
  private readonly grid: GridView;

  constructor(
    private readonly book: PreviewWorkbook,
    private readonly el: WorkbookElements,
  ) {
    this.active = book.sheets()[0]?.id ?? 0;
    this.grid = new GridView(el.grid, book);
    book.onChange(({ activate }) => {
      const focus = this.grid.lastEdited ?? undefined;
      if (activate !== undefined) this.active = activate;
      this.render(focus);
    });
  }

  render(focus?: string): void {
    if (this.book.sheetName(this.active) === undefined) this.active = this.book.sheets()[0]?.id ?? 0;
    this.renderTabs();
    this.grid.render(this.active, focus);
    this.renderChart();
    const { rows, columns } = this.book.usedSize(this.active);
    this.el.status.textContent = this.book.records.has(this.active)
      ? `${this.book.sheetName(this.active)}: ${rows} rows × ${columns} columns, computed by HyperFormula. Click a yellow input cell (or focus it and press Enter) to edit it; Enter commits.`
      : "";
  }

  private renderTabs(): void {
    const doc = this.el.tabs.ownerDocument;
    const tabs = this.book.sheets().map(({ id, name }) => {
      const selected = id === this.active;
      const tab = h(doc, "button", {
        type: "button",
        role: "tab",
        id: `sheet-tab-${id}`,
        "aria-selected": String(selected),
        "aria-controls": this.el.grid.id,
        tabindex: selected ? "0" : "-1",
      });
      tab.textContent = name;
      tab.addEventListener("click", () => {
        this.active = id;
        this.render();
      });
      tab.addEventListener("keydown", (e) => {
        if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
        const all = this.book.sheets();
        const i = all.findIndex((s) => s.id === id) + (e.key === "ArrowRight" ? 1 : -1);
        const next = all[(i + all.length) % all.length];
        this.active = next.id;
        this.render();
        doc.getElementById(`sheet-tab-${next.id}`)?.focus();
      });
      return tab;
    });
    this.el.tabs.replaceChildren(...tabs);
  }

  private renderChart(): void {
    const doc = this.el.chart.ownerDocument;
    const charts = this.book.records.get(this.active)?.charts ?? [];
    const portfolio = this.book.portfolios.get(this.active)?.chart;
    if (charts.length === 0 && portfolio) {
      this.el.chart.hidden = false;
      this.el.chart.replaceChildren(
        renderStackedChart(
          doc,
          stackedData(portfolio, (ref) => this.book.value(this.active, ref)),
        ),
        h(
          doc,
          "figcaption",
          { class: "hint" },
          `The sheet's chart (in Excel a stacked column chart over ${portfolio.from}:${portfolio.to}).`,
        ),
      );
      return;
    }
    if (charts.length === 0) {
      this.el.chart.replaceChildren();
      this.el.chart.hidden = true;
      return;
    }
    this.el.chart.hidden = false;
    // The schedule's chart, then the mining comparison's, each with its own ids.
    this.el.chart.replaceChildren(
      ...charts.flatMap((chart) => {
        const data = chartData(chart, (ref) => this.book.value(this.active, ref));
        const mining = chart.role === "mining";
        return [
          renderChart(doc, data, mining ? "chart-mining" : "chart"),
          h(
            doc,
            "figcaption",
            { class: "hint" },
            `${mining ? "The mining comparison's chart" : "The sheet's chart"} (in Excel it sits over ${chart.from}:${chart.to}), drawn from the plan's chart and the engine's values.`,
          ),
        ];
      }),
    );
  }
}
