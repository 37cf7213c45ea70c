import fc from "fast-check";
import { computeDeal, money, prepaymentRemaining, type CalendarDate, type DealModel } from "../../src/core";
import { cents, monthOf, r2, referenceSchedule, rep, Wide, wide, type RefDeal, type RefTranche } from "./helpers";

/**
 * Invariants of spec §3–§4 over random valid deals, and agreement with the
 * independent reference model in helpers.ts. FC_NUM_RUNS scales the run count
 * (the fuzz script runs these at 10×).
 */

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 50);

const isoOf = (month: number, day: number): string => {
  const year = Math.floor(month / 12);
  const m = month - year * 12 + 1;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, "0")}-${String(Math.min(day, last)).padStart(2, "0")}`;
};

const JAN_2025 = 2025 * 12;

/** Money with 0–2 decimals, as a JSON number would carry it. */
const centsArb = (maxDollars: number) =>
  fc
    .tuple(fc.integer({ min: 0, max: maxDollars }), fc.integer({ min: 0, max: 99 }))
    .map(([dollars, c]) => Number(`${dollars}.${String(c).padStart(2, "0")}`));

const mwArb = fc.oneof(
  fc.integer({ min: 1, max: 500 }),
  fc.integer({ min: 1, max: 500_000 }).map((n) => n / 1000),
  fc.constantFrom(0.001, 0.01, 0.1, 0.2, 0.3),
);

const rateArb = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 50_000 }).map((n) => n / 100),
  fc.integer({ min: 1, max: 1_000_000 }).map((n) => n / 10_000),
);

const dealArb = fc.record({
  tranches: fc.array(
    fc.record({ offset: fc.integer({ min: 0, max: 48 }), day: fc.integer({ min: 1, max: 31 }), mw: mwArb }),
    { minLength: 1, maxLength: 4 },
  ),
  asSingle: fc.boolean(),
  withCapacity: fc.boolean(),
  withStart: fc.boolean(),
  rate: rateArb,
  termMonths: fc.integer({ min: 1, max: 240 }),
  escalator: fc.oneof(
    fc.constant(0),
    fc.integer({ min: -500, max: 1000 }).map((n) => n / 10_000),
  ),
  creditMethod: fc.constantFrom("straight-line" as const, "percent-of-fee" as const),
  creditMonths: fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }),
  creditPercent: fc.integer({ min: 1, max: 10_000 }).map((n) => n / 10_000),
  prepayment: fc.oneof(fc.constant(0), centsArb(1000), centsArb(1_000_000), centsArb(1_000_000_000)),
  prepaymentOffset: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
  prepaymentDay: fc.integer({ min: 1, max: 31 }),
  opex: fc.oneof(
    fc.constant(0),
    centsArb(100_000),
    fc.integer({ min: 1, max: 10_000_000 }).map((n) => n / 1000),
  ),
  discountRate: fc.option(
    fc.integer({ min: -500, max: 500 }).map((n) => n / 1000),
    { nil: undefined },
  ),
});

type Gen = fc.Arbitrary<{ raw: Record<string, unknown>; ref: RefDeal; discountRate?: number }>;

/** A random valid deal, as raw terms and as the reference model's plain description. */
const genDeal: Gen = dealArb.map((g) => {
  const tranches: RefTranche[] = g.tranches.map((t) => ({ month: JAN_2025 + t.offset, mw: String(t.mw) }));
  const dated = g.tranches.map((t) => ({ date: isoOf(JAN_2025 + t.offset, t.day), mw: t.mw }));
  const earliest = [...dated].sort((a, b) => a.date.localeCompare(b.date))[0].date;
  const first = Math.min(...tranches.map((t) => t.month));
  const last = Math.max(...tranches.map((t) => t.month)) + g.termMonths - 1;
  // A prepayment month from two years before billing to the last billing month.
  const prepaymentMonth =
    g.prepaymentOffset === undefined ? first : first - 24 + (g.prepaymentOffset % (last - first + 25));
  const raw: Record<string, unknown> = {
    ratePerKWMonth: g.rate,
    termMonths: g.termMonths,
    escalator: g.escalator,
    prepayment: g.prepayment,
    creditMethod: g.creditMethod,
    opexPerMWMonth: g.opex,
  };
  if (g.asSingle && dated.length === 1) {
    raw.capacityMW = dated[0].mw;
    raw.startDate = dated[0].date;
  } else {
    raw.tranches = dated;
    if (g.withCapacity) raw.capacityMW = Number(tranches.reduce((a, t) => a.plus(t.mw), wide(0)).toString());
    if (g.withStart) raw.startDate = earliest;
  }
  if (g.prepaymentOffset !== undefined) raw.prepaymentDate = isoOf(prepaymentMonth, g.prepaymentDay);
  // Both credit terms are always passed: the unused one must be ignored.
  if (g.creditMonths !== undefined) raw.creditMonths = g.creditMonths;
  raw.creditPercent = g.creditPercent;
  if (g.discountRate !== undefined) raw.discountRate = g.discountRate;
  const ref: RefDeal = {
    tranches,
    rate: String(g.rate),
    termMonths: g.termMonths,
    escalator: String(g.escalator),
    prepayment: String(g.prepayment),
    prepaymentMonth,
    creditMethod: g.creditMethod,
    creditMonths: g.creditMonths ?? g.termMonths,
    creditPercent: String(g.creditPercent),
    opex: String(g.opex),
  };
  return { raw, ref, discountRate: g.discountRate };
});

function compute(raw: Record<string, unknown>): DealModel {
  const r = computeDeal(raw);
  if (!r.ok) throw new Error(`a valid deal was rejected: ${r.error.message}\n${JSON.stringify(raw)}`);
  return r.value;
}

const MONEY = ["grossFee", "credit", "netFee", "opex", "netCashFlow", "prepaymentRemaining"] as const;
const sum = (xs: readonly { toString(): string }[]) => xs.reduce<Wide>((a, x) => a.plus(wide(x)), wide(0));
const decimals = (x: { toString(): string }) => wide(x).decimalPlaces();
const dayOf = (date: CalendarDate) => Date.UTC(date.year, date.month - 1, date.day) / 86_400_000;

type Check = (ok: boolean, what: string) => void;

/** Row by row and in the summary, the deal equals the reference model's reading of the spec. */
function checkAgainstReference(m: DealModel, ref: RefDeal): void {
  const expected = referenceSchedule(ref);
  const rows = m.schedule.rows;
  expect(rows.map((r) => monthOf(r.date))).toEqual(expected.map((r) => r.month));
  expect(rows.every((r) => r.date.day === 1)).toBe(true);
  for (const key of MONEY) {
    expect({ key, values: rows.map((r) => money(r[key])) }).toEqual({
      key,
      values: expected.map((r) => cents(r[key])),
    });
  }
  expect(rows.map((r) => wide(r.billedMW).toString())).toEqual(expected.map((r) => r.billedMW.toString()));
  const s = m.summary;
  const cv = sum(expected.map((r) => r.grossFee));
  const credits = sum(expected.map((r) => r.credit));
  const capacity = ref.tranches.reduce((a, t) => a.plus(t.mw), wide(0));
  const aar = cv.times(12).dividedBy(ref.termMonths);
  expect(money(s.contractValue)).toBe(cents(cv));
  expect(money(s.totalCredits)).toBe(cents(credits));
  expect(money(s.uncreditedPrepayment)).toBe(cents(wide(ref.prepayment).minus(credits)));
  expect(money(s.totalNetCash)).toBe(cents(sum(expected.map((r) => r.netCashFlow))));
  expect(money(s.averageAnnualRevenue)).toBe(cents(aar));
  expect(money(s.revenuePerMWYear)).toBe(cents(aar.dividedBy(capacity)));
  expect(monthOf(s.firstMonth)).toBe(expected[0].month);
  expect(monthOf(s.lastMonth)).toBe(expected[expected.length - 1].month);
}

/** The invariants of §3–§4 that need no reference model. */
function checkInvariants(m: DealModel, ref: RefDeal, check: Check): void {
  const P = wide(m.terms.prepayment);
  let running = wide(0);
  let previous = P;
  let grossSum = wide(0);
  let cashSum = wide(0);
  for (const row of m.schedule.rows) {
    const at = `row ${monthOf(row.date)}`;
    const gross = wide(row.grossFee);
    const credit = wide(row.credit);
    const net = wide(row.netFee);
    const remaining = wide(row.prepaymentRemaining);
    running = running.plus(credit);
    grossSum = grossSum.plus(gross);
    cashSum = cashSum.plus(wide(row.netCashFlow));
    check(!credit.isNegative() && credit.lessThanOrEqualTo(gross), `${at}: 0 <= credit <= gross`);
    check(net.equals(gross.minus(credit)) && !net.isNegative(), `${at}: net = gross - credit >= 0`);
    const inPrepaymentMonth = monthOf(row.date) === ref.prepaymentMonth;
    const cash = net.minus(wide(row.opex)).plus(inPrepaymentMonth ? P : 0);
    check(wide(row.netCashFlow).equals(cash), `${at}: cash = net - opex (+ P in its month)`);
    check(remaining.equals(P.minus(running)), `${at}: remaining = P - running credits`);
    check(remaining.lessThanOrEqualTo(previous) && !remaining.isNegative(), `${at}: remaining falls, >= 0`);
    for (const key of MONEY) check(decimals(row[key]) <= 2, `${at}: ${key} in cents`);
    if (wide(row.billedMW).isZero()) check(gross.isZero() && credit.isZero(), `${at}: no fee, no credit`);
    previous = remaining;
  }
  const s = m.summary;
  check(running.lessThanOrEqualTo(P), "credits <= P");
  check(wide(s.totalCredits).equals(running), "totalCredits = sum of credits");
  check(wide(s.totalCredits).plus(wide(s.uncreditedPrepayment)).equals(P), "totalCredits + uncredited = P");
  check(wide(s.uncreditedPrepayment).equals(previous), "uncredited = remaining at the end");
  check(wide(s.contractValue).equals(grossSum), "contractValue = sum of gross fees");
  check(wide(s.totalNetCash).equals(cashSum), "totalNetCash = sum of net cash flows");
  for (const key of ["contractValue", "totalCredits", "uncreditedPrepayment", "totalNetCash"] as const) {
    check(decimals(s[key]) <= 2, `${key} in cents`);
  }
}

/** Prepayment remaining at a date = P − Σ credits of the months whose first day is on or before it. */
function checkRemainingAt(m: DealModel, date: CalendarDate, check: Check): void {
  const rows = m.schedule.rows;
  const credited = sum(rows.filter((r) => dayOf(r.date) <= dayOf(date)).map((r) => r.credit));
  const expected = cents(wide(m.terms.prepayment).minus(credited));
  const got = money(prepaymentRemaining(m.schedule, date));
  check(got === expected, `remaining at ${JSON.stringify(date)}: expected ${expected}, got ${got}`);
}

/** NPV against a plain floating-point XNPV from the first row. */
function checkNpv(m: DealModel, rate: number | undefined, check: Check): void {
  if (rate === undefined) {
    check(m.summary.npv == null, "no NPV without a discount rate");
    return;
  }
  const t0 = dayOf(m.schedule.rows[0].date);
  let value = 0;
  let scale = 0;
  for (const row of m.schedule.rows) {
    const factor = Math.pow(1 + rate, (dayOf(row.date) - t0) / 365);
    const cf = Number(money(row.netCashFlow));
    value += cf / factor;
    scale += Math.abs(cf) / factor;
  }
  const got = m.summary.npv;
  check(got != null && Math.abs(Number(got.toString()) - value) <= 0.01 + scale * 1e-12, `npv ${got} vs ${value}`);
}

describe("random valid deals", () => {
  // Each generated deal is computed once and checked four ways, to keep the run short.
  const probe = fc.record({ months: fc.integer({ min: -40, max: 400 }), day: fc.integer({ min: 1, max: 31 }) });

  it("match the reference model, hold the invariants, report remaining at any date, discount as XNPV", () => {
    fc.assert(
      fc.property(genDeal, probe, ({ raw, ref, discountRate }, at) => {
        const m = compute(raw);
        checkAgainstReference(m, ref);
        const broken: string[] = [];
        const check: Check = (ok, what) => {
          if (!ok) broken.push(what);
        };
        checkInvariants(m, ref, check);
        const [y, mo, dd] = isoOf(monthOf(m.schedule.rows[0].date) + at.months, at.day)
          .split("-")
          .map(Number);
        checkRemainingAt(m, { year: y, month: mo, day: dd }, check);
        checkRemainingAt(m, m.schedule.rows[0].date, check);
        checkRemainingAt(m, m.summary.lastMonth, check);
        checkNpv(m, discountRate, check);
        expect(broken).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("are computed deterministically, without touching their input", () => {
    fc.assert(
      fc.property(genDeal, ({ raw }) => {
        const before = JSON.stringify(raw);
        const a = compute(raw);
        const b = compute(JSON.parse(before));
        expect(JSON.stringify(raw)).toBe(before);
        const flat = (m: DealModel) =>
          m.schedule.rows.map((r) => MONEY.map((k) => money(r[k])).join("|")).join("\n") +
          [m.summary.contractValue, m.summary.totalNetCash, m.summary.npv ?? "-"].map(String).join("|");
        expect(flat(b)).toBe(flat(a));
      }),
      { numRuns: Math.max(1, Math.floor(NUM_RUNS / 4)) },
    );
  });
});

describe("straight-line deals whose fees absorb every credit", () => {
  // Every tranche >= 1 MW at >= 1 $/kW-month with a non-negative escalator: every
  // billing month grosses >= 1,000.00, and P <= N × 999.99 keeps every scheduled
  // credit <= 1,000.00. The prepayment comes no later than the first billing month,
  // so every billing month is a credit month, and N <= termMonths of them exist.
  const absorbable = fc
    .record({
      offsets: fc.array(fc.integer({ min: 0, max: 36 }), { minLength: 1, maxLength: 4 }),
      mw: fc.integer({ min: 1, max: 50 }),
      rate: fc.integer({ min: 100, max: 20_000 }).map((n) => n / 100),
      termMonths: fc.integer({ min: 1, max: 240 }),
      escalator: fc.integer({ min: 0, max: 800 }).map((n) => n / 10_000),
      nFraction: fc.double({ min: 0, max: 1, noNaN: true }),
      pFraction: fc.double({ min: 0, max: 1, noNaN: true }),
      early: fc.integer({ min: 0, max: 24 }),
    })
    .map((g) => {
      const N = 1 + Math.floor(g.nFraction * (g.termMonths - 1));
      const P = Math.round(g.pFraction * N * 99_999) / 100;
      return { ...g, N, P };
    });

  it("credits exactly round2(P×j/N) − round2(P×(j−1)/N) in the j-th billing month, totalling P", () => {
    fc.assert(
      fc.property(absorbable, (g) => {
        const m = compute({
          ratePerKWMonth: g.rate,
          termMonths: g.termMonths,
          escalator: g.escalator,
          prepayment: g.P,
          prepaymentDate: isoOf(JAN_2025 - g.early, 15),
          creditMonths: g.N,
          tranches: g.offsets.map((o) => ({ date: isoOf(JAN_2025 + o, 1), mw: g.mw })),
        });
        const P = wide(g.P);
        const credits = m.schedule.rows.filter((r) => !wide(r.billedMW).isZero()).map((r) => money(r.credit));
        const scheduled = Array.from({ length: g.N }, (_, i) =>
          cents(r2(P.times(i + 1).dividedBy(g.N)).minus(r2(P.times(i).dividedBy(g.N)))),
        );
        expect(credits.slice(0, g.N)).toEqual(scheduled);
        expect(credits.slice(g.N)).toEqual(rep("0.00", credits.length - g.N));
        expect(money(m.summary.totalCredits)).toBe(cents(P));
        expect(money(m.summary.uncreditedPrepayment)).toBe("0.00");
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe("exactness at the validator's own limits", () => {
  it("refuses the largest deal of the terms table's ranges, or computes it exactly", () => {
    // 100,000 MW × 1000 × 1,000,000 $/kW-month = 1e14 a month, escalated 1,000 % a year
    // for 100 years: year y grosses exactly 1e14 × 11^y (an integer), far more digits
    // than 40-digit decimals hold. Either the validator refuses this deal or the
    // lines are exact (§3: "computed exactly, then rounded to cents").
    const r = computeDeal({
      capacityMW: 100_000,
      ratePerKWMonth: 1_000_000,
      termMonths: 1200,
      startDate: "2025-01-01",
      escalator: 10,
    });
    if (!r.ok) return;
    const rows = r.value.schedule.rows;
    const year = (y: number) => `${(10n ** 14n * 11n ** BigInt(y)).toString()}.00`;
    expect([0, 12, 600, 1188].map((k) => money(rows[k].grossFee))).toEqual([0, 1, 50, 99].map(year));
    let cv = 0n;
    for (let y = 0; y < 100; y++) cv += 12n * 10n ** 14n * 11n ** BigInt(y);
    expect(money(r.value.summary.contractValue)).toBe(`${cv.toString()}.00`);
  });

  it("keeps a 100-year escalated ramp with a prepayment exact to the cent", () => {
    // 1.0275^99 has 396 decimals: every line must still be the exact value rounded once.
    const raw = {
      ratePerKWMonth: 121.53,
      termMonths: 1200,
      escalator: 0.0275,
      prepayment: 987654321.09,
      prepaymentDate: "2024-07-15",
      creditMonths: 1500,
      opexPerMWMonth: 1234.567,
      discountRate: 0.08,
      tranches: [
        { date: "2025-01-31", mw: 12.345 },
        { date: "2026-06-01", mw: 7.5 },
      ],
    };
    const m = compute(raw);
    const ref: RefDeal = {
      tranches: [
        { month: JAN_2025, mw: "12.345" },
        { month: JAN_2025 + 17, mw: "7.5" },
      ],
      rate: "121.53",
      termMonths: 1200,
      escalator: "0.0275",
      prepayment: "987654321.09",
      prepaymentMonth: JAN_2025 - 6,
      creditMethod: "straight-line",
      creditMonths: 1500,
      creditPercent: "0",
      opex: "1234.567",
    };
    checkAgainstReference(m, ref);
  });
});
