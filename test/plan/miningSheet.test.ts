import { buildSchedule, compareMining, money, termsKey, toExcelSerial, validateDeal } from "../../src/core";
import {
  RESERVED_SCHEDULE_ROWS,
  cellRef,
  parseCell,
  planCachedValues,
  readDealFile,
  readTerms,
  type SheetPlan,
} from "../../src/plan";
import { RAMP, RETURNS, WORKED, planOk, planReader } from "./fixtures";
import { evaluatePlan } from "./hyperformulaWriter";

/** A deal sheet with a mining block: laid out beside the rest, read back into the deal file, computed live. */

const MINING = Object.freeze({ hashprice: 48, efficiencyJPerTH: 23.6, powerCostPerKWh: 0.04 });
const FULL = Object.freeze({
  hashprice: 52.5,
  efficiencyJPerTH: 18,
  powerCostPerKWh: 0.035,
  sitePowerMW: 300,
  uptime: 0.95,
  poolFee: 0.02,
  feeShare: 0.1,
  hashpriceGrowth: -0.05,
  halvingDates: [] as string[],
  miningOpexPerMWMonth: 1500,
});

const deals = [
  ["worked check, required mining terms only", { ...WORKED, mining: MINING }],
  ["ramp with every mining term, no halvings", { ...RAMP, mining: FULL }],
  ["returns with two halvings", { ...RETURNS, mining: { ...MINING, halvingDates: ["2026-04-17", "2028-04-17"] } }],
] as const;

function box(ref: string) {
  const [a, b = a] = ref.split(":");
  const from = parseCell(a);
  const to = parseCell(b);
  if (!from || !to) throw new Error(ref);
  return { top: from.row, left: from.column, bottom: to.row, right: to.column };
}
const overlaps = (x: string, y: string) => {
  const a = box(x);
  const b = box(y);
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
};

describe.each(deals)("a deal sheet with a mining block: %s", (_, deal) => {
  const plan: SheetPlan = planOk(deal);
  const layout = plan.deal.layout.mining;

  it("has the block, its name, its spill and its chart", () => {
    expect(layout).toBeDefined();
    expect(plan.deal.miningName).toBe(`${plan.deal.prefix}_Mining`);
    expect(plan.names.map((n) => n.name)).toContain(plan.deal.miningName);
    expect(plan.charts.map((c) => c.role ?? "schedule")).toEqual(["schedule", "mining"]);
    expect(plan.miningSchedule?.rows).toBe(plan.schedule.rows);
    expect(box(plan.miningSchedule?.reservedRef ?? "A1").bottom).toBe(4 + RESERVED_SCHEDULE_ROWS);
    expect(box(plan.miningSchedule?.ref ?? "A1").bottom).toBe(4 + plan.schedule.rows - 1);
  });

  it("overlaps nothing: the block below the notes, its spill right of the deal's chart, its chart below it", () => {
    if (!layout || !plan.miningSchedule) throw new Error("no mining block");
    const [dealChart, chart] = plan.charts;
    const areas = [
      plan.schedule.reservedRef,
      `${dealChart.from}:${dealChart.to}`,
      `${chart.from}:${chart.to}`,
      plan.miningSchedule.reservedRef,
    ];
    areas.forEach((a, i) => areas.slice(i + 1).forEach((b) => expect([a, b, overlaps(a, b)]).toEqual([a, b, false])));
    // No cell of the sheet inside the spill's or the charts' areas but the spill's anchor.
    for (const c of plan.cells) {
      if (c.ref === plan.miningSchedule.anchor || c.ref === plan.schedule.anchor) continue;
      for (const a of areas) expect([c.ref, a, overlaps(c.ref, a)]).toEqual([c.ref, a, false]);
    }
    const refs = plan.cells.map((c) => c.ref);
    expect(new Set(refs).size).toBe(refs.length);
    const notesLast = box(plan.deal.layout.notes?.ref ?? "A1").bottom;
    expect(layout.headerRow).toBe(notesLast + 2);
  });

  it("reads back as the deal file's mining block, and as the same deal", () => {
    if (!layout) throw new Error("no mining block");
    const file = readDealFile(plan.deal.layout, planReader(plan));
    expect(file.mining).toEqual(deal.mining);
    const read = readTerms(plan.deal.layout, planReader(plan));
    if (!read.ok) throw read.error;
    const original = validateDeal(deal);
    if (!original.ok) throw original.error;
    expect(termsKey(read.value)).toBe(termsKey(original.value));
  });

  it("caches core's comparison, and computes it live", () => {
    if (!layout || !plan.miningSchedule) throw new Error("no mining block");
    const checked = validateDeal(deal);
    if (!checked.ok) throw checked.error;
    const { schedule, summary } = compareMining(buildSchedule(checked.value));
    const cached = planCachedValues(plan, { asOf: { year: 2030, month: 1, day: 1 } });
    const figures = box(layout.figures.ref);
    const at = (row: number) => `B${row}`;
    const breakeven = figures.bottom; // the last figure
    expect((cached.get(at(breakeven)) as number).toFixed(2)).toBe(money(summary.breakevenHashprice));
    const anchor = box(plan.miningSchedule.anchor);
    const cell = cellRef;
    expect(cached.get(plan.miningSchedule.anchor)).toBe("Date");
    expect(cached.get(cell(anchor.left, anchor.top + 1))).toBe(toExcelSerial(schedule.rows[0].date));
    expect(cached.get(cell(anchor.left + 6, anchor.top + schedule.rows.length))).toBe(
      schedule.rows[schedule.rows.length - 1].miningMargin.toNumber(),
    );

    const sheet = evaluatePlan(plan);
    for (let row = figures.top; row <= figures.bottom; row++) {
      expect([row, sheet.value(at(row))]).toEqual([row, cached.get(at(row))]);
    }
    for (let r = 0; r <= schedule.rows.length; r++) {
      for (let c = 0; c < plan.miningSchedule.columns; c++) {
        const ref = cell(anchor.left + c, anchor.top + r);
        expect([ref, sheet.value(ref)]).toEqual([ref, cached.get(ref)]);
      }
    }
    sheet.hf.destroy();
  });
});

describe("a deal sheet without a mining block", () => {
  it("has no block, one chart and reads back without mining", () => {
    const plan = planOk(WORKED);
    expect(plan.deal.layout.mining).toBeUndefined();
    expect(plan.miningSchedule).toBeUndefined();
    expect(plan.charts).toHaveLength(1);
    expect(readDealFile(plan.deal.layout, planReader(plan)).mining).toBeUndefined();
  });

  it("a mining block cleared on the sheet reads back as none", () => {
    const plan = planOk({ ...WORKED, mining: MINING });
    const layout = plan.deal.layout.mining;
    if (!layout) throw new Error("no mining block");
    const blanked = new Set(Object.values(layout.rows).map((row) => `B${row}`));
    const read = planReader({ cells: plan.cells.filter((c) => !blanked.has(c.ref)) });
    expect(readDealFile(plan.deal.layout, read).mining).toBeUndefined();
  });
});
