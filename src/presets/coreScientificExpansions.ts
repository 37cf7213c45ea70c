import {
  DISCOUNT_RATE,
  DISCOUNT_RATE_PROVENANCE,
  NO_ESCALATOR,
  NO_ESCALATOR_PROVENANCE,
  NO_OPEX,
  NO_OPEX_PROVENANCE,
  NO_PREPAYMENT,
  NO_PREPAYMENT_PROVENANCE,
  PLACEHOLDER_RATE,
  TWELVE_YEARS,
  CORZ_RENEWALS,
  CORZ_RENEWALS_NOTE,
  corzRenewalProvenance,
} from "./common";
import { assumed, definePreset, reported, type IsoDate } from "./define";
import { CORZ_70MW_2024, CORZ_MUSKOGEE, CORZ_OPTION_8K, CORZ_Q1_2025, CORZ_Q4_2025 } from "./documents";
import type { Preset, SourceDocument } from "./types";

/**
 * CoreWeave's three later contracts with Core Scientific, each as announced
 * (one start date in the reported period) and as delivered (the reported
 * billable ramp of all CoreWeave contracts, allocated in signing order after
 * the seed's 200 MW).
 */
interface Expansion {
  readonly id: string;
  /** The title as announced; the delivered variant appends ", as delivered". */
  readonly title: string;
  readonly description: string;
  readonly mw: number;
  readonly rate: number;
  readonly doc: SourceDocument;
  readonly capacityNote?: string;
  readonly rateReason: string;
  readonly announcedStart: IsoDate;
  /** Why the announced start date, and what it rests on (documents or named sources). */
  readonly announcedStartWhy: string;
  readonly announcedStartFrom: readonly (SourceDocument | string)[];
  /** The first note: what is reported, naming the document. */
  readonly reportedNote: string;
  readonly delivered: readonly { date: IsoDate; mw: number }[];
  /** Each delivered date, reported or assumed, and why. */
  readonly deliveredWhy: string;
  readonly extraNotes?: readonly string[];
}

const HOST = "Core Scientific";
const TENANT = "CoreWeave";
const PARTIES = "The parties; the contracts extend the June 2024 ones.";
const RENEWALS =
  "Two 5-year renewal options, as on every CoreWeave contract (Muskogee release): see the renewal terms.";
const LEFT_OUT = `Not modelled: the host's opex and capex. ${PLACEHOLDER_RATE}`;
const RAMP =
  "The reported billable capacity to CoreWeave, all contracts together: about 48 MW by mid-2025 and 250 MW by " +
  "end-2025 (Q1 2025 results), about 590 MW by early 2027 (Q4 2025 results; it includes the Denton expansion of " +
  "about 70 MW, not a preset). The contracts take it in signing order after the seed's 200 MW; that allocation " +
  "is assumed. Each tranche bills the full 144 months, so the contract value is the announced one.";

function terms(e: Expansion) {
  return {
    name: reported(e.doc, PARTIES),
    host: reported(e.doc),
    tenant: reported(e.doc),
    capacityMW: reported(e.doc, e.capacityNote),
    ratePerKWMonth: assumed(e.rateReason, e.doc),
    termMonths: reported([e.doc, CORZ_MUSKOGEE], `12 years: 144 months. ${RENEWALS}`),
    escalator: NO_ESCALATOR_PROVENANCE,
    prepayment: NO_PREPAYMENT_PROVENANCE,
    opexPerMWMonth: NO_OPEX_PROVENANCE,
    discountRate: DISCOUNT_RATE_PROVENANCE,
    ...corzRenewalProvenance(CORZ_MUSKOGEE),
  };
}

const rateNote = (e: Expansion): string =>
  `Assumed: rate ${e.rate.toFixed(2)} $/kW-month = the reported value ÷ (${e.mw} MW × 1,000 × 144 months), to the ` +
  "cent, flat; no prepayment (none reported).";

function announced(e: Expansion): Preset {
  return definePreset({
    id: e.id,
    title: e.title,
    description: e.description,
    deal: {
      name: e.title,
      host: HOST,
      tenant: TENANT,
      capacityMW: e.mw,
      ratePerKWMonth: e.rate,
      termMonths: TWELVE_YEARS,
      startDate: e.announcedStart,
      escalator: NO_ESCALATOR,
      prepayment: NO_PREPAYMENT,
      opexPerMWMonth: NO_OPEX,
      discountRate: DISCOUNT_RATE,
      ...CORZ_RENEWALS,
    },
    provenance: { ...terms(e), startDate: assumed(e.announcedStartWhy, ...e.announcedStartFrom) },
    notes: [
      e.reportedNote,
      rateNote(e),
      `Assumed: ${e.announcedStartWhy}`,
      ...(e.extraNotes ?? []),
      CORZ_RENEWALS_NOTE,
      LEFT_OUT,
    ],
  });
}

function delivered(e: Expansion): Preset {
  const title = `${e.title}, as delivered`;
  return definePreset({
    id: `${e.id}-as-delivered`,
    title,
    description: `${e.description} Billing as the reported ramp was delivered.`,
    deal: {
      name: title,
      host: HOST,
      tenant: TENANT,
      capacityMW: e.mw,
      ratePerKWMonth: e.rate,
      termMonths: TWELVE_YEARS,
      escalator: NO_ESCALATOR,
      prepayment: NO_PREPAYMENT,
      opexPerMWMonth: NO_OPEX,
      discountRate: DISCOUNT_RATE,
      tranches: e.delivered,
      ...CORZ_RENEWALS,
    },
    provenance: { ...terms(e), tranches: assumed(`${RAMP} ${e.deliveredWhy}`, CORZ_Q1_2025, CORZ_Q4_2025) },
    notes: [
      e.reportedNote,
      rateNote(e),
      `Assumed: ${e.deliveredWhy}`,
      ...(e.extraNotes ?? []),
      CORZ_RENEWALS_NOTE,
      LEFT_OUT,
    ],
  });
}

