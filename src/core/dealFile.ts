import { formatIsoDate } from "./dates";
import { Decimal } from "./decimal";
import { LIMITS } from "./limits";
import type { MiningTerms } from "./miningTerms";
import type { DealFileTerms, MiningFileBlock, Terms } from "./terms";

/**
 * A deal file as read, still to validate: any keys, any values. What one holds
 * once valid is typed by the terms table: `DealFileTerms` (terms.ts).
 */
export type DealFile = Record<string, unknown>;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A decimal as a JSON number when that round-trips exactly, else as text. */
function jsonNumber(x: Decimal): number | string {
  const text = x.toString();
  const n = x.isZero() ? x.toNumber() : Number(text); // x.toNumber() (−0 included), the text made once
  // The same text is the same value (x's text is exact); otherwise compare the decimals (1e+21, 1e-7 …).
  return String(n) === text || new Decimal(n).equals(x) ? n : text;
}

/**
 * Validated terms written back as a deal file: every term explicit, the
 * tranches always listed, the unused credit term left out. Reading the result
 * back with `validateDeal` gives the same terms.
 */
export function toDealFile(terms: Terms): DealFileTerms {
  const file: Mutable<DealFileTerms> = {
    name: terms.name,
    host: terms.host,
    tenant: terms.tenant,
    capacityMW: jsonNumber(terms.capacityMW),
    ratePerKWMonth: jsonNumber(terms.ratePerKWMonth),
    termMonths: terms.termMonths,
    startDate: formatIsoDate(terms.startDate),
    escalator: jsonNumber(terms.escalator),
    prepayment: jsonNumber(terms.prepayment),
    prepaymentDate: formatIsoDate(terms.prepaymentDate),
    creditMethod: terms.creditMethod,
  };
  if (terms.creditMonths !== null) file.creditMonths = terms.creditMonths;
  if (terms.creditPercent !== null) file.creditPercent = jsonNumber(terms.creditPercent);
  file.opexPerMWMonth = jsonNumber(terms.opexPerMWMonth);
  if (terms.discountRate !== null) file.discountRate = jsonNumber(terms.discountRate);
  file.tranches = terms.tranches.map((t) => ({ date: formatIsoDate(t.date), mw: jsonNumber(t.mw) }));
  // Every term explicit, the new ones too: termsKey (the functions' cache key) is this text, so two
  // deals that differ only in capex, renewals or mining never share it.
  file.capex = terms.capex.map((c) => ({ date: formatIsoDate(c.date), amount: jsonNumber(c.amount) }));
  file.renewalOptions = terms.renewalOptions;
  file.renewalMonths = terms.renewalMonths;
  file.renewalRateStep = jsonNumber(terms.renewalRateStep);
  file.renewalsExercised = terms.renewalsExercised;
  if (terms.mining !== null) file.mining = miningFile(terms.mining);
  return file;
}

/** A canonical text of the terms: equal for equal deals, however they were written. */
export function termsKey(terms: Terms): string {
  // The text JSON.stringify(toDealFile(terms)) gives (termsKeyReference), written directly: no
  // deal-file object, no generic serializer (test/core/termsKey.test.ts proves them equal).
  const str = JSON.stringify;
  let key = `{"name":${str(terms.name)},"host":${str(terms.host)},"tenant":${str(terms.tenant)}`;
  key += `,"capacityMW":${numberText(terms.capacityMW)},"ratePerKWMonth":${numberText(terms.ratePerKWMonth)}`;
  key += `,"termMonths":${wholeText(terms.termMonths)},"startDate":"${formatIsoDate(terms.startDate)}"`;
  key += `,"escalator":${numberText(terms.escalator)},"prepayment":${numberText(terms.prepayment)}`;
  key += `,"prepaymentDate":"${formatIsoDate(terms.prepaymentDate)}","creditMethod":${str(terms.creditMethod)}`;
  if (terms.creditMonths !== null) key += `,"creditMonths":${wholeText(terms.creditMonths)}`;
  if (terms.creditPercent !== null) key += `,"creditPercent":${numberText(terms.creditPercent)}`;
  key += `,"opexPerMWMonth":${numberText(terms.opexPerMWMonth)}`;
  if (terms.discountRate !== null) key += `,"discountRate":${numberText(terms.discountRate)}`;
  key += `,"tranches":[`;
  for (let i = 0; i < terms.tranches.length; i++) {
    const t = terms.tranches[i];
    key += `${i === 0 ? "" : ","}{"date":"${formatIsoDate(t.date)}","mw":${numberText(t.mw)}}`;
  }
  key += `],"capex":[`;
  for (let i = 0; i < terms.capex.length; i++) {
    const c = terms.capex[i];
    key += `${i === 0 ? "" : ","}{"date":"${formatIsoDate(c.date)}","amount":${numberText(c.amount)}}`;
  }
  key += `],"renewalOptions":${wholeText(terms.renewalOptions)},"renewalMonths":${wholeText(terms.renewalMonths)}`;
  key += `,"renewalRateStep":${numberText(terms.renewalRateStep)},"renewalsExercised":${wholeText(terms.renewalsExercised)}`;
  if (terms.mining !== null) key += `,"mining":${str(miningFile(terms.mining))}`;
  return `${key}}`;
}

/** The reference for `termsKey`: the deal file, serialized. */
export function termsKeyReference(terms: Terms): string {
  return JSON.stringify(toDealFile(terms));
}

