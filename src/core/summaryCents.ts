/**
 * The summary of a fast schedule from its integer cents (issue 19), for the
 * callers that want it fast (the functions): `summarize`'s figures, the same
 * rules, computed on the cents with no decimal made. The decimals of the
 * `Summary` are made the first time a field is read; the figures as Excel
 * cells (DEALSUMMARY's table) come straight from the cents. `summarize` (the
 * decimals, summary.ts) stays the reference: test/functions/summary.test.ts
 * proves every field and cell equal over random deals, long ones included.
 */
import { centsDecimal } from "./cents";
import { annualRevenueCents, centsTotal } from "./centsFigures";
import { monthStart, toExcelSerial, type CalendarDate } from "./dates";
import { asMoney, subtractMoney, unrounded, Decimal, type Money } from "./decimal";
import { FIGURES, figureCell } from "./outputs";
import { xirrMonthlyText, type IrrText, type NoIrr } from "./returns";
import { buildSchedule, type Schedule } from "./schedule";
import {
  contractValueAllRenewals,
  npv,
  paybackIndexOfCents,
  summarize,
  type CashColumn,
  type Summary,
  type SummaryBase,
  type SummaryReturns,
  withReturns,
} from "./summary";
import { billingMonths, type Terms } from "./terms";
import { certifiedXnpvCents } from "./xnpv";

const U = 2 ** -53;

/** A figure as an Excel cell: a number, or "" for none (outputs.ts's `figureCell`). */
export type SummaryCell = number | string;

/**
 * `summarize(schedule, discountRate)`, from the schedule's cents when it has
 * them (a fast schedule: `CentsSummary`), else `summarize` itself. Read its
 * cells with `summaryCells`.
 */
export function summarizeFast(schedule: Schedule, discountRate: Decimal | null = schedule.terms.discountRate): Summary {
  return CentsSummary.of(schedule, discountRate) ?? summarize(schedule, discountRate);
}

/** A summary's figures as Excel cells in FIGURES order (DEALSUMMARY's values): from the cents when it has them. */
export function summaryCells(s: Summary): SummaryCell[] {
  return s instanceof CentsSummary ? s.cells() : FIGURES.map((f) => figureCell(f, f.value(s)));
}

/** An XNPV in whole cents when the float estimate decides it, else the reference's Money (rare). */
type NpvFigure = number | Money;

/** A money figure's cell: cents / 100 is the double nearest the decimal, as Decimal.toNumber() gives it. */
function moneyCell(x: NpvFigure): number {
  return typeof x === "number" ? x / 100 : x.toNumber();
}

function moneyDecimal(x: NpvFigure): Money {
  return typeof x === "number" ? centsDecimal(x) : x;
}

function noneIn(column: Float64Array): boolean {
  for (let i = 0; i < column.length; i++) if (column[i] !== 0) return false;
  return true;
}

/** The first day of month index m as an Excel serial (no date object kept). */
function monthSerial(m: number): number {
  const year = Math.floor(m / 12);
  return toExcelSerial({ year, month: m - 12 * year + 1, day: 1 });
}

/**
 * ROUND(C × 12 / months / capacity, 2) in whole cents, half away from zero,
 * as `summarize` rounds its 40-digit revenue per MW-year, or undefined when
 * the double estimate cannot tell: 12C exact, then three roundings (the
 * quotient, the capacity's toNumber, the division), within 4u of the exact
 * value, where the reference's two 40-digit quotients are within 1e−38; a
 * cent is taken only when the estimate is further than that from a half cent.
 */
function revenuePerMWCents(c: number, months: number, capacity: Decimal): number | undefined {
  if (!(Math.abs(12 * c) <= Number.MAX_SAFE_INTEGER)) return undefined;
  const v = (12 * c) / months / capacity.toNumber();
  if (!(v >= 0 && v < 2 ** 50)) return undefined;
  const whole = Math.floor(v);
  const frac = v - whole; // exact below 2^52
  if (Math.abs(frac - 0.5) <= 4 * U * v + 2 ** -1000) return undefined;
  return frac > 0.5 ? whole + 1 : whole;
}

