/**
 * The comparison's outputs, declared once (in the style of outputs.ts): the
 * monthly mining columns and the comparison's figures. Kept apart from
 * FIGURES, whose rows are DEALSUMMARY's contract for every deal: these exist
 * only for a deal with a mining block. MINING_FIGURES, too, only grows at the end.
 */
import type { Figure, OutputColumn } from "./outputs";
import type { MiningRow, MiningSummary } from "./mining";

export type MiningColumnKey = Exclude<keyof MiningRow, "halvings">;

/** The monthly columns in order (analysis.md §8). */
export const MINING_COLUMNS: readonly OutputColumn<MiningColumnKey>[] = Object.freeze([
  {
    key: "date",
    label: "Date",
    csv: "date",
    format: "date",
    help: "First day of the month (the hosting schedule's rows).",
  },
  {
    key: "hashprice",
    label: "Hashprice",
    csv: "hashprice",
    format: "hashprice",
    help: "H × (1 + growth)^(m/12) × (fee share + (1 − fee share) ÷ 2^halvings), $/PH/s/day.",
  },
  {
    key: "hashrate",
    label: "Hashrate (PH/s)",
    csv: "hashrate_ph",
    format: "hashrate",
    help: "Site power × 1,000 ÷ efficiency (J/TH) × uptime.",
  },
  {
    key: "miningRevenue",
    label: "Mining revenue",
    csv: "mining_revenue",
    format: "usd",
    help: "Hashrate × hashprice × days × (1 − pool fee), in cents.",
  },
  {
    key: "powerCost",
    label: "Power cost",
    csv: "power_cost",
    format: "usd",
    help: "Site power × 1,000 × 24 × days × uptime × $/kWh, in cents.",
  },
  {
    key: "miningOpex",
    label: "Mining opex",
    csv: "mining_opex",
    format: "usd",
    help: "Mining opex per MW-month × site power (not scaled by uptime or days).",
  },
  {
    key: "miningMargin",
    label: "Mining margin",
    csv: "mining_margin",
    format: "usd",
    help: "Mining revenue − power cost − mining opex.",
  },
  {
    key: "hostingCashFlow",
    label: "Hosting cash flow",
    csv: "hosting_cash_flow",
    format: "usd",
    help: "The hosting schedule's net cash flow − capex (the host cash flow).",
  },
] satisfies OutputColumn<MiningColumnKey>[]);

export const MINING_HEADER: readonly string[] = Object.freeze(MINING_COLUMNS.map((c) => c.label));

/** The comparison's figures, in order (the CLI's summary appends them; MININGSUMMARY's rows). */
export const MINING_FIGURES = Object.freeze([
  {
    key: "miningRevenue",
    label: "Mining revenue",
    format: "usd",
    rounding: "exact",
    help: "Σ of the monthly mining revenue.",
    value: (s) => s.miningRevenue,
  },
  {
    key: "miningPowerCost",
    label: "Mining power cost",
    format: "usd",
    rounding: "exact",
    help: "Σ of the monthly power cost of mining.",
    value: (s) => s.miningPowerCost,
  },
  {
    key: "miningMargin",
    label: "Mining margin",
    format: "usd",
    rounding: "exact",
    help: "Σ of the monthly mining margins (revenue − power cost − mining opex).",
    value: (s) => s.miningMargin,
  },
  {
    key: "hostingCashFlow",
    label: "Hosting cash flow",
    format: "usd",
    rounding: "exact",
    help: "Σ of the monthly hosting cash flows (net cash flow − capex).",
    value: (s) => s.hostingCashFlow,
  },
  {
    key: "miningNpv",
    label: "Mining NPV",
    format: "usd",
    rounding: "cents",
    help: "XNPV of the mining margins from the first month at the discount rate (their plain sum without a rate).",
    value: (s) => s.miningNpv,
  },
  {
    key: "hostingNpv",
    label: "Hosting NPV",
    format: "usd",
    rounding: "cents",
    help: "XNPV of the hosting cash flows from the first month at the discount rate (their plain sum without a rate).",
    value: (s) => s.hostingNpv,
  },
  {
    key: "breakevenHashprice",
    label: "Breakeven hashprice ($/PH/s/day)",
    format: "usd",
    rounding: "cents",
    help: "The starting hashprice at which mining's NPV equals hosting's (revenue unrounded), to the cent.",
    value: (s) => s.breakevenHashprice,
  },
] as const satisfies readonly Figure<string, MiningSummary>[]);

export type MiningFigureKey = (typeof MINING_FIGURES)[number]["key"];

export function isMiningFigureKey(key: string): key is MiningFigureKey {
  return MINING_FIGURES.some((f) => f.key === key);
}
