/**
 * The halvings marked on the mining chart over Office.js (markPoints): a diamond per point, in a
 * sync of its own; dropped without harm when Excel has no such point yet (the spill not calculated).
 */
import type { ChartLike, ExcelContextLike } from "../../taskpane/writer/excelLike";
import { markPoints, type ChartPlan } from "../../taskpane/writer/chart";

type Point = Record<string, unknown>;

function stub(pointsExist: boolean) {
  const written: Record<number, Point> = {};
  let syncs = 0;
  const chart = {
    series: {
      getItemAt: () => ({
        points: {
          getItemAt: (i: number) => {
            if (!pointsExist)
              throw Object.assign(new Error("The requested resource doesn't exist."), { code: "ItemNotFound" });
            return (written[i] ??= {});
          },
        },
      }),
    },
  } as unknown as ChartLike;
  const ctx = { sync: async () => void syncs++ } as unknown as ExcelContextLike;
  return { chart, ctx, written, syncs: () => syncs };
}

const plan = (marks?: ChartPlan["marks"]): ChartPlan =>
  ({ title: "t", categories: "", series: [], from: "A1", to: "B2", type: "line", valueFormat: "", marks }) as ChartPlan;

describe("markPoints", () => {
  it("sets a diamond marker on each marked point, then syncs once", async () => {
    const s = stub(true);
    await markPoints(s.ctx, s.chart, plan({ series: 1, points: [46, 94], label: "Halving" }));
    expect(Object.keys(s.written)).toEqual(["46", "94"]);
    expect(s.written[46]).toEqual({
      markerStyle: "Diamond",
      markerSize: 9,
      markerBackgroundColor: "#C00000",
      markerForegroundColor: "#C00000",
    });
    expect(s.syncs()).toBe(1);
  });

  it("does nothing without marks, and drops a failure (the title names the halvings)", async () => {
    const none = stub(true);
    await markPoints(none.ctx, none.chart, plan());
    expect(none.syncs()).toBe(0);
    const missing = stub(false);
    await expect(
      markPoints(missing.ctx, missing.chart, plan({ series: 1, points: [3], label: "Halving" })),
    ).resolves.toBeUndefined();
  });
});
