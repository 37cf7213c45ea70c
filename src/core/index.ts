/**
 * The calculation module: the product's single source of truth for the deal
 * model of `shared/spec/deal-model.md`. Pure TypeScript and decimal.js; no
 * Office, no DOM, no I/O.
 */
import { fail, ok, type Result } from "./errors";
import { buildSchedule, type Schedule } from "./schedule";
import { summarize, type Summary } from "./summary";
import type { Terms } from "./terms";
import { validateDeal, type ValidateOptions } from "./validate";

export * from "./dates";
export { Decimal, money, round2, type Cents, type Money, type Unrounded } from "./decimal";
export * from "./errors";
export * from "./limits";
export * from "./terms";
export * from "./outputs";
export * from "./dealFile";
export * from "./dealJson";
export { buildSchedule, type Schedule, type ScheduleRow } from "./schedule";
export {
  discountFactors,
  fullyCreditedMonth,
  hostReturns,
  npv,
  npvOfCents,
  npvReference,
  prepaymentRemaining,
  summarize,
  summaryBase,
  withReturns,
  type CashColumn,
  type FactorSource,
  type NpvSource,
  type Summary,
  type SummaryBase,
  type SummaryReturns,
} from "./summary";
export { NO_IRR_REASON, paybackMonth, xirr, type IrrResult, type NoIrr } from "./returns";
export { validateDeal, validateNumberTerm, type ValidateOptions } from "./validate";
export { NO_MEMO, serialDate, validateFast, type FastMemo, type FastTerms, type SerialDate } from "./validateFast";
export { decimalOfDouble, isBlank, readDate, type DateInput } from "./values";
export * from "./miningTerms";
export * from "./miningOutputs";
export { readMiningBlock, resolveMining, type MiningInput } from "./miningValidate";
export {
  buildMiningSchedule,
  compareMining,
  noMiningError,
  summarizeMining,
  type MiningRow,
  type MiningSchedule,
  type MiningSummary,
} from "./mining";
export { fastHashprice, fastHashrate } from "./miningColumns";

export interface DealModel {
  readonly terms: Terms;
  readonly schedule: Schedule;
  readonly summary: Summary;
}

/** Validates raw terms and computes the schedule and summary. Never throws. */
export function computeDeal(input: unknown, options: ValidateOptions = {}): Result<DealModel> {
  const checked = validateDeal(input, options);
  if (!checked.ok) return fail(checked.error.problems);
  const schedule = buildSchedule(checked.value);
  return ok({ terms: checked.value, schedule, summary: summarize(schedule) });
}
export * from "./periods";
export * from "./portfolio";
export * from "./sensitivity";
export * from "./sensitivityRanges";
export { revenueFiguresOfCents } from "./centsFigures";
