import {
  DISCOUNT_RATE,
  DISCOUNT_RATE_PROVENANCE,
  FIFTEEN_YEARS,
  NO_OPEX,
  NO_PREPAYMENT,
  NO_PREPAYMENT_PROVENANCE,
  otherDeal,
} from "./common";
import { assumed, definePreset, reported } from "./define";

const SOURCE = otherDeal("Hut 8 – Fluidstack River Bend", "17 December 2025");
const S_ONLY = "secondary source (S in reported-facts.md, which does not name it)";
const TITLE = "Hut 8 – Fluidstack, River Bend (December 2025)";

export const HUT8_FLUIDSTACK = definePreset({
  id: "hut-8-fluidstack-river-bend-2025",
  title: TITLE,
  description: "245 MW at River Bend, LA, leased triple-net to Fluidstack for 15 years for $7.0 B, 3 % escalator.",
  deal: {
    name: TITLE,
    host: "Hut 8",
    tenant: "Fluidstack",
    capacityMW: 245,
    ratePerKWMonth: 128.02,
    termMonths: FIFTEEN_YEARS,
    startDate: "2027-01-01",
    escalator: 0.03,
    prepayment: NO_PREPAYMENT,
    opexPerMWMonth: NO_OPEX,
    discountRate: DISCOUNT_RATE,
  },
  provenance: {
    name: reported(SOURCE, "The parties and the site."),
    host: reported(SOURCE),
    tenant: reported(SOURCE),
    capacityMW: reported(SOURCE),
    ratePerKWMonth: assumed(
      "D, the starting rate solved so that 15 years at a 3 % escalator total $7.0 B: " +
        "$7.0 B ÷ (245 MW × 1,000 kW/MW × Σ_{k=0..179} 1.03^floor(k/12)) = 7,000,000,000 ÷ (245,000 × 223.18697) " +
        "= 128.0157 $/kW-month, rounded to the cent: 128.02 (Σ = 12 × (1.03^15 − 1) / 0.03). It rises 3 % on each " +
        "anniversary to 193.64 in year 15. Contract value $7,000,236,889.92, about $1.90 M per MW-year on average.",
      SOURCE,
    ),
    termMonths: reported(SOURCE, "15 years: 180 months. The three 5-year extensions are not modelled."),
    startDate: assumed(
      "No start date is in our sources (signed 17 December 2025). Placeholder: 1 January 2027, about a year after " +
        "signing; the other 2025 deals in reported-facts.md start billing, or reach full capacity, 4 to 17 months after signing. " +
        "It moves the NPV, not the contract value.",
    ),
    escalator: assumed("3 % a year on each anniversary: in a secondary source only.", S_ONLY),
    prepayment: NO_PREPAYMENT_PROVENANCE,
    opexPerMWMonth: assumed(
      "The lease is reported as triple-net (the tenant bears the property's operating costs), so opex 0 fits better " +
        "here than elsewhere; the host's own costs are not reported.",
      SOURCE,
    ),
    discountRate: DISCOUNT_RATE_PROVENANCE,
  },
  notes: [
    `Reported (${SOURCE}): 245 MW at River Bend, LA, leased triple-net to Fluidstack for 15 years (plus three 5-year ` +
      "extensions) for $7.0 B, with a Google backstop.",
    "Assumed: a 3 % annual escalator (secondary source, S), so the starting rate is solved for the $7.0 B total: " +
      "128.02 $/kW-month = $7.0 B ÷ (245 MW × 1,000 × Σ_{k<180} 1.03^floor(k/12)), to the cent, rising to 193.64 in year 15.",
    "Assumed: billing from 1 January 2027, a placeholder (no start date in our sources); no prepayment (none reported).",
    "Left out: the host's capex, the extensions, the Google backstop (credit support, not cash). " +
      "The 10 % discount rate is a placeholder.",
  ],
});
