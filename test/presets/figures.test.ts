import { Decimal, computeDeal, money, round2, type DealModel } from "../../src/core";
import { PRESETS } from "../../src/presets";

/**
 * The figures each preset is derived from, transcribed from the documents it
 * cites (the address given here) independently of the presets themselves:
 * total contract value (reported, or derived: "D"), MW and term.
 * `contractValue` is the exact total the engine computes, hand-checked:
 * MW × 1,000 × rate × months for a flat rate. The "as delivered" variants are
 * the same contracts, so the same figures.
 */
const CORZ_JUNE = "https://blockworks.co/news/core-scientific-rejects-coreweave-buyout-bid-after-big-hpc-deal";
const CORZ_70 =
  "https://investing.com/news/company-news/core-scientific-secures-47-billion-in-hpc-hosting-deals-93CH-3509041";
const CORZ_8K = "https://www.sec.gov/Archives/edgar/data/1839341/000162828024043341/corescientifichpcoption3re.htm";
const APLD_JUNE = "https://www.sec.gov/Archives/edgar/data/1144879/000164117225013199/ex99-2.htm";
const APLD_AUG =
  "https://www.finanznachrichten.de/nachrichten-2025-08/66307881-applied-digital-corporation-applied-digital-finalizes-additional-150mw-lease-with-coreweave-in-north-dakota-399.htm";
const WULF = "https://blockspace.media/insight/terawulf-signs-10-year-200-mw-hosting-deals-google-takes-8-stake";
const WULF_CB5 = "https://theminermag.com/news/2025-08-18/terawulf-fluidstack-ai-expand";
const GLXY =
  "https://www.stocktitan.net/news/GLXY/galaxy-closes-1-4-billion-project-financing-facility-to-accelerate-m1g6nrtnwvpm.html";
const CIFR_BL = "https://blockworks.co/news/cipher-mining-inks-3b-ai-hosting-deal-with-fluidstack";
const CIFR_AWS =
  "https://parameter.io/cipher-mining-cifr-stock-amazon-web-services-partnership-delivers-5-5-billion-ai-deal";
const CIFR_39 =
  "https://www.stocktitan.net/news/CIFRW/cipher-mining-signs-additional-56-mw-10-year-ai-hosting-agreement-kw6njbs5fv52.html";
const HUT = "https://www.sec.gov/Archives/edgar/data/1964789/000110465925122052/hut-20251217xex99d1.htm";

interface Figures {
  readonly value: number;
  readonly mw: number;
  readonly months: number;
  readonly contractValue: string;
  /** The address of the document the MW and term are read from. */
  readonly doc: string;
}

const SEED: Figures = { value: 3.5e9, mw: 200, months: 144, contractValue: "3500064000.00", doc: CORZ_JUNE };
const CS70: Figures = { value: 1.225e9, mw: 70, months: 144, contractValue: "1225022400.00", doc: CORZ_70 };
const CS112: Figures = { value: 2.0e9, mw: 112, months: 144, contractValue: "2000033280.00", doc: CORZ_8K };
const CS120: Figures = { value: 2.0e9, mw: 120, months: 144, contractValue: "1999987200.00", doc: CORZ_8K };

