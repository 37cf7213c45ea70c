import type { CreditMethod, TermKey } from "../core";
import { deepFreeze } from "./freeze";
import type { Preset, Provenance } from "./types";

/** An ISO `YYYY-MM-DD` date. */
type IsoDate = `${number}-${number}-${number}`;

/** The value type of each term in a preset's deal file. */
interface TermValues {
  name: string;
  host: string;
  tenant: string;
  capacityMW: number;
  ratePerKWMonth: number;
  termMonths: number;
  startDate: IsoDate;
  escalator: number;
  prepayment: number;
  prepaymentDate: IsoDate;
  creditMethod: CreditMethod;
  creditMonths: number;
  creditPercent: number;
  opexPerMWMonth: number;
  discountRate: number;
  tranches: readonly { readonly date: IsoDate; readonly mw: number }[];
  capex: readonly { readonly date: IsoDate; readonly amount: number }[];
  renewalOptions: number;
  renewalMonths: number;
  renewalRateStep: number;
  renewalsExercised: number;
  mining: Readonly<Record<string, number | readonly IsoDate[]>>;
}

// `never` (and so no preset compiles) if TermValues and core's TermKey ever disagree.
type Exactly<T, K extends PropertyKey> = [Exclude<keyof T, K>, Exclude<K, keyof T>] extends [never, never] ? T : never;

/** A preset's deal file, typed: only the spec's keys, each with its JSON type. */
export type PresetDeal = Readonly<Partial<Exactly<TermValues, TermKey>>>;

interface PresetSpec<D extends PresetDeal> {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Only the spec's keys: an unknown key does not compile. */
  readonly deal: D & { readonly [K in Exclude<keyof D, TermKey>]: never };
  /** Exactly the keys of `deal`: a missing or extra entry does not compile. */
  readonly provenance: NoInfer<{ readonly [K in keyof D]-?: Provenance }>;
  readonly notes: readonly string[];
}

/** Builds a deep-frozen preset; its provenance must cover exactly the keys of its deal. */
export function definePreset<const D extends PresetDeal>(spec: PresetSpec<D>): Preset {
  return deepFreeze({
    id: spec.id,
    title: spec.title,
    description: spec.description,
    deal: { ...spec.deal },
    provenance: { ...spec.provenance } as Preset["provenance"],
    notes: [...spec.notes],
  });
}

/** A V-tagged figure: in a filing, a press release, or mainstream news quoting one. */
export function reported(source: string, note?: string): Provenance {
  return note === undefined ? { status: "reported", source } : { status: "reported", source, note };
}

/** An S or D figure, or a modelling choice: the reason, and the secondary source if there is one. */
export function assumed(reason: string, source?: string): Provenance {
  return source === undefined ? { status: "assumed", reason } : { status: "assumed", reason, source };
}
