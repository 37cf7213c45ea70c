import {
  DISCOUNT_RATE,
  DISCOUNT_RATE_PROVENANCE,
  NO_ESCALATOR,
  NO_ESCALATOR_PROVENANCE,
  NO_OPEX,
  NO_OPEX_PROVENANCE,
  NO_PREPAYMENT,
  NO_PREPAYMENT_PROVENANCE,
  TWELVE_YEARS,
} from "./common";
import { assumed, definePreset, reported } from "./define";
import type { Preset } from "./types";

/** reported-facts.md gives these rows no document: the source is the file's table. */
function expansion(step: string): string {
  return `public reporting, ${step} (V in reported-facts.md, "CoreWeave – Core Scientific expansions")`;
}

const HOST = "Core Scientific";
const TENANT = "CoreWeave";
const PARTIES = "The parties; the contracts extend the June 2024 ones.";
const LEFT_OUT = "Left out: the host's opex and capex, any renewal options. The 10 % discount rate is a placeholder.";

const JUNE = expansion("new contract, late June 2024");
const JUNE_TITLE = "CoreWeave – Core Scientific: 70 MW expansion (June 2024)";

const june2024 = definePreset({
  id: "coreweave-core-scientific-70mw-2024",
  title: JUNE_TITLE,
  description: "A further 70 MW for CoreWeave, 12 years, $1.225 B, signed late June 2024.",
  deal: {
    name: JUNE_TITLE,
    host: HOST,
    tenant: TENANT,
    capacityMW: 70,
    ratePerKWMonth: 121.53,
    termMonths: TWELVE_YEARS,
    startDate: "2025-11-01",
    escalator: NO_ESCALATOR,
    prepayment: NO_PREPAYMENT,
    opexPerMWMonth: NO_OPEX,
    discountRate: DISCOUNT_RATE,
  },
  provenance: {
    name: reported(JUNE, PARTIES),
    host: reported(JUNE),
    tenant: reported(JUNE),
    capacityMW: reported(JUNE),
    ratePerKWMonth: assumed(
      "D: $1.225 B ÷ (70 MW × 1,000 kW/MW × 144 months) = 121.5278 $/kW-month, rounded to the cent: 121.53, " +
        "the same rate as the June 2024 contracts. Contract value $1,225,022,400.",
      JUNE,
    ),
    termMonths: reported(JUNE, "12 years: 144 months."),
    startDate: assumed(
      '"Full 270 MW online by Q4 2025" is in a secondary source only (S). Billing is placed in the middle of ' +
        "that quarter, 1 November 2025; the date is not reported.",
      "secondary source (S in reported-facts.md, which does not name it)",
    ),
    escalator: NO_ESCALATOR_PROVENANCE,
    prepayment: NO_PREPAYMENT_PROVENANCE,
    opexPerMWMonth: NO_OPEX_PROVENANCE,
    discountRate: DISCOUNT_RATE_PROVENANCE,
  },
  notes: [
    `Reported (${JUNE}): a new 12-year CoreWeave contract for 70 MW, adding $1.225 B; with the June contracts, 270 MW and about $4.7 B.`,
    "Assumed: rate 121.53 $/kW-month = $1.225 B ÷ (70 MW × 1,000 × 144 months), to the cent, flat; no prepayment (none reported).",
    'Assumed: billing from 1 November 2025; "full 270 MW online by Q4 2025" is from a secondary source (S).',
    LEFT_OUT,
  ],
});

const AUGUST = expansion("option exercise, August 2024");
const AUGUST_TITLE = "CoreWeave – Core Scientific: 112 MW option (August 2024)";

