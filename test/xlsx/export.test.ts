/**
 * The exported workbook, reopened with exceljs: the add-in's formulas (live)
 * and their cached values match the CLI's summary and schedule to the cent;
 * the values-only copy holds the same numbers and no formula.
 */
import type ExcelJS from "exceljs";
import { Decimal, type DealFile } from "../../src/core";
import { SCHEDULE_HEADER } from "../../src/functions/deal";
import { type SheetPlan, type SummaryKey } from "../../src/plan";
import { SEED_PRESET_ID, getPreset } from "../../src/presets";
import { exportPlanXlsx, storedFormula, type ExportMode } from "../../src/xlsx";
import { MINIMAL, RAMP, planOk, presetOk } from "../plan/fixtures";
import {
  AS_OF,
  AS_OF_ISO,
  cents,
  cliFigures,
  isoOf,
  openWorkbook,
  shown,
  summaryRef,
  type CliFigures,
  type Reopened,
} from "./helpers";

const seed = getPreset(SEED_PRESET_ID);
if (!seed) throw new Error("no seed preset");

const MONEY_KEYS = [
  "contractValue",
  "averageAnnualRevenue",
  "revenuePerMWYear",
  "npv",
  "totalCredits",
  "uncreditedPrepayment",
  "totalNetCash",
] as const satisfies readonly SummaryKey[];

function expectSummary(ws: Reopened, plan: SheetPlan, cli: CliFigures, capacity: number): void {
  for (const key of MONEY_KEYS) expect([key, cents(shown(ws, summaryRef(plan, key)))]).toEqual([key, cli.summary[key]]);
  expect(shown(ws, summaryRef(plan, "capacity"))).toBe(capacity);
  expect(cents(shown(ws, summaryRef(plan, "prepaymentRemainingToday")))).toBe(cli.remaining);
  expect(isoOf(shown(ws, summaryRef(plan, "firstMonth")))).toBe(cli.summary.firstMonth);
  expect(isoOf(shown(ws, summaryRef(plan, "lastMonth")))).toBe(cli.summary.lastMonth);
}

function expectSchedule(ws: Reopened, cli: CliFigures): void {
  const columns = ["E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O"];
  expect(columns.map((c) => shown(ws, `${c}4`))).toEqual(SCHEDULE_HEADER);
  cli.schedule.forEach((line, i) => {
    const row = 5 + i;
    const got = columns.map((c, j) => {
      const v = shown(ws, `${c}${row}`);
      if (j === 0) return isoOf(v);
      if (j === 1) return new Decimal(v as number).toString();
      // The CSV carries the exact rate; the cell, the nearest double to it.
      if (j === 2) return v;
      return cents(v);
    });
    expect(got).toEqual(line.map((text, j) => (j === 2 ? Number(text) : text)));
  });
  expect(ws.ws.getCell(`E${5 + cli.schedule.length}`).value).toBeNull();
}

const DEALS: [string, () => SheetPlan, DealFile][] = [
  ["the seed preset", () => presetOk(seed), seed.deal],
  ["a ramp with an escalator and percent-of-fee credits", () => planOk(RAMP), RAMP],
];
// `npm test` exports the seed (the largest sheet: tranches, capex, the mining block); `npm run test:full`
// both (test/support/quick.js).
const QUICK = process.env.HPC_QUICK_TESTS === "1";
const EXPORTED = QUICK ? DEALS.slice(0, 1) : DEALS;
// `npm test` reads back the live model only: the values-only copy is checked there by test/taskpane/xlsxExport
// and test/cli/xlsx (and here by `npm run test:full`).
const MODES: readonly ExportMode[] = QUICK ? ["live"] : ["live", "values"];
const valuesIt = QUICK ? it.skip : it;

