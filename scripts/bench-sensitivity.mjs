#!/usr/bin/env node
// The budget of issue 19: a 7×7 sensitivity table (analysis.md §11) in <= 5 ms.
// Each of its 49 cells is a full deal: validated, scheduled, one figure taken.
//
//   npm run build:cli && node scripts/bench-sensitivity.mjs     prints JSON
import { createRequire } from "node:module";
import { measureUs } from "./bench-stats.mjs";

const require = createRequire(import.meta.url);
const core = require("../lib/core/index.js");
const { Decimal } = core;

/** The seed-like deal: 200 MW for 144 months, an escalator, a prepayment, capex and a discount rate. */
const DEAL = Object.freeze({
  capacityMW: 200,
  startDate: "2025-01-01",
  termMonths: 144,
  ratePerKWMonth: 121.53,
  escalator: 0.03,
  prepayment: 300000000,
  prepaymentDate: "2024-07-01",
  opexPerMWMonth: 25000,
  discountRate: 0.1,
  capex: [{ date: "2024-06-01", amount: 800000000 }],
});

const seven = (from, step) => Array.from({ length: 7 }, (_, i) => new Decimal(from).plus(new Decimal(step).times(i)));

function table(figure, rowKey, rowValues, colKey, colValues) {
  const prepared = core.prepareSensitivity(DEAL, figure);
  if (!prepared.ok) throw prepared.error;
  const deal = prepared.value;
  const input = (k) => {
    const r = core.sensitivityInput(deal, k);
    if (!r.ok) throw r.error;
    return r.value;
  };
  return core.sensitivityTable(
    deal,
    { input: input(rowKey), values: rowValues },
    { input: input(colKey), values: colValues },
  );
}

const cases = {
  "npv rate × delay": () => table("npv", "ratePerKWMonth", seven(109.38, 4.05), "delayMonths", seven(0, 2)),
  "contractValue rate × escalator": () =>
    table("contractValue", "ratePerKWMonth", seven(109.38, 4.05), "escalator", seven(0, 0.01)),
  "npv rate × discountRate (7 schedules shared by 49 cells)": () =>
    table("npv", "ratePerKWMonth", seven(109.38, 4.05), "discountRate", seven(0.04, 0.02)),
  "irr rate × delay": () => table("irr", "ratePerKWMonth", seven(109.38, 4.05), "delayMonths", seven(0, 2)),
};

const out = { budgetMs: 5 };
for (const [name, run] of Object.entries(cases)) {
  const us = measureUs(run, { batch: 5, rounds: 15, warmup: 5 });
  out[name] = { medianMs: +(us.median / 1000).toFixed(2), cpuMs: +(us.cpu / 1000).toFixed(2) };
}
console.log(JSON.stringify(out, null, 2));
