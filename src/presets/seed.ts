import { DISCOUNT_RATE, DISCOUNT_RATE_PROVENANCE, NO_OPEX, TWELVE_YEARS } from "./common";
import { assumed, definePreset, reported } from "./define";

const RELEASE = "Core Scientific 8-K / press release, 3–4 June 2024";
const PRESS = "press coverage of the Core Scientific release, June 2024";
const COMPASS_POINT = "Compass Point note (S)";
const VIC = "Value Investors Club write-up on Core Scientific (S)";

export const SEED_PRESET_ID = "coreweave-core-scientific-2024";

const TITLE = "CoreWeave – Core Scientific (June 2024)";

/** The seed deal: CoreWeave's first hosting contracts with Core Scientific, signed 3 June 2024. */
export const SEED_PRESET = definePreset({
  id: SEED_PRESET_ID,
  title: TITLE,
  description: "About 200 MW hosted for CoreWeave for 12 years: more than $3.5 B, with about $300 M of capex recouped.",
  deal: {
    name: TITLE,
    host: "Core Scientific",
    tenant: "CoreWeave",
    capacityMW: 200,
    ratePerKWMonth: 121.53,
    termMonths: TWELVE_YEARS,
    escalator: 0,
    prepayment: 300_000_000,
    prepaymentDate: "2024-07-01",
    creditMethod: "percent-of-fee",
    creditPercent: 0.5,
    opexPerMWMonth: NO_OPEX,
    discountRate: DISCOUNT_RATE,
    tranches: [
      { date: "2025-01-01", mw: 80 },
      { date: "2025-04-01", mw: 80 },
      { date: "2025-06-01", mw: 40 },
    ],
  },
  provenance: {
    name: reported(RELEASE, "The parties and the signing date, 3 June 2024."),
    host: reported(RELEASE),
    tenant: reported(RELEASE),
    capacityMW: reported(RELEASE, "Reported as about 200 MW of critical IT load."),
    ratePerKWMonth: assumed(
      "D: $3.5 B ÷ (200 MW × 1,000 kW/MW × 144 months) = 121.5278 $/kW-month, rounded to the cent: 121.53. " +
        "That gives $3,500,064,000 over the term, $291.7 M a year (reported: more than $3.5 B, about $290 M a year). " +
        "The release gives the total, not a rate.",
      RELEASE,
    ),
    termMonths: reported(RELEASE, "12-year contracts: 144 months. The two 5-year renewal options are not modelled."),
    escalator: assumed(
      "No escalator is reported; the reported $3.5 B over 12 years and about $290 M a year fit a flat rate, so 0 %.",
    ),
    prepayment: reported(
      `${RELEASE}; ${PRESS}`,
      "About $300 M of the site-conversion capex CoreWeave funds is recouped from the hosting payments: modelled as a $300,000,000 prepayment.",
    ),
    prepaymentDate: assumed(
      "Not reported: when CoreWeave's capex money is spent is not disclosed. Modelled as one payment on 1 July 2024, " +
        "the first month after signing (as in the spec's worked check). In fact it is spent through the conversion, " +
        "up to readiness in 1H 2025, so this brings the cash forward a little.",
    ),
    creditMethod: assumed(
      'The $300 M is netted against the hosting payments "at 50 % until repaid": only a secondary source says so.',
      VIC,
    ),
    creditPercent: assumed(
      "50 % of each month's gross fee until the $300 M is recouped: here from January 2025 to March 2027.",
      VIC,
    ),
    opexPerMWMonth: assumed(
      "The host's operating costs are not reported, so the preset shows revenue only (opex 0). " +
        "Core Scientific's target of a 75–80 % gross margin (S, Q1 2024 call) suggests costs of roughly 20–25 % of revenue.",
      "Core Scientific Q1 2024 call, as quoted (S)",
    ),
    discountRate: DISCOUNT_RATE_PROVENANCE,
    tranches: assumed(
      "The split into two 80 MW sites and one 40 MW site is from a Compass Point note (S); the release reports about " +
        "200 MW ready in 1H 2025. Billing from 1 January, 1 April and 1 June 2025 spreads the sites across that " +
        "half-year; the order and the dates are not reported. A ramp moves cash in time, not the total: each tranche " +
        "bills the full 144 months.",
      `${COMPASS_POINT}; timing: ${RELEASE}`,
    ),
  },
  notes: [
    `Reported (${RELEASE}, and press coverage): 12-year hosting contracts with CoreWeave for about 200 MW of critical IT load, ` +
      "more than $3.5 B of revenue over 12 years, about $290 M a year; sites ready in 1H 2025; two 5-year renewal options per contract.",
    "Reported: CoreWeave funds the capex to convert the sites, about $300 M of which it recoups from the hosting payments; " +
      "power is passed through at cost, outside the fee (Core Scientific FY2024 10-K).",
    "Assumed: rate 121.53 $/kW-month = $3.5 B ÷ (200 MW × 1,000 × 144 months), to the cent, flat: $3,500,064,000 over the term.",
    "Assumed: the $300 M is paid on 1 July 2024 and recouped at 50 % of each month's fee until repaid " +
      "(Value Investors Club write-up, S): fully recouped by March 2027.",
    "Assumed: sites of 80, 80 and 40 MW (Compass Point note, S) billing from 1 January, 1 April and 1 June 2025.",
    "Left out: the host's opex and the conversion capex the $300 M pays for (net cash shows the $300 M without the spend), " +
      "the renewal options, and the later expansions (separate presets). The 10 % discount rate is a placeholder.",
  ],
});