const JUNE: Expansion = {
  id: "coreweave-core-scientific-70mw-2024",
  title: "CoreWeave – Core Scientific: 70 MW expansion (June 2024)",
  description: "A further 70 MW for CoreWeave, 12 years, $1.225 B, signed late June 2024.",
  mw: 70,
  rate: 121.53,
  doc: CORZ_70MW_2024,
  rateReason:
    "D: $1.225 B ÷ (70 MW × 1,000 kW/MW × 144 months) = 121.5278 $/kW-month, rounded to the cent: 121.53, " +
    "the same rate as the June 2024 contracts. Contract value $1,225,022,400.",
  announcedStart: "2025-11-01",
  announcedStartWhy:
    '"Full 270 MW online by Q4 2025" is in a secondary source only. Billing is placed in the middle of that ' +
    "quarter, 1 November 2025; the date is not reported.",
  announcedStartFrom: ["secondary source, unnamed in our record"],
  reportedNote:
    "Reported (Core Scientific's announcement, late June 2024, as covered by Investing.com): a new 12-year CoreWeave " +
    "contract for 70 MW, adding $1.225 B; with the June contracts, 270 MW and about $4.7 B.",
  delivered: [
    { date: "2025-12-01", mw: 50 },
    { date: "2026-04-01", mw: 20 },
  ],
  deliveredWhy:
    "50 MW from 1 December 2025, completing the 250 MW reported billable by end-2025 (date assumed: the last month " +
    "of 2025); 20 MW from 1 April 2026 (assumed: the ramp from 250 MW to about 590 MW by early 2027 taken as " +
    "roughly even).",
};

const AUGUST: Expansion = {
  id: "coreweave-core-scientific-112mw-2024",
  title: "CoreWeave – Core Scientific: 112 MW option (August 2024)",
  description: "CoreWeave's option for 112 MW more, 12 years, about $2.0 B, exercised August 2024.",
  mw: 112,
  rate: 124.01,
  doc: CORZ_OPTION_8K,
  capacityNote:
    "The August 2024 release has no address at hand; the October 2024 8-K exhibit reports the cumulative 500 MW " +
    "and $8.7 B that include this exercise.",
  rateReason:
    "D: about $2.0 B ÷ (112 MW × 1,000 kW/MW × 144 months) = 124.0079 $/kW-month, rounded to the cent: 124.01. " +
    'Contract value $2,000,033,280. The value is reported as "about" $2.0 B, so the rate is as rough as that.',
  announcedStart: "2026-04-01",
  announcedStartWhy:
    "Reported operational in 1H 2026; the date is not. Billing is placed in the middle of that half-year, 1 April 2026.",
  announcedStartFrom: [CORZ_OPTION_8K],
  reportedNote:
    "Reported (Core Scientific, August 2024, and its October 2024 8-K exhibit): CoreWeave exercised an option for " +
    "112 MW more, about $2.0 B over 12 years, operational in 1H 2026; cumulative 382 MW and $6.7 B.",
  delivered: [{ date: "2026-08-01", mw: 112 }],
  deliveredWhy:
    "All 112 MW from 1 August 2026 (date assumed: the roughly even ramp from 250 MW at end-2025 to about 590 MW by " +
    "early 2027 passes 382 MW in mid-2026).",
};

const OCTOBER: Expansion = {
  id: "coreweave-core-scientific-120mw-2024",
  title: "CoreWeave – Core Scientific: 120 MW final option (October 2024)",
  description: "CoreWeave's final option for about 120 MW more, 12 years, about $2.0 B, exercised 22 October 2024.",
  mw: 120,
  rate: 115.74,
  doc: CORZ_OPTION_8K,
  capacityNote: "Reported as about 120 MW.",
  rateReason:
    "D: about $2.0 B ÷ (120 MW × 1,000 kW/MW × 144 months) = 115.7407 $/kW-month, rounded to the cent: 115.74. " +
    'Contract value $1,999,987,200. Both figures are reported as "about": at 115 MW the rate would be 120.77, ' +
    "so the gap to the earlier contracts' 121.53 may be rounding, not price.",
  announcedStart: "2026-10-01",
  announcedStartWhy:
    "Reported operational in 2H 2026; the date is not. Billing is placed in the middle of that half-year, 1 October 2026.",
  announcedStartFrom: [CORZ_OPTION_8K],
  reportedNote:
    "Reported (Core Scientific 8-K exhibit, 22 October 2024): CoreWeave exercised its final option, about 120 MW and " +
    "about $2.0 B over 12 years, operational in 2H 2026; cumulative about 500 MW and $8.7 B across six sites.",
  delivered: [{ date: "2027-01-01", mw: 120 }],
  deliveredWhy:
    'All 120 MW from 1 January 2027 (reported: about 590 MW billable "by early 2027"; the date, the start of 2027, ' +
    "is assumed).",
  extraNotes: ["Not modelled: the Denton expansion of about 70 MW (February 2025; value not disclosed; secondary)."],
};

const EXPANSIONS = [JUNE, AUGUST, OCTOBER];

/** The three later CoreWeave contracts with Core Scientific as announced, in the order they were signed. */
export const CORE_SCIENTIFIC_EXPANSIONS: readonly Preset[] = EXPANSIONS.map(announced);

/** The same three contracts as delivered: the reported billable ramp. */
export const CORE_SCIENTIFIC_EXPANSIONS_DELIVERED: readonly Preset[] = EXPANSIONS.map(delivered);
