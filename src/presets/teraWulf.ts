import {
  DISCOUNT_RATE,
  DISCOUNT_RATE_PROVENANCE,
  NO_OPEX,
  NO_OPEX_PROVENANCE,
  NO_PREPAYMENT,
  NO_PREPAYMENT_PROVENANCE,
  TEN_YEARS,
  otherDeal,
} from "./common";
import { assumed, definePreset, reported } from "./define";

const SOURCE = otherDeal("TeraWulf – Fluidstack Lake Mariner", "14 August 2025");
const TITLE = "TeraWulf – Fluidstack, Lake Mariner (August 2025)";

export const TERAWULF_FLUIDSTACK = definePreset({
  id: "terawulf-fluidstack-lake-mariner-2025",
  title: TITLE,
  description: "200+ MW at Lake Mariner leased to Fluidstack for 10 years for $3.7 B, with a Google backstop.",
  deal: {
    name: TITLE,
    host: "TeraWulf",
    tenant: "Fluidstack",
    capacityMW: 200,
    ratePerKWMonth: 154.17,
    termMonths: TEN_YEARS,
    startDate: "2026-07-01",
    escalator: 0,
    prepayment: NO_PREPAYMENT,
    opexPerMWMonth: NO_OPEX,
    discountRate: DISCOUNT_RATE,
  },
  provenance: {
    name: reported(SOURCE, "The parties and the site."),
    host: reported(SOURCE),
    tenant: reported(SOURCE),
    capacityMW: reported(
      SOURCE,
      'Reported as "200+" MW; modelled as 200 MW. More MW for the same $3.7 B means a lower rate.',
    ),
    ratePerKWMonth: assumed(
      "D: $3.7 B ÷ (200 MW × 1,000 kW/MW × 120 months) = 154.1667 $/kW-month, rounded to the cent: 154.17. " +
        "Contract value $3,700,080,000, about $1.85 M per MW-year. With no escalator this is the flat rate " +
        "equivalent to the reported total, not the starting rate.",
      SOURCE,
    ),
    termMonths: reported(SOURCE, "10 years: 120 months. The two 5-year extensions are not modelled."),
    startDate: assumed(
      "Reported: the full capacity by end-2026; the phasing is not. All 200 MW bill from 1 July 2026, the middle " +
        "of 2026, standing in for a ramp that completes by year-end.",
      SOURCE,
    ),
    escalator: assumed(
      "Annual escalators are reported, their rate is not. Modelled flat (0 %) rather than guessed: the rate is then " +
        "the flat equivalent of the $3.7 B. A real escalator means a lower starting rate and later cash, so a lower NPV; " +
        "to try one, set it and lower the rate to keep the total (the Hut 8 preset shows the arithmetic).",
      SOURCE,
    ),
    prepayment: NO_PREPAYMENT_PROVENANCE,
    opexPerMWMonth: NO_OPEX_PROVENANCE,
    discountRate: DISCOUNT_RATE_PROVENANCE,
  },
  notes: [
    `Reported (${SOURCE}): 200+ MW at Lake Mariner leased to Fluidstack for 10 years (plus two 5-year extensions) ` +
      "for $3.7 B, with annual escalators at an undisclosed rate; full capacity by end-2026; Google backstops $1.8 B.",
    "Assumed: rate 154.17 $/kW-month = $3.7 B ÷ (200 MW × 1,000 × 120 months), to the cent, flat: " +
      "the escalator is modelled as 0 % because its rate is not disclosed.",
    "Assumed: all 200 MW billing from 1 July 2026; no prepayment (none reported).",
    "Left out: the host's opex and capex, the extensions, the Google backstop (credit support, not cash). " +
      "The 10 % discount rate is a placeholder.",
  ],
});
