/**
 * The portfolio sheet in a real engine: the four Core Scientific presets
 * inserted as deal sheets, the portfolio sheet over their named ranges.
 */
import {
  buildPortfolio,
  formatIsoDate,
  money,
  parseIsoDate,
  rollUp,
  runRate,
  validateDeal,
  validatePortfolio,
  type Terms,
} from "../../src/core";
import { PORTFOLIO_LAYOUT, planPortfolioSheet } from "../../src/plan";
import { presetOk } from "./fixtures";
import { getPreset } from "../../src/presets";
import { CORE_SCIENTIFIC_BOOK, missingDealIds } from "../../src/presets/portfolios";
import { addressOf, writePlanCells } from "../../preview/hyperformula/planWriter";
import { PreviewWorkbook } from "../../preview/workbook";

function terms(deal: unknown): Terms {
  const r = validateDeal(deal);
  if (!r.ok) throw r.error;
  return r.value;
}

describe("the portfolio sheet", () => {
  const book = new PreviewWorkbook();
  const presets = CORE_SCIENTIFIC_BOOK.dealIds.map((id) => getPreset(id)!);
  const dealPlans: ReturnType<typeof presetOk>[] = [];
  const deals = presets.map((p) => {
    const plan = presetOk(p, {
      existingSheetNames: book.sheets().map((s) => s.name),
      existingNames: book.namedExpressions(),
    });
    book.insertPlan(plan);
    dealPlans.push(plan);
    return {
      title: plan.deal.title,
      termsName: plan.deal.termsName,
      tranchesName: plan.deal.tranchesName,
      terms: terms(p.deal),
    };
  });
  const plan = planPortfolioSheet(
    {
      name: CORE_SCIENTIFIC_BOOK.name,
      deals,
      period: { period: "quarter", fiscalYearEndMonth: 12 },
      runRateDate: parseIsoDate("2026-01-01")!,
      reported: CORE_SCIENTIFIC_BOOK.reported,
      notes: CORE_SCIENTIFIC_BOOK.notes,
    },
    { existingSheetNames: book.sheets().map((s) => s.name) },
  );
  const id = book.hf.getSheetId(book.hf.addSheet(plan.sheet)) as number;
  writePlanCells(book.hf, id, { names: [], cells: plan.cells });
  const v = (ref: string) => book.hf.getCellValue(addressOf(id, ref));
  const core = (() => {
    const p = validatePortfolio({ deals: presets.map((x) => x.deal) });
    if (!p.ok) throw p.error;
    return buildPortfolio(p.value, null);
  })();

  it("uses deal presets that exist", () => {
    expect(missingDealIds(CORE_SCIENTIFIC_BOOK)).toEqual([]);
  });

  it("gives the run rate, contract value and the book by quarter, as the core does", () => {
    expect(Number(v(`B${PORTFOLIO_LAYOUT.runRateRow}`)).toFixed(2)).toBe(
      money(runRate(core.combined, parseIsoDate("2026-01-01")!)),
    );
    expect(Number(v(`B${PORTFOLIO_LAYOUT.contractValueRow}`)).toFixed(2)).toBe(money(core.summary.contractValue));
    const quarters = rollUp(core.combined);
    expect(v("H5")).toBe("Period");
    quarters.forEach((q, i) => {
      expect(v(`H${6 + i}`)).toBe(q.period);
      expect(Number(v(`M${6 + i}`)).toFixed(2)).toBe(money(q.grossFee));
    });
    expect(plan.chart.points).toBe(quarters.length);
    // The by-deal table: one column per deal, adding up to the book's gross fee.
    expect(v("V5")).toBe("Period");
    for (let i = 0; i < quarters.length; i++) {
      const sum = [0, 1, 2, 3].reduce((s, k) => s + Number(v(`${String.fromCharCode(87 + k)}${6 + i}`)), 0);
      expect(sum.toFixed(2)).toBe(money(quarters[i].grossFee));
    }
  });

  it("sets the model beside what was reported, and shows the variance", () => {
    const first = PORTFOLIO_LAYOUT.reportedFirstRow;
    expect(v(`A${first}`)).toBe("Q1 2025");
    expect(v(`B${first}`)).toBe(8600000);
    const q1 = rollUp(core.combined).find((q) => q.period === "Q1 2025")!;
    expect(Number(v(`C${first}`)).toFixed(2)).toBe(money(q1.grossFee));
    expect(Number(v(`D${first}`)).toFixed(2)).toBe((8600000 - q1.grossFee.toNumber()).toFixed(2));
    expect(Number(v(`D${first}`))).toBeLessThan(0); // the large variance shows
    const guided = first + 4;
    expect(v(`A${guided}`)).toBe("Run rate 2026-01-01");
    expect(Number(v(`C${guided}`)).toFixed(2)).toBe(money(runRate(core.combined, parseIsoDate("2026-01-01")!)));
    expect(String(v(`F${first}`))).toMatch(/stockhouse\.com/);
    // A blank row the analyst has not filled shows nothing.
    expect(v(`C${first + 6}`)).toBe("");
  });

  it("is live: a change of a deal's terms moves the portfolio", () => {
    const before = Number(v(`B${PORTFOLIO_LAYOUT.runRateRow}`));
    const seed = dealPlans[0];
    const seedId = book.hf.getSheetId(seed.sheet) as number;
    const rateRow = seed.deal.layout.terms.rows.ratePerKWMonth;
    book.hf.setCellContents(addressOf(seedId, `${seed.deal.layout.terms.valueColumn}${rateRow}`), [[200]]);
    expect(Number(v(`B${PORTFOLIO_LAYOUT.runRateRow}`))).toBeGreaterThan(before);
    expect(formatIsoDate(parseIsoDate("2026-01-01")!)).toBe("2026-01-01");
  });
});
