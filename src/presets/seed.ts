import {
  CORZ_RENEWALS,
  CORZ_RENEWALS_NOTE,
  DISCOUNT_RATE,
  DISCOUNT_RATE_PROVENANCE,
  NO_OPEX,
  PLACEHOLDER_RATE,
  TWELVE_YEARS,
  corzRenewalProvenance,
} from "./common";
import { assumed, definePreset, reported, type IsoDate } from "./define";
import { SEED_MINING, SEED_MINING_BLOCK_PROVENANCE } from "./mining";
import { CORZ_JUNE_2024, CORZ_MUSKOGEE, CORZ_Q1_2025, CORZ_Q2_2025, CORZ_Q3_2025, CORZ_Q4_2025 } from "./documents";
import type { Preset, Provenance } from "./types";

/** Sources without a public address: named, never marked reported. */
const COMPASS_POINT = "Compass Point note (secondary; no public address)";
const VIC = "Value Investors Club write-up on Core Scientific (secondary; no public address)";
const Q1_CALL = "Core Scientific Q1 2024 earnings call, as quoted (secondary; no public address)";

export const SEED_PRESET_ID = "coreweave-core-scientific-2024";
export const SEED_DELIVERED_ID = "coreweave-core-scientific-2024-as-delivered";

const TITLE = "CoreWeave – Core Scientific (June 2024)";
const DELIVERED_TITLE = "CoreWeave – Core Scientific (June 2024), as delivered";

const RENEWALS =
  "Each contract carries two 5-year renewal options (Core Scientific's Muskogee release): see the renewal terms; " +
  "none is exercised, so the value is the 12-year term's.";

const FUNDING_LATE =
  "CoreWeave's capex funding in fact arrived about a year later, in 2025: $90.3 M in Q2 2025 and $196.4 M in " +
  "Q3 2025 (Core Scientific's Q2 and Q3 2025 results; all CoreWeave-funded capex, not only the $300 M recouped).";

/** The terms both variants share: the contract as signed. */
const common = {
  name: reported(CORZ_JUNE_2024, "The parties and the signing date, 3 June 2024."),
  host: reported(CORZ_JUNE_2024),
  tenant: reported(CORZ_JUNE_2024),
  capacityMW: reported(CORZ_JUNE_2024, "Reported as about 200 MW of critical IT load."),
  ratePerKWMonth: assumed(
    "D: $3.5 B ÷ (200 MW × 1,000 kW/MW × 144 months) = 121.5278 $/kW-month, rounded to the cent: 121.53. " +
      "That gives $3,500,064,000 over the term, $291.7 M a year (reported: more than $3.5 B, about $290 M a year). " +
      "The announcement gives the total, not a rate.",
    CORZ_JUNE_2024,
  ),
  termMonths: reported([CORZ_JUNE_2024, CORZ_MUSKOGEE], `12-year contracts: 144 months. ${RENEWALS}`),
  escalator: assumed(
    "No escalator is reported; the reported $3.5 B over 12 years and about $290 M a year fit a flat rate, so 0 %.",
    CORZ_JUNE_2024,
  ),
  prepayment: reported(
    CORZ_JUNE_2024,
    "About $300 M of the site-conversion capex CoreWeave funds is recouped from the hosting payments: modelled as a $300,000,000 prepayment.",
  ),
  creditMethod: assumed(
    'The $300 M is netted against the hosting payments "at 50 % until repaid": only a secondary source says so.',
    VIC,
  ),
  opexPerMWMonth: assumed(
    "The host's operating costs are not reported, so the preset shows revenue only (opex 0). " +
      "Core Scientific's target of a 75–80 % gross margin (secondary) suggests costs of roughly 20–25 % of revenue.",
    Q1_CALL,
  ),
  discountRate: DISCOUNT_RATE_PROVENANCE,
  ...corzRenewalProvenance(CORZ_MUSKOGEE),
} satisfies Record<string, Provenance>;

const CAPEX_IS_THE_PREPAYMENT =
  "The capex is the host's spending on converting the sites; CoreWeave funds it, and the $300 M prepayment is that " +
  "funding, recouped from the fees. Only the $300 M recouped is modelled: the rest of the CoreWeave-funded spend " +
  "is neither the host's cost nor its revenue.";

