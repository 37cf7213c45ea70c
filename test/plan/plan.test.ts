import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { DealError, SCALAR_TERMS, termsKey, toExcelSerial, validateDeal } from "../../src/core";
import {
  FORMATS,
  isA1Ref,
  parseCell,
  planDeal,
  planPreset,
  planToJson,
  readTerms,
  type PlanCell,
  type SheetPlan,
} from "../../src/plan";
import { PRESETS, SEED_PRESET_ID, documentCitation, getPreset, miningProvenance } from "../../src/presets";
import { MINIMAL, RAMP, RETURNS, WORKED, cellAt, planReader, terms, planOk, presetOk } from "./fixtures";

function seed() {
  const preset = getPreset(SEED_PRESET_ID);
  if (!preset) throw new Error("no seed preset");
  return preset;
}

function formulas(plan: SheetPlan): PlanCell[] {
  return plan.cells.filter((c) => c.formula !== undefined);
}

describe("the worked check's sheet (one tranche)", () => {
  const plan = planOk(WORKED);

  it("is named after the parties, with names that read in formulas", () => {
    expect(plan.sheet).toBe("CW–CoreSci");
    expect(plan.deal.prefix).toBe("CWCoreSci");
    expect(plan.names).toEqual([
      { name: "CWCoreSci_Terms", ref: "'CW–CoreSci'!$A$5:$B$23", comment: expect.any(String) },
      { name: "CWCoreSci_Capex", ref: "'CW–CoreSci'!$A$27:$B$29", comment: expect.any(String) },
    ]);
    expect(plan.deal.tranchesName).toBeNull();
    expect(plan.deal.layout.tranches).toBeNull();
    expect(plan.deal.capexName).toBe("CWCoreSci_Capex");
  });

  it("writes every term of the spec's table in its order: label, value, format", () => {
    SCALAR_TERMS.forEach((spec, i) => {
      expect(cellAt(plan, `A${5 + i}`)).toEqual({ ref: `A${5 + i}`, value: spec.label, style: "label" });
    });
    expect(cellAt(plan, "B5")).toMatchObject({ value: "Worked check", format: "@", style: "input" });
    expect(cellAt(plan, "B8")).toMatchObject({ value: 200, format: FORMATS.mw, style: "input" });
    expect(cellAt(plan, "B9")).toMatchObject({ value: 121.53, format: "$#,##0.00##" });
    expect(cellAt(plan, "B10")).toMatchObject({ value: 144, format: "0" });
    expect(cellAt(plan, "B11")).toMatchObject({ value: 45658, format: "yyyy-mm-dd" });
    expect(cellAt(plan, "B12")).toMatchObject({ value: null, format: "0.00%" });
    expect(cellAt(plan, "C12").value).toBe("Not given: 0 % (a flat rate).");
    expect(cellAt(plan, "B13")).toMatchObject({ value: 300000000, format: "$#,##0.00" });
    expect(cellAt(plan, "B14")).toMatchObject({ value: toExcelSerial({ year: 2024, month: 7, day: 1 }) });
    expect(cellAt(plan, "B15")).toMatchObject({ value: "straight-line", choices: ["straight-line", "percent-of-fee"] });
    expect(cellAt(plan, "B16")).toMatchObject({ value: 144, format: "0" });
    expect(cellAt(plan, "B17")).toMatchObject({ value: null, format: "0.00%", style: "input" });
    expect(cellAt(plan, "C17").value).toBe("Not used by the straight-line method.");
    expect(cellAt(plan, "B19")).toMatchObject({ value: 0.1, format: "0.00%" });
  });

  it("spills the schedule from E4, on the frozen header row, with its size as inserted", () => {
    expect(cellAt(plan, "E4")).toMatchObject({ formula: "=HPC.HOSTINGCASHFLOW(CWCoreSci_Terms, , CWCoreSci_Capex)" });
    expect(plan.freeze).toEqual({ rows: 4, columns: 0 });
    expect(plan.schedule).toEqual({
      anchor: "E4",
      formula: "=HPC.HOSTINGCASHFLOW(CWCoreSci_Terms, , CWCoreSci_Capex)",
      rows: 151,
      columns: 11,
      ref: "E4:O154",
      reservedRef: "E4:O2404",
    });
    expect(plan.ranges).toContainEqual({ ref: "E5:E2404", format: "yyyy-mm-dd" });
    expect(plan.ranges).toContainEqual({ ref: "F5:F2404", format: "#,##0.0##" });
    expect(plan.ranges).toContainEqual({ ref: "H5:H2404", format: "#,##0.00" });
    expect(plan.ranges).toContainEqual({ ref: "E4:O4", style: "header" });
  });

  it("sums up with the HPC functions, reading the terms name", () => {
    const summary = formulas(plan)
      .filter((c) => c.ref.startsWith("B"))
      .map((c) => [c.ref, c.formula]);
    const byName = (figure: string) => `=HPC.DEALSUMMARY(CWCoreSci_Terms, , CWCoreSci_Capex, "${figure}")`;
    expect(summary).toEqual([
      ["B32", "=HPC.CONTRACTVALUE(CWCoreSci_Terms, , CWCoreSci_Capex)"],
      ["B33", "=HPC.ANNUALREVENUE(CWCoreSci_Terms, , CWCoreSci_Capex)"],
      ["B34", byName("capacityMW")],
      ["B35", byName("revenuePerMWYear")],
      ["B36", "=HPC.DEALNPV(CWCoreSci_Terms, , , CWCoreSci_Capex)"],
      ["B37", "=HPC.PREPAYREMAINING(CWCoreSci_Terms, TODAY(), , CWCoreSci_Capex)"],
      ["B38", byName("totalCredits")],
      ["B39", byName("uncreditedPrepayment")],
      ["B40", byName("totalNetCash")],
      ["B41", byName("firstMonth")],
      ["B42", byName("lastMonth")],
      ["B43", byName("hostNpv")],
      ["B44", byName("irr")],
      ["B45", byName("paybackMonth")],
      ["B46", byName("contractValueAllRenewals")],
    ]);
    expect(cellAt(plan, "B32").format).toBe("$#,##0.00");
    expect(cellAt(plan, "B41").format).toBe("yyyy-mm-dd");
    expect(cellAt(plan, "B44").format).toBe("0.00%");
  });

  it("has a capex table (Date, Amount) below the terms, empty with spare rows inside its name", () => {
    expect(plan.deal.layout.capex).toEqual({
      headerRow: 26,
      firstRow: 27,
      rows: 3,
      dateColumn: "A",
      amountColumn: "B",
      noteRef: "C25",
    });
    expect(cellAt(plan, "A25")).toMatchObject({ value: "Capex table", style: "header" });
    expect(cellAt(plan, "A26").value).toBe("Date");
    expect(cellAt(plan, "B26").value).toBe("Amount");
    for (const r of [27, 28, 29]) {
      expect(cellAt(plan, `A${r}`)).toMatchObject({ value: null, format: "yyyy-mm-dd", style: "input" });
      expect(cellAt(plan, `B${r}`)).toMatchObject({ value: null, format: "$#,##0.00", style: "input" });
    }
  });

  it("charts gross fee, net fee and prepayment remaining over the inserted schedule", () => {
    expect(plan.charts).toEqual([
      {
        type: "line",
        title: "Gross fee, net fee and prepayment remaining",
        categories: "'CW–CoreSci'!$E$5:$E$154",
        series: [
          { name: "Gross fee", nameRef: "'CW–CoreSci'!$H$4", values: "'CW–CoreSci'!$H$5:$H$154" },
          { name: "Net fee", nameRef: "'CW–CoreSci'!$J$4", values: "'CW–CoreSci'!$J$5:$J$154" },
          {
            name: "Prepayment remaining",
            nameRef: "'CW–CoreSci'!$O$4",
            values: "'CW–CoreSci'!$O$5:$O$154",
          },
        ],
        from: "Q4",
        to: "AB24",
        points: 150,
        categoryFormat: "yyyy-mm",
        valueFormat: '$#,##0,,"M"',
      },
    ]);
  });
});

