/** The Sensitivity section: its view-model, the plan piece and the Office.js writer (with the recorder of real batching). */
import {
  DELAY_MONTHS,
  Decimal,
  defaultRange,
  prepareSensitivity,
  rangeValues,
  sensitivityInput,
  tornado,
  validateDeal,
  type DealFile,
} from "../../src/core";
import { planSensitivity, sensitivityFormula } from "../../src/plan";
import { insertDeal } from "../../taskpane/actions";
import { SensitivityForm, parseValues } from "../../taskpane/ui/sections/sensitivity";
import { insertSensitivity, tornadoSweeps } from "../../taskpane/writer/sensitivity";
import { getPreset, SEED_PRESET_ID } from "../../src/presets";
import { FakeExcel } from "../support/taskpane-fakeExcel";
import { WORKED_CHECK_FILE } from "../support/deals";

function terms() {
  const t = validateDeal(WORKED_CHECK_FILE);
  if (!t.ok) throw t.error;
  return t.value;
}

describe("default ranges", () => {
  it("offers the rate ±10 %, a delay of 0–12 months, the term ±3 years (at least 12 months)", () => {
    const t = terms();
    expect(rangeValues(defaultRange("ratePerKWMonth", t), 7).map(String)).toEqual([
      "109.38",
      "113.43",
      "117.48",
      "121.53",
      "125.58",
      "129.63",
      "133.68",
    ]);
    expect(rangeValues(defaultRange(DELAY_MONTHS, t), 7).map(String)).toEqual(["0", "2", "4", "6", "8", "10", "12"]);
    expect(rangeValues(defaultRange("termMonths", t), 3).map(String)).toEqual(["108", "144", "180"]);
    expect(rangeValues(defaultRange("discountRate", t), 5).map(String)).toEqual([
      "0.06",
      "0.08",
      "0.1",
      "0.12",
      "0.14",
    ]);
    expect(rangeValues(defaultRange("escalator", t), 3).map(String)).toEqual(["-0.02", "0", "0.02"]);
  });
});

describe("the Sensitivity section's view-model", () => {
  it("starts with NPV over the rate and the delay, and sets the rate's range from the deal", () => {
    const form = new SensitivityForm();
    expect([form.figure, form.rowsKey, form.colsKey]).toEqual(["npv", "ratePerKWMonth", "delayMonths"]);
    // Before a deal with a mining block is chosen: no mining figure or input.
    expect(form.figures.map((f) => f.key)).not.toContain("breakevenHashprice");
    expect(form.inputs.some((i) => i.key.startsWith("mining."))).toBe(false);
    expect(form.rowsText).toBe("");
    expect(form.colsText).toBe("0, 2, 4, 6, 8, 10, 12");
    expect(form.setDeal(WORKED_CHECK_FILE)).toBeNull();
    expect(form.rowsText).toBe("109.38, 113.43, 117.48, 121.53, 125.58, 129.63, 133.68");
    form.chooseCols("escalator");
    expect(form.colsText).toBe("-0.02, -0.0133, -0.0067, 0, 0.0067, 0.0133, 0.02");
  });

  it("offers the breakeven hashprice and the mining inputs only for a deal with a mining block", () => {
    const seed = getPreset(SEED_PRESET_ID)?.deal;
    expect(seed?.mining).toBeDefined();
    const form = new SensitivityForm();
    expect(form.setDeal(seed)).toBeNull();
    expect(form.hasMining()).toBe(true);
    expect(form.figures.map((f) => f.key)).toContain("breakevenHashprice");
    expect(form.inputs.map((i) => i.key)).toEqual(
      expect.arrayContaining(["mining.hashprice", "mining.powerCostPerKWh"]),
    );
    form.figure = "breakevenHashprice";
    form.chooseRows("mining.powerCostPerKWh");
    // The power cost ±20 % around the seed's $0.04/kWh.
    expect(form.rowsText.split(", ")[0]).toBe("0.032");
    expect(form.rowsText.split(", ").at(-1)).toBe("0.048");
    // A deal without a mining block: its choices go back to the defaults, nothing mining is offered.
    expect(form.setDeal(WORKED_CHECK_FILE)).toBeNull();
    expect([form.figure, form.rowsKey, form.colsKey]).toEqual(["npv", "ratePerKWMonth", "delayMonths"]);
    expect(form.figures.map((f) => f.key)).not.toContain("breakevenHashprice");
    expect(form.inputs.some((i) => i.key.startsWith("mining."))).toBe(false);
  });

  it("asks for a deal sheet, numbers, and two different inputs, naming the field", () => {
    const form = new SensitivityForm();
    form.rowsText = "1, x";
    form.chooseCols("ratePerKWMonth");
    form.colsText = "";
    const r = form.request();
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => p.field)).toEqual(["sheet", "rows", "cols", "cols"]);
      expect(r.problems[1].message).toBe('Rows (Rate ($/kW-month)): "x" is not a number');
    }
    form.sheetId = "{s}";
    form.chooseCols(DELAY_MONTHS);
    form.rowsText = "100; 120 140";
    expect(form.request()).toEqual({
      ok: true,
      request: {
        sheetId: "{s}",
        figure: "npv",
        rows: { key: "ratePerKWMonth", values: [100, 120, 140] },
        cols: { key: DELAY_MONTHS, values: [0, 2, 4, 6, 8, 10, 12] },
      },
    });
    expect(parseValues(Array(26).fill("1").join(","), "rows", "Rows")).toEqual({
      field: "rows",
      message: "Rows: at most 25 values, got 26",
    });
  });
});

