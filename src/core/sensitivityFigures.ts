/**
 * The figures a sensitivity table can show (analysis.md §11), each computed
 * alone from a schedule: a table of 49 cells must not pay, in every cell, for
 * an IRR search or an all-renewals schedule it never shows. Each entry is the
 * same computation `summarize` does for that figure (tests check they agree).
 * Adding a figure is adding one entry.
 */
import { ZERO, type Decimal } from "./decimal";
import { buildMiningSchedule, summarizeMining } from "./mining";
import { MINING_FIGURES } from "./miningOutputs";
import { FIGURE_BY_KEY } from "./outputs";
import { xirr, xirrCents } from "./returns";
import type { Schedule } from "./schedule";
import { columnSum, discountFactors, npv } from "./summary";
import { billingMonths } from "./terms";

/** A cell: the figure, or a short text saying why it has none (no discount rate, no IRR, an invalid deal). */
export type FigureOutcome =
  { readonly ok: true; readonly value: Decimal } | { readonly ok: false; readonly text: string };

export interface SensitivityFigure {
  readonly key: string;
  readonly label: string;
  /** "usd": shown in cents (half away from zero); "fraction": a rate, shown as computed. */
  readonly format: "usd" | "fraction";
  readonly compute: (schedule: Schedule, memo: FigureMemo) => FigureOutcome;
}

/**
 * What the cells of one request share: discount factors depend only on the
 * rate and the first month, and most cells of a table share both (a factor
 * list costs more than the NPV that uses it).
 */
export class FigureMemo {
  private readonly factors = new Map<string, readonly Decimal[]>();

  discountFactors(rate: Decimal, firstMonth: number, count: number): readonly Decimal[] {
    const key = `${rate.toString()}|${firstMonth}`;
    let list = this.factors.get(key);
    // A longer list serves a shorter schedule: factor i depends only on the rate, the first month and i.
    if (list === undefined || list.length < count) {
      list = discountFactors(rate, firstMonth, count);
      if (this.factors.size >= 64) this.factors.clear();
      this.factors.set(key, list);
    }
    return list;
  }
}

/** Why a figure has no value, in a cell's few words. */
export const NO_VALUE_TEXT = Object.freeze({
  noRate: "no discount rate",
  noMining: "no mining block",
  "no-sign-change": "no IRR: host cash flows never change sign",
  "no-root": "no IRR in (-99 %, 10,000 %)",
});

function value(v: Decimal): FigureOutcome {
  return { ok: true, value: v };
}

function sumOf(schedule: Schedule, column: "grossFee" | "netCashFlow"): Decimal {
  const fast = columnSum(schedule, column);
  if (fast) return fast;
  let total = ZERO;
  for (const row of schedule.rows) if (!row[column].isZero()) total = total.plus(row[column]);
  return total;
}

function discounted(schedule: Schedule, memo: FigureMemo, column: "netCashFlow" | "hostCashFlow"): FigureOutcome {
  const rate = schedule.terms.discountRate;
  if (rate === null) return { ok: false, text: NO_VALUE_TEXT.noRate };
  // The factors serve only a cent the float estimate cannot decide (summary.ts's npv): made then, and shared.
  const factors = () => memo.discountFactors(rate, schedule.firstMonthIndex, schedule.rows.length);
  return value(npv(schedule, rate, column, factors));
}

export const SENSITIVITY_FIGURES = Object.freeze([
  {
    key: "contractValue",
    label: FIGURE_BY_KEY.contractValue.label,
    format: "usd",
    compute: (s) => value(sumOf(s, "grossFee")),
  },
  {
    key: "npv",
    label: FIGURE_BY_KEY.npv.label,
    format: "usd",
    compute: (s, memo) => discounted(s, memo, "netCashFlow"),
  },
  {
    key: "hostNpv",
    label: FIGURE_BY_KEY.hostNpv.label,
    format: "usd",
    compute: (s, memo) => discounted(s, memo, "hostCashFlow"),
  },
  {
    key: "irr",
    label: FIGURE_BY_KEY.irr.label,
    format: "fraction",
    compute: (s) => {
      const dates = s.rows.map((r) => r.date);
      // From the cents when the schedule has them: the same doubles, so the same rate (returns.ts).
      const irr = s.cents
        ? xirrCents(dates, s.cents.hostCashFlow)
        : xirr(
            dates,
            s.rows.map((r) => r.hostCashFlow),
          );
      return irr.rate === null ? { ok: false, text: NO_VALUE_TEXT[irr.reason] } : value(irr.rate);
    },
  },
  {
    key: "averageAnnualRevenue",
    label: FIGURE_BY_KEY.averageAnnualRevenue.label,
    format: "usd",
    compute: (s) => value(sumOf(s, "grossFee").times(12).dividedBy(billingMonths(s.terms))),
  },
  {
    key: "totalNetCash",
    label: FIGURE_BY_KEY.totalNetCash.label,
    format: "usd",
    compute: (s) => value(sumOf(s, "netCashFlow")),
  },
  {
    // analysis.md §8: the starting hashprice at which mining's NPV equals hosting's (plain sums without a rate).
    key: "breakevenHashprice",
    label: MINING_FIGURES.find((f) => f.key === "breakevenHashprice")?.label ?? "Breakeven hashprice",
    format: "usd",
    compute: (s) => {
      const mining = s.terms.mining;
      if (mining === null) return { ok: false, text: NO_VALUE_TEXT.noMining };
      return value(summarizeMining(buildMiningSchedule(s, mining), s.terms.discountRate).breakevenHashprice);
    },
  },
] as const satisfies readonly SensitivityFigure[]);

export type SensitivityFigureKey = (typeof SENSITIVITY_FIGURES)[number]["key"];

export function isSensitivityFigureKey(key: string): key is SensitivityFigureKey {
  return SENSITIVITY_FIGURES.some((f) => f.key === key);
}

export function sensitivityFigure(key: string): SensitivityFigure | undefined {
  return SENSITIVITY_FIGURES.find((f) => f.key === key);
}