describe("a ramp's sheet (a tranches table)", () => {
  const plan = planOk(RAMP);
  const t = plan.deal.layout.tranches;

  it("names the tranches table, with two spare rows inside the name", () => {
    expect(plan.names.map((n) => [n.name, n.ref])).toEqual([
      ["CWAppliedDig_Terms", "'CW–AppliedDig'!$A$5:$B$23"],
      ["CWAppliedDig_Tranches", "'CW–AppliedDig'!$A$27:$B$31"],
      ["CWAppliedDig_Capex", "'CW–AppliedDig'!$A$35:$B$37"],
    ]);
    expect(t).toEqual({ headerRow: 26, firstRow: 27, rows: 5, dateColumn: "A", mwColumn: "B", noteRef: "C25" });
    expect(cellAt(plan, "A26").value).toBe("Date");
    expect(cellAt(plan, "B26").value).toBe("MW");
  });

  it("lists the tranches by date, and leaves capacity and start date blank with a note", () => {
    expect([27, 28, 29, 30, 31].map((r) => [cellAt(plan, `A${r}`).value, cellAt(plan, `B${r}`).value])).toEqual([
      [toExcelSerial({ year: 2025, month: 10, day: 1 }), 100],
      [toExcelSerial({ year: 2026, month: 6, day: 1 }), 150],
      [toExcelSerial({ year: 2027, month: 1, day: 15 }), 150],
      [null, null],
      [null, null],
    ]);
    expect(cellAt(plan, "A27")).toMatchObject({ format: "yyyy-mm-dd", style: "input" });
    expect(cellAt(plan, "A31")).toMatchObject({ format: "yyyy-mm-dd", style: "input" });
    expect(cellAt(plan, "B8")).toMatchObject({ value: null, style: "input" });
    expect(cellAt(plan, "C8").value).toBe("Blank: the sum of the tranches (A27:B31).");
    expect(cellAt(plan, "B11")).toMatchObject({ value: null, style: "input" });
    expect(cellAt(plan, "C11").value).toBe("Blank: the earliest tranche date.");
    expect(cellAt(plan, "B16").value).toBeNull();
    expect(cellAt(plan, "C16").value).toBe("Not used by the percent-of-fee method.");
    expect(cellAt(plan, "B17")).toMatchObject({ value: 0.2, format: "0.00%" });
    expect(cellAt(plan, "B12")).toMatchObject({ value: 0.03, format: "0.00%" });
  });

  it("passes the three names to every HPC function", () => {
    const tables = "CWAppliedDig_Tranches, CWAppliedDig_Capex";
    expect(plan.schedule.formula).toBe(`=HPC.HOSTINGCASHFLOW(CWAppliedDig_Terms, ${tables})`);
    expect(cellAt(plan, "B40").formula).toBe(`=HPC.CONTRACTVALUE(CWAppliedDig_Terms, ${tables})`);
    expect(cellAt(plan, "B42").formula).toBe(`=HPC.DEALSUMMARY(CWAppliedDig_Terms, ${tables}, "capacityMW")`);
    expect(cellAt(plan, "B44").formula).toBe(`=HPC.DEALNPV(CWAppliedDig_Terms, , ${tables})`);
    expect(cellAt(plan, "B45").formula).toBe(`=HPC.PREPAYREMAINING(CWAppliedDig_Terms, TODAY(), ${tables})`);
    expect(cellAt(plan, "B52").formula).toBe(`=HPC.DEALSUMMARY(CWAppliedDig_Terms, ${tables}, "irr")`);
    for (const c of formulas(plan).filter((c) => c.formula?.includes("HPC."))) {
      expect(c.formula).toContain("CWAppliedDig_Terms");
      expect(c.formula).toContain("CWAppliedDig_Tranches");
      expect(c.formula).toContain("CWAppliedDig_Capex");
    }
  });
});

