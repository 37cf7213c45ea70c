/**
 * The Deal section's view-model, without a DOM: what it shows and allows as the user types, picks a
 * preset, selects a sheet, and starts long work.
 */
import fc from "fast-check";
import { PRESETS, SEED_PRESET_ID, getPreset } from "../../src/presets";
import type { DealSheetSummary } from "../../taskpane/actions";
import { DEAL_BUTTONS, DealViewModel, type DealView } from "../../taskpane/ui/dealModel";
import { formatter } from "../../taskpane/ui/format";

const BOOK = { available: true };
const NO_BOOK = { available: false, unavailableReason: "Open this pane in Excel." };
const en = formatter("en-US");

const sheet = (sheetId: string, presetId: string | null = null): DealSheetSummary => ({
  sheetId,
  sheet: `Deal ${sheetId}`,
  title: "A deal",
  presetId,
});

const enabled = (view: DealView) => DEAL_BUTTONS.filter((b) => view.buttons[b].enabled);

describe("the Deal view-model", () => {
  it("starts on the first preset, valid, with its figures in the locale and Insert enabled", () => {
    const vm = new DealViewModel(BOOK, en);
    const view = vm.view();
    expect(view.presetId).toBe(PRESETS[0].id);
    expect(view.fieldErrors.size).toBe(0);
    expect(view.dealError).toBe("");
    expect(view.figures?.map((f) => f.label)).toEqual([
      "Contract value",
      "Average annual revenue",
      "Revenue per MW-year",
      "Prepayment credited by",
      "NPV at the discount rate",
    ]);
    expect(view.buttons.insert).toEqual({ enabled: true });
    expect(view.insertReason).toBe("");
    expect(view.busy).toBeNull();
  });

  it("formats the seed's contract value to the cent in each locale", () => {
    const vm = (locale: string) => new DealViewModel(BOOK, formatter(locale), SEED_PRESET_ID);
    const value = (locale: string) =>
      vm(locale)
        .view()
        .figures?.find((f) => f.label === "Contract value")?.value;
    expect(value("en-US")).toBe("$3,500,064,000.00");
    expect(value("de-DE")).toBe("3.500.064.000,00\u00a0$");
    expect(value("fr-FR")).toBe("3\u202f500\u202f064\u202f000,00\u00a0$US");
  });

  it("puts each problem beside its field and disables what needs a valid deal, with the reason", () => {
    const vm = new DealViewModel(BOOK, en, SEED_PRESET_ID);
    vm.setValue("termMonths", "12.5");
    const view = vm.view();
    expect(view.fieldErrors.get("termMonths")).toContain("termMonths must be a whole number");
    expect(view.figures).toBeNull();
    for (const b of ["insert", "export", "copy", "export-xlsx", "export-xlsx-values"] as const) {
      expect(view.buttons[b].enabled).toBe(false);
      expect(view.buttons[b].reason).toMatch(/^Fix 1 problem first/);
    }
    expect(view.insertReason).toMatch(/^Fix 1 problem first/);
    expect(vm.validDeal()).toEqual({ ok: false, reason: view.insertReason });
  });

  it("says why the workbook actions are off when there is no workbook, and keeps the file actions", () => {
    const view = new DealViewModel(NO_BOOK, en).view();
    expect(view.workbookStatus).toBe("Open this pane in Excel.");
    expect(view.buttons.insert).toEqual({ enabled: false, reason: "Open this pane in Excel." });
    expect(view.buttons.recalc.reason).toBe("Open this pane in Excel.");
    expect(enabled(view)).toEqual(["export", "copy", "export-xlsx", "export-xlsx-values"]);
  });

  it("needs a selected sheet to load or update terms; a refreshed list keeps the selection only if it is still there", () => {
    const vm = new DealViewModel(BOOK, en);
    vm.setSheets([sheet("a"), sheet("b")]);
    expect(vm.view().buttons["load-terms"]).toEqual({ enabled: false, reason: "Select a deal sheet first." });
    vm.selectSheet("b");
    expect(vm.view().buttons["load-terms"]).toEqual({ enabled: true });
    vm.setSheets([sheet("b"), sheet("c")]);
    expect(vm.selectedSheet()?.sheetId).toBe("b");
    vm.setSheets([sheet("c")]);
    expect(vm.selectedSheet()).toBeUndefined();
    vm.setSheets([sheet("c"), sheet("d")], "d");
    expect(vm.selectedSheet()?.sheetId).toBe("d");
    vm.selectSheet("nope");
    expect(vm.selectedSheet()).toBeUndefined();
  });

  it("refuses a second long task while one runs, shows it, and disables the workbook buttons meanwhile", () => {
    const vm = new DealViewModel(BOOK, en);
    vm.setSheets([sheet("a")], "a");
    expect(vm.begin("Inserting the deal…")).toBe(true);
    expect(vm.begin("Building the .xlsx…")).toBe(false);
    const busy = vm.view();
    expect(busy.busy).toBe("Inserting the deal…");
    expect(enabled(busy)).toEqual(["export", "copy"]);
    expect(busy.insertReason).toBe("");
    vm.end();
    expect(vm.view().busy).toBeNull();
    expect(enabled(vm.view())).toEqual([...DEAL_BUTTONS]);
  });

  it("a preset replaces the form; a blank deal empties it; a loaded form names its preset or none", () => {
    const vm = new DealViewModel(BOOK, en, SEED_PRESET_ID);
    vm.choosePreset("");
    expect(vm.view().presetId).toBe("");
    expect(vm.view().presetDescription).toContain("Type the terms");
    expect(vm.view().figures).toBeNull();
    vm.choosePreset(SEED_PRESET_ID);
    expect(vm.view().provenance.length).toBeGreaterThan(0);
    const form = vm.form;
    vm.loadForm(form, null);
    expect(vm.preset).toBeNull();
    vm.loadForm(form, SEED_PRESET_ID);
    expect(vm.preset?.id).toBe(SEED_PRESET_ID);
    const valid = vm.validDeal();
    expect(valid.ok && valid.deal).toEqual(getPreset(SEED_PRESET_ID)?.deal);
  });

  it("adds and removes tranche rows; a half-typed row's problem is shown on the row", () => {
    const vm = new DealViewModel(BOOK, en, SEED_PRESET_ID);
    const rows = vm.form.tranches.length;
    vm.addTranche();
    expect(vm.form.tranches).toHaveLength(rows + 1);
    vm.setTranche(rows, "mw", "10");
    const view = vm.view();
    expect([...view.fieldErrors.keys()].some((k) => k.startsWith(`tranches.${rows}`))).toBe(true);
    vm.removeTranche(rows);
    expect(vm.form.tranches).toHaveLength(rows);
    expect(vm.view().fieldErrors.size).toBe(0);
  });

  it("never throws on any text in any field, and Insert is enabled exactly when the deal is valid", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          "capacityMW" as const,
          "ratePerKWMonth" as const,
          "termMonths" as const,
          "startDate" as const,
          "escalator" as const,
        ),
        fc.string(),
        (key, text) => {
          const vm = new DealViewModel(BOOK, en, SEED_PRESET_ID);
          vm.setValue(key, text);
          const view = vm.view();
          expect(view.buttons.insert.enabled).toBe(vm.check.terms !== null);
          expect(view.figures === null).toBe(vm.check.terms === null);
        },
      ),
      { numRuns: Number(process.env.FC_NUM_RUNS ?? 200) },
    );
  });

  it("shows the host's returns live: capex, host NPV, IRR, payback, and all renewals when there are options", () => {
    const vm = new DealViewModel(BOOK, en, null);
    for (const [key, text] of [
      ["capacityMW", "1"],
      ["ratePerKWMonth", "100"],
      ["termMonths", "12"],
      ["startDate", "2025-01-01"],
      ["discountRate", "0"],
    ] as const)
      vm.setValue(key, text);
    const returns = () => Object.fromEntries((vm.view().returns ?? []).map((f) => [f.label, f.value]));
    expect(returns()).toEqual({
      "Total capex": "$0.00",
      "Host NPV": "$1,200,000.00",
      "Host IRR": expect.stringMatching(/^None: the host cash flows never change sign/),
      "Payback month": "January 2025",
    });
    vm.addCapex();
    vm.setCapex(0, "date", "2025-01-01");
    vm.setCapex(0, "amount", "1000000");
    vm.setValue("renewalOptions", "1");
    vm.setValue("renewalMonths", "12");
    const after = returns();
    expect(after["Total capex"]).toBe("$1,000,000.00");
    expect(after["Host NPV"]).toBe("$200,000.00");
    expect(after["Host IRR"]).toMatch(/^\d+\.\d\d%$/);
    expect(after["Payback month"]).toBe("October 2025");
    expect(after["Contract value, all renewals"]).toBe("$2,400,000.00");
    // A bad capex row: no figures, the problem beside the row's field.
    vm.setCapex(0, "amount", "-1");
    expect(vm.view().returns).toBeNull();
    expect(vm.view().fieldErrors.get("capex.0.amount")).toContain("capex[0].amount");
  });

  it("formats the IRR in the locale", () => {
    const vm = new DealViewModel(BOOK, formatter("de-DE"), null);
    for (const [key, text] of [
      ["capacityMW", "1"],
      ["ratePerKWMonth", "100"],
      ["termMonths", "12"],
      ["startDate", "2025-01-01"],
    ] as const)
      vm.setValue(key, text);
    vm.addCapex();
    vm.setCapex(0, "date", "2025-01-01");
    vm.setCapex(0, "amount", "1000000");
    const irr = vm.view().returns?.find((f) => f.label === "Host IRR")?.value;
    expect(irr).toMatch(/^\d+,\d\d\u00a0%$/);
  });
});
