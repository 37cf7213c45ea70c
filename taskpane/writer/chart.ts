import type { ChartRole, PlanChart } from "../../src/plan";
import type { ChartLike, ExcelContextLike, WorksheetLike } from "./excelLike";
import { localRef } from "./cells";

/** What addChart draws: a deal sheet's line chart or a portfolio sheet's stacked columns. */
export type ChartPlan = Omit<PlanChart, "type" | "categoryFormat" | "points" | "series"> & {
  readonly series: readonly { readonly name: string; readonly values: string }[];
  readonly type: "line" | "columnStacked" | "bar";
  readonly categoryFormat?: string;
  /** Bars of a series group drawn over each other (a tornado's low and high), in percent. */
  readonly overlap?: number;
};

const CHART_TYPES = { line: "Line", columnStacked: "ColumnStacked", bar: "BarClustered" } as const;

/** The chart's name on its sheet: how an update finds it again. The schedule's chart keeps its first name. */
export function chartName(prefix: string, role: ChartRole = "schedule"): string {
  return role === "schedule" ? `${prefix}_Chart` : `${prefix}_MiningChart`;
}

/**
 * Adds the plan's line chart, its series set explicitly (ExcelApi 1.7
 * series.add, setValues, setXAxisValues) over the schedule's fixed ranges.
 * The schedule is a custom function's spill, which reaches Excel after a
 * delay: a chart made over cells not yet calculated can have no series at
 * all, so the chart is made over the first series' column, its series are
 * counted, and each of the plan's series is taken or added. Two syncs.
 */
export async function addChart(
  ctx: ExcelContextLike,
  sheet: WorksheetLike,
  plan: ChartPlan,
  name: string,
): Promise<ChartLike> {
  const categories = sheet.getRange(localRef(plan.categories));
  const chart = sheet.charts.add(CHART_TYPES[plan.type], sheet.getRange(localRef(plan.series[0].values)), "Columns");
  chart.name = name;
  chart.title.text = plan.title;
  chart.legend.position = "Bottom";
  chart.setPosition(plan.from, plan.to);
  chart.series.load("count");
  await ctx.sync();
  const present = chart.series.count;
  plan.series.forEach((s, i) => {
    const series = i < present ? chart.series.getItemAt(i) : chart.series.add(s.name);
    series.name = s.name;
    series.setValues(sheet.getRange(localRef(s.values)));
    series.setXAxisValues(categories);
    if (i === 0 && plan.overlap !== undefined) series.overlap = plan.overlap;
  });
  if (plan.categoryFormat !== undefined) chart.axes.categoryAxis.numberFormat = plan.categoryFormat;
  chart.axes.valueAxis.numberFormat = plan.valueFormat;
  await ctx.sync();
  await markPoints(ctx, chart, plan);
  return chart;
}

/** The colour of a marked point (a halving): Office's dark red, as in the .xlsx export. */
const MARK_COLOUR = "#C00000";

/**
 * Marks the plan's points (the halvings) with a diamond, in a sync of its own. Best effort: the
 * points exist only once the spill has calculated, which may come later (custom functions spill
 * after a delay); the chart's title names the halvings either way, so a failure here is dropped.
 */
export async function markPoints(ctx: ExcelContextLike, chart: ChartLike, plan: ChartPlan): Promise<void> {
  const { marks } = plan;
  if (!marks || marks.points.length === 0) return;
  try {
    const series = chart.series.getItemAt(marks.series);
    for (const i of marks.points) {
      const point = series.points.getItemAt(i);
      point.markerStyle = "Diamond";
      point.markerSize = 9;
      point.markerBackgroundColor = MARK_COLOUR;
      point.markerForegroundColor = MARK_COLOUR;
    }
    await ctx.sync();
  } catch {
    // The title names the halvings: the chart stands without its marks.
  }
}

/** Points an existing chart's series at the schedule's new length. */
export function retargetChart(sheet: WorksheetLike, chart: ChartLike, plan: PlanChart): void {
  const categories = sheet.getRange(localRef(plan.categories));
  plan.series.forEach((s, i) => {
    const series = chart.series.getItemAt(i);
    series.setValues(sheet.getRange(localRef(s.values)));
    series.setXAxisValues(categories);
  });
}

/**
 * Removes every chart of the sheet whose id is not among `before`: what a
 * failed addChart made, named or not yet (a failure between charts.add and
 * the name leaves Excel's "Chart n"). Returns null, or why it failed.
 */
export async function removeChartsNotIn(
  ctx: ExcelContextLike,
  sheet: WorksheetLike,
  before: ReadonlySet<string>,
): Promise<string | null> {
  try {
    sheet.charts.load("items/id");
    await ctx.sync();
    const made = sheet.charts.items.filter((c) => !before.has(c.id));
    if (made.length === 0) return null;
    for (const c of made) c.delete();
    await ctx.sync();
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
