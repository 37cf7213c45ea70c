import fc from "fast-check";
import {
  Decimal,
  FIGURE_BY_KEY,
  NO_VALUE_TEXT,
  SENSITIVITY_FIGURES,
  addMonths,
  computeDeal,
  money,
  prepareSensitivity,
  sensitivityCell,
  sensitivityInput,
  sensitivityTable,
  tornado,
  type FigureOutcome,
  type SensitivityDeal,
  type SensitivityInput,
  type Summary,
} from "../../src/core";
import { buildSchedule, compareMining, validateDeal } from "../../src/core";
import { d, iso } from "./helpers";

/**
 * analysis.md §11: every cell is the figure of the deal with the inputs
 * replaced, as computeDeal would give it for a deal file written by hand.
 */

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 30);

/** The figures of every deal (breakevenHashprice needs a mining block: tested below). */
const DEAL_FIGURES = SENSITIVITY_FIGURES.map((f) => f.key).filter((k) => k !== "breakevenHashprice");

const SEED = Object.freeze({
  capacityMW: 200,
  ratePerKWMonth: 121.53,
  termMonths: 144,
  startDate: "2025-01-01",
  prepayment: 300000000,
  prepaymentDate: "2024-07-01",
});

const RAMP = Object.freeze({
  ratePerKWMonth: 100,
  termMonths: 24,
  escalator: 0.03,
  prepayment: 1000000,
  opexPerMWMonth: 5000,
  discountRate: 0.12,
  tranches: [
    { date: "2025-01-31", mw: 10 },
    { date: "2025-03-15", mw: 5 },
  ],
  capex: [{ date: "2024-12-01", amount: 20000000 }],
});

function prepared(raw: unknown, figure: string, rate?: string): SensitivityDeal {
  const r = prepareSensitivity(raw, figure, rate === undefined ? {} : { discountRate: new Decimal(rate) });
  if (!r.ok) throw r.error;
  return r.value;
}

function input(deal: SensitivityDeal, key: string): SensitivityInput {
  const r = sensitivityInput(deal, key);
  if (!r.ok) throw r.error;
  return r.value;
}

/** The figure of a hand-written deal, through computeDeal and summarize: the reference for every cell. */
function expected(raw: Record<string, unknown>, figure: string): FigureOutcome {
  const m = computeDeal(raw);
  if (!m.ok) return { ok: false, text: m.error.problems[0].message };
  const s: Summary = m.value.summary;
  switch (figure) {
    case "npv":
    case "hostNpv":
      return s[figure] === null ? { ok: false, text: NO_VALUE_TEXT.noRate } : { ok: true, value: s[figure] };
    case "irr":
      return s.irr === null ? { ok: false, text: NO_VALUE_TEXT[s.irrNone ?? "no-root"] } : { ok: true, value: s.irr };
    default:
      return { ok: true, value: s[figure as "contractValue" | "averageAnnualRevenue" | "totalNetCash"] };
  }
}

function show(o: FigureOutcome): string {
  return o.ok ? o.value.toString() : `text: ${o.text}`;
}

/** EDATE by the calendar, independently of core: JavaScript's Date, the day clamped to the month's end. */
function edate(isoDate: string, months: number): string {
  const [y, m, day] = isoDate.split("-").map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return `${first.toISOString().slice(0, 8)}${String(Math.min(day, last)).padStart(2, "0")}`;
}

