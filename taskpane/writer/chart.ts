import type { PlanChart } from "../../src/plan";
import type { ChartLike, WorksheetLike } from "./excelLike";
import { localRef } from "./cells";

/** The chart's name on its sheet: how an update finds it again. */
export function chartName(prefix: string): string {
  return `${prefix}_Chart`;
}

/** Adds the plan's line chart; its ranges are on the same sheet as the schedule. */
export function addChart(sheet: WorksheetLike, plan: PlanChart, name: string): ChartLike {
  const [first, ...rest] = plan.series;
  const categories = sheet.getRange(localRef(plan.categories));
  const chart = sheet.charts.add("Line", sheet.getRange(localRef(first.values)), "Columns");
  chart.name = name;
  chart.title.text = plan.title;
  chart.legend.position = "Bottom";
  const s0 = chart.series.getItemAt(0);
  s0.name = first.name;
  s0.setXAxisValues(categories);
  for (const s of rest) {
    const series = chart.series.add(s.name);
    series.setValues(sheet.getRange(localRef(s.values)));
    series.setXAxisValues(categories);
  }
  chart.axes.categoryAxis.numberFormat = plan.categoryFormat;
  chart.axes.valueAxis.numberFormat = plan.valueFormat;
  chart.setPosition(plan.from, plan.to);
  return chart;
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