describe("the seed preset's sheet", () => {
  const preset = seed();
  const plan = presetOk(preset);
  const { layout } = plan.deal;

  it("is CW–CoreSci, reading CWCoreSci_Terms and CWCoreSci_Tranches", () => {
    expect(plan.sheet).toBe("CW–CoreSci");
    expect(plan.schedule.formula).toBe("=HPC.HOSTINGCASHFLOW(CWCoreSci_Terms, CWCoreSci_Tranches, CWCoreSci_Capex)");
    expect(plan.deal).toMatchObject({
      kind: "hpc-deal-sheet",
      version: 1,
      presetId: SEED_PRESET_ID,
      title: preset.title,
      termsName: "CWCoreSci_Terms",
      tranchesName: "CWCoreSci_Tranches",
      capexName: "CWCoreSci_Capex",
    });
    expect(cellAt(plan, "A1")).toEqual({ ref: "A1", value: preset.title, style: "title" });
    expect(cellAt(plan, "A2").value).toBe(preset.description);
  });

  it("puts each term's provenance beside its value, outside the two-column terms range", () => {
    expect(plan.names[0].ref).toBe("'CW–CoreSci'!$A$5:$B$23");
    for (const [key, p] of Object.entries(preset.provenance)) {
      if (key === "mining") continue; // the block's terms each carry their own (below)
      const ref =
        key === "tranches"
          ? layout.tranches?.noteRef
          : key === "capex"
            ? layout.capex?.noteRef
            : `C${layout.terms.rows[key as "name"]}`;
      const text = cellAt(plan, ref as string);
      expect(text.style).toBe("provenance");
      const expected =
        p.status === "reported" ? `Reported (${documentCitation(p.documents[0])}` : `Assumed: ${p.reason}`;
      expect(text.value).toContain(expected);
    }
  });

  it("puts each mining term's provenance beside its value in the mining block", () => {
    const mining = layout.mining;
    const provenance = miningProvenance(preset.id);
    if (!mining || !provenance) throw new Error("the seed has a mining block");
    for (const [key, p] of Object.entries(provenance)) {
      const text = cellAt(plan, `C${mining.rows[key as "hashprice"]}`);
      expect(text.style).toBe("provenance");
      expect(text.value).toContain(p.status === "reported" ? "Reported (" : `Assumed: ${p.reason}`);
    }
    // The default site power is stated as an assumption where it shows.
    expect(cellAt(plan, `C${mining.rows.sitePowerMW}`).value).toContain("1.3 × the deal's capacity");
  });

  it("writes the preset's source notes under the summary", () => {
    const notes = layout.notes;
    expect(notes).not.toBeNull();
    const first = parseCell((notes?.ref ?? "").split(":")[0])?.row ?? 0;
    preset.notes.forEach((note, i) =>
      expect(cellAt(plan, `A${first + i}`)).toMatchObject({ value: note, style: "note" }),
    );
    expect(cellAt(plan, `A${first - 1}`).value).toBe("Sources and notes");
    expect(plan.ranges).toContainEqual({ ref: `A${first}:C${first}`, merge: true, wrap: true });
  });
});

