import { termsKey, type DealFile } from "../../src/core";
import { planTermsUpdate, readTerms, type PlanCell, type SheetPlan } from "../../src/plan";
import { SEED_PRESET_ID, getPreset, miningProvenance } from "../../src/presets";
import { MINIMAL, RAMP, RETURNS, WORKED, planReader, terms, planOk, presetOk } from "./fixtures";

/** The plan's cells with an update's cells written over them, as a writer would leave the sheet. */
function applied(plan: SheetPlan, cells: readonly PlanCell[]): Pick<SheetPlan, "cells"> {
  const byRef = new Map(plan.cells.map((c) => [c.ref, c]));
  for (const c of cells) byRef.set(c.ref, c);
  return { cells: [...byRef.values()] };
}

function tranches(count: number): { date: string; mw: number }[] {
  return Array.from({ length: count }, (_, i) => ({ date: `2026-${String(i + 1).padStart(2, "0")}-01`, mw: 10 + i }));
}

function expectFits(update: ReturnType<typeof planTermsUpdate>) {
  if (!update.fits) throw new Error(update.reason);
  return update;
}

describe("updating a sheet's terms in place", () => {
  const ramp = planOk(RAMP);
  const worked = planOk(WORKED);

  it("gives the insert's own cells for the same deal", () => {
    for (const [plan, deal] of [
      [ramp, RAMP],
      [worked, WORKED],
    ] as const) {
      const update = expectFits(planTermsUpdate(plan, deal));
      for (const c of update.cells) expect(plan.cells).toContainEqual(c);
      expect(update.charts).toEqual(plan.charts);
      expect(update.scheduleRows).toBe(plan.schedule.rows);
    }
  });

  it("writes only value and note cells of the terms block, the tranches table and the capex table", () => {
    const update = expectFits(planTermsUpdate(ramp, MINIMAL));
    const t = ramp.deal.layout.tranches;
    const x = ramp.deal.layout.capex;
    const allowed = new Set([
      ...Object.values(ramp.deal.layout.terms.rows).flatMap((r) => [`B${r}`, `C${r}`]),
      ...[27, 28, 29, 30, 31].flatMap((r) => [`A${r}`, `B${r}`]),
      t?.noteRef,
      ...[35, 36, 37].flatMap((r) => [`A${r}`, `B${r}`]),
      x?.noteRef,
    ]);
    expect(x?.noteRef).toBe("C33");
    for (const c of update.cells) expect(allowed.has(c.ref)).toBe(true);
    for (const c of update.cells) expect(c.formula).toBeUndefined();
  });

  it.each([
    ["a one-tranche deal into a tranches table", RAMP, WORKED],
    ["a deal with defaults into a tranches table", RAMP, MINIMAL],
    ["a ramp with the table's full five rows", RAMP, { ...RAMP, capacityMW: null, tranches: tranches(5) }],
    ["a one-tranche deal into a plain sheet", WORKED, MINIMAL],
    ["a deal with capex and renewals into a plain sheet", WORKED, { ...RETURNS, capex: RETURNS.capex }],
    ["a deal without capex over one with it", RETURNS, WORKED],
    ["a ramp with capex into a ramp's sheet", RAMP, { ...RAMP, capex: [{ date: "2025-01-01", amount: 5 }] }],
    [
      "a single listed tranche into a plain sheet",
      WORKED,
      { termMonths: 36, ratePerKWMonth: 99.5, tranches: [{ date: "2027-02-03", mw: 7 }] },
    ],
  ])("fits %s, and the sheet then reads back as the new deal", (_, from: DealFile, to: DealFile) => {
    const plan = planOk(from);
    const update = expectFits(planTermsUpdate(plan, to));
    const read = readTerms(plan.deal.layout, planReader(applied(plan, update.cells)));
    if (!read.ok) throw read.error;
    expect(termsKey(read.value)).toBe(termsKey(terms(to)));
  });

  it("blanks the table's unused rows inside the name and leaves capacity and start date blank", () => {
    const update = expectFits(planTermsUpdate(ramp, WORKED));
    const at = (ref: string) => update.cells.find((c) => c.ref === ref);
    expect(at("A27")).toMatchObject({ value: 45658, style: "input" });
    expect(at("B27")).toMatchObject({ value: 200, style: "input" });
    for (const r of [28, 29, 30, 31]) {
      expect(at(`A${r}`)).toMatchObject({ value: null, style: "input", format: "yyyy-mm-dd" });
      expect(at(`B${r}`)).toMatchObject({ value: null, style: "input" });
    }
    expect(at("B8")?.value).toBeNull();
    expect(at("B11")?.value).toBeNull();
  });

  it("follows the new schedule's length in the chart", () => {
    const update = expectFits(planTermsUpdate(worked, MINIMAL));
    expect(update.scheduleRows).toBe(25);
    expect(update.charts[0].points).toBe(24);
    expect(update.charts[0].categories).toBe("'CW–CoreSci'!$E$5:$E$28");
    expect(update.charts[0].series[0].values).toBe("'CW–CoreSci'!$H$5:$H$28");
  });

  it("uses the sheet's current name, should the user have renamed it", () => {
    const update = expectFits(planTermsUpdate({ sheet: "My deal", deal: worked.deal }, WORKED));
    expect(update.charts[0].categories).toBe("'My deal'!$E$5:$E$154");
  });

  it("says so when the new deal has more tranches than the table has rows", () => {
    expect(planTermsUpdate(ramp, { ...RAMP, capacityMW: null, tranches: tranches(6) })).toEqual({
      fits: false,
      reason: "the deal has 6 tranches and this sheet's tranches table has 5 rows: insert it as a new sheet",
      needed: 6,
      available: 5,
    });
  });

  it("writes capex items by date, blanks the unused capex rows, and says so when they do not fit", () => {
    const update = expectFits(planTermsUpdate(worked, RETURNS));
    const at = (ref: string) => update.cells.find((c) => c.ref === ref)?.value;
    expect([at("A27"), at("B27"), at("A28"), at("B28"), at("A29"), at("B29")]).toEqual([
      45444, // 2024-06-01
      400000000,
      45550, // 2024-09-15
      15000000,
      45565, // 2024-09-30
      5000000.25,
    ]);
    const four = { ...WORKED, capex: tranches(4).map((t) => ({ date: "2025-02-01", amount: t.mw })) };
    expect(planTermsUpdate(worked, four)).toEqual({
      fits: false,
      reason: "the deal has 4 capex items and this sheet's capex table has 3 rows: insert it as a new sheet",
      needed: 4,
      available: 3,
    });
    const blanked = expectFits(planTermsUpdate(planOk(RETURNS), WORKED));
    for (const r of [27, 28, 29]) expect(blanked.cells.find((c) => c.ref === `B${r}`)?.value).toBeNull();
  });

  it("on a sheet inserted before the capex table: fits a deal without capex, refuses one with it", () => {
    const { capex: _capex, ...oldLayout } = worked.deal.layout;
    const old = { sheet: worked.sheet, deal: { ...worked.deal, layout: oldLayout, capexName: undefined } };
    const update = expectFits(planTermsUpdate(old, MINIMAL));
    expect(update.cells.some((c) => /^[AB]2[6-9]$/.test(c.ref))).toBe(false);
    expect(planTermsUpdate(old, RETURNS)).toEqual({
      fits: false,
      reason: "the deal has capex and this sheet has no capex table: insert it as a new sheet",
      needed: 3,
      available: 0,
    });
  });

  it("says so when a plain sheet is given a ramp", () => {
    expect(planTermsUpdate(worked, RAMP)).toEqual({
      fits: false,
      reason: "the deal has 3 tranches and this sheet has no tranches table: insert it as a new sheet",
      needed: 3,
      available: 0,
    });
  });

  it("rewrites the provenance for a preset, and clears it without one", () => {
    const seed = getPreset(SEED_PRESET_ID);
    if (!seed) throw new Error("no seed preset");
    const plan = presetOk(seed);
    const withSource = expectFits(
      planTermsUpdate(plan, seed.deal, { provenance: seed.provenance, miningProvenance: miningProvenance(seed.id) }),
    );
    for (const c of withSource.cells) expect(plan.cells).toContainEqual(c);
    const without = expectFits(planTermsUpdate(plan, seed.deal));
    expect(without.cells.find((c) => c.ref === "C9")?.value).toBeNull();
    expect(without.cells.find((c) => c.ref === "C8")?.value).toBe("Blank: the sum of the tranches (A27:B31).");
  });
});
