/**
 * The headline figures the pane previews, computed by core (the same module
 * the functions and the sheet use), to the cent. Each figure is data (an amount,
 * a month, or a note); the pane formats it in the user's locale (ui/format.ts),
 * and `value` keeps the plain en-US text for the CLI-like uses and the tests.
 */
import {
  FIGURE_BY_KEY,
  buildSchedule,
  formatIsoDate,
  fullyCreditedMonth,
  round2,
  summarize,
  type Decimal,
  type FigureKey,
  type Schedule,
  type Terms,
} from "../../src/core";

/** A figure as data: money as a cents-exact decimal string ("-12.50"), a month as "YYYY-MM". */
export type Figure =
  | { readonly kind: "money"; readonly amount: string }
  | { readonly kind: "month"; readonly month: string }
  | { readonly kind: "uncredited"; readonly amount: string }
  | { readonly kind: "note"; readonly text: string };

export interface Headline {
  readonly label: string;
  readonly figure: Figure;
  /** The figure as en-US text ("$3,500,064,000.00"). */
  readonly value: string;
  /** One line on what the figure is. */
  readonly help: string;
}

/** "$3,500,064,000.00": rounded to cents half away from zero, as Excel's ROUND. */
export function usd(x: Decimal): string {
  return usdText(cents(x));
}

/** A decimal rounded as Excel's ROUND(x, 2), as a string with two decimals ("-0.00" never). */
function cents(x: Decimal): string {
  const r = round2(x);
  return r.isZero() ? "0.00" : r.toFixed(2);
}

function usdText(amount: string): string {
  const negative = amount.startsWith("-");
  const [whole, fraction] = (negative ? amount.slice(1) : amount).split(".");
  return `${negative ? "−" : ""}$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${fraction}`;
}

/** A figure as en-US text, locale-free: what `Headline.value` holds. */
export function figureText(f: Figure): string {
  switch (f.kind) {
    case "money":
      return usdText(f.amount);
    case "month":
      return f.month;
    case "uncredited":
      return `Not fully credited: ${usdText(f.amount)} left at the end`;
    case "note":
      return f.text;
  }
}

/** The month the prepayment is fully credited, or what is left uncredited at the end. */
function creditedBy(schedule: Schedule, uncredited: Decimal): Figure {
  if (schedule.terms.prepayment.isZero()) return { kind: "note", text: "No prepayment" };
  if (!uncredited.isZero()) return { kind: "uncredited", amount: cents(uncredited) };
  const month = fullyCreditedMonth(schedule);
  return month ? { kind: "month", month: formatIsoDate(month).slice(0, 7) } : { kind: "note", text: "—" };
}

function headline(label: string, figure: Figure, help: string): Headline {
  return { label, figure, value: figureText(figure), help };
}

/** A headline of one of core's summary figures: its label and help from the table every surface reads. */
function figureHeadline(key: FigureKey, figure: Figure): Headline {
  const f = FIGURE_BY_KEY[key];
  return headline(f.label, figure, f.help);
}

export function headlines(terms: Terms): Headline[] {
  const schedule = buildSchedule(terms);
  const s = summarize(schedule);
  const money = (x: Decimal): Figure => ({ kind: "money", amount: cents(x) });
  return [
    figureHeadline("contractValue", money(s.contractValue)),
    figureHeadline("averageAnnualRevenue", money(s.averageAnnualRevenue)),
    figureHeadline("revenuePerMWYear", money(s.revenuePerMWYear)),
    headline(
      "Prepayment credited by",
      creditedBy(schedule, s.uncreditedPrepayment),
      "The month the prepayment still to be recouped reaches 0.",
    ),
    figureHeadline("npv", s.npv === null ? { kind: "note", text: "Needs a discount rate" } : money(s.npv)),
  ];
}
