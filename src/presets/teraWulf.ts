import {
  DISCOUNT_RATE,
  DISCOUNT_RATE_PROVENANCE,
  NO_PREPAYMENT,
  NO_PREPAYMENT_PROVENANCE,
  PLACEHOLDER_RATE,
  TEN_YEARS,
  opexFromMargin,
  undisclosedEscalator,
} from "./common";
import { assumed, definePreset, reported } from "./define";
import { WULF_AUGUST_2025, WULF_CB5_2025 } from "./documents";
import type { Preset } from "./types";

const HOST = "TeraWulf";
const TENANT = "Fluidstack";
const TITLE = "TeraWulf – Fluidstack, Lake Mariner (August 2025)";
const CB5_TITLE = "TeraWulf – Fluidstack, Lake Mariner CB-5 expansion (August 2025)";
const TERMS_NOT_MODELLED =
  "Not modelled (terms, not cash): the two 5-year extension options, and Google's backstop of Fluidstack's lease " +
  "obligations ($1.8 B for the first leases, raised to $3.2 B with CB-5).";

const lakeMariner = definePreset({
  id: "terawulf-fluidstack-lake-mariner-2025",
  title: TITLE,
  description: "200+ MW at Lake Mariner leased to Fluidstack for 10 years for $3.7 B, with a Google backstop.",
  deal: {
    name: TITLE,
    host: HOST,
    tenant: TENANT,
    capacityMW: 200,
    ratePerKWMonth: 154.17,
    termMonths: TEN_YEARS,
    escalator: 0,
    prepayment: NO_PREPAYMENT,
    opexPerMWMonth: 23_125.5,
    discountRate: DISCOUNT_RATE,
    tranches: [
      { date: "2026-04-01", mw: 40 },
      { date: "2026-10-01", mw: 160 },
    ],
  },
  provenance: {
    name: reported(WULF_AUGUST_2025, "The parties and the site."),
    host: reported(WULF_AUGUST_2025),
    tenant: reported(WULF_AUGUST_2025),
    capacityMW: reported(
      WULF_AUGUST_2025,
      'Reported as "200+" MW; modelled as 200 MW. More MW for the same $3.7 B means a lower rate.',
    ),
    ratePerKWMonth: assumed(
      "D: $3.7 B ÷ (200 MW × 1,000 kW/MW × 120 months) = 154.1667 $/kW-month, rounded to the cent: 154.17. " +
        "Contract value $3,700,080,000, about $1.85 M per MW-year. With no escalator this is the flat rate " +
        "equivalent to the reported total, not the starting rate.",
      WULF_AUGUST_2025,
    ),
    termMonths: reported(WULF_AUGUST_2025, "10 years: 120 months. The two 5-year extensions are not modelled."),
    escalator: undisclosedEscalator(WULF_AUGUST_2025),
    prepayment: NO_PREPAYMENT_PROVENANCE,
    opexPerMWMonth: opexFromMargin("about 85 %", "23,125.50", "0.15 × 154.17 × 1,000", WULF_AUGUST_2025),
    discountRate: DISCOUNT_RATE_PROVENANCE,
    tranches: assumed(
      "Reported: about 40 MW in 1H 2026 and the rest by end-2026. The dates are not: 40 MW from 1 April 2026 " +
        "(the middle of 1H 2026) and 160 MW from 1 October 2026 (the middle of 2H 2026, so complete by year-end). " +
        "Each tranche bills the full 120 months.",
      WULF_AUGUST_2025,
    ),
  },
  notes: [
    "Reported (TeraWulf's announcement of 14 August 2025, as covered by Blockspace): 200+ MW at Lake Mariner leased " +
      "to Fluidstack for 10 years (plus two 5-year extensions) for $3.7 B, with annual escalators at an undisclosed " +
      "rate; about 40 MW in 1H 2026, the rest by end-2026; about 85 % NOI margin; Google backstops $1.8 B.",
    "Assumed: rate 154.17 $/kW-month = $3.7 B ÷ (200 MW × 1,000 × 120 months), to the cent, flat: " +
      "the escalator is modelled as 0 % because its rate is not disclosed.",
    "Assumed: 40 MW billing from 1 April 2026 and 160 MW from 1 October 2026; opex 23,125.50 $/MW-month from the " +
      "85 % NOI margin; no prepayment (none reported).",
    TERMS_NOT_MODELLED,
    `Not modelled: the host's capex; the CB-5 expansion (a separate preset). ${PLACEHOLDER_RATE}`,
  ],
});

