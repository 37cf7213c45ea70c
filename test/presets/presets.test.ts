import { TERMS, computeDeal, termsKey, validateDeal, type TermKey } from "../../src/core";
import { PRESETS, SEED_PRESET_ID, getPreset, type Preset, type Provenance } from "../../src/presets";

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TERM_ORDER = TERMS.map((t) => t.key as string);

function isDeepFrozen(value: unknown, path = "preset"): string[] {
  if (typeof value !== "object" || value === null) return [];
  const unfrozen = Object.isFrozen(value) ? [] : [path];
  for (const [key, child] of Object.entries(value)) unfrozen.push(...isDeepFrozen(child, `${path}.${key}`));
  return unfrozen;
}

function describeProvenance(p: Provenance): string[] {
  const problems: string[] = [];
  if (p.status === "reported") {
    if (p.source.trim() === "") problems.push("a reported figure without a source");
    if (p.note !== undefined && p.note.trim() === "") problems.push("an empty note");
    const extra = Object.keys(p).filter((k) => !["status", "source", "note"].includes(k));
    if (extra.length > 0) problems.push(`unexpected fields ${extra.join(", ")}`);
  } else if (p.status === "assumed") {
    if (p.reason.trim() === "") problems.push("an assumed figure without a reason");
    if (p.source !== undefined && p.source.trim() === "") problems.push("an empty source");
    const extra = Object.keys(p).filter((k) => !["status", "reason", "source"].includes(k));
    if (extra.length > 0) problems.push(`unexpected fields ${extra.join(", ")}`);
  } else {
    problems.push(`unknown status ${JSON.stringify((p as { status: unknown }).status)}`);
  }
  return problems;
}

describe("the preset list", () => {
  it("is not empty and starts with the seed deal", () => {
    expect(PRESETS.length).toBeGreaterThan(1);
    expect(SEED_PRESET_ID).toBe("coreweave-core-scientific-2024");
    expect(PRESETS[0].id).toBe(SEED_PRESET_ID);
    expect(PRESETS[0].title).toBe("CoreWeave – Core Scientific (June 2024)");
  });

  it("has unique kebab-case ids", () => {
    const ids = PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(KEBAB);
  });

  it("finds each preset by its id, and nothing else", () => {
    for (const p of PRESETS) expect(getPreset(p.id)).toBe(p);
    expect(getPreset(SEED_PRESET_ID)).toBe(PRESETS[0]);
    for (const id of ["", "nope", "__proto__", "constructor", "toString", SEED_PRESET_ID.toUpperCase()]) {
      expect(getPreset(id)).toBeUndefined();
    }
  });

  it("is frozen all the way down", () => {
    expect(Object.isFrozen(PRESETS)).toBe(true);
    expect(isDeepFrozen(PRESETS, "PRESETS")).toEqual([]);
    const seed = PRESETS[0];
    expect(() => {
      (seed.deal as Record<string, unknown>).ratePerKWMonth = 1;
    }).toThrow(TypeError);
    expect(() => {
      (seed.deal.tranches as { mw: number }[])[0].mw = 1;
    }).toThrow(TypeError);
    expect(() => {
      (PRESETS as Preset[]).push(seed);
    }).toThrow(TypeError);
    expect(seed.deal.ratePerKWMonth).toBe(121.53);
  });
});

describe.each(PRESETS.map((p) => [p.id, p] as const))("preset %s", (_id, preset) => {
  it("is a deal file that validates with no problems", () => {
    const checked = validateDeal(preset.deal);
    expect(checked.ok ? [] : checked.error.problems).toEqual([]);
  });

  it("computes, with an NPV", () => {
    const model = computeDeal(preset.deal);
    if (!model.ok) throw model.error;
    expect(model.value.summary.contractValue.greaterThan(0)).toBe(true);
    expect(model.value.summary.npv).not.toBeNull();
  });

  it("survives a trip through JSON unchanged, as the CLI writes it", () => {
    const direct = validateDeal(preset.deal);
    const viaJson = validateDeal(JSON.parse(JSON.stringify(preset.deal)));
    if (!direct.ok || !viaJson.ok) throw new Error("does not validate");
    expect(termsKey(viaJson.value)).toBe(termsKey(direct.value));
  });

  it("lists its terms in the spec's order", () => {
    const positions = Object.keys(preset.deal).map((k) => TERM_ORDER.indexOf(k));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("gives a provenance for exactly the keys of its deal", () => {
    expect(Object.keys(preset.provenance).sort()).toEqual(Object.keys(preset.deal).sort());
  });

  it("gives every provenance a source (reported) or a reason (assumed)", () => {
    const problems = Object.entries(preset.provenance).flatMap(([key, p]) =>
      describeProvenance(p as Provenance).map((m) => `${key}: ${m}`),
    );
    expect(problems).toEqual([]);
  });

  it("marks the rate, opex, discount rate and prepayment date as assumed: no source reports them", () => {
    const assumedKeys: TermKey[] = ["ratePerKWMonth", "opexPerMWMonth", "discountRate", "prepaymentDate"];
    for (const key of assumedKeys) {
      if (key in preset.deal) expect([key, preset.provenance[key]?.status]).toEqual([key, "assumed"]);
    }
  });

  it("names the deal as its title, with a one-line description and source notes", () => {
    expect(preset.deal.name).toBe(preset.title);
    expect(preset.description.trim()).not.toBe("");
    expect(preset.description).not.toMatch(/\n/);
    expect(preset.notes.length).toBeGreaterThan(0);
    for (const note of preset.notes) {
      expect(note.trim()).not.toBe("");
      expect(note).not.toMatch(/\n/);
    }
    expect(preset.notes[0]).toMatch(/^Reported \(/);
    expect(preset.notes.some((n) => n.startsWith("Assumed"))).toBe(true);
  });
});
