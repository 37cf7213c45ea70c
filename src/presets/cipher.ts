import {
  DISCOUNT_RATE,
  DISCOUNT_RATE_PROVENANCE,
  FIFTEEN_YEARS,
  NO_ESCALATOR,
  NO_ESCALATOR_PROVENANCE,
  NO_OPEX,
  NO_OPEX_PROVENANCE,
  NO_PREPAYMENT,
  NO_PREPAYMENT_PROVENANCE,
  PLACEHOLDER_RATE,
  TEN_YEARS,
  opexFromMargin,
  undisclosedEscalator,
} from "./common";
import { assumed, definePreset, reported } from "./define";
import { CIFR_AWS_2025, CIFR_BARBER_LAKE_2025, CIFR_FLUIDSTACK_39MW_2025 } from "./documents";
import type { Preset } from "./types";

const HOST = "Cipher Mining";
const ESCALATORS_S = "press coverage of the Barber Lake lease, September 2025 (secondary)";
const MARGIN = "80–85 %, taken as 82.5 %";
const FLUIDSTACK_TERMS_NOT_MODELLED =
  "Not modelled (terms, not cash): the two 5-year extension options, and Google's backstop of Fluidstack's lease " +
  "obligations ($1.4 B for Barber Lake, $1.73 B in all with the 39 MW expansion).";

const BARBER_TITLE = "Cipher Mining – Fluidstack, Barber Lake (September 2025)";

const barberLake = definePreset({
  id: "cipher-fluidstack-barber-lake-2025",
  title: BARBER_TITLE,
  description: "168 MW at Barber Lake leased to Fluidstack for 10 years for about $3.0 B, with a Google backstop.",
  deal: {
    name: BARBER_TITLE,
    host: HOST,
    tenant: "Fluidstack",
    capacityMW: 168,
    ratePerKWMonth: 148.81,
    termMonths: TEN_YEARS,
    startDate: "2026-09-01",
    escalator: 0,
    prepayment: NO_PREPAYMENT,
    opexPerMWMonth: 26_041.75,
    discountRate: DISCOUNT_RATE,
  },
  provenance: {
    name: reported(CIFR_BARBER_LAKE_2025, "The parties and the site."),
    host: reported(CIFR_BARBER_LAKE_2025),
    tenant: reported(CIFR_BARBER_LAKE_2025),
    capacityMW: reported(CIFR_BARBER_LAKE_2025),
    ratePerKWMonth: assumed(
      "D: about $3.0 B ÷ (168 MW × 1,000 kW/MW × 120 months) = 148.8095 $/kW-month, rounded to the cent: 148.81. " +
        "Contract value $3,000,009,600, about $1.79 M per MW-year. With no escalator this is the flat equivalent " +
        "of the reported total, not the starting rate.",
      CIFR_BARBER_LAKE_2025,
    ),
    termMonths: reported(CIFR_BARBER_LAKE_2025, "10 years: 120 months. The two 5-year extensions are not modelled."),
    startDate: assumed(
      "The site is reported ready in September 2026; billing is taken to start that month, all 168 MW at once.",
      CIFR_BARBER_LAKE_2025,
    ),
    escalator: undisclosedEscalator(ESCALATORS_S),
    prepayment: NO_PREPAYMENT_PROVENANCE,
    opexPerMWMonth: opexFromMargin(MARGIN, "26,041.75", "0.175 × 148.81 × 1,000", CIFR_BARBER_LAKE_2025),
    discountRate: DISCOUNT_RATE_PROVENANCE,
  },
  notes: [
    "Reported (Cipher Mining's announcement of 25 September 2025, as covered by Blockworks): 168 MW at Barber Lake " +
      "leased to Fluidstack for 10 years (plus two 5-year extensions) for about $3.0 B; ready September 2026; " +
      "NOI margin 80–85 %; Google backstops $1.4 B. A modified gross lease with annual escalators at an undisclosed " +
      "rate (press coverage, secondary).",
    "Assumed: rate 148.81 $/kW-month = $3.0 B ÷ (168 MW × 1,000 × 120 months), to the cent, flat (the escalators' " +
      "rate is undisclosed); opex 26,041.75 $/MW-month from an 82.5 % NOI margin; no prepayment (none reported).",
    "Assumed: all 168 MW billing from 1 September 2026, the month the site is reported ready.",
    FLUIDSTACK_TERMS_NOT_MODELLED,
    `Not modelled: the host's capex; the 39 MW expansion (a separate preset). ${PLACEHOLDER_RATE}`,
  ],
});

const EXPANSION_TITLE = "Cipher Mining – Fluidstack, 39 MW expansion (November 2025)";