/**
 * A summary computed on a fast schedule's cents: sums, the XNPVs at the
 * discount rate (one where the host's flows are the net ones: no capex),
 * the IRR's search and the payback on the host cents, and the contract
 * value with every renewal from a second schedule's cents when some are not
 * exercised. Its `Summary` fields are `summarize`'s, made on first read.
 */
export class CentsSummary implements Summary {
  private made: Summary | undefined;

  private constructor(
    private readonly terms: Terms,
    private readonly first: number,
    private readonly rowCount: number,
    private readonly gross: number,
    private readonly credits: number,
    private readonly net: number,
    private readonly capex: number,
    private readonly netNpv: NpvFigure | null,
    private readonly hostNpvFigure: NpvFigure | null,
    private readonly irrText: IrrText,
    /** The payback month's row, or −1 for none. */
    private readonly payback: number,
    /** Cents, or the decimal when the second schedule has no cents; undefined when every renewal is exercised. */
    private readonly allRenewals: number | Money | undefined,
  ) {}

  /**
   * The summary of a fast schedule (keeping its terms, not the schedule: a cache holds summaries of
   * many more deals than schedules), or undefined without cents or when a sum could pass 2^53 (then `summarize`). */
  static of(schedule: Schedule, discountRate: Decimal | null): CentsSummary | undefined {
    const c = schedule.cents;
    if (c === undefined || schedule.rows.length === 0) return undefined;
    const gross = centsTotal(c.grossFee);
    const credits = centsTotal(c.credit);
    const net = centsTotal(c.netCashFlow);
    const capex = centsTotal(c.capex);
    const payback = paybackIndexOfCents(c.hostCashFlow);
    if (gross === undefined || credits === undefined || net === undefined || capex === undefined) return undefined;
    if (payback === undefined) return undefined;
    const first = schedule.firstMonthIndex;
    const npvOf = (column: CashColumn): NpvFigure =>
      certifiedXnpvCents(c[column], 0, first, discountRate as Decimal) ??
      npv(schedule, discountRate as Decimal, column);
    const netNpv = discountRate === null ? null : npvOf("netCashFlow");
    // No capex in any month: the host's flows are the net ones, cent for cent (one XNPV serves both).
    const hostNpv = discountRate === null ? null : noneIn(c.capex) ? netNpv : npvOf("hostCashFlow");
    const terms = schedule.terms;
    let allRenewals: number | Money | undefined;
    if (terms.renewalsExercised !== terms.renewalOptions) {
      const all = buildSchedule({ ...terms, renewalsExercised: terms.renewalOptions });
      allRenewals =
        (all.cents && centsTotal(all.cents.grossFee)) ?? contractValueAllRenewals(schedule, centsDecimal(gross));
    }
    return new CentsSummary(
      terms,
      first,
      schedule.rows.length,
      gross,
      credits,
      net,
      capex,
      netNpv,
      hostNpv,
      xirrMonthlyText(c.hostCashFlow, first),
      payback === null ? -1 : payback,
      allRenewals,
    );
  }

  /** The figures as cells, in FIGURES order: what `figureCell` gives of `summarize`'s values. */
  cells(): SummaryCell[] {
    return FIGURES.map((f) => this.cell(f.key));
  }

  private cell(key: (typeof FIGURES)[number]["key"]): SummaryCell {
    const { terms, first } = this;
    switch (key) {
      case "contractValue":
        return this.gross / 100;
      case "averageAnnualRevenue": {
        const r = annualRevenueCents(this.gross, billingMonths(terms));
        if (r !== undefined) return r / 100;
        break;
      }
      case "revenuePerMWYear": {
        const r = revenuePerMWCents(this.gross, billingMonths(terms), terms.capacityMW);
        if (r !== undefined) return r / 100;
        break;
      }
      case "totalCredits":
        return this.credits / 100;
      case "uncreditedPrepayment": {
        // The prepayment is whole cents up to maxAmount (1e13 dollars): its double × 100 is within a quarter cent.
        const p = terms.prepayment.toNumber();
        if (Math.abs(p) <= 1e13) return (Math.round(p * 100) - this.credits) / 100;
        break;
      }
      case "totalNetCash":
        return this.net / 100;
      case "totalCapex":
        return this.capex / 100;
      case "npv":
        return this.netNpv === null ? "" : moneyCell(this.netNpv);
      case "hostNpv":
        return this.hostNpvFigure === null ? "" : moneyCell(this.hostNpvFigure);
      case "firstMonth":
        return monthSerial(first);
      case "lastMonth":
        return monthSerial(first + this.rowCount - 1);
      case "irr":
        return this.irrText.text === null ? "" : Number(this.irrText.text);
      case "paybackMonth":
        return this.payback < 0 ? "" : monthSerial(first + this.payback);
      case "contractValueAllRenewals": {
        const all = this.allRenewals;
        return all === undefined ? this.gross / 100 : typeof all === "number" ? all / 100 : all.toNumber();
      }
    }
    // The rest (and a rounding the double could not decide): from the decimals, as `figureCell` does.
    const f = FIGURES.find((g) => g.key === key) as (typeof FIGURES)[number];
    return figureCell(f, f.value(this));
  }

