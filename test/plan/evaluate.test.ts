import {
  Decimal,
  buildSchedule,
  computeDeal,
  makeDate,
  money,
  prepaymentRemaining,
  toExcelSerial,
  type CalendarDate,
  type DealFile,
  type DealModel,
} from "../../src/core";
import {
  DEAL_SUMMARY_ROW,
  SUMMARY_ROWS,
  parseCell,
  planTermsUpdate,
  readTerms,
  type SheetPlan,
  type SummaryKey,
} from "../../src/plan";
import { FIGURE_BY_KEY } from "../../src/core";
import { SEED_PRESET_ID, getPreset } from "../../src/presets";
import { MINIMAL, RAMP, RETURNS, WORKED, planOk, presetOk } from "./fixtures";
import { evaluatePlan, type EvaluatedSheet } from "./hyperformulaWriter";

/**
 * The plan evaluated in HyperFormula 3.5 with the HPC functions registered
 * (preview/hyperformula/plugin.ts): the sheet as inserted computes the
 * figures core computes, to the cent.
 */

function cents(x: unknown): string {
  if (typeof x !== "number") throw new Error(`expected a number, got ${JSON.stringify(x)}`);
  return new Decimal(x).toFixed(2, Decimal.ROUND_HALF_UP);
}

function model(deal: unknown): DealModel {
  const m = computeDeal(deal);
  if (!m.ok) throw m.error;
  return m.value;
}

function today(): CalendarDate {
  const now = new Date();
  const d = makeDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
  if (!d) throw new Error("no today");
  return d;
}

function summaryRef(plan: SheetPlan, key: SummaryKey): string {
  const first = parseCell(plan.deal.layout.summary.ref.split(":")[0])?.row ?? 0;
  return `B${first + SUMMARY_ROWS.findIndex((r) => r.key === key)}`;
}

/** The table arguments every HPC function ends with: ", tranches, capex" (a blank for a table the sheet lacks). */
function tablesArg(plan: SheetPlan): string {
  return `, ${plan.deal.tranchesName ?? ""}, ${plan.deal.capexName ?? ""}`;
}

function expectSummary(sheet: EvaluatedSheet, plan: SheetPlan, m: DealModel): void {
  const at = (key: SummaryKey) => sheet.value(summaryRef(plan, key));
  const s = m.summary;
  expect(cents(at("contractValue"))).toBe(money(s.contractValue));
  expect(cents(at("averageAnnualRevenue"))).toBe(money(s.averageAnnualRevenue));
  expect(at("capacity")).toBe(m.terms.capacityMW.toNumber());
  expect(cents(at("revenuePerMWYear"))).toBe(money(s.revenuePerMWYear));
  if (s.npv === null)
    expect(at("npv")).toMatchObject({ type: "VALUE", message: expect.stringContaining("discountRate") });
  else expect(cents(at("npv"))).toBe(money(s.npv));
  expect(cents(at("prepaymentRemainingToday"))).toBe(money(prepaymentRemaining(m.schedule, today())));
  expect(cents(at("totalCredits"))).toBe(money(s.totalCredits));
  expect(cents(at("uncreditedPrepayment"))).toBe(money(s.uncreditedPrepayment));
  expect(cents(at("totalNetCash"))).toBe(money(s.totalNetCash));
  expect(at("firstMonth")).toBe(toExcelSerial(s.firstMonth));
  expect(at("lastMonth")).toBe(toExcelSerial(s.lastMonth));
  if (s.hostNpv === null) expect(at("hostNpv")).toMatchObject({ type: expect.stringMatching(/VALUE|NUM/) });
  else expect(cents(at("hostNpv"))).toBe(money(s.hostNpv));
  if (s.irr === null) expect(at("irr")).toMatchObject({ type: "NUM" });
  else expect(Math.abs((at("irr") as number) - s.irr.toNumber())).toBeLessThan(1e-12);
  if (s.paybackMonth === null) expect(at("paybackMonth")).toMatchObject({ type: "NUM" });
  else expect(at("paybackMonth")).toBe(toExcelSerial(s.paybackMonth));
  expect(cents(at("contractValueAllRenewals"))).toBe(money(s.contractValueAllRenewals));
}