describe("sensitivity table (analysis.md §11)", () => {
  it("gives the spec's worked check at the seed's rate, and the table's shape", () => {
    const deal = prepared(SEED, "contractValue");
    const table = sensitivityTable(
      deal,
      { input: input(deal, "ratePerKWMonth"), values: [new Decimal("121.53"), new Decimal(100)] },
      { input: input(deal, "termMonths"), values: [new Decimal(144), new Decimal(12), new Decimal(0)] },
    );
    expect(table.cells).toHaveLength(2);
    expect(table.cells[0]).toHaveLength(3);
    expect(show(table.cells[0][0])).toBe("3500064000");
    expect(show(table.cells[0][1])).toBe("291672000");
    expect(show(table.cells[1][1])).toBe("240000000");
    // An invalid combination is a short text naming the term, in that cell only.
    expect(table.cells[0][2]).toEqual({ ok: false, text: "termMonths must be a whole number of months >= 1, got 0" });
    expect(table.cells[1][2].ok).toBe(false);
    expect(table.cells[1][0].ok).toBe(true);
  });

  it.each(DEAL_FIGURES)("agrees with summarize for %s, cell by cell", (figure) => {
    const deal = prepared(RAMP, figure);
    const rates = ["90", "100", "110.55"];
    const escalators = ["0", "0.03", "-0.5", "-1"];
    const table = sensitivityTable(
      deal,
      { input: input(deal, "ratePerKWMonth"), values: rates.map((v) => new Decimal(v)) },
      { input: input(deal, "escalator"), values: escalators.map((v) => new Decimal(v)) },
    );
    rates.forEach((r, i) =>
      escalators.forEach((e, j) => {
        expect(show(table.cells[i][j])).toBe(
          show(expected({ ...RAMP, ratePerKWMonth: Number(r), escalator: Number(e) }, figure)),
        );
      }),
    );
    expect(table.cells[0][3]).toEqual({ ok: false, text: "escalator must be a fraction > -1 (0.03 = 3 %), got -1" });
  });

  it("builds one schedule per deal a table holds: cells differing only in the discount rate share it", () => {
    for (const figure of ["npv", "hostNpv"]) {
      const deal = prepared(RAMP, figure);
      const rates = ["95", "100"];
      const discount = ["0", "0.08", "0.12", "-0.5"];
      const table = sensitivityTable(
        deal,
        { input: input(deal, "ratePerKWMonth"), values: rates.map((v) => new Decimal(v)) },
        { input: input(deal, "discountRate"), values: discount.map((v) => new Decimal(v)) },
      );
      expect(deal.schedules.size).toBe(rates.length);
      rates.forEach((r, i) =>
        discount.forEach((dr, j) =>
          expect(show(table.cells[i][j])).toBe(
            show(expected({ ...RAMP, ratePerKWMonth: Number(r), discountRate: Number(dr) }, figure)),
          ),
        ),
      );
    }
  });

  it("uses the summary's labels for its figures", () => {
    for (const f of SENSITIVITY_FIGURES) {
      if (f.key === "breakevenHashprice") expect(f.label).toBe("Breakeven hashprice ($/PH/s/day)");
      else expect(f.label).toBe(FIGURE_BY_KEY[f.key].label);
    }
  });

  it("says why a figure has no value: npv without a rate, an IRR without a root", () => {
    const deal = prepared(SEED, "npv");
    const cell = sensitivityCell(deal, [[input(deal, "ratePerKWMonth"), new Decimal(120)]]);
    expect(cell).toEqual({ ok: false, text: "no discount rate" });
    // A rate given with the request replaces the deal's; an input discountRate replaces that in turn.
    const withRate = prepared(SEED, "npv", "0.1");
    const atRate = sensitivityCell(withRate, [[input(withRate, "ratePerKWMonth"), new Decimal(120)]]);
    expect(show(atRate)).toBe(show(expected({ ...SEED, ratePerKWMonth: 120, discountRate: 0.1 }, "npv")));
    const atInput = sensitivityCell(withRate, [[input(withRate, "discountRate"), new Decimal("0.05")]]);
    expect(show(atInput)).toBe(show(expected({ ...SEED, discountRate: 0.05 }, "npv")));
    // No capex, no prepayment: host cash flows never change sign.
    const irr = prepared({ capacityMW: 1, ratePerKWMonth: 10, termMonths: 12, startDate: "2025-01-01" }, "irr");
    expect(sensitivityCell(irr, [[input(irr, "termMonths"), new Decimal(24)]])).toEqual({
      ok: false,
      text: NO_VALUE_TEXT["no-sign-change"],
    });
  });

  it("ignores a term the credit method does not use: its cells repeat", () => {
    const deal = prepared(SEED, "totalNetCash");
    const table = sensitivityTable(
      deal,
      { input: input(deal, "creditPercent"), values: ["0.1", "0.5", "2"].map((v) => new Decimal(v)) },
      { input: input(deal, "creditMonths"), values: ["12", "144"].map((v) => new Decimal(v)) },
    );
    for (const row of table.cells) expect(row.map(show)).toEqual(table.cells[0].map(show));
    const pct = prepared({ ...SEED, creditMethod: "percent-of-fee", creditPercent: 0.5 }, "contractValue");
    const cells = [12, 24].map((m) => sensitivityCell(pct, [[input(pct, "creditMonths"), new Decimal(m)]]));
    expect(show(cells[0])).toBe(show(cells[1]));
  });

  it("refuses an unknown input, a figure it does not know, and capacityMW of a deal with tranches", () => {
    const deal = prepared(RAMP, "npv");
    for (const bad of ["rate", "startDate", "tranches", "__proto__", "toString", "name", "mining"]) {
      const r = sensitivityInput(deal, bad, "--rows");
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.problems[0].message).toContain(`--rows must name a numeric term`);
    }
    const cap = sensitivityInput(deal, "capacityMW", "--cols");
    expect(cap.ok).toBe(false);
    if (!cap.ok)
      expect(cap.error.problems[0].message).toContain("capacityMW can be varied only for a deal without tranches");
    expect(sensitivityInput(prepared(SEED, "npv"), "capacityMW").ok).toBe(true);
    const fig = prepareSensitivity(SEED, "revenuePerMWYear");
    expect(fig.ok).toBe(false);
    if (!fig.ok) expect(fig.error.problems[0].message).toMatch(/^figure must be one of contractValue, npv/);
    const invalid = prepareSensitivity({ ...SEED, termMonths: 0 }, "npv");
    expect(invalid.ok).toBe(false);
    const hostile = new Proxy(
      { ...SEED },
      {
        ownKeys: () => {
          throw new Error("boom");
        },
      },
    );
    expect(() => prepareSensitivity(hostile, "npv")).not.toThrow();
    expect(prepareSensitivity(hostile, "npv").ok).toBe(false);
  });
});

