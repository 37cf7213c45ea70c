/**
 * Preset portfolios: a company's book of preset deals, with what the company
 * reported, for the portfolio sheet's "model versus reported" table. Every
 * figure cites its document (shared/deals/reported-facts.md, "Reported
 * actuals" and "Corrections and additions", and the addresses listed there).
 */
import { getPreset } from "./index";

/** A reported figure to set beside the model. */
export interface ReportedFigure {
  /** The period label as the period table writes it (`Q1 2025`), or a run-rate row (`Run rate 2026-01-01`). */
  readonly period: string;
  /** USD. */
  readonly amount: number;
  /** The run-rate date (ISO) for a guided annualized revenue; absent for a quarter's revenue. */
  readonly runRateDate?: string;
  /** What was reported, in a few words. */
  readonly what: string;
  /** The document, with its public address. */
  readonly source: string;
}

export interface PortfolioPreset {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Preset deal ids, in order. */
  readonly dealIds: readonly string[];
  readonly reported: readonly ReportedFigure[];
  /** Shown under the table: why the model and the reported figures differ. */
  readonly notes: readonly string[];
}

const Q1 =
  "Core Scientific Q1 2025 results, 7 May 2025 (https://stockhouse.com/news/press-releases/2025/05/07/core-scientific-announces-fiscal-first-quarter-2025-results)";
const Q2 =
  "Core Scientific Q2 2025 results, 8 Aug 2025 (https://secure.businesswire.com/news/home/20250808196314/en/Core-Scientific-Announces-Fiscal-Second-Quarter-2025-Results)";
const Q3 =
  "Core Scientific Q3 2025 results, 8-K, 24 Oct 2025 (https://investors.corescientific.com/sec-filings/all-sec-filings/content/0001628280-25-046263/q32025corescientificinc-ea.htm)";
const Q4 =
  "Core Scientific Q4 / FY2025 results, press coverage (https://investingnews.com/core-scientific-announces-fourth-quarter-fiscal-year-2025-results/)";

export const CORE_SCIENTIFIC_BOOK: PortfolioPreset = Object.freeze({
  id: "core-scientific-coreweave-all",
  name: "Core Scientific – CoreWeave, all contracts",
  description:
    "The four CoreWeave contracts at Core Scientific (about 200 + 70 + 112 + 120 MW), against what it reported.",
  dealIds: [
    "coreweave-core-scientific-2024",
    "coreweave-core-scientific-70mw-2024",
    "coreweave-core-scientific-112mw-2024",
    "coreweave-core-scientific-120mw-2024",
  ],
  reported: [
    { period: "Q1 2025", amount: 8_600_000, what: "colocation revenue (GAAP)", source: Q1 },
    { period: "Q2 2025", amount: 10_600_000, what: "colocation revenue (GAAP)", source: Q2 },
    { period: "Q3 2025", amount: 15_000_000, what: "high-density colocation revenue (GAAP)", source: Q3 },
    { period: "Q4 2025", amount: 31_300_000, what: "colocation revenue (GAAP; $65.5 M for 2025)", source: Q4 },
    {
      period: "Run rate 2026-01-01",
      amount: 360_000_000,
      runRateDate: "2026-01-01",
      what: "guided annualized colocation revenue entering 2026 (approximately)",
      source: Q1,
    },
  ],
  notes: [
    "GAAP colocation revenue is not the hosting fee in cash: credits of the prepayment, power passed through at cost, lease accounting and customers other than CoreWeave all differ.",
    "The variance is large: the presets bill their full ramp from 1H 2025, but about 48 MW was billable to CoreWeave by mid-2025 (8 MW at Denton by end of May, about 40 MW more by end of June), and CoreWeave's capex funding arrived over 2025, not as one prepayment in July 2024. Move the tranche dates on the deal sheets to see how much of it the slower ramp explains.",
    "The guided ~$360 M matches 250 MW × 1,000 × $121.53 × 12 = $364.6 M a year.",
  ],
} satisfies PortfolioPreset);

export const PORTFOLIO_PRESETS: readonly PortfolioPreset[] = Object.freeze([CORE_SCIENTIFIC_BOOK]);

export function getPortfolioPreset(id: string): PortfolioPreset | undefined {
  return PORTFOLIO_PRESETS.find((p) => p.id === id);
}

/** The preset's deal ids that exist (another engineer may rename presets): none missing in a test. */
export function missingDealIds(p: PortfolioPreset): string[] {
  return p.dealIds.filter((id) => getPreset(id) === undefined);
}