function expectSchedule(sheet: EvaluatedSheet, plan: SheetPlan, m: DealModel): void {
  expect(sheet.value("E4")).toBe("Date");
  expect(sheet.value("O4")).toBe("Prepayment remaining");
  m.schedule.rows.forEach((row, i) => {
    const r = 5 + i;
    expect(sheet.value(`E${r}`)).toBe(toExcelSerial(row.date));
    expect(cents(sheet.value(`H${r}`))).toBe(money(row.grossFee));
    expect(cents(sheet.value(`I${r}`))).toBe(money(row.credit));
    expect(cents(sheet.value(`J${r}`))).toBe(money(row.netFee));
    expect(cents(sheet.value(`L${r}`))).toBe(money(row.netCashFlow));
    expect(cents(sheet.value(`M${r}`))).toBe(money(row.capex));
    expect(cents(sheet.value(`N${r}`))).toBe(money(row.hostCashFlow));
    expect(cents(sheet.value(`O${r}`))).toBe(money(row.prepaymentRemaining));
  });
  const after = 5 + m.schedule.rows.length;
  expect(sheet.value(`E${after}`)).toBeNull();
  // The chart's ranges are exactly the schedule's rows as inserted.
  const chart = plan.charts[0];
  expect(chart.points).toBe(m.schedule.rows.length);
  expect(chart.categories.endsWith(`$E$${after - 1}`)).toBe(true);
}

describe.each<[string, () => SheetPlan, unknown]>([
  ["the worked check", () => planOk(WORKED), WORKED],
  ["a ramp", () => planOk(RAMP), RAMP],
  ["a deal with capex and renewals", () => planOk(RETURNS), RETURNS],
  [
    "the seed preset",
    () => {
      const seed = getPreset(SEED_PRESET_ID);
      if (!seed) throw new Error("no seed preset");
      return presetOk(seed);
    },
    getPreset(SEED_PRESET_ID)?.deal,
  ],
])("%s, evaluated in HyperFormula", (_, makePlan, deal) => {
  const plan = makePlan();
  const sheet = evaluatePlan(plan);
  const m = model(deal);

  it("computes core's summary, to the cent", () => expectSummary(sheet, plan, m));

  it("spills core's schedule from E4, and the chart covers it", () => expectSchedule(sheet, plan, m));

  it("computes core's prepayment remaining on a date", () => {
    const date = m.schedule.rows[Math.floor(m.schedule.rows.length / 3)].date;
    const got = sheet.evaluate(
      `=HPC.PREPAYREMAINING(${plan.deal.termsName}, DATE(${date.year},${date.month},${date.day})${tablesArg(plan)})`,
    );
    expect(cents(got)).toBe(money(prepaymentRemaining(m.schedule, date)));
  });

  it("takes each DEALSUMMARY figure from the row with its label", () => {
    for (const [key, row] of Object.entries(DEAL_SUMMARY_ROW)) {
      const label = sheet.evaluate(`=INDEX(HPC.DEALSUMMARY(${plan.deal.termsName}${tablesArg(plan)}), ${row}, 1)`);
      expect(label).toBe(FIGURE_BY_KEY[key as keyof typeof FIGURE_BY_KEY].label);
    }
  });

  it("reads back, from the evaluated sheet, as the same deal", () => {
    const read = readTerms(plan.deal.layout, sheet.value);
    if (!read.ok) throw read.error;
    expect(read.value).toEqual(m.terms);
  });
});

describe("the spec's worked check in the sheet", () => {
  const plan = planOk(WORKED);
  const sheet = evaluatePlan(plan);

  it("is worth 3,500,064,000.00 and leaves 147,916,666.67 on 2031-01-01", () => {
    expect(cents(sheet.value(summaryRef(plan, "contractValue")))).toBe("3500064000.00");
    expect(cents(sheet.evaluate("=HPC.PREPAYREMAINING(CWCoreSci_Terms, DATE(2031,1,1))"))).toBe("147916666.67");
  });
});

describe.each<[string, DealFile, DealFile]>([
  ["a plain sheet to another one-tranche deal", WORKED, MINIMAL],
  ["a ramp's sheet to a one-tranche deal", RAMP, WORKED],
  // A longer schedule needs the spill entered again in HyperFormula (see the function's message): shorter ones only.
  [
    "a sheet with capex to other capex and fewer renewals",
    RETURNS,
    { ...RETURNS, renewalsExercised: 0, capex: [{ date: "2024-08-01", amount: 300000000 }] },
  ],
  ["a sheet with capex to a deal without", RETURNS, MINIMAL],
  [
    "a ramp's sheet to a shorter ramp",
    RAMP,
    { ...RAMP, tranches: (RAMP.tranches as unknown[]).slice(0, 2), capacityMW: 250 },
  ],
])("updating the terms of %s, evaluated", (_, from, to) => {
  const plan = planOk(from);
  const sheet = evaluatePlan(plan);
  const update = planTermsUpdate(plan, to);
  if (!update.fits) throw new Error(update.reason);
  sheet.write(update.cells);
  const m = model(to);

  it("recomputes the summary and the schedule for the new terms", () => {
    expectSummary(sheet, plan, m);
    m.schedule.rows.forEach((row, i) => expect(cents(sheet.value(`H${5 + i}`))).toBe(money(row.grossFee)));
    expect(sheet.value(`E${5 + m.schedule.rows.length}`)).toBeNull();
    expect(update.scheduleRows).toBe(buildSchedule(m.terms).rows.length + 1);
  });
});
