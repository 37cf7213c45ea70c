import {
  Decimal,
  isBlank,
  isTableTerm,
  isTermKey,
  ok,
  toDealFile,
  validateDeal,
  type DealFile,
  type DateInput,
  type Result,
  type Terms,
} from "../core";
import type { ScalarTermKey } from "./types";

/** What a plan is made from: validated terms, or a deal file (ISO dates) still to validate. */
export type PlanInput = Terms | DealFile;

/** A validated deal, and which terms its author gave (a term not given is left blank, so its default applies). */
export interface PreparedDeal {
  readonly terms: Terms;
  /** The scalar terms given explicitly. */
  readonly given: ReadonlySet<ScalarTermKey>;
  /** True when the author listed tranches (or there is more than one): the sheet then has a tranches table. */
  readonly wantsTable: boolean;
  /** The deal file's `mining` block as given (a term left out keeps its default), or null without one. */
  readonly mining: Readonly<Record<string, unknown>> | null;
}

function isTerms(input: PlanInput): input is Terms {
  return (
    typeof input === "object" &&
    input !== null &&
    Decimal.isDecimal((input as { ratePerKWMonth?: unknown }).ratePerKWMonth)
  );
}

/**
 * Validates a deal file (or takes validated terms) for planning: the problems
 * of an invalid deal file come back as a failed `Result`, not thrown. Validated terms have every default
 * applied, so all their terms count as given, and a single tranche is read as
 * capacity and start date.
 */
export function prepareDeal(input: PlanInput, options: { readonly dates?: DateInput } = {}): Result<PreparedDeal> {
  let terms: Terms;
  let file: DealFile;
  if (isTerms(input)) {
    terms = input;
    file = toDealFile(terms);
    if (terms.tranches.length === 1) delete file.tranches;
  } else {
    // A deal file read back from a sheet has its dates as Excel serials: `dates: "excel"`.
    const checked = validateDeal(input, { dates: options.dates });
    if (!checked.ok) return checked;
    terms = checked.value;
    file = input;
  }
  const given = new Set<ScalarTermKey>();
  for (const [key, raw] of Object.entries(file)) {
    if (isTermKey(key) && !isTableTerm(key) && !isBlank(raw)) given.add(key);
  }
  const mining =
    terms.mining !== null && typeof file.mining === "object" && file.mining !== null
      ? (file.mining as Readonly<Record<string, unknown>>)
      : null;
  return ok({ terms, given, wantsTable: !isBlank(file.tranches) || terms.tranches.length > 1, mining });
}