describe.each(EXPORTED)("%s, exported and reopened with exceljs", (_, makePlan, deal) => {
  const plan = makePlan();
  const sheets: Partial<Record<ExportMode, Reopened>> = {};
  let cli: CliFigures;
  let capacity: number;

  beforeAll(async () => {
    cli = await cliFigures(deal);
    for (const mode of MODES) {
      sheets[mode] = await openWorkbook(await exportPlanXlsx(plan, { mode, asOf: AS_OF }));
    }
    const checked = (await import("../../src/core")).validateDeal(deal);
    if (!checked.ok) throw checked.error;
    capacity = checked.value.capacityMW.toNumber();
  });
  const sheet = (mode: ExportMode) => {
    const ws = sheets[mode];
    if (!ws) throw new Error(`no ${mode} workbook`);
    return ws;
  };

  it("live: holds every formula as Excel stores it, the HPC ones as dynamic arrays", () => {
    const { ws } = sheet("live");
    const formulas = plan.cells.filter((c) => c.formula !== undefined);
    expect(formulas.length).toBe(plan.miningSchedule ? 24 : 16);
    for (const cell of formulas) {
      const value = ws.getCell(cell.ref).value as ExcelJS.CellFormulaValue & { shareType?: string; ref?: string };
      expect(value.formula).toBe(storedFormula(cell.formula ?? ""));
      if (value.formula.includes("_xldudf_HPC_")) {
        expect(value.shareType).toBe("array");
        const spill =
          cell.ref === plan.schedule.anchor
            ? plan.schedule.ref
            : cell.ref === plan.miningSchedule?.anchor
              ? plan.miningSchedule.ref
              : cell.ref;
        expect(value.ref).toBe(spill);
      } else expect(value.shareType).toBeUndefined();
    }
    expect(String((ws.getCell(summaryRef(plan, "contractValue")).value as ExcelJS.CellFormulaValue).formula)).toMatch(
      /^_xldudf_HPC_CONTRACTVALUE\(/,
    );
  });

  it("live: caches the CLI's summary, to the cent", () => expectSummary(sheet("live"), plan, cli, capacity));
  it("live: caches the CLI's schedule in every spilled cell, to the cent", () => expectSchedule(sheet("live"), cli));

  valuesIt("values: has no formula at all, and says on top that it is a values-only copy of the date", () => {
    const { ws } = sheet("values");
    let formulas = 0;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === 6 /* ValueType.Formula */) formulas++;
      }),
    );
    expect(formulas).toBe(0);
    expect(String(ws.getCell("A3").value)).toMatch(new RegExp(`^Values-only copy made on ${AS_OF_ISO}`));
  });

  valuesIt("values: holds the CLI's summary, to the cent", () => expectSummary(sheet("values"), plan, cli, capacity));
  valuesIt("values: holds the CLI's schedule, to the cent", () => expectSchedule(sheet("values"), cli));

  it("keeps the layout: names, input values and formats, frozen header rows, column widths", () => {
    for (const mode of MODES) {
      const reopened = sheet(mode);
      const { ws } = reopened;
      const names = ws.workbook.definedNames.model.map((n: { name: string; ranges: string[] }) => [
        n.name,
        n.ranges[0],
      ]);
      expect(names).toEqual(plan.names.map((n) => [n.name, n.ref]));
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: plan.freeze.rows });
      expect(ws.getColumn("A").width).toBeCloseTo(plan.columns[0].width + 0.71, 2);
      const rate = plan.cells.find((c) => c.ref === `B${plan.deal.layout.terms.rows.ratePerKWMonth}`);
      expect(shown(reopened, rate?.ref ?? "")).toBe(rate?.value);
      expect(ws.getCell(rate?.ref ?? "").numFmt).toBe(rate?.format);
      expect(ws.getCell(summaryRef(plan, "contractValue")).numFmt).toBe("$#,##0.00");
      expect(ws.getCell("H5").numFmt).toBe("#,##0.00");
      expect(ws.getCell(plan.charts[0].from).value).toBeNull(); // the chart is a drawing over the cells, not a note
    }
  });
});

describe("a deal without a discount rate", () => {
  it("caches HPC.DEALNPV's #VALUE!, as the function returns it", async () => {
    const plan = planOk(MINIMAL);
    for (const mode of ["live", "values"] as const) {
      const reopened = await openWorkbook(await exportPlanXlsx(plan, { mode, asOf: AS_OF }));
      expect(shown(reopened, summaryRef(plan, "npv"))).toEqual({ error: "#VALUE!" });
    }
  });
});
