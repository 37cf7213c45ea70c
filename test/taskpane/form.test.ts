/** The pane's form as data: core's validation mapped to fields, the deal it yields, and file import/export. */
import { LIMITS, validateDeal, type DealFile } from "../../src/core";
import { getPreset, SEED_PRESET_ID, type Preset } from "../../src/presets";
import { exportDealText, importDealText } from "../../taskpane/model/dealFileIO";
import {
  addCapex,
  addTranche,
  blockedReason,
  checkForm,
  emptyForm,
  formFromDealFile,
  normalizedDealFile,
  removeCapex,
  removeTranche,
  setCapex,
  setTranche,
  setValue,
} from "../../taskpane/model/form";
import { headlines } from "../../taskpane/model/preview";
import { presetInfoFor, provenanceLines } from "../../taskpane/model/presets";

const seed = getPreset(SEED_PRESET_ID) as Preset;
const seedForm = () => formFromDealFile(seed.deal);

describe("form validation", () => {
  it("a preset's form is valid and gives back the preset's deal", () => {
    const form = seedForm();
    expect(form.values.creditPercent).toBe("50%");
    expect(form.tranches).toHaveLength(3);
    const check = checkForm(form);
    expect(check.problems).toEqual([]);
    expect(blockedReason(check)).toBeNull();
    expect(normalizedDealFile(form, check.terms!)).toEqual(seed.deal);
  });

  it("maps each problem to the field it names, as the user types", () => {
    let form = setValue(seedForm(), "termMonths", "12.5");
    form = setValue(form, "escalator", "abc");
    const check = checkForm(form);
    expect(check.terms).toBeNull();
    expect(check.fields.get("termMonths")).toEqual(['termMonths must be a whole number of months >= 1, got "12.5"']);
    expect(check.fields.get("escalator")?.[0]).toContain("escalator must be");
    expect(blockedReason(check)).toMatch(/^Fix 2 problems first/);
  });

  it("maps tranche problems to the form's row, blank rows skipped", () => {
    let form = addTranche(seedForm()); // row 3: blank, skipped
    form = addTranche(form); // row 4
    form = setTranche(form, 4, "date", "2025-13-01");
    form = setTranche(form, 4, "mw", "-3");
    form = setTranche(form, 1, "mw", "");
    const check = checkForm(form);
    expect(check.fields.get("tranches.4.date")?.[0]).toContain("tranches[3].date must be a date");
    expect(check.fields.get("tranches.4.mw")?.[0]).toContain("tranches[3].mw must be");
    expect(check.fields.get("tranches.1.mw")?.[0]).toContain("tranches[1].mw is required");
    const twoFewer = setValue(removeTranche(removeTranche(seedForm(), 2), 1), "capacityMW", "");
    expect(checkForm(twoFewer).terms?.capacityMW.toNumber()).toBe(80);
  });

  it("a blank deal says what is missing, and the Insert reason names it", () => {
    const check = checkForm(emptyForm());
    expect([...check.fields.keys()].sort()).toEqual(["capacityMW", "ratePerKWMonth", "startDate", "termMonths"]);
    expect(blockedReason(check)).toMatch(/^Fix 4 problems/);
  });

  it("the credit term the method does not use is ignored, and left out of the deal", () => {
    const form = setValue(setValue(seedForm(), "creditMethod", "straight-line"), "creditMonths", "");
    const check = checkForm(form);
    expect(check.problems).toEqual([]);
    expect(normalizedDealFile(form, check.terms!)).not.toHaveProperty("creditPercent");
  });
});

describe("the capex table and the renewal terms", () => {
  const base = (): DealFile => ({ capacityMW: 1, ratePerKWMonth: 100, termMonths: 12, startDate: "2025-01-01" });

  it("reads capex rows from a deal file (ISO or Excel dates) and gives them back in the deal", () => {
    const deal = { ...base(), capex: [{ date: "2025-02-01", amount: 1234.5 }], renewalOptions: 2 };
    const form = formFromDealFile(deal);
    expect(form.capex).toEqual([{ date: "2025-02-01", amount: "1234.5" }]);
    expect(form.values.renewalOptions).toBe("2");
    const check = checkForm(form);
    expect(check.problems).toEqual([]);
    expect(normalizedDealFile(form, check.terms!)).toEqual(deal);
    expect(formFromDealFile({ ...base(), capex: [{ date: 45689, amount: 5 }] }, "excel").capex).toEqual([
      { date: "2025-02-01", amount: "5" },
    ]);
  });

  it("edits rows; blank rows are skipped and problems land on the form's row", () => {
    let form = formFromDealFile(base());
    expect(form.capex).toEqual([]);
    form = addCapex(addCapex(addCapex(form)));
    form = setCapex(form, 0, "date", "2025-01-10");
    form = setCapex(form, 0, "amount", "100");
    form = setCapex(form, 2, "date", "2026-05-01"); // after the last billing month
    form = setCapex(form, 2, "amount", "1");
    const check = checkForm(form);
    expect([...check.fields.keys()]).toEqual(["capex.2.date"]);
    expect(check.fields.get("capex.2.date")?.[0]).toContain("capex[1].date");
    form = setCapex(form, 2, "amount", "1.005"); // sub-cent
    expect([...checkForm(form).fields.keys()]).toEqual(["capex.2.amount"]);
    form = removeCapex(form, 2);
    expect(checkForm(form).problems).toEqual([]);
    expect(normalizedDealFile(form, checkForm(form).terms!).capex).toEqual([{ date: "2025-01-10", amount: 100 }]);
  });

  it("renewal problems land on their fields", () => {
    const form = setValue(setValue(formFromDealFile(base()), "renewalOptions", "1"), "renewalsExercised", "2");
    expect([...checkForm(form).fields.keys()]).toEqual(["renewalsExercised"]);
  });
});

