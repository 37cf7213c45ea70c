/**
 * Preset deals as data: reported hosting deals as deal files, each figure
 * marked reported (naming the public document it is in, with its address) or
 * assumed (with the reason and what it rests on). docs/sources.md lists the
 * documents. The seed deal comes first.
 */
import { APPLIED_DIGITAL_PRESETS } from "./appliedDigital";
import { CIPHER_PRESETS } from "./cipher";
import { CORE_SCIENTIFIC_EXPANSIONS, CORE_SCIENTIFIC_EXPANSIONS_DELIVERED } from "./coreScientificExpansions";
import { deepFreeze } from "./freeze";
import { GALAXY_HELIOS } from "./galaxy";
import { HUT8_FLUIDSTACK } from "./hut8";
import { SEED_DELIVERED, SEED_DELIVERED_ID, SEED_PRESET, SEED_PRESET_ID } from "./seed";
import { TERAWULF_PRESETS } from "./teraWulf";
import type { Preset } from "./types";

export type { Documents, Preset, Provenance, SourceDocument } from "./types";
export { DOCUMENTS, documentCitation, documentLabel } from "./documents";
export { miningProvenance } from "./mining";
export { SEED_DELIVERED_ID, SEED_PRESET_ID };

/**
 * CoreWeave's four contracts with Core Scientific (the seed, then the
 * expansions in signing order), as announced and as delivered: the same
 * contracts and totals, the delivered ones billing along the reported ramp.
 * Index i of one list is the same contract as index i of the other.
 */
export const CORE_SCIENTIFIC_CONTRACTS: {
  readonly asAnnounced: readonly Preset[];
  readonly asDelivered: readonly Preset[];
} = deepFreeze({
  asAnnounced: [SEED_PRESET, ...CORE_SCIENTIFIC_EXPANSIONS],
  asDelivered: [SEED_DELIVERED, ...CORE_SCIENTIFIC_EXPANSIONS_DELIVERED],
});

/**
 * Every preset: the seed deal first, then the other Core Scientific contracts
 * as announced, the four as delivered, then the other deals by date.
 */
export const PRESETS: readonly Preset[] = deepFreeze([
  ...CORE_SCIENTIFIC_CONTRACTS.asAnnounced,
  ...CORE_SCIENTIFIC_CONTRACTS.asDelivered,
  ...APPLIED_DIGITAL_PRESETS,
  ...TERAWULF_PRESETS,
  GALAXY_HELIOS,
  ...CIPHER_PRESETS,
  HUT8_FLUIDSTACK,
]);

const BY_ID: ReadonlyMap<string, Preset> = new Map(PRESETS.map((p) => [p.id, p]));

/** The preset with this id, or undefined. */
export function getPreset(id: string): Preset | undefined {
  return BY_ID.get(id);
}