const fluidstack39 = definePreset({
  id: "cipher-fluidstack-39mw-2025",
  title: EXPANSION_TITLE,
  description: "A further 39 MW for Fluidstack, 10 years, about $830 M, delivery January 2027.",
  deal: {
    name: EXPANSION_TITLE,
    host: HOST,
    tenant: "Fluidstack",
    capacityMW: 39,
    ratePerKWMonth: 177.35,
    termMonths: TEN_YEARS,
    startDate: "2027-01-01",
    escalator: 0,
    prepayment: NO_PREPAYMENT,
    opexPerMWMonth: 31_036.25,
    discountRate: DISCOUNT_RATE,
  },
  provenance: {
    name: reported(CIFR_FLUIDSTACK_39MW_2025, "The parties."),
    host: reported(CIFR_FLUIDSTACK_39MW_2025),
    tenant: reported(CIFR_FLUIDSTACK_39MW_2025),
    capacityMW: reported(
      CIFR_FLUIDSTACK_39MW_2025,
      "39 MW, read as critical IT (the release's headline 56 MW is taken to be gross power).",
    ),
    ratePerKWMonth: assumed(
      "D: about $830 M ÷ (39 MW × 1,000 kW/MW × 120 months) = 177.3504 $/kW-month, rounded to the cent: 177.35. " +
        "Contract value $829,998,000, about $2.13 M per MW-year: above Barber Lake's, which the rounded figures " +
        "may partly explain.",
      CIFR_FLUIDSTACK_39MW_2025,
    ),
    termMonths: reported(CIFR_FLUIDSTACK_39MW_2025, "10 years: 120 months."),
    startDate: reported(
      CIFR_FLUIDSTACK_39MW_2025,
      "Delivery in January 2027; billing is taken to start then, all 39 MW at once.",
    ),
    escalator: undisclosedEscalator(ESCALATORS_S),
    prepayment: NO_PREPAYMENT_PROVENANCE,
    opexPerMWMonth: opexFromMargin(
      `${MARGIN}, reported for Barber Lake and taken to hold for the expansion`,
      "31,036.25",
      "0.175 × 177.35 × 1,000",
      CIFR_BARBER_LAKE_2025,
    ),
    discountRate: DISCOUNT_RATE_PROVENANCE,
  },
  notes: [
    "Reported (Cipher Mining release, 20 November 2025, as copied by StockTitan): Fluidstack takes a further 39 MW " +
      "for 10 years for about $830 M, delivery January 2027; Google's backstop rises to $1.73 B in all.",
    "Assumed: rate 177.35 $/kW-month = $830 M ÷ (39 MW × 1,000 × 120 months), to the cent, flat; opex from " +
      "Barber Lake's 80–85 % NOI margin; no prepayment (none reported).",
    FLUIDSTACK_TERMS_NOT_MODELLED,
    `Not modelled: the host's capex. ${PLACEHOLDER_RATE}`,
  ],
});

const AWS_TITLE = "Cipher Mining – AWS (November 2025)";

const aws = definePreset({
  id: "cipher-aws-2025",
  title: AWS_TITLE,
  description: "300 MW leased to AWS for 15 years for $5.5 B, delivered in two phases from July 2026.",
  deal: {
    name: AWS_TITLE,
    host: HOST,
    tenant: "AWS",
    capacityMW: 300,
    ratePerKWMonth: 101.85,
    termMonths: FIFTEEN_YEARS,
    escalator: NO_ESCALATOR,
    prepayment: NO_PREPAYMENT,
    opexPerMWMonth: NO_OPEX,
    discountRate: DISCOUNT_RATE,
    tranches: [
      { date: "2026-07-01", mw: 150 },
      { date: "2026-11-01", mw: 150 },
    ],
  },
  provenance: {
    name: reported(CIFR_AWS_2025, "The parties."),
    host: reported(CIFR_AWS_2025),
    tenant: reported(CIFR_AWS_2025),
    capacityMW: reported(
      CIFR_AWS_2025,
      "300 MW. Whether that is critical IT or gross power is not stated; if gross, the critical IT load is about " +
        "1.25–1.45× smaller and the rate per kW of IT correspondingly higher.",
    ),
    ratePerKWMonth: assumed(
      "D: $5.5 B ÷ (300 MW × 1,000 kW/MW × 180 months) = 101.8519 $/kW-month, rounded to the cent: 101.85. " +
        "Contract value $5,499,900,000, about $1.22 M per MW-year: well below the $1.8–1.9 M of the other deals, " +
        "which a gross-power MW basis would partly explain.",
      CIFR_AWS_2025,
    ),
    termMonths: reported(CIFR_AWS_2025, "15 years: 180 months."),
    escalator: NO_ESCALATOR_PROVENANCE,
    prepayment: NO_PREPAYMENT_PROVENANCE,
    opexPerMWMonth: NO_OPEX_PROVENANCE,
    discountRate: DISCOUNT_RATE_PROVENANCE,
    tranches: assumed(
      "Reported: delivery in two phases, from July 2026 to Q4 2026. The split and the second date are not: two " +
        "equal phases of 150 MW, from 1 July 2026 and from 1 November 2026 (the middle of Q4). Each bills the full " +
        "180 months.",
      CIFR_AWS_2025,
    ),
  },
  notes: [
    "Reported (Cipher Mining release, 3 November 2025, as covered by Parameter): 300 MW leased to AWS for 15 years " +
      "for $5.5 B, delivered in two phases from July 2026 to Q4 2026; the MW basis (critical IT or gross) is not stated.",
    "Assumed: rate 101.85 $/kW-month = $5.5 B ÷ (300 MW × 1,000 × 180 months), to the cent, flat (no escalator " +
      "reported); two phases of 150 MW from 1 July and 1 November 2026; no prepayment (none reported).",
    "Caution: about $1.22 M per MW-year, well below the other deals; what the rent and the MW cover is not in our sources.",
    "Not modelled (terms, not cash): any extension options; our sources give none.",
    `Not modelled: the host's opex and capex. ${PLACEHOLDER_RATE}`,
  ],
});

/** Cipher Mining's 2025 leases: Fluidstack at Barber Lake and its expansion, and AWS. */
export const CIPHER_PRESETS: readonly Preset[] = [barberLake, aws, fluidstack39];