const august2024 = definePreset({
  id: "coreweave-core-scientific-112mw-2024",
  title: AUGUST_TITLE,
  description: "CoreWeave's option for 112 MW more, 12 years, about $2.0 B, exercised August 2024.",
  deal: {
    name: AUGUST_TITLE,
    host: HOST,
    tenant: TENANT,
    capacityMW: 112,
    ratePerKWMonth: 124.01,
    termMonths: TWELVE_YEARS,
    startDate: "2026-04-01",
    escalator: NO_ESCALATOR,
    prepayment: NO_PREPAYMENT,
    opexPerMWMonth: NO_OPEX,
    discountRate: DISCOUNT_RATE,
  },
  provenance: {
    name: reported(AUGUST, PARTIES),
    host: reported(AUGUST),
    tenant: reported(AUGUST),
    capacityMW: reported(AUGUST),
    ratePerKWMonth: assumed(
      "D: about $2.0 B ÷ (112 MW × 1,000 kW/MW × 144 months) = 124.0079 $/kW-month, rounded to the cent: 124.01. " +
        'Contract value $2,000,033,280. The value is reported as "about" $2.0 B, so the rate is as rough as that.',
      AUGUST,
    ),
    termMonths: reported(AUGUST, "12 years: 144 months."),
    startDate: assumed(
      "Reported operational in 1H 2026; the date is not. Billing is placed in the middle of that half-year, 1 April 2026.",
      AUGUST,
    ),
    escalator: NO_ESCALATOR_PROVENANCE,
    prepayment: NO_PREPAYMENT_PROVENANCE,
    opexPerMWMonth: NO_OPEX_PROVENANCE,
    discountRate: DISCOUNT_RATE_PROVENANCE,
  },
  notes: [
    `Reported (${AUGUST}): CoreWeave exercised an option for 112 MW more, about $2.0 B over 12 years, operational in 1H 2026; ` +
      "cumulative 382 MW and $6.7 B.",
    "Assumed: rate 124.01 $/kW-month = $2.0 B ÷ (112 MW × 1,000 × 144 months), to the cent, flat; no prepayment (none reported).",
    "Assumed: billing from 1 April 2026, the middle of 1H 2026.",
    LEFT_OUT,
  ],
});

const OCTOBER = expansion("final option, 22 October 2024");
const OCTOBER_TITLE = "CoreWeave – Core Scientific: 120 MW final option (October 2024)";

const october2024 = definePreset({
  id: "coreweave-core-scientific-120mw-2024",
  title: OCTOBER_TITLE,
  description: "CoreWeave's final option for about 120 MW more, 12 years, about $2.0 B, exercised 22 October 2024.",
  deal: {
    name: OCTOBER_TITLE,
    host: HOST,
    tenant: TENANT,
    capacityMW: 120,
    ratePerKWMonth: 115.74,
    termMonths: TWELVE_YEARS,
    startDate: "2026-10-01",
    escalator: NO_ESCALATOR,
    prepayment: NO_PREPAYMENT,
    opexPerMWMonth: NO_OPEX,
    discountRate: DISCOUNT_RATE,
  },
  provenance: {
    name: reported(OCTOBER, PARTIES),
    host: reported(OCTOBER),
    tenant: reported(OCTOBER),
    capacityMW: reported(OCTOBER, "Reported as about 120 MW."),
    ratePerKWMonth: assumed(
      "D: about $2.0 B ÷ (120 MW × 1,000 kW/MW × 144 months) = 115.7407 $/kW-month, rounded to the cent: 115.74. " +
        'Contract value $1,999,987,200. Both figures are reported as "about": at 115 MW the rate would be 120.77, ' +
        "so the gap to the earlier contracts' 121.53 may be rounding, not price.",
      OCTOBER,
    ),
    termMonths: reported(OCTOBER, "12 years: 144 months."),
    startDate: assumed(
      "Reported operational in 2H 2026; the date is not. Billing is placed in the middle of that half-year, 1 October 2026.",
      OCTOBER,
    ),
    escalator: NO_ESCALATOR_PROVENANCE,
    prepayment: NO_PREPAYMENT_PROVENANCE,
    opexPerMWMonth: NO_OPEX_PROVENANCE,
    discountRate: DISCOUNT_RATE_PROVENANCE,
  },
  notes: [
    `Reported (${OCTOBER}): CoreWeave exercised its final option, about 120 MW and about $2.0 B over 12 years, ` +
      "operational in 2H 2026; cumulative about 500 MW and $8.7 B across six sites.",
    "Assumed: rate 115.74 $/kW-month = $2.0 B ÷ (120 MW × 1,000 × 144 months), to the cent, flat; no prepayment (none reported).",
    "Assumed: billing from 1 October 2026, the middle of 2H 2026.",
    "Not modelled: the Denton expansion of about 70 MW (February 2025; value not disclosed; S).",
    LEFT_OUT,
  ],
});

/** The three later CoreWeave contracts with Core Scientific, in the order they were signed. */
export const CORE_SCIENTIFIC_EXPANSIONS: readonly Preset[] = [june2024, august2024, october2024];
