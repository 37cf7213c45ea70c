/**
 * The mining block in an exported workbook: its figures and its monthly
 * comparison cached (live) or written (values-only) as the CLI prints them,
 * to the cent, and its spill stored as one dynamic array.
 */
import type ExcelJS from "exceljs";
import { MINING_COLUMNS, MINING_FIGURES } from "../../src/core";
import { cellRef, parseCell, type SheetPlan } from "../../src/plan";
import { SEED_PRESET_ID, getPreset, type Preset } from "../../src/presets";
import { exportPlanXlsx, storedFormula, type ExportMode } from "../../src/xlsx";
import { RETURNS, planOk, presetOk } from "../plan/fixtures";
import { AS_OF, cents, cli, isoOf, openWorkbook, shown, type Reopened } from "./helpers";

const seed = getPreset(SEED_PRESET_ID) as Preset;
const RAMPED = {
  ...RETURNS,
  mining: { hashprice: 61.25, efficiencyJPerTH: 19.5, powerCostPerKWh: 0.052, uptime: 0.97, halvingDates: [] },
};

const DEALS: [string, () => SheetPlan, unknown][] = [
  ["the seed preset", () => presetOk(seed), seed.deal],
  ["a deal with capex and a mining block without halvings", () => planOk(RAMPED), RAMPED],
];
// `npm test` exports the deal without halvings (test/xlsx/export.test.ts exports the seed and its block);
// `npm run test:full` both (test/support/quick.js).
const EXPORTED = process.env.HPC_QUICK_TESTS === "1" ? DEALS.slice(1) : DEALS;

describe.each(EXPORTED)("%s: the mining block exported", (_, makePlan, deal) => {
  const plan = makePlan();
  const books: Partial<Record<ExportMode, Reopened>> = {};
  let csv: string[][];
  let summary: Record<string, string>;

  beforeAll(async () => {
    for (const mode of ["live", "values"] as const) {
      books[mode] = await openWorkbook(await exportPlanXlsx(plan, { mode, asOf: AS_OF }));
    }
    csv = (await cli(["mining", "deal.json"], deal))
      .trimEnd()
      .split("\n")
      .map((l) => l.split(","));
    summary = JSON.parse(await cli(["summary", "deal.json"], deal)) as Record<string, string>;
  });

  it.each(["live", "values"] as const)(
    "%s: the figures and every cell of the comparison, as the CLI prints them",
    (mode) => {
      const book = books[mode] as Reopened;
      const layout = plan.deal.layout.mining;
      const spill = plan.miningSchedule;
      if (!layout || !spill) throw new Error("no mining block");
      const first = parseCell(layout.figures.ref.split(":")[0])?.row ?? 0;
      MINING_FIGURES.forEach((f, i) => {
        expect([f.key, cents(shown(book, `B${first + i}`))]).toEqual([f.key, summary[f.key]]);
      });
      const anchor = parseCell(spill.anchor);
      if (!anchor) throw new Error(spill.anchor);
      expect(MINING_COLUMNS.map((_, c) => shown(book, cellRef(anchor.column + c, anchor.row)))).toEqual(
        MINING_COLUMNS.map((c) => c.label),
      );
      expect(csv.length).toBe(spill.rows);
      csv.slice(1).forEach((line, r) => {
        const got = MINING_COLUMNS.map((c, j) => {
          const v = shown(book, cellRef(anchor.column + j, anchor.row + 1 + r));
          if (c.format === "date") return isoOf(v);
          // Hashprice and hashrate: the cell holds the nearest double to the CSV's decimal.
          if (c.format === "hashprice" || c.format === "hashrate") return Number(line[j]) === v ? line[j] : String(v);
          return cents(v);
        });
        expect(got).toEqual(line);
      });
    },
  );

  it("live: the comparison is one dynamic array over its spill, the figures each their own", () => {
    const { ws } = books.live as Reopened;
    const spill = plan.miningSchedule;
    if (!spill) throw new Error("no mining block");
    const anchor = ws.getCell(spill.anchor).value as ExcelJS.CellFormulaValue & { shareType?: string; ref?: string };
    expect(anchor.formula).toBe(storedFormula(spill.formula));
    expect(anchor).toMatchObject({ shareType: "array", ref: spill.ref });
  });
});
