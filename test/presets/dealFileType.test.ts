/**
 * One deal-file type, derived from core's terms table (`DealFileTerms`): the
 * presets' deals and what `toDealFile` writes are both it. The type-level
 * checks below are compiled by `npm run typecheck` (tsc includes test/; jest
 * only transpiles): each `@ts-expect-error` fails the typecheck if its line
 * ever compiles, so a missing or extra key, or a value of the wrong type, is
 * proven to be refused.
 */
import {
  TERMS,
  toDealFile,
  validateDeal,
  type DealFileTerms,
  type MiningFileBlock,
  type MiningTermKey,
  type TermKey,
} from "../../src/core";
import { assumed, definePreset, type PresetDeal } from "../../src/presets/define";
import { WORKED_CHECK_FILE } from "../support/deals";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const exactly = <T extends true>(): T => true as T;

// The keys are exactly the table's, the mining block's exactly its table's.
exactly<Equal<keyof DealFileTerms, TermKey>>();
exactly<Equal<keyof PresetDeal, TermKey>>();
exactly<Equal<keyof MiningFileBlock, MiningTermKey>>();
// Values follow each term's kind.
exactly<Equal<PresetDeal["startDate"], `${number}-${number}-${number}` | undefined>>();
exactly<Equal<PresetDeal["creditMethod"], "straight-line" | "percent-of-fee" | undefined>>();
exactly<Equal<DealFileTerms["capacityMW"], number | string | undefined>>();

const source = assumed("for the type test");

export const good: PresetDeal = { capacityMW: 1, startDate: "2025-01-01", creditMethod: "percent-of-fee" };
// @ts-expect-error an extra key (not a term) does not compile
export const extraKey: PresetDeal = { capacityMW: 1, colour: "blue" };
// @ts-expect-error a date must be ISO text in a preset
export const serialDate: PresetDeal = { startDate: 45000 };
// @ts-expect-error a choice term takes only its choices
export const badChoice: PresetDeal = { creditMethod: "balloon" };
// @ts-expect-error the mining block takes only mining terms
export const badMining: PresetDeal = { mining: { hashprice: 50, colour: 1 } };

export const preset = () =>
  definePreset({
    id: "t",
    title: "t",
    description: "t",
    deal: { capacityMW: 1, termMonths: 12 },
    provenance: { capacityMW: source, termMonths: source },
    notes: [],
  });

export const missingProvenance = () =>
  definePreset({
    id: "t",
    title: "t",
    description: "t",
    deal: { capacityMW: 1, termMonths: 12 },
    // @ts-expect-error a key of the deal without its provenance does not compile
    provenance: { capacityMW: source },
    notes: [],
  });

export const extraProvenance = () =>
  definePreset({
    id: "t",
    title: "t",
    description: "t",
    deal: { capacityMW: 1 },
    // @ts-expect-error a provenance for a key the deal does not give does not compile
    provenance: { capacityMW: source, termMonths: source },
    notes: [],
  });

describe("the deal-file type", () => {
  it("is what toDealFile writes: every key a term, read back to the same terms", () => {
    const checked = validateDeal(WORKED_CHECK_FILE);
    if (!checked.ok) throw checked.error;
    const file: DealFileTerms = toDealFile(checked.value);
    const keys = new Set<string>(TERMS.map((t) => t.key));
    expect(Object.keys(file).filter((k) => !keys.has(k))).toEqual([]);
    const back = validateDeal(file);
    expect(back.ok && back.value).toEqual(checked.value);
  });

  it("types a preset's deal (the definitions above build)", () => {
    expect(preset().deal).toEqual({ capacityMW: 1, termMonths: 12 });
    expect(good.creditMethod).toBe("percent-of-fee");
  });
});
