/**
 * The model's outputs, declared once: the schedule's columns and the
 * summary's figures, each with its label, format and help. DEALSUMMARY, the
 * sheet's summary block, the pane, the CLI and the export all read these.
 * A saved workbook refers to figures by name or by row of DEALSUMMARY:
 * FIGURES only ever grows at the end.
 */
import { formatIsoDate, toExcelSerial, type CalendarDate } from "./dates";
import { money, round2, type Decimal } from "./decimal";
import type { ScheduleRow } from "./schedule";
import type { Summary } from "./summary";

/** How a value is shown: drives number formats in the sheet and the pane. */
export type ValueFormat = "date" | "mw" | "rate" | "usd" | "fraction" | "hashprice" | "hashrate";

export interface OutputColumn<K extends string> {
  readonly key: K;
  /** The header on the sheet and in the pane. */
  readonly label: string;
  /** The CSV header (snake_case). */
  readonly csv: string;
  readonly format: ValueFormat;
  readonly help: string;
}

export type ScheduleColumnKey = keyof ScheduleRow;

/** The schedule's columns in order (deal-model.md §4, analysis.md §9). */
export const SCHEDULE_COLUMNS: readonly OutputColumn<ScheduleColumnKey>[] = Object.freeze([
  {
    key: "date",
    label: "Date",
    csv: "date",
    format: "date",
    help: "First day of the month (billed monthly in advance).",
  },
  {
    key: "billedMW",
    label: "Billed MW",
    csv: "billed_mw",
    format: "mw",
    help: "MW of the tranches billing this month.",
  },
  {
    key: "rate",
    label: "Rate ($/kW-month, weighted by MW)",
    csv: "rate_per_kw_month",
    format: "rate",
    help: "The MW-weighted rate of the billing tranches, exact (0 when nothing bills).",
  },
  {
    key: "grossFee",
    label: "Gross fee",
    csv: "gross_fee",
    format: "usd",
    help: "Σ MW × 1,000 × escalated rate, in cents.",
  },
  { key: "credit", label: "Credit", csv: "credit", format: "usd", help: "Prepayment credited back to the tenant." },
  { key: "netFee", label: "Net fee", csv: "net_fee", format: "usd", help: "Gross fee − credit." },
  { key: "opex", label: "Opex", csv: "opex", format: "usd", help: "Opex per MW-month × billed MW." },
  {
    key: "netCashFlow",
    label: "Net cash flow",
    csv: "net_cash_flow",
    format: "usd",
    help: "Net fee − opex, plus the prepayment in its month.",
  },
  { key: "capex", label: "Capex", csv: "capex", format: "usd", help: "The host's capex of the month." },
  {
    key: "hostCashFlow",
    label: "Host cash flow",
    csv: "host_cash_flow",
    format: "usd",
    help: "Net cash flow − capex: what the host's returns are computed on.",
  },
  {
    key: "prepaymentRemaining",
    label: "Prepayment remaining",
    csv: "prepayment_remaining",
    format: "usd",
    help: "Prepayment not yet credited after this month's credit.",
  },
] satisfies OutputColumn<ScheduleColumnKey>[]);

/** The schedule's headers, as every surface shows them. */
export const SCHEDULE_HEADER: readonly string[] = Object.freeze(SCHEDULE_COLUMNS.map((c) => c.label));

/** A figure's value: a decimal (money or a rate), a date, or none (with a reason elsewhere). */
export type FigureValue = Decimal | CalendarDate | null;

export interface Figure<K extends string = string, S = Summary> {
  readonly key: K;
  readonly label: string;
  readonly format: ValueFormat;
  /** "cents": shown rounded to cents (half away from zero); "exact": a sum of cents; "date"; "rate": a fraction. */
  readonly rounding: "cents" | "exact" | "date" | "rate";
  readonly help: string;
  readonly value: (s: S) => FigureValue;
}