const commonNotes = (recouped: string): string[] => [
  `Reported (Core Scientific's announcement of 3 June 2024, and press coverage): 12-year hosting contracts with CoreWeave ` +
    "for about 200 MW of critical IT load, more than $3.5 B of revenue over 12 years, about $290 M a year; sites ready " +
    "in 1H 2025. Reported (Muskogee release): two 5-year renewal options per contract.",
  "Reported: CoreWeave funds the capex to convert the sites, about $300 M of which it recoups from the hosting payments; " +
    "power is passed through at cost, outside the fee (Core Scientific FY2024 10-K; no address at hand).",
  "Assumed: rate 121.53 $/kW-month = $3.5 B ÷ (200 MW × 1,000 × 144 months), to the cent, flat: $3,500,064,000 over the term.",
  `Assumed: the $300 M is ${recouped} and recouped at 50 % of each month's fee until repaid (Value Investors Club write-up, secondary).`,
];

const LEFT_OUT = `Not modelled: the host's opex, and the later expansions (separate presets). ${PLACEHOLDER_RATE}`;

/** July 2024 to June 2025: the months from signing to the reported readiness in 1H 2025. */
const MONTHS_TO_READINESS: readonly IsoDate[] = [
  "2024-07-01",
  "2024-08-01",
  "2024-09-01",
  "2024-10-01",
  "2024-11-01",
  "2024-12-01",
  "2025-01-01",
  "2025-02-01",
  "2025-03-01",
  "2025-04-01",
  "2025-05-01",
  "2025-06-01",
];

/** The seed deal as signed: CoreWeave's first hosting contracts with Core Scientific, 3 June 2024. */
export const SEED_PRESET: Preset = definePreset({
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
    capex: MONTHS_TO_READINESS.map((date) => ({ date, amount: 25_000_000 })),
    ...CORZ_RENEWALS,
    mining: SEED_MINING,
  },
  provenance: {
    ...common,
    mining: SEED_MINING_BLOCK_PROVENANCE,
    prepaymentDate: assumed(
      "As announced, the date is not reported. Modelled as one payment on 1 July 2024, the first month after signing " +
        `(as in the spec's worked check). ${FUNDING_LATE} So this brings the cash forward by about a year; the ` +
        '"as delivered" variant moves it.',
      CORZ_Q2_2025,
      CORZ_Q3_2025,
    ),
    creditPercent: assumed(
      "50 % of each month's gross fee until the $300 M is recouped: here from January 2025 to March 2027.",
      VIC,
    ),
    tranches: assumed(
      "The split into two 80 MW sites and one 40 MW site is from a secondary source; the announcement reports about " +
        "200 MW ready in 1H 2025. Billing from 1 January, 1 April and 1 June 2025 spreads the sites across that " +
        "half-year; the order and the dates are not reported. A ramp moves cash in time, not the total: each tranche " +
        'bills the full 144 months. The billable ramp was in fact slower: see the "as delivered" variant.',
      CORZ_JUNE_2024,
      COMPASS_POINT,
    ),
    capex: assumed(
      "An assumption, not a reported figure: the $300 M conversion is spent evenly over the months from signing to " +
        "the reported readiness in 1H 2025, $25 M a month from July 2024 to June 2025. Neither the amounts nor the " +
        `timing of the spend are reported. ${CAPEX_IS_THE_PREPAYMENT}`,
      CORZ_JUNE_2024,
    ),
  },
  notes: [
    ...commonNotes("paid on 1 July 2024 (as announced; the funding in fact came in 2025)"),
    "Assumed: sites of 80, 80 and 40 MW (Compass Point note, secondary) billing from 1 January, 1 April and 1 June 2025.",
    "Assumed: the $300 M conversion capex spent evenly, $25 M a month from July 2024 to June 2025 (not reported); " +
      "the prepayment is CoreWeave funding it.",
    CORZ_RENEWALS_NOTE,
    "Assumed: the mining alternative (the mining block) is Core Scientific's own fleet on the same sites from July " +
      "2024: hashprice about $48/PH/s/day (late June 2024) and 23.6 J/TH (June 2024), both as reported but with no " +
      "public address at hand; power about $0.04/kWh (secondary source); site power left to its default, 1.3 × the " +
      "200 MW of critical IT (an assumption).",
    LEFT_OUT,
  ],
});

/**
 * The reported billable ramp to CoreWeave, all contracts together: about
 * 48 MW by mid-2025, 250 MW by end-2025, about 590 MW by early 2027. The
 * seed's 200 MW take the first 200 of it.
 */