describe("delayMonths", () => {
  it("moves every tranche date and startDate as EDATE does, leaving the prepayment and capex dates", () => {
    const deal = prepared(RAMP, "hostNpv");
    for (const n of [0, 1, 2, 11, 13, 25]) {
      const cell = sensitivityCell(deal, [[input(deal, "delayMonths"), new Decimal(n)]]);
      const moved = {
        ...RAMP,
        tranches: RAMP.tranches.map((t) => ({ ...t, date: edate(t.date, n) })),
        prepaymentDate: "2025-01-31", // the start date it defaulted to: it stays
      };
      expect(show(cell)).toBe(show(expected(moved, "hostNpv")));
    }
  });

  it("clamps the day to the month's end (2025-01-31 + 1 month = 2025-02-28; 2024-01-31 + 1 = 2024-02-29)", () => {
    expect(iso(addMonths(d("2025-01-31"), 1)!)).toBe("2025-02-28");
    expect(iso(addMonths(d("2024-01-31"), 1)!)).toBe("2024-02-29");
    expect(iso(addMonths(d("2024-12-15"), 13)!)).toBe("2026-01-15");
    expect(addMonths(d("9999-12-01"), 1)).toBeUndefined();
  });

  it("moves startDate of a deal without tranches; a delay that is not whole, negative or past 9999 is its cell's text", () => {
    const deal = prepared({ ...SEED, startDate: "2025-08-31" }, "contractValue");
    const delay = input(deal, "delayMonths");
    const rate = input(deal, "ratePerKWMonth");
    const cell = sensitivityCell(deal, [
      [delay, new Decimal(6)],
      [rate, new Decimal(130)],
    ]);
    expect(show(cell)).toBe(show(expected({ ...SEED, startDate: "2026-02-28", ratePerKWMonth: 130 }, "contractValue")));
    for (const bad of ["-1", "1.5"]) {
      const c = sensitivityCell(deal, [[delay, new Decimal(bad)]]);
      expect(c).toEqual({ ok: false, text: `delayMonths must be a whole number of months from 0 to 1200, got ${bad}` });
    }
    const late = prepared({ ...SEED, startDate: "9999-01-01", prepaymentDate: "9999-01-01", termMonths: 12 }, "npv");
    expect(sensitivityCell(late, [[input(late, "delayMonths"), new Decimal(12)]])).toEqual({
      ok: false,
      text: "delayMonths moves startDate past 9999-12-31",
    });
  });

  it("keeps a prepayment date that defaulted to the start date where it was (a delay does not move it)", () => {
    const noDate = { capacityMW: 10, ratePerKWMonth: 100, termMonths: 12, startDate: "2025-03-10", prepayment: 120000 };
    const deal = prepared(noDate, "totalNetCash");
    const cell = sensitivityCell(deal, [[input(deal, "delayMonths"), new Decimal(3)]]);
    const m = computeDeal({ ...noDate, startDate: "2025-06-10", prepaymentDate: "2025-03-10" });
    expect(m.ok).toBe(true);
    if (m.ok) {
      expect(show(cell)).toBe(m.value.summary.totalNetCash.toString());
      expect(m.value.summary.firstMonth).toEqual(d("2025-03-01"));
    }
  });
});

