/**
 * The mining alternative of presets (analysis.md §8): each preset's mining
 * block, and where each of its figures comes from (shared/deals/reported-facts.md,
 * "Bitcoin mining, for the hosting-versus-mining comparison"). Terms a block
 * leaves out take their defaults; the default site power (1.3 × capacity)
 * is an assumption the pane and the sheet state (core's SITE_POWER_ASSUMPTION).
 */
import type { MiningTermKey } from "../core";
import { assumed } from "./define";
import type { Provenance } from "./types";

const HASHRATE_INDEX = "Hashrate Index and press, June–July 2024";
const CORZ_FLEET = "Core Scientific, fleet efficiency as reported for June 2024";

/** The seed deal's mining block: Core Scientific's own fleet on the same sites, from July 2024. */
export const SEED_MINING = Object.freeze({
  hashprice: 48,
  efficiencyJPerTH: 23.6,
  powerCostPerKWh: 0.04,
  halvingDates: Object.freeze(["2028-04-17", "2032-04-14", "2036-04-11"] as const),
});

/** Where each figure of the seed's mining block comes from. */
export const SEED_MINING_PROVENANCE: Readonly<Partial<Record<MiningTermKey, Provenance>>> = Object.freeze({
  // Reported figures, but no public address is at hand for either document: a figure is marked
  // reported only with a document to cite (docs/sources.md), so these are assumptions, source named.
  hashprice: assumed(
    "About $48 per PH/s per day on 24 June 2024 (44.84 on 4 July; 108.6 on 1 April, before the halving), as reported; no public address of the series is at hand. The comparison starts in July 2024.",
    HASHRATE_INDEX,
  ),
  efficiencyJPerTH: assumed(
    "23.6 J/TH in June 2024 (26.85 J/TH in Q1 2024), as Core Scientific reported; no public address of the document is at hand.",
    CORZ_FLEET,
  ),
  powerCostPerKWh: assumed(
    "About $0.040 per kWh in 2024: only a secondary source gives Core Scientific's power cost.",
    "secondary source on Core Scientific's 2024 power cost (S)",
  ),
  halvingDates: assumed(
    "The next halvings at 10 minutes a block from block 840,000 (20 April 2024): 2028-04-17, 2032-04-14, 2036-04-11.",
  ),
  sitePowerMW: assumed(
    "Left to the default, 1.3 × the 200 MW of critical IT = 260 MW of site power: a site's gross power is about 1.25–1.45× its critical IT load.",
  ),
  uptime: assumed("Left to the default, 1 (the fleet runs all the time)."),
  poolFee: assumed("Left to the default, 0 (not reported)."),
  feeShare: assumed("Left to the default, 0: transaction fees are treated as halving with the subsidy."),
  hashpriceGrowth: assumed("Left to the default, 0: hashprice moves only at the halvings."),
  miningOpexPerMWMonth: assumed("Left to the default, 0 (not reported): only power counts against mining."),
});

/** One line for the deal's `mining` term in a preset's provenance (the per-term lines are above). */
export const SEED_MINING_BLOCK_PROVENANCE: Provenance = assumed(
  "Hashprice and fleet efficiency reported (June 2024); power cost from a secondary source; other terms defaults. See each mining term.",
  `${HASHRATE_INDEX}; ${CORZ_FLEET}`,
);

const BY_PRESET: ReadonlyMap<string, Readonly<Partial<Record<MiningTermKey, Provenance>>>> = new Map([
  ["coreweave-core-scientific-2024", SEED_MINING_PROVENANCE],
]);

/** Where each mining figure of a preset comes from, or undefined for a preset without a mining block. */
export function miningProvenance(presetId: string): Readonly<Partial<Record<MiningTermKey, Provenance>>> | undefined {
  return BY_PRESET.get(presetId);
}
