import { TERMS, computeDeal, termsKey, validateDeal, type TermKey } from "../../src/core";
import {
  CORE_SCIENTIFIC_CONTRACTS,
  DOCUMENTS,
  PRESETS,
  SEED_PRESET_ID,
  documentCitation,
  getPreset,
  type Preset,
  type Provenance,
  type SourceDocument,
} from "../../src/presets";

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TERM_ORDER = TERMS.map((t) => t.key as string);

function isDeepFrozen(value: unknown, path = "preset"): string[] {
  if (typeof value !== "object" || value === null) return [];
  const unfrozen = Object.isFrozen(value) ? [] : [path];
  for (const [key, child] of Object.entries(value)) unfrozen.push(...isDeepFrozen(child, `${path}.${key}`));
  return unfrozen;
}

const HTTPS = /^https:\/\/[^\s]+$/;

function describeDocuments(docs: readonly SourceDocument[] | undefined, required: boolean): string[] {
  if (docs === undefined) return required ? ["no documents"] : [];
  const problems: string[] = docs.length === 0 ? ["an empty list of documents"] : [];
  for (const d of docs) {
    if (!DOCUMENTS.includes(d)) problems.push(`a document not in DOCUMENTS: ${d.address}`);
    for (const field of ["issuer", "kind", "date"] as const) {
      if (d[field].trim() === "") problems.push(`a document without ${field}`);
    }
    if (!HTTPS.test(d.address)) problems.push(`a document without a public https address: ${d.address}`);
  }
  return problems;
}

function describeProvenance(p: Provenance): string[] {
  const problems: string[] = [];
  if (p.status === "reported") {
    problems.push(...describeDocuments(p.documents, true));
    if (p.note !== undefined && p.note.trim() === "") problems.push("an empty note");
    const extra = Object.keys(p).filter((k) => !["status", "documents", "note"].includes(k));
    if (extra.length > 0) problems.push(`unexpected fields ${extra.join(", ")}`);
  } else if (p.status === "assumed") {
    if (p.reason.trim() === "") problems.push("an assumed figure without a reason");
    problems.push(...describeDocuments(p.documents, false));
    if (p.source !== undefined && p.source.trim() === "") problems.push("an empty source");
    const extra = Object.keys(p).filter((k) => !["status", "reason", "documents", "source"].includes(k));
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

  it("gives every reported figure a public document, and every assumed one a reason", () => {
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

  it("ends its notes with every document it cites, each with its address, once", () => {
    const cited = new Set(
      Object.values(preset.provenance).flatMap((p) => (p as Provenance).documents ?? ([] as SourceDocument[])),
    );
    for (const d of cited) expect(preset.documents).toContain(d);
    expect(new Set(preset.documents).size).toBe(preset.documents.length);
    const tail = preset.notes.slice(preset.notes.length - preset.documents.length);
    expect(tail).toEqual(preset.documents.map((d) => `Document: ${documentCitation(d)}`));
    for (const d of preset.documents) expect(tail.some((n) => n.includes(d.address))).toBe(true);
  });

  it("names its options and backstops in its notes: as renewal terms, or as terms not modelled", () => {
    const prefix = "renewalOptions" in preset.deal ? "Renewal options: " : "Not modelled (terms, not cash): ";
    expect(preset.notes.some((n) => n.startsWith(prefix))).toBe(true);
  });

  it("cites no internal fact sheet: only public documents and named sources", () => {
    expect(JSON.stringify(preset)).not.toMatch(/reported-facts|shared\//);
  });
});

describe("the Core Scientific contracts, as announced and as delivered", () => {
  const { asAnnounced, asDelivered } = CORE_SCIENTIFIC_CONTRACTS;

  it("lists the same four contracts in both variants, each in the preset list", () => {
    expect(asAnnounced.map((p) => p.id)).toEqual([
      "coreweave-core-scientific-2024",
      "coreweave-core-scientific-70mw-2024",
      "coreweave-core-scientific-112mw-2024",
      "coreweave-core-scientific-120mw-2024",
    ]);
    expect(asDelivered.map((p) => p.id)).toEqual(asAnnounced.map((p) => `${p.id}-as-delivered`));
    for (const p of [...asAnnounced, ...asDelivered]) expect(getPreset(p.id)).toBe(p);
    expect(Object.isFrozen(CORE_SCIENTIFIC_CONTRACTS.asDelivered)).toBe(true);
  });

  it("changes only the timing (dates, ramp, capex): the same MW, rate, term and prepayment", () => {
    // The mining alternative is the seed's own story (the July 2024 decision), not part of the contract.
    const timing = ["name", "startDate", "prepaymentDate", "tranches", "capex", "mining"];
    const strip = (deal: Preset["deal"]) =>
      Object.fromEntries(Object.entries(deal).filter(([k]) => !timing.includes(k)));
    asAnnounced.forEach((a, i) => expect(strip(asDelivered[i].deal)).toEqual(strip(a.deal)));
  });

  it("follows the reported billable ramp: 48 MW by mid-2025, 250 MW by end-2025, all 502 MW by early 2027", () => {
    const steps = asDelivered.flatMap((p) => p.deal.tranches as { date: string; mw: number }[]);
    const billableBy = (iso: string) => steps.filter((t) => t.date <= iso).reduce((s, t) => s + t.mw, 0);
    expect(billableBy("2025-07-01")).toBe(48);
    expect(billableBy("2025-12-01")).toBe(250);
    expect(billableBy("2027-01-01")).toBe(502);
    expect(billableBy("2025-05-01")).toBe(0);
  });
});