describe("every plan", () => {
  const cases: [string, SheetPlan, unknown][] = [
    ["worked check", planOk(WORKED), WORKED],
    ["ramp", planOk(RAMP), RAMP],
    ["minimal deal", planOk(MINIMAL), MINIMAL],
    ["deal with capex and renewals", planOk(RETURNS), RETURNS],
    ["validated ramp terms", planOk(terms(RAMP)), RAMP],
    ["validated worked terms", planOk(terms(WORKED)), WORKED],
    ...PRESETS.map((p): [string, SheetPlan, unknown] => [`preset ${p.id}`, presetOk(p), p.deal]),
  ];

  it.each(cases)("%s: holds every term in its terms block (read back, it is the same deal)", (_, plan, deal) => {
    const original = validateDeal(deal);
    if (!original.ok) throw original.error;
    const read = readTerms(plan.deal.layout, planReader(plan));
    if (!read.ok) throw read.error;
    expect(termsKey(read.value)).toBe(termsKey(original.value));
  });

  it.each(cases)("%s: inputs hold plain values, and formulas name the ranges, not figures", (_, plan) => {
    for (const c of plan.cells) {
      expect(c.value !== undefined && c.formula !== undefined).toBe(false);
      if (c.style === "input") expect(c.formula).toBeUndefined();
    }
    for (const c of formulas(plan)) {
      const f = c.formula as string;
      expect(f.startsWith("=")).toBe(true);
      if (f.includes("HPC.")) expect(f).toContain(plan.deal.termsName);
      if (plan.deal.tranchesName && f.includes("HPC.")) expect(f).toContain(plan.deal.tranchesName);
      if (plan.deal.capexName && f.includes("HPC.")) expect(f).toContain(plan.deal.capexName);
      // What is left once text, references and names are gone: only INDEX's row and column in DEALSUMMARY.
      const bare = f
        .replace(/"[^"]*"/g, "")
        .replace(/\$?[A-Z]{1,3}\$?\d+/g, "")
        .replace(/[A-Za-z_][A-Za-z0-9_.]*/g, "");
      const literals = bare.match(/\d+(\.\d+)?/g) ?? [];
      if (f.startsWith("=INDEX(HPC.DEALSUMMARY("))
        expect(literals).toEqual([String(/, (\d+), 2\)$/.exec(f)?.[1]), "2"]);
      else expect(literals).toEqual([]);
    }
  });

  it.each(cases)("%s: is JSON of the documented shape", (_, plan) => {
    const json = planToJson(plan);
    expect(Object.keys(json).slice(0, 4)).toEqual(["sheet", "cells", "names", "charts"]);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(json.sheet).toBe(plan.sheet);
    const sheetRef = /^'(?:[^']|'')+'!\$[A-Z]{1,3}\$\d+(?::\$[A-Z]{1,3}\$\d+)?$/;
    for (const c of json.cells as PlanCell[]) {
      expect(parseCell(c.ref)).toBeDefined();
      expect(c.ref).not.toContain("$");
      expect(typeof c.value === "number" || typeof c.value === "string" || c.value === null || c.formula).toBeTruthy();
      if (c.format === FORMATS.date && c.formula === undefined)
        expect(c.value === null || Number.isInteger(c.value)).toBe(true);
    }
    for (const r of plan.ranges) expect(isA1Ref(r.ref)).toBe(true);
    for (const n of plan.names) expect(n.ref).toMatch(sheetRef);
    for (const chart of plan.charts) {
      for (const ref of [chart.categories, ...chart.series.flatMap((s) => [s.nameRef, s.values])]) {
        expect(ref).toMatch(sheetRef);
      }
    }
    const refs = plan.cells.map((c) => c.ref);
    expect(new Set(refs).size).toBe(refs.length);
  });

  it.each(cases)("%s: keeps every cell off the schedule's reserved area and the chart's", (_, plan) => {
    const reserved = plan.schedule.reservedRef.split(":").map((r) => parseCell(r));
    for (const c of plan.cells) {
      if (c.ref === plan.schedule.anchor || c.ref === plan.miningSchedule?.anchor) continue;
      const a = parseCell(c.ref);
      if (!a || !reserved[0] || !reserved[1]) throw new Error(c.ref);
      const inside =
        a.column >= reserved[0].column &&
        a.column <= reserved[1].column &&
        a.row >= reserved[0].row &&
        a.row <= reserved[1].row;
      expect(inside).toBe(false);
      expect(a.column).toBeLessThan(parseCell(plan.charts[0].from)?.column ?? 0);
    }
  });
});

