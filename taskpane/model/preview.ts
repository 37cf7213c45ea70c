/**
 * The headline figures the pane previews, computed by core (the same module
 * the functions and the sheet use) and shown to the cent.
 */
import {
  buildSchedule,
  formatIsoDate,
  fullyCreditedMonth,
  round2,
  summarize,
  type Decimal,
  type Schedule,
  type Terms,
} from "../../src/core";

export interface Headline {
  readonly label: string;
  readonly value: string;
  /** One line on what the figure is. */
  readonly help: string;
}

/** "$3,500,064,000.00": rounded to cents half away from zero, as Excel's ROUND. */
export function usd(x: Decimal): string {
  const fixed = round2(x).abs().toFixed(2);
  const [whole, cents] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${x.isNegative() && !round2(x).isZero() ? "−" : ""}$${grouped}.${cents}`;
}

/** The month the prepayment is fully credited, or what is left uncredited at the end. */
function creditedBy(schedule: Schedule, uncredited: Decimal): string {
  if (schedule.terms.prepayment.isZero()) return "No prepayment";
  if (!uncredited.isZero()) return `Not fully credited: ${usd(uncredited)} left at the end`;
  const month = fullyCreditedMonth(schedule);
  return month ? formatIsoDate(month).slice(0, 7) : "—";
}

export function headlines(terms: Terms): Headline[] {
  const schedule = buildSchedule(terms);
  const s = summarize(schedule);
  return [
    { label: "Contract value", value: usd(s.contractValue), help: "Σ of the monthly gross fees." },
    {
      label: "Average annual revenue",
      value: usd(s.averageAnnualRevenue),
      help: "Contract value × 12 / term in months.",
    },
    { label: "Revenue per MW-year", value: usd(s.revenuePerMWYear), help: "Average annual revenue / capacity." },
    {
      label: "Prepayment credited by",
      value: creditedBy(schedule, s.uncreditedPrepayment),
      help: "The month the prepayment still to be recouped reaches 0.",
    },
    {
      label: "NPV",
      value: s.npv === null ? "Needs a discount rate" : usd(s.npv),
      help: "XNPV of the net cash flows from the schedule's first month.",
    },
  ];
}
