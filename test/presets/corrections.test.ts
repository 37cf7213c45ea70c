import { Decimal, computeDeal, money } from "../../src/core";
import { CORE_SCIENTIFIC_CONTRACTS, getPreset, type Preset, type Provenance } from "../../src/presets";

/** The corrections of issue 14, each pinned to the preset it changed (the record they come from is in docs/sources.md). */
function preset(id: string): Preset {
  const p = getPreset(id);
  if (!p) throw new Error(`no preset ${id}`);
  return p;
}

function prov(p: Preset, key: keyof Preset["provenance"]): Provenance {
  const v = p.provenance[key];
  if (!v) throw new Error(`${p.id}: no provenance for ${key}`);
  return v;
}

function text(p: Provenance): string {
  return p.status === "reported" ? (p.note ?? "") : p.reason;
}

const tranches = (p: Preset) => p.deal.tranches as readonly { date: string; mw: number }[];

describe("Hut 8 – Fluidstack", () => {
  const hut = preset("hut-8-fluidstack-river-bend-2025");

  it("reports the 3 % escalator from the 8-K exhibit", () => {
    expect(hut.deal.escalator).toBe(0.03);
    const p = prov(hut, "escalator");
    expect(p.status).toBe("reported");
    expect(p.documents?.[0].kind).toMatch(/^8-K exhibit 99\.1/);
  });

  it("bills nothing before Q2 2027, in tranches whose split is marked assumed", () => {
    expect(tranches(hut).length).toBeGreaterThan(1);
    expect(tranches(hut)[0].date >= "2027-04-01").toBe(true);
    expect(tranches(hut).every((t) => t.date < "2028-01-01")).toBe(true);
    expect(prov(hut, "tranches").status).toBe("assumed");
    expect(text(prov(hut, "tranches"))).toMatch(/split (is|are) assumed|dates and the split are assumed/);
  });

  it("takes opex from the reported $6.9 B of NOI on $7.0 B: $0.1 B over the term, to within a cent a MW-month", () => {
    const model = computeDeal(hut.deal);
    if (!model.ok) throw model.error;
    const opex = model.value.schedule.rows.reduce((s, r) => s.plus(r.opex), new Decimal(0));
    expect(money(opex)).toBe("99999837.00");
    expect(text(prov(hut, "opexPerMWMonth"))).toContain("$6.9 B of NOI");
  });
});

describe("TeraWulf – Fluidstack", () => {
  const wulf = preset("terawulf-fluidstack-lake-mariner-2025");

  it("bills 40 MW from 1H 2026 and the rest by end-2026", () => {
    expect(tranches(wulf)[0]).toEqual({ date: expect.stringMatching(/^2026-0[1-6]-01$/), mw: 40 });
    expect(
      tranches(wulf)
        .slice(1)
        .every((t) => t.date <= "2026-12-01"),
    ).toBe(true);
    expect(text(prov(wulf, "tranches"))).not.toMatch(/phasing is not/);
  });

  it("takes opex from the reported 85 % NOI margin", () => {
    expect(wulf.deal.opexPerMWMonth).toBe(0.15 * 154_170);
    expect(text(prov(wulf, "opexPerMWMonth"))).toContain("85 %");
  });
});

describe("Cipher Mining", () => {
  it("delivers AWS in two phases from July 2026 to Q4 2026, and says the MW basis is not stated", () => {
    const aws = preset("cipher-aws-2025");
    expect(tranches(aws).map((t) => t.date)).toEqual(["2026-07-01", expect.stringMatching(/^2026-1[0-2]-01$/)]);
    expect(text(prov(aws, "tranches"))).not.toMatch(/no ramp is reported/);
    expect(text(prov(aws, "capacityMW"))).toMatch(/critical IT or gross power is not stated/);
  });

  it("says Barber Lake's escalators are reported with an undisclosed rate, and uses the 80–85 % NOI margin", () => {
    const barber = preset("cipher-fluidstack-barber-lake-2025");
    expect(barber.deal.escalator).toBe(0);
    expect(text(prov(barber, "escalator"))).toMatch(/escalators are reported; their rate is not disclosed/);
    expect(text(prov(barber, "opexPerMWMonth"))).toContain("80–85 %");
  });
});

describe("Core Scientific – CoreWeave", () => {
  it("says the seed's funding arrived about a year after the prepayment date it assumes", () => {
    const seed = preset("coreweave-core-scientific-2024");
    expect(seed.deal.prepaymentDate).toBe("2024-07-01");
    expect(text(prov(seed, "prepaymentDate"))).toMatch(/about a year later, in 2025/);
  });

  it("carries the two reported 5-year renewal options on every contract, none exercised", () => {
    for (const p of [...CORE_SCIENTIFIC_CONTRACTS.asAnnounced, ...CORE_SCIENTIFIC_CONTRACTS.asDelivered]) {
      expect([p.id, p.deal.renewalOptions, p.deal.renewalMonths, p.deal.renewalsExercised]).toEqual([p.id, 2, 60, 0]);
      for (const key of ["renewalOptions", "renewalMonths"] as const) {
        const r = prov(p, key);
        expect(r.status).toBe("reported");
        expect(r.documents?.some((d) => d.address.includes("muskogee"))).toBe(true);
      }
      expect(prov(p, "renewalsExercised").status).toBe("assumed");
      expect(text(prov(p, "termMonths"))).toMatch(/two 5-year renewal options/i);
      const model = computeDeal(p.deal);
      if (!model.ok) throw model.error;
      // Two renewals of 60 months on a flat rate: the value grows by 120/144.
      const grown = model.value.summary.contractValue.times(264).dividedBy(144);
      expect(money(model.value.summary.contractValueAllRenewals)).toBe(money(grown));
    }
  });

  it("spends the seed's $300 M conversion capex, marked assumed, before or as the sites bill", () => {
    for (const p of [CORE_SCIENTIFIC_CONTRACTS.asAnnounced[0], CORE_SCIENTIFIC_CONTRACTS.asDelivered[0]]) {
      const capex = p.deal.capex as { date: string; amount: number }[];
      expect(capex.reduce((s, c) => s + c.amount, 0)).toBe(300_000_000);
      expect(prov(p, "capex").status).toBe("assumed");
      expect(text(prov(p, "capex"))).toMatch(/prepayment is that funding/);
      const model = computeDeal(p.deal);
      if (!model.ok) throw model.error;
      expect(money(model.value.summary.totalCapex)).toBe("300000000.00");
    }
  });
});

describe("the deals added", () => {
  it.each([
    ["galaxy-coreweave-helios-2025", 526, 180],
    ["terawulf-fluidstack-cb5-2025", 160, 120],
    ["cipher-fluidstack-39mw-2025", 39, 120],
  ])("%s: %d MW for %d months, backstops and options in the notes", (id, mw, months) => {
    const p = preset(id);
    expect(p.deal.capacityMW).toBe(mw);
    expect(p.deal.termMonths).toBe(months);
    expect(p.notes.some((n) => n.startsWith("Not modelled (terms, not cash)"))).toBe(true);
  });

  it("starts the Cipher 39 MW expansion in January 2027, as reported", () => {
    const p = preset("cipher-fluidstack-39mw-2025");
    expect(p.deal.startDate).toBe("2027-01-01");
    expect(prov(p, "startDate").status).toBe("reported");
  });
});