const cb5 = definePreset({
  id: "terawulf-fluidstack-cb5-2025",
  title: CB5_TITLE,
  description: "A further 160 MW at Lake Mariner (CB-5) for Fluidstack on the same terms: about $3.0 B, $6.7 B in all.",
  deal: {
    name: CB5_TITLE,
    host: HOST,
    tenant: TENANT,
    capacityMW: 160,
    ratePerKWMonth: 156.25,
    termMonths: TEN_YEARS,
    startDate: "2027-01-01",
    escalator: 0,
    prepayment: NO_PREPAYMENT,
    opexPerMWMonth: 23_437.5,
    discountRate: DISCOUNT_RATE,
  },
  provenance: {
    name: reported(WULF_CB5_2025, "The parties and the building (CB-5 at Lake Mariner)."),
    host: reported(WULF_CB5_2025),
    tenant: reported(WULF_CB5_2025),
    capacityMW: reported(WULF_CB5_2025, "A further 160 MW."),
    ratePerKWMonth: assumed(
      "D: the expansion's value is about $6.7 B in all less the first leases' $3.7 B = $3.0 B; " +
        "$3.0 B ÷ (160 MW × 1,000 kW/MW × 120 months) = 156.25 $/kW-month exactly. Contract value $3,000,000,000, " +
        'about $1.88 M per MW-year. "About $6.7 B" is rounded, so this rate is as rough as that.',
      WULF_CB5_2025,
      WULF_AUGUST_2025,
    ),
    termMonths: reported(
      [WULF_CB5_2025, WULF_AUGUST_2025],
      "On the same terms as the first leases: 10 years, 120 months. The extensions are not modelled.",
    ),
    startDate: assumed(
      "Not in our sources. Placeholder: 1 January 2027, the month after the first 200 MW are reported complete " +
        "(end-2026). It moves the NPV, not the contract value.",
    ),
    escalator: undisclosedEscalator(WULF_AUGUST_2025),
    prepayment: NO_PREPAYMENT_PROVENANCE,
    opexPerMWMonth: opexFromMargin(
      "about 85 %, reported for the first leases; CB-5 is on the same terms",
      "23,437.50",
      "0.15 × 156.25 × 1,000",
      WULF_AUGUST_2025,
    ),
    discountRate: DISCOUNT_RATE_PROVENANCE,
  },
  notes: [
    "Reported (TeraWulf's announcement of 18 August 2025, as covered by TheMinerMag): Fluidstack takes a further " +
      "160 MW at Lake Mariner (CB-5) on the same terms, about $6.7 B for all the leases; Google's backstop raised to $3.2 B.",
    "Assumed: the expansion is worth $6.7 B − $3.7 B = $3.0 B: rate 156.25 $/kW-month, flat; opex 23,437.50 " +
      "$/MW-month from the 85 % NOI margin; no prepayment (none reported).",
    "Assumed: billing from 1 January 2027, a placeholder (no date in our sources).",
    TERMS_NOT_MODELLED,
    `Not modelled: the host's capex. ${PLACEHOLDER_RATE}`,
  ],
});

/** TeraWulf's Lake Mariner leases to Fluidstack: the first 200 MW, and the CB-5 expansion. */
export const TERAWULF_PRESETS: readonly Preset[] = [lakeMariner, cb5];
