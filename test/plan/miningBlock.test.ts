import { buildSchedule, compareMining, money, validateDeal } from "../../src/core";
import { presetOk } from "./fixtures";
import { miningLayout, planMiningBlock } from "../../src/plan/miningBlock";
import { getPreset, SEED_PRESET_ID } from "../../src/presets";
import { SEED_MINING, SEED_MINING_PROVENANCE } from "../../src/presets/mining";
import { evaluatePlan } from "./hyperformulaWriter";

/** The mining piece of a deal sheet, evaluated beside the seed's sheet: its live figures are core's. */

const seed = getPreset(SEED_PRESET_ID);
if (!seed) throw new Error("no seed preset");
const plan = presetOk({ ...seed, deal: { ...seed.deal, mining: undefined } });
const checked = validateDeal({ ...seed.deal, mining: SEED_MINING });
if (!checked.ok) throw checked.error;
const { schedule, summary } = compareMining(buildSchedule(checked.value));

const block = planMiningBlock({
  sheet: plan.sheet,
  prefix: plan.deal.prefix,
  termsName: plan.deal.termsName,
  tranchesName: plan.deal.tranchesName,
  capexName: plan.deal.capexName ?? null,
  mining: SEED_MINING,
  provenance: SEED_MINING_PROVENANCE,
  // Below everything the seed's sheet holds (checked below).
  layout: miningLayout(100, { column: 28, row: 4, reservedRows: 600 }, { from: "O26", to: "Z46" }),
  spillRows: schedule.rows.length + 1,
});

describe("the mining piece of a deal sheet", () => {
  it("lays out the inputs with provenance and the stated site-power assumption", () => {
    const planRows = plan.cells.map((c) => Number(/\d+$/.exec(c.ref)?.[0] ?? 0));
    expect(Math.max(...planRows)).toBeLessThan(100);
    const at = (ref: string) => block.cells.find((c) => c.ref === ref);
    expect(at("A101")?.value).toBe("Hashprice ($/PH/s/day)");
    expect(at("B101")?.value).toBe(48);
    expect(String(at("C101")?.value)).toMatch(/^Assumed: .*as reported.*Hashrate Index/);
    expect(at("B104")?.value).toBeNull();
    expect(String(at("C104")?.value)).toContain("1.3 × the deal's capacity");
    expect(at("B109")?.value).toBe("2028-04-17, 2032-04-14, 2036-04-11");
    expect(block.names).toEqual([
      expect.objectContaining({ name: `${plan.deal.prefix}_Mining`, ref: expect.stringMatching(/\$A\$101:\$B\$110$/) }),
    ]);
    expect(block.chart.series.map((s) => s.name)).toEqual(["Hosting cash flow", "Mining margin"]);
    expect(block.chart.title).toContain("halvings: 2028-04, 2032-04, 2036-04");
  });

  it("evaluates, live, to core's figures and monthly comparison", () => {
    const sheet = evaluatePlan({
      ...plan,
      cells: [...plan.cells, ...block.cells],
      names: [...plan.names, ...block.names],
    });
    const rowOf = (label: string) => block.cells.find((c) => c.value === label && c.ref.startsWith("A"))?.ref.slice(1);
    const figure = (label: string) => {
      const v = sheet.value(`B${rowOf(label)}`);
      if (typeof v !== "number") throw new Error(`${label}: ${JSON.stringify(v)}`);
      return v.toFixed(2);
    };
    expect(figure("Breakeven hashprice ($/PH/s/day)")).toBe(money(summary.breakevenHashprice));
    expect(figure("Mining NPV")).toBe(money(summary.miningNpv));
    expect(figure("Hosting NPV")).toBe(money(summary.hostingNpv));
    expect(sheet.value("AB4")).toBe("Date");
    expect((sheet.value("AH5") as number).toFixed(2)).toBe(money(schedule.rows[0].miningMargin));
    sheet.hf.destroy();
  });
});
