/**
 * The spilled mining comparison's cells as numbers, without the 40-digit
 * hashprice and hashrate columns or a Decimal per money cell (issue 19: on a
 * new deal those decimals cost ~1 ms; the budget is 100 µs). Every cell is
 * `Decimal.toNumber()` of the row's field (the date its Excel serial);
 * test/functions/miningCells.test.ts and test/fuzz/mining.test.ts compare
 * them with the reference's over random deals. No arithmetic of the model
 * here: the core gives the numbers, this lays them out.
 * - the money lines: the float path's integer cents c (certified in
 *   core/miningFast.ts) as c / 100, one correctly rounded division, the
 *   double nearest `${c}e-2` (the row's decimal is `centsDecimal(c)`); a
 *   zero is +0 as that decimal's (`0e-2`), but for the hosting cash flow,
 *   whose zero reads the hosting row's decimal (its sign);
 * - the hashprice and hashrate: core/miningColumns.ts's doubles, the row's
 *   decimal where the estimate cannot decide.
 */
import {
  MINING_COLUMNS,
  daysInMonth,
  fastHashprice,
  fastHashrate,
  monthIndex,
  toExcelSerial,
  type MiningSchedule,
} from "../core";
import type { Cell } from "./deal";

/** The columns in the order the rows below are laid out (MINING_COLUMNS'; checked, else no fast cells). */
const ORDER = [
  "date",
  "hashprice",
  "hashrate",
  "miningRevenue",
  "powerCost",
  "miningOpex",
  "miningMargin",
  "hostingCashFlow",
] as const;
const LAID_OUT = MINING_COLUMNS.length === ORDER.length && MINING_COLUMNS.every((c, j) => c.key === ORDER[j]);

/** A money cell from integer cents (the row's decimal is `centsDecimal(c)`: a zero is +0), or undefined past 2^53. */
const centsCell = (c: number): number | undefined => (c === 0 ? 0 : Number.isSafeInteger(c) ? c / 100 : undefined);

/**
 * The data rows of a mining schedule's table (no header), each cell
 * `Decimal.toNumber()` of its field (the date as its Excel serial), from the
 * float path's figures where they decide it; undefined without a float path
 * (or when the first row is not a 1st on or after 1900-03-01, Excel's
 * phantom 1900-02-29 before it).
 */
export function fastMiningCells(ms: MiningSchedule): Cell[][] | undefined {
  const fast = ms.fast;
  if (fast === undefined || !LAID_OUT) return undefined;
  const n = fast.revenue.length;
  if (n === 0) return [];
  const hostRows = fast.hostRows;
  const first = hostRows[0].date;
  let serial = toExcelSerial(first);
  if (first.day !== 1 || serial < 61 || monthIndex(first) !== ms.firstMonthIndex) return undefined;
  let year = first.year;
  let month = first.month;

  const hashpriceOf = fastHashprice(ms);
  const hashrate = fastHashrate(ms) ?? ms.rows[0].hashrate.toNumber();
  const opex = centsCell(fast.miningOpex) ?? ms.rows[0].miningOpex.toNumber();
  const { revenue, powerCost, margin, hostingCashFlow, halvings } = fast;
  const out: Cell[][] = [];
  for (let i = 0; i < n; i++) {
    const date = serial;
    serial += daysInMonth(year, month); // the rows are consecutive months from their first day
    if (++month > 12) {
      month = 1;
      year++;
    }
    const h = hostingCashFlow[i];
    const row = [
      date,
      hashpriceOf?.(i, halvings[i]) ?? ms.rows[i].hashprice.toNumber(),
      hashrate,
      centsCell(revenue[i]) ?? ms.rows[i].miningRevenue.toNumber(),
      centsCell(powerCost[i]) ?? ms.rows[i].powerCost.toNumber(),
      opex,
      centsCell(margin[i]) ?? ms.rows[i].miningMargin.toNumber(),
      h !== 0 && Number.isSafeInteger(h) ? h / 100 : hostRows[i].hostCashFlow.toNumber(),
    ];
    out.push(row);
  }
  return out;
}