  /** `summarize`'s summary, its decimals made once (the fields below read it). */
  private summary(): Summary {
    return (this.made ??= this.make());
  }

  private make(): Summary {
    const { terms, first } = this;
    const contractValue = centsDecimal(this.gross);
    const totalCredits = centsDecimal(this.credits);
    const averageAnnualRevenue = unrounded(contractValue.times(12).dividedBy(billingMonths(terms)));
    const base: SummaryBase = {
      contractValue,
      averageAnnualRevenue,
      revenuePerMWYear: unrounded(averageAnnualRevenue.dividedBy(terms.capacityMW)),
      totalCredits,
      uncreditedPrepayment: subtractMoney(asMoney(terms.prepayment), totalCredits),
      totalNetCash: centsDecimal(this.net),
      npv: this.netNpv === null ? null : moneyDecimal(this.netNpv),
      // The rows' dates, as `summarize` gives them: the first days of consecutive months, frozen.
      firstMonth: monthStart(first),
      lastMonth: monthStart(first + this.rowCount - 1),
      totalCapex: centsDecimal(this.capex),
      hostNpv: this.hostNpvFigure === null ? null : moneyDecimal(this.hostNpvFigure),
      capacityMW: terms.capacityMW,
    };
    const all = this.allRenewals;
    const r: SummaryReturns = {
      irr: this.irrText.text === null ? null : new Decimal(this.irrText.text),
      irrNone: this.irrText.reason,
      paybackMonth: this.payback < 0 ? null : monthStart(first + this.payback),
      contractValueAllRenewals: all === undefined ? contractValue : typeof all === "number" ? centsDecimal(all) : all,
    };
    return withReturns(base, r);
  }

  /** The summary as a plain object, its fields in `summarize`'s order (for files and comparisons). */
  toSummary(): Summary {
    return this.summary();
  }

  get contractValue(): Money {
    return this.summary().contractValue;
  }
  get averageAnnualRevenue(): Summary["averageAnnualRevenue"] {
    return this.summary().averageAnnualRevenue;
  }
  get revenuePerMWYear(): Summary["revenuePerMWYear"] {
    return this.summary().revenuePerMWYear;
  }
  get totalCredits(): Money {
    return this.summary().totalCredits;
  }
  get uncreditedPrepayment(): Money {
    return this.summary().uncreditedPrepayment;
  }
  get totalNetCash(): Money {
    return this.summary().totalNetCash;
  }
  get npv(): Money | null {
    return this.summary().npv;
  }
  get firstMonth(): CalendarDate {
    return this.summary().firstMonth;
  }
  get lastMonth(): CalendarDate {
    return this.summary().lastMonth;
  }
  get totalCapex(): Money {
    return this.summary().totalCapex;
  }
  get hostNpv(): Money | null {
    return this.summary().hostNpv;
  }
  get irr(): Decimal | null {
    return this.summary().irr;
  }
  /** Read without making the decimals (the functions' #NUM! message reads only this). */
  get irrNone(): NoIrr | null {
    return this.irrText.reason;
  }
  get paybackMonth(): CalendarDate | null {
    return this.summary().paybackMonth;
  }
  get contractValueAllRenewals(): Money {
    return this.summary().contractValueAllRenewals;
  }
  get capacityMW(): Decimal {
    return this.terms.capacityMW;
  }
}