describe("tornado", () => {
  it("sweeps each input alone, low and high, sorted by swing; inputs without a swing last", () => {
    const deal = prepared(RAMP, "npv");
    const t = tornado(deal, [
      { input: input(deal, "opexPerMWMonth"), low: new Decimal(4000), high: new Decimal(6000) },
      { input: input(deal, "termMonths"), low: new Decimal(0), high: new Decimal(36) },
      { input: input(deal, "ratePerKWMonth"), low: new Decimal(90), high: new Decimal(110) },
      { input: input(deal, "delayMonths"), low: new Decimal(0), high: new Decimal(12) },
    ]);
    expect(t.bars.map((b) => b.input.key)).toEqual(["ratePerKWMonth", "delayMonths", "opexPerMWMonth", "termMonths"]);
    expect(show(t.base)).toBe(show(expected(RAMP, "npv")));
    const rate = t.bars[0];
    expect(show(rate.atLow)).toBe(show(expected({ ...RAMP, ratePerKWMonth: 90 }, "npv")));
    expect(show(rate.atHigh)).toBe(show(expected({ ...RAMP, ratePerKWMonth: 110 }, "npv")));
    expect(rate.swing?.toString()).toBe(
      (rate.atHigh.ok && rate.atLow.ok ? rate.atHigh.value.minus(rate.atLow.value).abs() : null)?.toString(),
    );
    expect(t.bars[3].swing).toBeNull();
  });
});

