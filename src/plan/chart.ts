import { columnLetter, rangeRef, sheetRef } from "./a1";
import { FORMATS } from "./formats";
import { CHART_SERIES, COLUMNS, ROWS, SCHEDULE_COLUMNS, scheduleColumn } from "./geometry";
import type { PlanChart, SheetLayout } from "./types";

/**
 * The line chart of gross fee, net fee and prepayment remaining over the
 * schedule's dates. `scheduleRows` counts the spill's header row; the ranges
 * cover exactly the data rows as inserted (see `PlanChart`).
 */
export function chartFor(sheet: string, layout: SheetLayout, scheduleRows: number): PlanChart {
  const first = ROWS.header + 1;
  const last = ROWS.header + scheduleRows - 1;
  const data = (key: string) => {
    const col = scheduleColumn(key);
    return sheetRef(sheet, rangeRef(col, first, col, last));
  };
  return {
    type: "line",
    title: "Gross fee, net fee and prepayment remaining",
    categories: data("date"),
    series: CHART_SERIES.map((key) => {
      const col = scheduleColumn(key);
      return {
        name: SCHEDULE_COLUMNS[col - COLUMNS.schedule].header,
        nameRef: sheetRef(sheet, `${columnLetter(col)}${ROWS.header}`),
        values: data(key),
      };
    }),
    from: layout.chart.from,
    to: layout.chart.to,
    points: scheduleRows - 1,
    categoryFormat: FORMATS.chartDate,
    valueFormat: FORMATS.chartMoney,
  };
}