const DELIVERED_TRANCHES: readonly { date: IsoDate; mw: number }[] = [
  { date: "2025-06-01", mw: 8 },
  { date: "2025-07-01", mw: 40 },
  { date: "2025-12-01", mw: 152 },
];

/** The seed's contracts as the record shows them delivered: the billable ramp of 2025 and the funding's timing. */
export const SEED_DELIVERED: Preset = definePreset({
  id: SEED_DELIVERED_ID,
  title: DELIVERED_TITLE,
  description: "The June 2024 contracts as delivered: billing ramps from 8 MW in June 2025 to 200 MW in December 2025.",
  deal: {
    name: DELIVERED_TITLE,
    host: "Core Scientific",
    tenant: "CoreWeave",
    capacityMW: 200,
    ratePerKWMonth: 121.53,
    termMonths: TWELVE_YEARS,
    escalator: 0,
    prepayment: 300_000_000,
    prepaymentDate: "2025-07-01",
    creditMethod: "percent-of-fee",
    creditPercent: 0.5,
    opexPerMWMonth: NO_OPEX,
    discountRate: DISCOUNT_RATE,
    tranches: DELIVERED_TRANCHES,
    capex: [
      { date: "2025-05-01", amount: 90_300_000 },
      { date: "2025-08-01", amount: 196_400_000 },
      { date: "2025-11-01", amount: 13_300_000 },
    ],
    ...CORZ_RENEWALS,
  },
  provenance: {
    ...common,
    prepaymentDate: assumed(
      `${FUNDING_LATE} Modelled as one payment on 1 July 2025, between the two quarters' funding (weighted by amount, ` +
        "about mid-July 2025). The money was spent on the sites as it came; one date stands in for it.",
      CORZ_Q2_2025,
      CORZ_Q3_2025,
    ),
    creditPercent: assumed(
      "50 % of each month's gross fee until the $300 M is recouped, from the prepayment month on (credits start in " +
        "July 2025 here).",
      VIC,
    ),
    tranches: assumed(
      "The reported billable capacity to CoreWeave, all contracts together, with the seed's 200 MW taken first " +
        "(the allocation to this contract is assumed). 8 MW from 1 June 2025: reported, 8 MW billable at Denton by " +
        "the end of May 2025 (Q1 2025 results). 40 MW from 1 July 2025: reported, about 40 MW more by the end of June " +
        "2025 (same). 152 MW from 1 December 2025: 250 MW billable by end-2025 is reported as the target " +
        "(Q1 2025 results) and about 590 MW by early 2027 (Q4 2025 results); the date is assumed, the last month of " +
        "2025, and the 250 MW are taken as this contract's 200 MW plus 50 MW of the 70 MW contract. Each tranche " +
        "bills the full 144 months, so the contract value is the announced one.",
      CORZ_Q1_2025,
      CORZ_Q4_2025,
    ),
    capex: assumed(
      "The CoreWeave-funded capex reported for Q2 2025 ($90.3 M) and Q3 2025 ($196.4 M), placed in the middle month " +
        "of each quarter, and the remaining $13.3 M of the $300 M in November 2025, the middle of Q4 (assumed). The " +
        "quarterly amounts are reported for all CoreWeave contracts together; taking them as this contract's spend " +
        `is an assumption. ${CAPEX_IS_THE_PREPAYMENT}`,
      CORZ_Q2_2025,
      CORZ_Q3_2025,
    ),
  },
  notes: [
    ...commonNotes("paid on 1 July 2025, between the capex funding reported in Q2 and Q3 2025"),
    "Reported (Core Scientific's Q1 2025 results): 8 MW billable at Denton by the end of May 2025, about 40 MW more by " +
      "the end of June; on track for 250 MW billable to CoreWeave by end-2025. Reported (Q4 2025 results): about " +
      "590 MW billable by early 2027; colocation revenue $65.5 M in 2025.",
    "Assumed: billing from 1 June 2025 (8 MW), 1 July 2025 (40 MW) and 1 December 2025 (152 MW); the seed's contracts " +
      "take the first 200 MW of the reported ramp.",
    "Assumed: capex of $90.3 M (May 2025), $196.4 M (August 2025) and $13.3 M (November 2025): the CoreWeave-funded " +
      "capex reported for Q2 and Q3 2025 (all contracts), then the rest of the $300 M; the prepayment is CoreWeave funding it.",
    CORZ_RENEWALS_NOTE,
    LEFT_OUT,
  ],
  alsoCites: [CORZ_Q4_2025],
});