describe("sensitivity properties", () => {
  const dealArb = fc.record({
    capacityMW: fc.integer({ min: 1, max: 300 }),
    ratePerKWMonth: fc.integer({ min: 0, max: 20000 }).map((n) => n / 100),
    termMonths: fc.integer({ min: 1, max: 60 }),
    startDay: fc.integer({ min: 1, max: 31 }),
    escalator: fc.integer({ min: 0, max: 10 }).map((n) => n / 100),
    prepayment: fc.integer({ min: 0, max: 5_000_000 }),
    discountRate: fc.oneof(
      fc.constant(undefined),
      fc.integer({ min: 0, max: 30 }).map((n) => n / 100),
    ),
    capex: fc.integer({ min: 0, max: 50_000_000 }),
  });
  const inputArb = fc.constantFrom(
    ["ratePerKWMonth", fc.integer({ min: -10, max: 30000 }).map((n) => n / 100)] as const,
    ["termMonths", fc.integer({ min: -1, max: 80 })] as const,
    ["escalator", fc.integer({ min: -120, max: 50 }).map((n) => n / 100)] as const,
    ["delayMonths", fc.integer({ min: -1, max: 30 })] as const,
    ["opexPerMWMonth", fc.integer({ min: 0, max: 100000 })] as const,
    ["discountRate", fc.integer({ min: -5, max: 40 }).map((n) => n / 100)] as const,
    ["prepayment", fc.integer({ min: 0, max: 9_000_000 })] as const,
    ["creditMonths", fc.integer({ min: 0, max: 70 })] as const,
  );

  it("every cell is the figure of the hand-written deal with both inputs replaced", () => {
    fc.assert(
      fc.property(
        dealArb,
        inputArb.chain(([k, arb]) => fc.tuple(fc.constant(k), arb)),
        inputArb.chain(([k, arb]) => fc.tuple(fc.constant(k), arb)),
        fc.constantFrom(...DEAL_FIGURES),
        (g, [ka, va], [kb, vb], figure) => {
          fc.pre(ka !== kb);
          const start = `2025-05-${String(Math.min(g.startDay, 31)).padStart(2, "0")}`;
          const raw: Record<string, unknown> = {
            capacityMW: g.capacityMW,
            ratePerKWMonth: g.ratePerKWMonth,
            termMonths: g.termMonths,
            startDate: start,
            escalator: g.escalator,
            prepayment: g.prepayment,
            discountRate: g.discountRate,
            capex: [{ date: "2025-02-10", amount: g.capex }],
          };
          const deal = prepared(raw, figure);
          const cell = sensitivityCell(deal, [
            [input(deal, ka), new Decimal(va)],
            [input(deal, kb), new Decimal(vb)],
          ]);
          const hand: Record<string, unknown> = { ...raw };
          let delay: number | undefined;
          for (const [k, v] of [
            [ka, va],
            [kb, vb],
          ] as const) {
            if (k === "delayMonths") delay = v;
            else hand[k] = v;
          }
          if (delay !== undefined && delay < 0) {
            expect(cell.ok).toBe(false);
            return;
          }
          if (delay !== undefined) {
            hand.startDate = edate(start, delay);
            hand.prepaymentDate = start;
          }
          expect(show(cell)).toBe(show(expected(hand, figure)));
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it("money cells shown in cents are the summary's figures shown in cents", () => {
    const deal = prepared(RAMP, "averageAnnualRevenue");
    const cell = sensitivityCell(deal, [[input(deal, "termMonths"), new Decimal(7)]]);
    const m = computeDeal({ ...RAMP, termMonths: 7 });
    if (!cell.ok || !m.ok) throw new Error("expected values");
    expect(money(cell.value)).toBe(money(m.value.summary.averageAnnualRevenue));
  });
});

describe("the mining block (analysis.md §8)", () => {
  const MINED = Object.freeze({
    ...RAMP,
    mining: { hashprice: 50, efficiencyJPerTH: 20, powerCostPerKWh: 0.04, uptime: 0.95 },
  });

  function breakeven(raw: Record<string, unknown>, rate?: Decimal): string {
    const t = validateDeal(raw);
    if (!t.ok) throw t.error;
    return money(compareMining(buildSchedule(t.value), rate ?? t.value.discountRate).summary.breakevenHashprice);
  }

  it("gives breakevenHashprice as the comparison does, cell by cell, over mining.KEY and deal terms", () => {
    const deal = prepared(MINED, "breakevenHashprice");
    const power = ["0.03", "0.05"];
    const rates = ["90", "110"];
    const table = sensitivityTable(
      deal,
      { input: input(deal, "mining.powerCostPerKWh"), values: power.map((v) => new Decimal(v)) },
      { input: input(deal, "ratePerKWMonth"), values: rates.map((v) => new Decimal(v)) },
    );
    power.forEach((p, i) =>
      rates.forEach((r, j) => {
        const cell = table.cells[i][j];
        if (!cell.ok) throw new Error(cell.text);
        expect(money(cell.value)).toBe(
          breakeven({ ...MINED, ratePerKWMonth: Number(r), mining: { ...MINED.mining, powerCostPerKWh: Number(p) } }),
        );
      }),
    );
    // The breakeven does not depend on the hashprice it is compared with: its cells repeat.
    const h = [40, 60].map((v) => sensitivityCell(deal, [[input(deal, "mining.hashprice"), new Decimal(v)]]));
    expect(show(h[0])).toBe(show(h[1]));
    // An invalid mining value is its cell's text.
    const bad = sensitivityCell(deal, [[input(deal, "mining.uptime"), new Decimal(2)]]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.text).toMatch(/^mining\.uptime must be/);
  });

  it("refuses breakevenHashprice and mining.KEY inputs for a deal without a mining block, naming mining", () => {
    const fig = prepareSensitivity(RAMP, "breakevenHashprice");
    expect(fig.ok).toBe(false);
    if (!fig.ok) expect(fig.error.problems[0].term).toBe("mining");
    const r = sensitivityInput(prepared(RAMP, "npv"), "mining.hashprice", "--rows");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain("(mining)");
    expect(sensitivityInput(prepared(MINED, "npv"), "mining.halvingDates").ok).toBe(false);
  });
});
