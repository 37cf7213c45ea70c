import { assumed } from "./define";

/**
 * Assumptions shared by several presets. A figure that is not reported is
 * still written into the deal file (as 0 or a placeholder) so that the sheet
 * shows it labelled as assumed, rather than as a silent default.
 */

/** The file every reported figure traces to. */
export const FACTS = "shared/deals/reported-facts.md";

export const DISCOUNT_RATE = 0.1;
export const DISCOUNT_RATE_PROVENANCE = assumed(
  "Not a reported figure: a 10 % placeholder cost of capital for the NPV, the same for every preset. Set your own. " +
    "The NPV is as at each deal's first month, so NPVs of different presets are at different dates.",
);

export const NO_OPEX = 0;
export const NO_OPEX_PROVENANCE = assumed(
  "The host's operating costs are not reported per contract, so the preset shows revenue only (opex 0). Power is passed through to the tenant and is outside the model either way.",
);

export const NO_ESCALATOR = 0;
export const NO_ESCALATOR_PROVENANCE = assumed(
  "No escalator is reported for this contract, so the rate is flat (0 %): it is then the average rate that gives the reported total.",
);

export const NO_PREPAYMENT = 0;
export const NO_PREPAYMENT_PROVENANCE = assumed(
  "No prepayment, and no tenant-funded capex recouped from the fees, is reported for this contract: 0, rather than a guess.",
);

/** 12-year contracts, as months. */
export const TWELVE_YEARS = 144;
/** 15-year contracts, as months. */
export const FIFTEEN_YEARS = 180;
/** 10-year contracts, as months. */
export const TEN_YEARS = 120;

/** A V-tagged row of reported-facts.md's "Other miner-to-AI hosting deals" table, as a source. */
export function otherDeal(deal: string, date: string): string {
  return `public reporting of the ${deal} deal, ${date} (V in reported-facts.md, "Other miner-to-AI hosting deals")`;
}