/** The deal summary's figures, in DEALSUMMARY's row order: a contract that only grows at the end. */
export const FIGURES = Object.freeze([
  {
    key: "contractValue",
    label: "Contract value",
    format: "usd",
    rounding: "exact",
    help: "Σ of the monthly gross fees.",
    value: (s) => s.contractValue,
  },
  {
    key: "averageAnnualRevenue",
    label: "Average annual revenue",
    format: "usd",
    rounding: "cents",
    help: "Contract value × 12 ÷ billing months (the term plus exercised renewals).",
    value: (s) => s.averageAnnualRevenue,
  },
  {
    key: "revenuePerMWYear",
    label: "Revenue per MW-year",
    format: "usd",
    rounding: "cents",
    help: "Average annual revenue ÷ capacity.",
    value: (s) => s.revenuePerMWYear,
  },
  {
    key: "totalCredits",
    label: "Total credits",
    format: "usd",
    rounding: "exact",
    help: "Σ of the schedule's credits.",
    value: (s) => s.totalCredits,
  },
  {
    key: "uncreditedPrepayment",
    label: "Uncredited prepayment",
    format: "usd",
    rounding: "exact",
    help: "Prepayment still not credited after the last month.",
    value: (s) => s.uncreditedPrepayment,
  },
  {
    key: "totalNetCash",
    label: "Total net cash",
    format: "usd",
    rounding: "exact",
    help: "Σ of the schedule's net cash flows, the prepayment included.",
    value: (s) => s.totalNetCash,
  },
  {
    key: "npv",
    label: "NPV at the discount rate",
    format: "usd",
    rounding: "cents",
    help: "XNPV of the net cash flows from the first month at the discount rate (none without a rate).",
    value: (s) => s.npv,
  },
  {
    key: "firstMonth",
    label: "First month",
    format: "date",
    rounding: "date",
    help: "The schedule's first row.",
    value: (s) => s.firstMonth,
  },
  {
    key: "lastMonth",
    label: "Last month",
    format: "date",
    rounding: "date",
    help: "The schedule's last row.",
    value: (s) => s.lastMonth,
  },
  {
    key: "totalCapex",
    label: "Total capex",
    format: "usd",
    rounding: "exact",
    help: "Σ of the host's capex.",
    value: (s) => s.totalCapex,
  },
  {
    key: "hostNpv",
    label: "Host NPV",
    format: "usd",
    rounding: "cents",
    help: "XNPV of the host cash flows (net cash flow − capex) at the discount rate (none without a rate).",
    value: (s) => s.hostNpv,
  },
  {
    key: "irr",
    label: "Host IRR",
    format: "fraction",
    rounding: "rate",
    help: "The smallest annual rate in (−99 %, 10,000 %) at which the XNPV of the host cash flows changes sign (Excel's XIRR convention; XIRR itself starts from 10 % and may find another root where there are several). None when the flows never change sign or no root lies there.",
    value: (s) => s.irr,
  },
  {
    key: "paybackMonth",
    label: "Payback month",
    format: "date",
    rounding: "date",
    help: "The first month from which the cumulative host cash flow stays >= 0; none when it ends negative.",
    value: (s) => s.paybackMonth,
  },
  {
    key: "contractValueAllRenewals",
    label: "Contract value, all renewals",
    format: "usd",
    rounding: "exact",
    help: "The contract value were every renewal option exercised.",
    value: (s) => s.contractValueAllRenewals,
  },
  {
    key: "capacityMW",
    label: "Capacity (MW)",
    format: "mw",
    rounding: "exact",
    help: "Critical IT MW leased: the sum of the tranches.",
    value: (s) => s.capacityMW,
  },
] as const satisfies readonly Figure<string>[]);

export type FigureKey = (typeof FIGURES)[number]["key"];

export const FIGURE_BY_KEY: Readonly<Record<FigureKey, Figure<FigureKey>>> = Object.freeze(
  Object.fromEntries(FIGURES.map((f) => [f.key, f])) as Record<FigureKey, Figure<FigureKey>>,
);

export function isFigureKey(key: string): key is FigureKey {
  return Object.prototype.hasOwnProperty.call(FIGURE_BY_KEY, key);
}

function isDate(v: FigureValue): v is CalendarDate {
  return v !== null && typeof (v as CalendarDate).year === "number";
}

/** A figure's value as text for files (JSON, CSV): money in cents, dates ISO, rates as decimals; null stays null. */
export function figureText(figure: Pick<Figure, "rounding" | "format">, value: FigureValue): string | null {
  if (value === null) return null;
  if (isDate(value)) return formatIsoDate(value);
  const d = value as Decimal;
  return figure.rounding === "rate" || figure.format !== "usd" ? d.toString() : money(d);
}

/** A figure's value as an Excel cell: money in cents, dates as serials, rates as fractions; "" for none. */
export function figureCell(figure: Pick<Figure, "rounding">, value: FigureValue): number | string {
  if (value === null) return "";
  if (isDate(value)) return toExcelSerial(value);
  const d = value as Decimal;
  return (figure.rounding === "cents" ? round2(d) : d).toNumber();
}

export { isDate as isFigureDate };