/**
 * A decimal's JSON text in a deal file (`jsonNumber`, serialized). A nonzero
 * decimal of at most 14 significant digits (two base-1e7 limbs: decimal.js's
 * documented d, e) between 1e-6 and 1e21 is its own text: within 15 digits,
 * decimal to double to shortest decimal gives the digits back, and both
 * texts are then plain (no exponent), so JSON's number text is x's text.
 */
function numberText(x: Decimal): string {
  const d = x.d;
  if (d !== null && d.length <= 2 && d[0] !== 0 && x.e > -7 && x.e < 21) return x.toString();
  const n = jsonNumber(x);
  return typeof n === "number" ? wholeText(n) : JSON.stringify(n);
}

/** A number's JSON text (JSON.stringify's: "null" for what JSON cannot hold). */
function wholeText(n: number): string {
  return Number.isFinite(n) ? String(n) : "null";
}

/** The mining block as written in a deal file; a defaulted site power is left out, so it stays a default. */
function miningFile(m: MiningTerms): MiningFileBlock {
  const out: Mutable<MiningFileBlock> = {
    hashprice: jsonNumber(m.hashprice),
    efficiencyJPerTH: jsonNumber(m.efficiencyJPerTH),
    powerCostPerKWh: jsonNumber(m.powerCostPerKWh),
  };
  if (!m.sitePowerDefault) out.sitePowerMW = jsonNumber(m.sitePowerMW);
  out.uptime = jsonNumber(m.uptime);
  out.poolFee = jsonNumber(m.poolFee);
  out.feeShare = jsonNumber(m.feeShare);
  out.hashpriceGrowth = jsonNumber(m.hashpriceGrowth);
  out.halvingDates = m.halvingDates.map(formatIsoDate);
  out.miningOpexPerMWMonth = jsonNumber(m.miningOpexPerMWMonth);
  return out;
}

/**
 * The doubles of a key, written here and read as text by `doublesText`:
 * each double's 64 bits as four UTF-16 units, one text per value, with no
 * decimal formatting. Room for the largest deal (120 tranches, 1,200 capex items).
 */
export const keyDoubles = new Float64Array(16 + LIMITS.maxTranches + LIMITS.maxCapexItems);
const keyUnits = new Uint16Array(keyDoubles.buffer);
const unitList: number[] = [];

/** The first `count` doubles of `keyDoubles` as text (−0 must be written as 0). */
export function doublesText(count: number): string {
  // Through a plain array: applying a typed array's view cost twice as much.
  const n = 4 * count;
  unitList.length = n;
  for (let i = 0; i < n; i++) unitList[i] = keyUnits[i];
  return String.fromCharCode.apply(null, unitList);
}

/** A decimal as the double whose shortest text is its text (validation reads a sheet's numbers so), or undefined. */
function doubleOf(x: Decimal): number | undefined {
  if (x.isZero()) return 0;
  const n = x.toNumber();
  return n !== 0 && String(n) === x.toString() ? n : undefined;
}

/**
 * A compact key of the terms, for the functions' caches: equal exactly when
 * the terms are, much shorter and cheaper to write and hash than
 * `termsKey`, and written straight from a sheet's doubles by `validateFast`
 * (test/core/validateFast.test.ts proves the two texts equal). "D", the
 * texts (each with its length), the credit method, which optional terms are
 * given, the tables' sizes, the dates, the mining block, then every number
 * as its double's bits, in a fixed order; terms holding a decimal that is
 * no double's text are keyed "E" and their `termsKey`.
 */
export function dealKey(terms: Terms): string {
  let count = 0;
  const put = (x: number): void => {
    keyDoubles[count++] = x === 0 ? 0 : x;
  };
  const putDecimal = (x: Decimal): boolean => {
    const n = doubleOf(x);
    if (n === undefined) return false;
    put(n);
    return true;
  };
  let key = `D${terms.name.length}:${terms.name}${terms.host.length}:${terms.host}${terms.tenant.length}:${terms.tenant}`;
  key += terms.creditMethod === "straight-line" ? "s" : "p";
  key += terms.creditMonths === null ? "_" : "m";
  key += terms.creditPercent === null ? "_" : "p";
  key += terms.discountRate === null ? "_" : "r";
  key += `${terms.tranches.length};${terms.capex.length};`;
  key += `${formatIsoDate(terms.startDate)};${formatIsoDate(terms.prepaymentDate)};`;
  for (const t of terms.tranches) key += `${formatIsoDate(t.date)};`;
  for (const c of terms.capex) key += `${formatIsoDate(c.date)};`;
  key += terms.mining === null ? "_" : `m${JSON.stringify(miningFile(terms.mining))}`;
  let exact = putDecimal(terms.capacityMW) && putDecimal(terms.ratePerKWMonth);
  put(terms.termMonths);
  exact &&= putDecimal(terms.escalator) && putDecimal(terms.prepayment);
  if (terms.creditMonths !== null) put(terms.creditMonths);
  if (terms.creditPercent !== null) exact &&= putDecimal(terms.creditPercent);
  exact &&= putDecimal(terms.opexPerMWMonth);
  if (terms.discountRate !== null) exact &&= putDecimal(terms.discountRate);
  for (const t of terms.tranches) exact &&= putDecimal(t.mw);
  for (const c of terms.capex) exact &&= putDecimal(c.amount);
  put(terms.renewalOptions);
  put(terms.renewalMonths);
  exact &&= putDecimal(terms.renewalRateStep);
  put(terms.renewalsExercised);
  return exact ? key + doublesText(count) : `E${termsKey(terms)}`;
}
