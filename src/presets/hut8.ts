import {
  DISCOUNT_RATE,
  DISCOUNT_RATE_PROVENANCE,
  FIFTEEN_YEARS,
  NO_PREPAYMENT,
  NO_PREPAYMENT_PROVENANCE,
  PLACEHOLDER_RATE,
} from "./common";
import { assumed, definePreset, reported } from "./define";
import { HUT_8K_2025 } from "./documents";

const HALLS_S = "press coverage of the announcement (Webull news 14042501054940160; secondary, no full address)";
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
    escalator: 0.03,
    prepayment: NO_PREPAYMENT,
    opexPerMWMonth: 2_267.57,
    discountRate: DISCOUNT_RATE,
    tranches: [
      { date: "2027-05-01", mw: 60 },
      { date: "2027-10-01", mw: 185 },
    ],
  },
  provenance: {
    name: reported(HUT_8K_2025, "The parties and the site."),
    host: reported(HUT_8K_2025),
    tenant: reported(HUT_8K_2025),
    capacityMW: reported(HUT_8K_2025),
    ratePerKWMonth: assumed(
      "D, the starting rate solved so that 15 years at a 3 % escalator total $7.0 B: " +
        "$7.0 B ÷ (245 MW × 1,000 kW/MW × Σ_{k=0..179} 1.03^floor(k/12)) = 7,000,000,000 ÷ (245,000 × 223.18697) " +
        "= 128.0157 $/kW-month, rounded to the cent: 128.02 (Σ = 12 × (1.03^15 − 1) / 0.03). It rises 3 % on each " +
        "anniversary of each tranche to 193.64 in year 15. About $1.90 M per MW-year on average.",
      HUT_8K_2025,
    ),
    termMonths: reported(HUT_8K_2025, "15 years: 180 months. The three 5-year extensions are not modelled."),
    escalator: reported(HUT_8K_2025, "3 % a year, on each anniversary (of each tranche, in the model)."),
    prepayment: NO_PREPAYMENT_PROVENANCE,
    opexPerMWMonth: assumed(
      "D from the reported NOI: $6.9 B of NOI on $7.0 B of revenue leaves $0.1 B of the host's costs over the term; " +
        "$100,000,000 ÷ (245 MW × 180 months) = 2,267.5737 $/MW-month, rounded to the cent: 2,267.57, flat. " +
        "The lease is triple-net (the tenant bears the property's operating costs), hence the small figure.",
      HUT_8K_2025,
    ),
    discountRate: DISCOUNT_RATE_PROVENANCE,
    tranches: assumed(
      "Billing cannot start before the halls are ready: the first data hall is expected in Q2 2027, the rest later " +
        "in 2027 (secondary source). The dates and the split are assumed: 60 MW (about a quarter) from 1 May 2027, " +
        "the middle of Q2, and 185 MW from 1 October 2027, the middle of 2H 2027. Each tranche bills the full 180 " +
        "months and escalates on its own anniversaries, so the ramp moves cash in time, not the total.",
      HUT_8K_2025,
      HALLS_S,
    ),
  },
  notes: [
    "Reported (Hut 8 8-K exhibit 99.1, 17 December 2025): 245 MW at River Bend, LA, leased triple-net to Fluidstack " +
      "for 15 years (plus three 5-year extensions) for $7.0 B, with a 3 % annual escalator and $6.9 B of NOI; " +
      "Google backstops the lease.",
    "Assumed: the starting rate is solved for the $7.0 B total at the 3 % escalator: 128.02 $/kW-month = " +
      "$7.0 B ÷ (245 MW × 1,000 × Σ_{k<180} 1.03^floor(k/12)), to the cent, rising to 193.64 in year 15; opex " +
      "2,267.57 $/MW-month = ($7.0 B − $6.9 B) ÷ (245 MW × 180 months); no prepayment (none reported).",
    "Assumed: 60 MW billing from 1 May 2027 and 185 MW from 1 October 2027 (first data hall Q2 2027, the rest later " +
      "in 2027, in press coverage, secondary; the split is assumed).",
    "Not modelled (terms, not cash): the three 5-year extension options, and Google's backstop of Fluidstack's lease " +
      "obligations.",
    `Not modelled: the host's capex. ${PLACEHOLDER_RATE}`,
  ],
});