describe("the plan module", () => {
  const dir = join(__dirname, "../../src/plan");
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => [f, readFileSync(join(dir, f), "utf8")] as const);

  it.each(sources)("%s imports no Office, no HyperFormula, no I/O", (_, text) => {
    const imports = [...text.matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
    const allowed = ["../core", "../presets", "../functions/deal", "../functions/hpc", "../functions/mining"];
    expect(imports.filter((from) => !allowed.includes(from) && !/^\.\/[A-Za-z0-9]+$/.test(from))).toEqual([]);
    const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
    expect(code).not.toMatch(/\b(?:Office|Excel|CustomFunctions)\.[a-zA-Z]/);
  });

  it("plans the same deal the same way", () => {
    expect(planToJson(planOk(RAMP))).toEqual(planToJson(planOk(RAMP)));
  });
});

describe("choices the plan makes", () => {
  it("picks a new sheet name and prefix when the deal is already in the workbook", () => {
    const plan = planOk(WORKED, {
      existingSheetNames: ["Sheet1", "cw–coresci"],
      existingNames: ["cwcoresci_Terms", "Other_Terms"],
    });
    expect(plan.sheet).toBe("CW–CoreSci (2)");
    expect(plan.deal.prefix).toBe("CWCoreSci2");
    expect(plan.names[0]).toMatchObject({ name: "CWCoreSci2_Terms", ref: "'CW–CoreSci (2)'!$A$5:$B$23" });
    expect(plan.schedule.formula).toBe("=HPC.HOSTINGCASHFLOW(CWCoreSci2_Terms, , CWCoreSci2_Capex)");
    expect(plan.names[1]).toMatchObject({ name: "CWCoreSci2_Capex" });
  });

  it("falls back to the deal's name, then to Deal", () => {
    expect(planOk({ ...MINIMAL, name: "Lake Mariner [phase 1]" }).sheet).toBe("Lake Mariner -phase 1-");
    expect(planOk({ ...MINIMAL, name: "Lake Mariner [phase 1]" }).deal.prefix).toBe("LakeMarinerPhase1");
    expect(planOk(MINIMAL).sheet).toBe("Deal");
    expect(planOk(MINIMAL).deal.prefix).toBe("Deal");
    expect(planOk(MINIMAL).cells.find((c) => c.ref === "A1")?.value).toBe("Hosting deal");
  });

  it("quotes a sheet name with an apostrophe in its refs", () => {
    const plan = planOk(MINIMAL, { sheetName: "Hut 8's deal" });
    expect(plan.names[0].ref).toBe("'Hut 8''s deal'!$A$5:$B$23");
    expect(plan.deal.prefix).toBe("Hut8SDeal");
  });

  it("refuses an invalid deal file as a failed Result with core's problems, not an exception", () => {
    const bad = { ...WORKED, termMonths: 0, capacityMW: -1 };
    const planned = planDeal(bad);
    const checked = validateDeal(bad);
    if (planned.ok || checked.ok) throw new Error("expected the deal to be refused");
    expect(planned.error).toBeInstanceOf(DealError);
    expect(planned.error.problems.length).toBeGreaterThanOrEqual(2);
    expect(planned.error.problems).toEqual(checked.error.problems);
    expect(planPreset(PRESETS[0], { sheetName: "x" }).ok).toBe(true);
  });

  it("reads validated terms with one tranche as capacity and start date", () => {
    const plan = planOk(terms(WORKED));
    expect(plan.deal.layout.tranches).toBeNull();
    expect(cellAt(plan, "B12")).toMatchObject({ value: 0 });
    expect(cellAt(plan, "C12").value).toBeNull();
  });
});