describe("the sensitivity plan", () => {
  const prepared = prepareSensitivity(WORKED_CHECK_FILE, "npv");
  if (!prepared.ok) throw prepared.error;
  const deal = prepared.value;
  const input = (k: string) => {
    const r = sensitivityInput(deal, k);
    if (!r.ok) throw r.error;
    return r.value;
  };
  const plan = planSensitivity({
    sheet: "Sens CW",
    dealTitle: "Worked check",
    figure: deal.figure,
    rows: { input: input("ratePerKWMonth"), values: [110, 121.53].map((v) => new Decimal(v)) },
    cols: { input: input(DELAY_MONTHS), values: [0, 6, 12].map((v) => new Decimal(v)) },
    termsName: "CW_Terms",
    tranchesName: null,
    tornado: tornado(deal, tornadoSweeps(deal)),
  });

  it("writes the values as inputs and one live formula over them and the deal's names", () => {
    const at = (ref: string) => plan.cells.find((c) => c.ref === ref);
    expect(at("B4")?.value).toBe(110);
    expect(at("C4")?.value).toBe(121.53);
    expect(at("D5")?.value).toBe(12);
    expect(at("A7")?.formula).toBe(
      '=HPC.SENSITIVITY("npv","ratePerKWMonth",$B$4:$C$4,"delayMonths",$B$5:$D$5,CW_Terms)',
    );
    expect(plan.table).toEqual({ anchor: "A7", ref: "A7:D9", rows: 3, columns: 4 });
    expect(plan.colorScale?.ref).toBe("B8:D9");
    // Nothing is written inside the spill but its formula (a value there would block it).
    for (const c of plan.cells) {
      const m = /^([A-D])([789])$/.exec(c.ref);
      if (m) expect(c.ref).toBe("A7");
    }
    expect(sensitivityFormula({ ...planInputFor(), tranchesName: "CW_Tranches" })).toMatch(/,CW_Terms,CW_Tranches\)$/);
    expect(sensitivityFormula({ ...planInputFor(), capexName: "CW_Capex" })).toMatch(/,CW_Terms,,CW_Capex\)$/);
    expect(sensitivityFormula({ ...planInputFor(), miningName: "CW_Mining" })).toMatch(/,CW_Terms,,,CW_Mining\)$/);
    expect(
      sensitivityFormula({
        ...planInputFor(),
        tranchesName: "CW_Tranches",
        capexName: "CW_Capex",
        miningName: "CW_Mining",
      }),
    ).toMatch(/,CW_Terms,CW_Tranches,CW_Capex,CW_Mining\)$/);
  });

  it("lays out the tornado sorted by swing, with its bar chart over the changes from the base", () => {
    expect(plan.chart?.type).toBe("bar");
    expect(plan.chart?.series.map((s) => s.name)).toEqual(["Low − base", "High − base"]);
    const labels = plan.cells.filter((c) => /^A1[3-9]$/.test(c.ref) && c.style === "label").map((c) => c.value);
    expect(labels[0]).toBe("Base: ");
    expect(labels.slice(1)).toContain("Rate ($/kW-month)");
    expect(plan.chart?.categories).toBe(`'Sens CW'!$A$15:$A$${14 + tornadoSweeps(deal).length}`);
  });

  function planInputFor() {
    return {
      sheet: "S",
      dealTitle: "D",
      figure: deal.figure,
      rows: { input: input("termMonths"), values: [new Decimal(12)] },
      cols: { input: input("escalator"), values: [new Decimal(0)] },
      termsName: "CW_Terms",
      tranchesName: null,
    };
  }
});

