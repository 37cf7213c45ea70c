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
} from "./common";
import { assumed, definePreset, reported } from "./define";
import { APLD_150MW_2025, APLD_8K_2025, APLD_RFS_2025 } from "./documents";
import type { Preset } from "./types";

const HOST = "Applied Digital";
const TENANT = "CoreWeave";
const JUNE = APLD_8K_2025;
const AUGUST = APLD_150MW_2025;
const TERM = "About 15 years: 180 months. Extension options, if any, are not in our sources.";
const RAMP_DATES =
  "The ramp's steps are reported (100 MW in Q4 2025, 150 MW in mid-2026, 150 MW in 2027); the dates are not. " +
  "Each step is placed in the middle of its period: 1 November 2025, 1 July 2026, 1 July 2027. The first date " +
  "fits the record: Building 1's first 50 MW were reported ready for service on 27 October 2025.";

const TERMS_NOT_MODELLED =
  "Not modelled (terms, not cash): any extension options or credit support in the leases; our sources give none.";

const FIRST_TITLE = "Applied Digital – CoreWeave, Polaris Forge 1 (June 2025)";

const polarisForge250 = definePreset({
  id: "applied-digital-coreweave-polaris-forge-1-2025",
  title: FIRST_TITLE,
  description: "250 MW at Ellendale, ND, leased to CoreWeave for about 15 years for about $7 B.",
  deal: {
    name: FIRST_TITLE,
    host: HOST,
    tenant: TENANT,
    capacityMW: 250,
    ratePerKWMonth: 155.56,
    termMonths: FIFTEEN_YEARS,
    escalator: NO_ESCALATOR,
    prepayment: NO_PREPAYMENT,
    opexPerMWMonth: NO_OPEX,
    discountRate: DISCOUNT_RATE,
    tranches: [
      { date: "2025-11-01", mw: 100 },
      { date: "2026-07-01", mw: 150 },
    ],
  },
  provenance: {
    name: reported(JUNE, "The parties and the campus."),
    host: reported(JUNE),
    tenant: reported(JUNE),
    capacityMW: reported(JUNE),
    ratePerKWMonth: assumed(
      "D: $7 B ÷ (250 MW × 1,000 kW/MW × 180 months) = 155.5556 $/kW-month, rounded to the cent: 155.56. " +
        "Contract value $7,000,200,000, about $1.87 M per MW-year.",
      JUNE,
    ),
    termMonths: reported(JUNE, TERM),
    escalator: NO_ESCALATOR_PROVENANCE,
    prepayment: NO_PREPAYMENT_PROVENANCE,
    opexPerMWMonth: NO_OPEX_PROVENANCE,
    discountRate: DISCOUNT_RATE_PROVENANCE,
    tranches: assumed(
      `${RAMP_DATES} This preset has the first two steps, the 250 MW of June 2025. The leases were signed in May 2025 ` +
        "and announced on 2 June 2025.",
      JUNE,
      APLD_RFS_2025,
    ),
  },
  notes: [
    "Reported (Applied Digital 8-K exhibit 99.2, June 2025): 250 MW at Polaris Forge 1, Ellendale, ND, leased to CoreWeave for about 15 years for about $7 B; " +
      "100 MW in Q4 2025 and 150 MW in mid-2026.",
    "Assumed: rate 155.56 $/kW-month = $7 B ÷ (250 MW × 1,000 × 180 months), to the cent, flat (no escalator reported); " +
      "no prepayment (none reported).",
    "Assumed: billing from 1 November 2025 (100 MW) and 1 July 2026 (150 MW).",
    "Reported (Applied Digital release, 27 October 2025): Building 1's first 50 MW ready for service on 27 October 2025.",
    TERMS_NOT_MODELLED,
    "Not modelled: the host's opex and capex; the 150 MW added in August 2025 (see the 400 MW preset). " +
      PLACEHOLDER_RATE,
  ],
});

const FULL_TITLE = "Applied Digital – CoreWeave, Polaris Forge 1, 400 MW (August 2025)";

const polarisForge400 = definePreset({
  id: "applied-digital-coreweave-polaris-forge-1-400mw-2025",
  title: FULL_TITLE,
  description: "Polaris Forge 1 after CoreWeave's 150 MW expansion: 400 MW, about 15 years, about $11 B.",
  deal: {
    name: FULL_TITLE,
    host: HOST,
    tenant: TENANT,
    capacityMW: 400,
    ratePerKWMonth: 152.78,
    termMonths: FIFTEEN_YEARS,
    escalator: NO_ESCALATOR,
    prepayment: NO_PREPAYMENT,
    opexPerMWMonth: NO_OPEX,
    discountRate: DISCOUNT_RATE,
    tranches: [
      { date: "2025-11-01", mw: 100 },
      { date: "2026-07-01", mw: 150 },
      { date: "2027-07-01", mw: 150 },
    ],
  },
  provenance: {
    name: reported(AUGUST, "The parties and the campus."),
    host: reported(AUGUST),
    tenant: reported(AUGUST),
    capacityMW: reported(AUGUST, "250 MW, then 150 MW more: 400 MW."),
    ratePerKWMonth: assumed(
      "D: about $11 B ÷ (400 MW × 1,000 kW/MW × 180 months) = 152.7778 $/kW-month, rounded to the cent: 152.78. " +
        "Contract value $11,000,160,000. One blended rate for two contracts: the first 250 MW imply 155.56, the 150 MW " +
        "added for about $4 B imply 148.15. The blend gets the total right but bills the first 250 MW a little low " +
        "and the 2027 step a little high.",
      AUGUST,
    ),
    termMonths: reported(AUGUST, `${TERM} Each step is taken to run the full term from its own start.`),
    escalator: NO_ESCALATOR_PROVENANCE,
    prepayment: NO_PREPAYMENT_PROVENANCE,
    opexPerMWMonth: NO_OPEX_PROVENANCE,
    discountRate: DISCOUNT_RATE_PROVENANCE,
    tranches: assumed(RAMP_DATES, AUGUST, APLD_RFS_2025),
  },
  notes: [
    "Reported (Applied Digital release, 29 August 2025): CoreWeave added 150 MW at Polaris Forge 1, for 400 MW and about $11 B over about 15 years; " +
      "100 MW in Q4 2025, 150 MW in mid-2026, 150 MW in 2027.",
    "Assumed: one blended rate, 152.78 $/kW-month = $11 B ÷ (400 MW × 1,000 × 180 months), to the cent, flat " +
      "(the two contracts imply 155.56 and 148.15); no prepayment (none reported).",
    "Assumed: billing from 1 November 2025, 1 July 2026 and 1 July 2027, each step for the full 15 years.",
    "Reported (Applied Digital release, 27 October 2025): Building 1's first 50 MW ready for service on 27 October 2025.",
    TERMS_NOT_MODELLED,
    `Not modelled: the host's opex and capex. ${PLACEHOLDER_RATE}`,
  ],
});

/** Applied Digital's Polaris Forge 1 leases to CoreWeave: the June 2025 contract, and the campus after the August 2025 expansion. */
export const APPLIED_DIGITAL_PRESETS: readonly Preset[] = [polarisForge250, polarisForge400];
