/**
 * Preset deals as data: reported hosting deals as deal files, each figure
 * marked reported (with its source) or assumed (with the reason). The seed
 * deal comes first. Every figure traces to `shared/deals/reported-facts.md`.
 */
import { APPLIED_DIGITAL_PRESETS } from "./appliedDigital";
import { CIPHER_PRESETS } from "./cipher";
import { CORE_SCIENTIFIC_EXPANSIONS } from "./coreScientificExpansions";
import { deepFreeze } from "./freeze";
import { HUT8_FLUIDSTACK } from "./hut8";
import { SEED_PRESET, SEED_PRESET_ID } from "./seed";
import { TERAWULF_FLUIDSTACK } from "./teraWulf";
import type { Preset } from "./types";

export type { Preset, Provenance } from "./types";
export { SEED_PRESET_ID };

/** Every preset, the seed deal first, then the Core Scientific expansions, then the other deals by date. */
export const PRESETS: readonly Preset[] = deepFreeze([
  SEED_PRESET,
  ...CORE_SCIENTIFIC_EXPANSIONS,
  ...APPLIED_DIGITAL_PRESETS,
  TERAWULF_FLUIDSTACK,
  ...CIPHER_PRESETS,
  HUT8_FLUIDSTACK,
]);

const BY_ID: ReadonlyMap<string, Preset> = new Map(PRESETS.map((p) => [p.id, p]));

/** The preset with this id, or undefined. */
export function getPreset(id: string): Preset | undefined {
  return BY_ID.get(id);
}
