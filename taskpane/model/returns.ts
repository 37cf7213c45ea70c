/**
 * The host's returns the pane shows live (analysis.md §9–§10): capex, host NPV, IRR, payback and,
 * for a deal with renewal options, the contract value were every option exercised. Computed by core
 * from the same terms as the headline figures, labelled and explained by core's table of figures;
 * the IRR is a rate, formatted here as a percentage in the pane's locale (the other figures go
 * through the pane's Formatter). No DOM.
 */
import {
  FIGURE_BY_KEY,
  NO_IRR_REASON,
  buildSchedule,
  formatIsoDate,
  round2,
  summarize,
  type Decimal,
  type FigureKey,
  type Terms,
} from "../../src/core";
import type { Figure } from "./preview";

export interface ReturnsFigure {
  readonly label: string;
  readonly figure: Figure;
  readonly help: string;
}

function money(x: Decimal): Figure {
  const r = round2(x);
  return { kind: "money", amount: r.isZero() ? "0.00" : r.toFixed(2) };
}

function row(key: FigureKey, figure: Figure): ReturnsFigure {
  const f = FIGURE_BY_KEY[key];
  return { label: f.label, figure, help: f.help };
}

/**
 * The returns figures of a deal. `percent` formats the IRR (a fraction) in the pane's locale; an
 * IRR with no answer says why in words, as the sheet's #NUM! note does.
 */
export function returnsFigures(terms: Terms, percent: (fraction: number) => string): ReturnsFigure[] {
  const s = summarize(buildSchedule(terms));
  const out = [
    row("totalCapex", money(s.totalCapex)),
    row("hostNpv", s.hostNpv === null ? { kind: "note", text: "Needs a discount rate" } : money(s.hostNpv)),
    row(
      "irr",
      s.irr === null
        ? { kind: "note", text: `None: ${NO_IRR_REASON[s.irrNone ?? "no-root"]}` }
        : { kind: "note", text: percent(s.irr.toNumber()) },
    ),
    row(
      "paybackMonth",
      s.paybackMonth === null
        ? { kind: "note", text: "None: the cumulative host cash flow ends negative" }
        : { kind: "month", month: formatIsoDate(s.paybackMonth).slice(0, 7) },
    ),
  ];
  if (terms.renewalOptions > 0) out.push(row("contractValueAllRenewals", money(s.contractValueAllRenewals)));
  return out;
}

/** A fraction as a percentage with two decimals in a locale ("12.34%", "12,34 %"). */
export function percentFormatter(locale: string): (fraction: number) => string {
  const f = new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (x) => f.format(x);
}