describe("inserting a sensitivity sheet", () => {
  async function withDeal(): Promise<{ excel: FakeExcel; sheetId: string }> {
    const excel = new FakeExcel(["Sheet1"]);
    const out = await insertDeal(excel.context(), WORKED_CHECK_FILE as DealFile);
    if (!out.ok) throw new Error(out.reason);
    return { excel, sheetId: out.sheetId };
  }
  const request = (sheetId: string) => ({
    sheetId,
    figure: "npv",
    rows: { key: "ratePerKWMonth", values: [110, 121.53] },
    cols: { key: DELAY_MONTHS, values: [0, 6] },
  });

  it("adds a new sheet with the live table, its colour scale and the tornado chart", async () => {
    const { excel, sheetId } = await withDeal();
    const out = await insertSensitivity(excel.context(), request(sheetId));
    expect(out).toMatchObject({ ok: true });
    if (!out.ok) return;
    const sheet = excel.sheets.find((s) => s.name === out.sheet);
    expect(sheet).toBeDefined();
    expect(String(sheet?.cells.get("A7"))).toMatch(
      /^=HPC\.SENSITIVITY\("npv","ratePerKWMonth",\$B\$4:\$C\$4,"delayMonths",\$B\$5:\$C\$5,\w+_Terms,,\w+_Capex\)$/,
    );
    const scale = excel.log.find((e) => e.path === "conditionalFormats.add().colorScale.criteria");
    expect(scale).toMatchObject({ sheet: out.sheet, address: "B8:C9" });
    expect(excel.log).toContainEqual(expect.objectContaining({ path: "charts.add()", value: "BarClustered" }));
    expect(sheet?.charts).toHaveLength(1);
  });

  it.each([
    ["the table's batch", 2],
    ["the chart's batch", 1],
  ])("leaves nothing behind when %s fails, and says so", async (_what, fromEnd) => {
    // How many syncs a whole insert takes: the failure is placed in one of its two writing batches.
    const probe = await withDeal();
    const start = probe.excel.syncs;
    await insertSensitivity(probe.excel.context(), request(probe.sheetId));
    const total = probe.excel.syncs - start;
    const { excel, sheetId } = await withDeal();
    const before = excel.sheets.map((s) => s.name);
    excel.failAt = { sync: excel.syncs + total - fromEnd + 1, afterOps: 3, message: "Simulated failure" };
    const out = await insertSensitivity(excel.context(), request(sheetId));
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.reason).toMatch(/Simulated failure.*Nothing was left in the workbook/);
    expect(excel.sheets.map((s) => s.name)).toEqual(before);
  });

  it("passes a deal sheet's mining block to the table, and sweeps the mining costs for the breakeven hashprice", async () => {
    const seed = getPreset(SEED_PRESET_ID);
    if (seed === undefined) throw new Error("no seed preset");
    const excel = new FakeExcel(["Sheet1"]);
    const inserted = await insertDeal(excel.context(), seed.deal as DealFile);
    if (!inserted.ok) throw new Error(inserted.reason);
    const out = await insertSensitivity(excel.context(), {
      sheetId: inserted.sheetId,
      figure: "breakevenHashprice",
      rows: { key: "mining.powerCostPerKWh", values: [0.03, 0.04, 0.05] },
      cols: { key: "ratePerKWMonth", values: [100, 120] },
    });
    expect(out).toMatchObject({ ok: true });
    if (!out.ok) return;
    const sheet = excel.sheets.find((s) => s.name === out.sheet);
    expect(String(sheet?.cells.get("A7"))).toMatch(
      /^=HPC\.SENSITIVITY\("breakevenHashprice","mining\.powerCostPerKWh",\$B\$4:\$D\$4,"ratePerKWMonth",\$B\$5:\$C\$5,\w+_Terms,\w+_Tranches,\w*,\w+_Mining\)$/,
    );
    const labels = [...(sheet?.cells.values() ?? [])].map(String);
    expect(labels).toContain("Mining: Power cost ($/kWh)");
    expect(labels).toContain("Mining: Fleet efficiency (J/TH)");
  });

  it("refuses a request core refuses, writing nothing", async () => {
    const { excel, sheetId } = await withDeal();
    const before = excel.sheets.length;
    const out = await insertSensitivity(excel.context(), { ...request(sheetId), figure: "nope" });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.reason).toMatch(/figure must be one of .*Nothing was written/);
    const missing = await insertSensitivity(excel.context(), request("{no-such-sheet}"));
    expect(missing.ok).toBe(false);
    expect(excel.sheets.length).toBe(before);
  });
});
