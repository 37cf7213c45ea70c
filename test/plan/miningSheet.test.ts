import {
  buildSchedule,
  compareMining,
  money,
  termsKey,
  toExcelSerial,
  validateDeal,
  type DealFile,
} from "../../src/core";
import {
  RESERVED_SCHEDULE_ROWS,
  cellRef,
  miningBlockOf,
  parseCell,
  placeMiningBlock,
  planCachedValues,
  planMiningAddition,
  planTermsUpdate,
  readDealFile,
  readTerms,
  type PlanCell,
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

describe("updating a sheet with a mining block", () => {
  const plan = planOk({ ...WORKED, mining: MINING });
  const applied = (cells: readonly PlanCell[]) => {
    const byRef = new Map(plan.cells.map((c) => [c.ref, c]));
    for (const c of cells) byRef.set(c.ref, c);
    return planReader({ cells: [...byRef.values()] });
  };

  it("gives the insert's own cells and charts for the same deal", () => {
    const update = planTermsUpdate(plan, { ...WORKED, mining: MINING });
    if (!update.fits) throw new Error(update.reason);
    for (const c of update.cells) expect(plan.cells).toContainEqual(c);
    expect(update.charts).toEqual(plan.charts);
  });

  it.each([
    ["every mining term", { ...RETURNS, mining: FULL }],
    ["other halvings", { ...RETURNS, mining: { ...MINING, halvingDates: ["2030-01-01"] } }],
    ["no mining block (the block's inputs blanked)", RETURNS],
  ])("writes %s, and the sheet then reads back as the new deal file", (_, deal: DealFile) => {
    const update = planTermsUpdate(plan, deal);
    if (!update.fits) throw new Error(update.reason);
    const file = readDealFile(plan.deal.layout, applied(update.cells));
    expect(file.mining).toEqual(deal.mining);
    expect(update.charts.map((c) => c.role ?? "schedule")).toEqual(["schedule", "mining"]);
  });

  it("does not fit a deal with a mining block into a sheet without one", () => {
    const update = planTermsUpdate(planOk(WORKED), { ...WORKED, mining: MINING });
    expect(update.fits).toBe(false);
    if (!update.fits) expect(update.reason).toMatch(/mining block/);
  });
});

describe("adding a mining block to a sheet inserted without one", () => {
  const plan = planOk(RETURNS);
  const deal = { ...RETURNS, mining: FULL };

  it("places it where an insert would, over empty cells only, and reads back as the deal with mining", () => {
    const added = planMiningAddition(plan, deal, { existingNames: plan.names.map((n) => n.name) });
    if (!added.ok) throw new Error(added.reason);
    const { value } = added;
    expect(value.deal.layout.mining).toEqual(placeMiningBlock(plan.deal.layout));
    expect(value.deal.miningName).toBe(`${plan.deal.prefix}_Mining`);
    const taken = plan.cells.map((c) => c.ref);
    for (const area of value.areas)
      for (const ref of taken) expect([ref, area, overlaps(ref, area)]).toEqual([ref, area, false]);
    for (const c of value.cells) {
      expect(value.areas.some((a) => overlaps(c.ref, a))).toBe(true);
    }
    const cells = [...plan.cells, ...value.cells];
    const read = readDealFile(value.deal.layout, planReader({ cells }));
    expect(read.mining).toEqual(FULL);
    const terms = readTerms(value.deal.layout, planReader({ cells }));
    if (!terms.ok) throw terms.error;
    const original = validateDeal(deal);
    if (!original.ok) throw original.error;
    expect(termsKey(terms.value)).toBe(termsKey(original.value));

    const sheet = evaluatePlan({ ...plan, cells, names: [...plan.names, ...value.names] });
    expect(sheet.value(value.spill.anchor)).toBe("Date");
    const figures = box(value.deal.layout.mining?.figures.ref ?? "A1");
    expect(typeof sheet.value(`B${figures.bottom}`)).toBe("number");
    sheet.hf.destroy();
  });

  it('plans the same from the sheet\'s terms read back (Excel serial dates, `dates: "excel"`) as from the deal file', () => {
    const read = readDealFile(plan.deal.layout, planReader(plan));
    expect(typeof read.prepaymentDate).toBe("number"); // the sheet holds serials
    const fromSheet = planMiningAddition(plan, { ...read, mining: miningBlockOf(deal) }, { dates: "excel" });
    expect(fromSheet).toEqual(planMiningAddition(plan, deal));
    // Without the option, a serial is not a date.
    expect(planMiningAddition(plan, { ...read, mining: FULL })).toMatchObject({ ok: false });
  });

  it("takes a deal's mining block as given, from a deal file or from validated terms", () => {
    expect(miningBlockOf(deal)).toBe(FULL);
    expect(miningBlockOf(RETURNS)).toBeUndefined();
    const terms = validateDeal(deal);
    if (!terms.ok) throw terms.error;
    const fromTerms = validateDeal({ ...RETURNS, mining: miningBlockOf(terms.value) });
    expect(fromTerms.ok && termsKey(fromTerms.value)).toBe(termsKey(terms.value));
  });

  it("refuses a deal without mining, a sheet that has the block, and a name in use", () => {
    expect(planMiningAddition(plan, RETURNS)).toEqual({ ok: false, reason: "the deal has no mining block" });
    const withBlock = planOk(deal);
    expect(planMiningAddition(withBlock, deal)).toMatchObject({ ok: false, reason: expect.stringMatching(/already/) });
    expect(
      planMiningAddition(plan, deal, { existingNames: [`${plan.deal.prefix.toLowerCase()}_mining`] }),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/in use/) });
  });
});