describe("preview", () => {
  it("shows the seed's headline figures to the cent", () => {
    const check = checkForm(seedForm());
    const figures = Object.fromEntries(headlines(check.terms!).map((h) => [h.label, h.value]));
    expect(figures["Contract value"]).toBe("$3,500,064,000.00");
    expect(figures["Average annual revenue"]).toBe("$291,672,000.00");
    expect(figures["Prepayment credited by"]).toMatch(/^20\d\d-\d\d$/);
    expect(figures["NPV at the discount rate"]).toMatch(/^\$[\d,]+\.\d\d$/);
  });

  it("reports an uncredited remainder and a missing discount rate", () => {
    const file = { capacityMW: 1, startDate: "2025-01-01", termMonths: 2, ratePerKWMonth: 1, prepayment: 1e6 };
    const figures = Object.fromEntries(
      headlines(checkForm(formFromDealFile(file)).terms!).map((h) => [h.label, h.value]),
    );
    expect(figures["Prepayment credited by"]).toBe("Not fully credited: $998,000.00 left at the end");
    expect(figures["NPV at the discount rate"]).toBe("Needs a discount rate");
  });
});

describe("import", () => {
  const form = seedForm();
  const cases: [string, string, RegExp][] = [
    ["invalid JSON", '{"name": "x",', /not valid JSON/],
    ["a valid JSON with a bad term", JSON.stringify({ ...seed.deal, termMonths: 0 }), /not a valid deal/],
    [
      "a __proto__ key",
      '{"__proto__": {"polluted": 1}, "capacityMW": 1, "startDate": "2025-01-01", "termMonths": 1, "ratePerKWMonth": 1}',
      /not a valid deal/,
    ],
    ["a JSON array", "[1, 2]", /not a valid deal/],
  ];
  it.each(cases)("refuses %s, and the form stays as it was", (_what, text, message) => {
    const before = JSON.stringify(form);
    const outcome = importDealText(text);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toMatch(message);
    expect(JSON.stringify(form)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("names the problems of an invalid deal", () => {
    const outcome = importDealText(JSON.stringify({ ...seed.deal, termMonths: 0, colour: "red" }));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.problems).toEqual(
        expect.arrayContaining([
          expect.stringContaining("termMonths must be"),
          expect.stringContaining('unknown term "colour"'),
        ]),
      );
    }
  });

  it("refuses an oversized file before parsing it", () => {
    const text = JSON.stringify({ ...seed.deal, name: "x".repeat(LIMITS.maxDealFileBytes) });
    const outcome = importDealText(text);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toMatch(/too large/);
  });

  it("imports what it exports", () => {
    const check = checkForm(form);
    const text = exportDealText(form, check.terms!);
    const outcome = importDealText(text);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) {
      expect(outcome.form).toEqual(form);
      expect(validateDeal(outcome.file).ok).toBe(true);
    }
  });
});

describe("presets", () => {
  it("marks every figure reported or assumed", () => {
    const lines = provenanceLines(seed);
    expect(lines.find((l) => l.key === "tenant")?.status).toBe("reported");
    expect(lines.find((l) => l.key === "ratePerKWMonth")?.status).toBe("assumed");
  });

  it("an edited figure loses the preset's source", () => {
    const deal: DealFile = { ...(seed.deal as DealFile), ratePerKWMonth: 130 };
    const info = presetInfoFor(seed, deal);
    expect(info.title).toBe(`${seed.title} (edited)`);
    expect(info.provenance.ratePerKWMonth).toEqual({
      status: "assumed",
      reason: "Edited in the pane (not the preset's figure).",
    });
    expect(info.provenance.tenant).toEqual(seed.provenance.tenant);
    expect(presetInfoFor(seed, seed.deal as DealFile).title).toBe(seed.title);
  });
});
