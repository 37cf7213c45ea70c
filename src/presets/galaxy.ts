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
import { GLXY_HELIOS_2025 } from "./documents";

const TITLE = "Galaxy – CoreWeave, Helios (2025)";

/** Galaxy's Helios campus in Texas, leased to CoreWeave: 526 MW of critical IT for 15 years. */
export const GALAXY_HELIOS = definePreset({
  id: "galaxy-coreweave-helios-2025",
  title: TITLE,
  description:
    "526 MW of critical IT at Helios, TX, leased to CoreWeave for 15 years: more than $1 B a year, about $15 B.",
  deal: {
    name: TITLE,
    host: "Galaxy Digital",
    tenant: "CoreWeave",
    capacityMW: 526,
    ratePerKWMonth: 158.43,
    termMonths: FIFTEEN_YEARS,
    escalator: NO_ESCALATOR,
    prepayment: NO_PREPAYMENT,
    opexPerMWMonth: NO_OPEX,
    discountRate: DISCOUNT_RATE,
    tranches: [
      { date: "2026-04-01", mw: 133 },
      { date: "2027-07-01", mw: 393 },
    ],
  },
  provenance: {
    name: reported(GLXY_HELIOS_2025, "The parties and the campus."),
    host: reported(GLXY_HELIOS_2025),
    tenant: reported(GLXY_HELIOS_2025),
    capacityMW: reported(
      GLXY_HELIOS_2025,
      '133 + 260 + 133 = 526 MW of critical IT; the "800 MW" in some coverage is the approved power, not the leased load.',
    ),
    ratePerKWMonth: assumed(
      'D: "more than $1 B a year on average" ÷ (526 MW × 1,000 kW/MW × 12 months) = 158.4284 $/kW-month, rounded ' +
        "to the cent: 158.43, a floor rather than an estimate. Contract value $15,000,152,400, about $1.90 M per MW-year.",
      GLXY_HELIOS_2025,
    ),
    termMonths: reported(GLXY_HELIOS_2025, "15 years: 180 months."),
    escalator: NO_ESCALATOR_PROVENANCE,
    prepayment: NO_PREPAYMENT_PROVENANCE,
    opexPerMWMonth: NO_OPEX_PROVENANCE,
    discountRate: DISCOUNT_RATE_PROVENANCE,
    tranches: assumed(
      "Reported: phase 1 (133 MW) in 1H 2026, phase 2 in 2027. The dates are not, nor how the other 393 MW " +
        "(260 MW and the 133 MW option) split across 2027: 133 MW from 1 April 2026 (the middle of 1H 2026) and " +
        "393 MW from 1 July 2027 (the middle of 2027). Each tranche bills the full 180 months.",
      GLXY_HELIOS_2025,
    ),
  },
  notes: [
    "Reported (Galaxy's release on the Helios financing and the CoreWeave leases, 2025, as copied by StockTitan): " +
      "133 + 260 + 133 = 526 MW of critical IT leased to CoreWeave for 15 years, more than $1 B of revenue a year on " +
      "average; phase 1 in 1H 2026, phase 2 in 2027.",
    "Assumed: rate 158.43 $/kW-month = $1 B a year ÷ (526 MW × 1,000 × 12), to the cent, flat (no escalator " +
      'reported): about $15 B over 15 years, a floor, since the revenue is "more than" $1 B a year; no prepayment.',
    "Assumed: 133 MW billing from 1 April 2026 and 393 MW from 1 July 2027.",
    "Not modelled (terms, not cash): any extension options or credit support in the leases; our sources give none.",
    `Not modelled: the host's opex and capex (the $1.4 B project financing). ${PLACEHOLDER_RATE}`,
  ],
});
