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
  TEN_YEARS,
  otherDeal,
} from "./common";
import { assumed, definePreset, reported } from "./define";
import type { Preset } from "./types";

const HOST = "Cipher Mining";
const FLUIDSTACK = otherDeal("Cipher Mining – Fluidstack Barber Lake", "25 September 2025");
const FLUIDSTACK_TITLE = "Cipher Mining – Fluidstack, Barber Lake (September 2025)";

const barberLake = definePreset({
  id: "cipher-fluidstack-barber-lake-2025",
  title: FLUIDSTACK_TITLE,
  description: "168 MW at Barber Lake leased to Fluidstack for 10 years for about $3.0 B, with a Google backstop.",
  deal: {
    name: FLUIDSTACK_TITLE,
    host: HOST,
    tenant: "Fluidstack",
    capacityMW: 168,
    ratePerKWMonth: 148.81,
    termMonths: TEN_YEARS,
    startDate: "2026-09-01",
    escalator: NO_ESCALATOR,
    prepayment: NO_PREPAYMENT,
    opexPerMWMonth: NO_OPEX,
    discountRate: DISCOUNT_RATE,
  },
  provenance: {
    name: reported(FLUIDSTACK, "The parties and the site."),
    host: reported(FLUIDSTACK),
    tenant: reported(FLUIDSTACK),
    capacityMW: reported(FLUIDSTACK),
    ratePerKWMonth: assumed(
      "D: about $3.0 B ÷ (168 MW × 1,000 kW/MW × 120 months) = 148.8095 $/kW-month, rounded to the cent: 148.81. " +
        "Contract value $3,000,009,600, about $1.79 M per MW-year.",
      FLUIDSTACK,
    ),
    termMonths: reported(FLUIDSTACK, "10 years: 120 months. The two 5-year extensions are not modelled."),
    startDate: assumed(
      "The site is reported ready in September 2026; billing is taken to start that month, all 168 MW at once.",
      FLUIDSTACK,
    ),
    escalator: NO_ESCALATOR_PROVENANCE,
    prepayment: NO_PREPAYMENT_PROVENANCE,
    opexPerMWMonth: NO_OPEX_PROVENANCE,
    discountRate: DISCOUNT_RATE_PROVENANCE,
  },
  notes: [
    `Reported (${FLUIDSTACK}): 168 MW at Barber Lake leased to Fluidstack for 10 years (plus two 5-year extensions) ` +
      "for about $3.0 B; ready September 2026; Google backstops $1.4 B.",
    "Assumed: rate 148.81 $/kW-month = $3.0 B ÷ (168 MW × 1,000 × 120 months), to the cent, flat (no escalator reported); " +
      "no prepayment (none reported).",
    "Assumed: all 168 MW billing from 1 September 2026, the month the site is reported ready.",
    "Left out: the host's opex and capex, the extensions, the Google backstop (credit support, not cash). " +
      "The 10 % discount rate is a placeholder.",
  ],
});

const AWS = otherDeal("Cipher Mining – AWS", "3 November 2025");
const AWS_TITLE = "Cipher Mining – AWS (November 2025)";

const aws = definePreset({
  id: "cipher-aws-2025",
  title: AWS_TITLE,
  description: "300 MW leased to AWS for 15 years for $5.5 B, rent from August 2026.",
  deal: {
    name: AWS_TITLE,
    host: HOST,
    tenant: "AWS",
    capacityMW: 300,
    ratePerKWMonth: 101.85,
    termMonths: FIFTEEN_YEARS,
    startDate: "2026-08-01",
    escalator: NO_ESCALATOR,
    prepayment: NO_PREPAYMENT,
    opexPerMWMonth: NO_OPEX,
    discountRate: DISCOUNT_RATE,
  },
  provenance: {
    name: reported(AWS, "The parties."),
    host: reported(AWS),
    tenant: reported(AWS),
    capacityMW: reported(AWS),
    ratePerKWMonth: assumed(
      "D: $5.5 B ÷ (300 MW × 1,000 kW/MW × 180 months) = 101.8519 $/kW-month, rounded to the cent: 101.85. " +
        "Contract value $5,499,900,000, about $1.22 M per MW-year: well below the $1.8–1.9 M of the other deals; " +
        "what the rent covers is not in our sources.",
      AWS,
    ),
    termMonths: reported(AWS, "15 years: 180 months."),
    startDate: reported(
      AWS,
      "Rent starts in August 2026. The model bills whole calendar months, so the day (the 1st) changes nothing. " +
        "All 300 MW are taken to bill from then: no ramp is reported.",
    ),
    escalator: NO_ESCALATOR_PROVENANCE,
    prepayment: NO_PREPAYMENT_PROVENANCE,
    opexPerMWMonth: NO_OPEX_PROVENANCE,
    discountRate: DISCOUNT_RATE_PROVENANCE,
  },
  notes: [
    `Reported (${AWS}): 300 MW leased to AWS for 15 years for $5.5 B; rent starts August 2026.`,
    "Assumed: rate 101.85 $/kW-month = $5.5 B ÷ (300 MW × 1,000 × 180 months), to the cent, flat (no escalator reported); " +
      "all 300 MW from August 2026 (no ramp reported); no prepayment (none reported).",
    "Caution: about $1.22 M per MW-year, well below the other deals; what the rent covers is not in our sources.",
    "Left out: the host's opex and capex. The 10 % discount rate is a placeholder.",
  ],
});

/** Cipher Mining's two 2025 leases: Fluidstack at Barber Lake, and AWS. */
export const CIPHER_PRESETS: readonly Preset[] = [barberLake, aws];
