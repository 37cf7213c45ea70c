import { assumed, reported } from "./define";
import type { SourceDocument } from "./types";

/**
 * Assumptions shared by several presets. A figure that is not reported is
 * still written into the deal file (as 0 or a placeholder) so that the sheet
 * shows it labelled as assumed, rather than as a silent default.
 */

export const DISCOUNT_RATE = 0.1;
export const DISCOUNT_RATE_PROVENANCE = assumed(
  "Not a reported figure: a 10 % placeholder cost of capital for the NPV, the same for every preset. Set your own. " +
    "The NPV is as at each deal's first month, so NPVs of different presets are at different dates.",
);

export const NO_OPEX = 0;
export const NO_OPEX_PROVENANCE = assumed(
  "Neither the host's operating costs nor a NOI margin is reported for this contract, so the preset shows revenue " +
    "only (opex 0). Power is passed through to the tenant and is outside the model either way.",
);

/**
 * Opex from a reported NOI margin: the host's costs as (1 − margin) of the
 * monthly fee per MW, flat (opex does not escalate in the model).
 */
export function opexFromMargin(margin: string, perMWMonth: string, arithmetic: string, doc: SourceDocument) {
  return assumed(
    `D from the reported NOI margin (${margin}): opex = (1 − margin) × the fee per MW-month = ${arithmetic} = ` +
      `${perMWMonth} $/MW-month, flat. NOI is taken as the fee less the host's operating costs; power is passed ` +
      "through and outside both.",
    doc,
  );
}

export const NO_ESCALATOR = 0;
export const NO_ESCALATOR_PROVENANCE = assumed(
  "No escalator is reported for this contract, so the rate is flat (0 %): it is then the average rate that gives the reported total.",
);

/** For contracts whose escalators are reported but whose rate is not. */
export function undisclosedEscalator(doc: SourceDocument | string) {
  return assumed(
    "Annual escalators are reported; their rate is not disclosed. Modelled flat (0 %) rather than guessed: the rate " +
      "is then the flat equivalent of the reported total. A real escalator means a lower starting rate and later cash, " +
      "so a lower NPV; to try one, set it and lower the rate to keep the total (the Hut 8 preset shows the arithmetic).",
    doc,
  );
}

export const NO_PREPAYMENT = 0;
export const NO_PREPAYMENT_PROVENANCE = assumed(
  "No prepayment, and no tenant-funded capex recouped from the fees, is reported for this contract: 0, rather than a guess.",
);

/** The line every preset's notes carry about its discount rate. */
export const PLACEHOLDER_RATE = "The 10 % discount rate is a placeholder.";

/** 12-year contracts, as months. */
export const TWELVE_YEARS = 144;
/** 15-year contracts, as months. */
export const FIFTEEN_YEARS = 180;
/** 10-year contracts, as months. */
export const TEN_YEARS = 120;

/**
 * The renewal terms of CoreWeave's contracts with Core Scientific: two 5-year
 * options on each (reported), at an unreported rate, none exercised (a choice).
 */
export const CORZ_RENEWALS = {
  renewalOptions: 2,
  renewalMonths: 60,
  renewalRateStep: 0,
  renewalsExercised: 0,
} as const;

export function corzRenewalProvenance(muskogee: SourceDocument) {
  return {
    renewalOptions: reported(muskogee, "Two renewal options on each CoreWeave contract, the expansions included."),
    renewalMonths: reported(muskogee, "5 years each: 60 months."),
    renewalRateStep: assumed(
      "The rate on renewal is not reported: 0 %, the contract's rate carries on. Set a step to test a repricing.",
    ),
    renewalsExercised: assumed(
      "A choice, not a figure: none exercised, so the contract value is the 12-year term's, as announced. Set 1 or 2 " +
        "to value renewals; the summary's value with all renewals shows both exercised.",
    ),
  };
}

/** The notes line for contracts whose renewal options are in the deal. */
export const CORZ_RENEWALS_NOTE =
  "Renewal options: two of 5 years on each contract (Muskogee release), in the deal as options, none exercised; " +
  "the rate on renewal is not reported (0 % step).";