const REPORTED: Record<string, Figures> = {
  "coreweave-core-scientific-2024": SEED,
  "coreweave-core-scientific-70mw-2024": CS70,
  "coreweave-core-scientific-112mw-2024": CS112,
  "coreweave-core-scientific-120mw-2024": CS120,
  "coreweave-core-scientific-2024-as-delivered": SEED,
  "coreweave-core-scientific-70mw-2024-as-delivered": CS70,
  "coreweave-core-scientific-112mw-2024-as-delivered": CS112,
  "coreweave-core-scientific-120mw-2024-as-delivered": CS120,
  "applied-digital-coreweave-polaris-forge-1-2025": {
    value: 7e9,
    mw: 250,
    months: 180,
    contractValue: "7000200000.00",
    doc: APLD_JUNE,
  },
  "applied-digital-coreweave-polaris-forge-1-400mw-2025": {
    value: 11e9,
    mw: 400,
    months: 180,
    contractValue: "11000160000.00",
    doc: APLD_AUG,
  },
  "terawulf-fluidstack-lake-mariner-2025": {
    value: 3.7e9,
    mw: 200,
    months: 120,
    contractValue: "3700080000.00",
    doc: WULF,
  },
  // D: about $6.7 B in all, less the first leases' $3.7 B.
  "terawulf-fluidstack-cb5-2025": { value: 3.0e9, mw: 160, months: 120, contractValue: "3000000000.00", doc: WULF_CB5 },
  // D: more than $1 B a year for 15 years.
  "galaxy-coreweave-helios-2025": { value: 15e9, mw: 526, months: 180, contractValue: "15000152400.00", doc: GLXY },
  "cipher-fluidstack-barber-lake-2025": {
    value: 3.0e9,
    mw: 168,
    months: 120,
    contractValue: "3000009600.00",
    doc: CIFR_BL,
  },
  "cipher-aws-2025": { value: 5.5e9, mw: 300, months: 180, contractValue: "5499900000.00", doc: CIFR_AWS },
  "cipher-fluidstack-39mw-2025": { value: 830e6, mw: 39, months: 120, contractValue: "829998000.00", doc: CIFR_39 },
  // Σ over months from May 2027 of round2(Σ_tranches kW × 128.02 × 1.03^floor(k/12)), the tranches of 60 MW
  // (May 2027) and 185 MW (October 2027): 5 cents above the single-tranche total, from rounding each month's sum.
  "hut-8-fluidstack-river-bend-2025": { value: 7.0e9, mw: 245, months: 180, contractValue: "7000236889.97", doc: HUT },
};

function model(deal: unknown): DealModel {
  const result = computeDeal(deal);
  if (!result.ok) throw result.error;
  return result.value;
}

/** Σ over a tranche's months of (1 + escalator)^floor(k / 12): the months a kW bills, escalation-weighted. */
function escalatedMonths(months: number, escalator: Decimal): Decimal {
  let total = new Decimal(0);
  for (let k = 0; k < months; k++) total = total.plus(escalator.plus(1).pow(Math.floor(k / 12)));
  return total;
}

it("checks every preset against a reported figure", () => {
  expect(Object.keys(REPORTED).sort()).toEqual(PRESETS.map((p) => p.id).sort());
});

describe.each(PRESETS.map((p) => [p.id, p] as const))("preset %s", (id, preset) => {
  const reported = REPORTED[id];
  const { terms, schedule, summary } = model(preset.deal);
  const kW = terms.capacityMW.times(1000);
  const weightedMonths = escalatedMonths(terms.termMonths, terms.escalator);

  it("has the reported capacity and term", () => {
    expect(terms.capacityMW.toNumber()).toBe(reported.mw);
    expect(terms.termMonths).toBe(reported.months);
  });

  it("cites the document the capacity and term are read from, as reported", () => {
    for (const key of ["capacityMW", "termMonths"] as const) {
      const p = preset.provenance[key];
      expect([key, p?.status]).toEqual([key, "reported"]);
      expect(p?.documents?.map((d) => d.address)).toContain(reported.doc);
    }
  });

  it("has the rate that gives the reported value, to the nearest cent", () => {
    // Solved for the escalator too: value / (kW × Σ_k (1 + e)^floor(k/12)).
    const solved = new Decimal(reported.value).dividedBy(kW.times(weightedMonths));
    expect(terms.ratePerKWMonth.toFixed(2)).toBe(round2(solved).toFixed(2));
    expect(terms.ratePerKWMonth.decimalPlaces()).toBeLessThanOrEqual(2);
  });

  it("has the hand-checked contract value", () => {
    expect(money(summary.contractValue)).toBe(reported.contractValue);
  });

  it("comes within rounding of the reported value", () => {
    // Tolerance: the most that rounding the rate to the cent (half a cent per
    // escalation-weighted kW-month) and each month's fee to the cent (half a
    // cent per row) can move the total. A wrong MW, term, rate or escalator
    // moves it by far more: one cent of rate on 200 MW over 12 years is $288,000.
    const tolerance = kW.times(weightedMonths).times(0.005).plus(new Decimal(schedule.rows.length).times(0.005));
    const gap = summary.contractValue.minus(reported.value).abs();
    expect(gap.lessThanOrEqualTo(tolerance)).toBe(true);
    // And well inside 0.01 % of the headline figure.
    expect(gap.dividedBy(reported.value).lessThan(0.0001)).toBe(true);
  });

  it("bills every tranche for the full term, whatever the ramp", () => {
    const billedMWMonths = schedule.rows.reduce((s, r) => s.plus(r.billedMW), new Decimal(0));
    expect(billedMWMonths.toString()).toBe(terms.capacityMW.times(terms.termMonths).toString());
  });
});
