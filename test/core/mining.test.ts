import fc from "fast-check";
import {
  buildSchedule,
  compareMining,
  computeDeal,
  LIMITS,
  money,
  termsKey,
  toDealFile,
  validateDeal,
  type CalendarDate,
  type Terms,
} from "../../src/core";
import DecimalBase from "decimal.js";
import { buildMiningScheduleReference, summarizeMiningReference } from "../../src/core/mining";

/** 80 significant digits for the reference: twice the product's, and fast enough for fractional powers. */
const Wide = DecimalBase.clone({ precision: 80, rounding: DecimalBase.ROUND_HALF_UP, toExpPos: 100, toExpNeg: -100 });
type Wide = InstanceType<typeof Wide>;
const wide = (x: { toString(): string } | number | string): Wide => new Wide(typeof x === "object" ? x.toString() : x);
const r2 = (x: Wide): Wide => x.toDecimalPlaces(2, Wide.ROUND_HALF_UP);
const cents = (x: Wide): string => x.toFixed(2, Wide.ROUND_HALF_UP);

/**
 * Hosting versus mining (analysis.md §8): hand-checked months, the spec's
 * edge rules (halvings on the 1st, fee share 0 and 1, growth), validation
 * messages, and agreement with an independent reading of the spec in wide
 * decimals over random deals (capex and rates included).
 */

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 40);

function termsOf(raw: Record<string, unknown>): Terms {
  const r = validateDeal(raw);
  if (!r.ok) throw new Error(`rejected: ${r.error.message}`);
  return r.value;
}

function compare(raw: Record<string, unknown>) {
  return compareMining(buildSchedule(termsOf(raw)));
}

/** The decimal reference's comparison: its NPVs and breakeven unrounded (the fast path's are to the cent). */
function compareReference(terms: Terms) {
  const hosting = buildSchedule(terms);
  const schedule = buildMiningScheduleReference(hosting, terms.mining ?? (undefined as never));
  return { schedule, summary: summarizeMiningReference(schedule, terms.discountRate) };
}

/** A 1 MW deal at $100/kW-month for three months from March 2028, around the 2028-04-17 halving. */
const SMALL = {
  capacityMW: 1,
  ratePerKWMonth: 100,
  termMonths: 3,
  startDate: "2028-03-01",
  mining: { hashprice: 50, efficiencyJPerTH: 25, powerCostPerKWh: 0.05, sitePowerMW: 1 },
};

describe("the monthly mining schedule, checked by hand", () => {
  it("counts a mid-month halving from the next month and takes plain sums without a rate", () => {
    const { schedule, summary } = compare(SMALL);
    const rows = schedule.rows;
    // 1 MW × 1000 / 25 J/TH = 40 PH/s; the default halving 2028-04-17 halves May's hashprice.
    expect(rows.map((r) => r.hashprice.toString())).toEqual(["50", "50", "25"]);
    expect(rows.map((r) => r.hashrate.toString())).toEqual(["40", "40", "40"]);
    expect(rows.map((r) => money(r.miningRevenue))).toEqual(["62000.00", "60000.00", "31000.00"]);
    expect(rows.map((r) => money(r.powerCost))).toEqual(["37200.00", "36000.00", "37200.00"]);
    expect(rows.map((r) => money(r.miningOpex))).toEqual(["0.00", "0.00", "0.00"]);
    expect(rows.map((r) => money(r.miningMargin))).toEqual(["24800.00", "24000.00", "-6200.00"]);
    expect(rows.map((r) => money(r.hostingCashFlow))).toEqual(["100000.00", "100000.00", "100000.00"]);
    expect(money(summary.miningRevenue)).toBe("153000.00");
    expect(money(summary.miningPowerCost)).toBe("110400.00");
    expect(money(summary.miningMargin)).toBe("42600.00");
    expect(money(summary.hostingCashFlow)).toBe("300000.00");
    expect(money(summary.miningNpv)).toBe("42600.00");
    expect(money(summary.hostingNpv)).toBe("300000.00");
    // H* = (300,000 + 110,400) / (40 × 31 + 40 × 30 + 40 × 31 / 2) = 410,400 / 3,060 = 134.1176…
    expect(money(summary.breakevenHashprice)).toBe("134.12");
  });

  it("counts a halving on the 1st from its own month, and never one on or before the first row's 1st", () => {
    const onFirst = compare({ ...SMALL, mining: { ...SMALL.mining, halvingDates: ["2028-04-01"] } });
    expect(onFirst.schedule.rows.map((r) => r.hashprice.toString())).toEqual(["50", "25", "25"]);
    const atStart = compare({ ...SMALL, mining: { ...SMALL.mining, halvingDates: ["2028-03-01", "2027-01-01"] } });
    expect(atStart.schedule.rows.map((r) => r.halvings)).toEqual([0, 0, 0]);
    const two = compare({ ...SMALL, mining: { ...SMALL.mining, halvingDates: ["2028-04-30", "2028-03-02"] } });
    expect(two.schedule.rows.map((r) => r.hashprice.toString())).toEqual(["50", "25", "12.5"]);
    const none = compare({ ...SMALL, mining: { ...SMALL.mining, halvingDates: [] } });
    expect(none.schedule.rows.map((r) => r.hashprice.toString())).toEqual(["50", "50", "50"]);
  });

  it("leaves the transaction-fee share unhalved: fee share 1 ignores halvings, 0.2 keeps 20 %", () => {
    const all = compare({ ...SMALL, mining: { ...SMALL.mining, feeShare: 1 } });
    expect(all.schedule.rows.map((r) => r.hashprice.toString())).toEqual(["50", "50", "50"]);
    const part = compare({ ...SMALL, mining: { ...SMALL.mining, feeShare: 0.2 } });
    // 50 × (0.2 + 0.8 / 2) = 30.
    expect(part.schedule.rows.map((r) => r.hashprice.toString())).toEqual(["50", "50", "30"]);
    expect(money(part.schedule.rows[2].miningRevenue)).toBe("37200.00");
  });

  it("grows hashprice by (1 + g)^(m/12), the exponent fractional", () => {
    const { schedule } = compare({
      ...SMALL,
      termMonths: 25,
      startDate: "2020-01-01",
      mining: { ...SMALL.mining, hashpriceGrowth: 0.21, halvingDates: [] },
    });
    // 1.21^(6/12) = 1.1, 1.21^(12/12) = 1.21, 1.21^(24/12) = 1.4641.
    expect(schedule.rows[6].hashprice.toString()).toBe("55");
    expect(schedule.rows[12].hashprice.toString()).toBe("60.5");
    expect(schedule.rows[24].hashprice.toString()).toBe("73.205");
    // 1.21^(1/12) to 34 digits.
    expect(schedule.rows[1].hashprice.toSignificantDigits(34).toString()).toBe(
      wide(50)
        .times(wide(1.21).pow(wide(1).div(12)))
        .toSignificantDigits(34)
        .toString(),
    );
  });

  it("scales hashrate and power by uptime, not opex; takes the pool fee from revenue", () => {
    const { schedule } = compare({
      ...SMALL,
      mining: { ...SMALL.mining, uptime: 0.9, poolFee: 0.02, miningOpexPerMWMonth: 1234.567, sitePowerMW: 2 },
    });
    const r = schedule.rows[0];
    expect(r.hashrate.toString()).toBe("72"); // 2 × 1000 / 25 × 0.9
    expect(money(r.miningRevenue)).toBe("109368.00"); // 72 × 50 × 31 × 0.98
    expect(money(r.powerCost)).toBe("66960.00"); // 2 × 1000 × 24 × 31 × 0.9 × 0.05
    expect(money(r.miningOpex)).toBe("2469.13"); // round2(1234.567 × 2)
    expect(money(r.miningMargin)).toBe("39938.87");
  });

  it("defaults site power to 1.3 × capacity, and says so in the terms", () => {
    const terms = termsOf({
      ...SMALL,
      capacityMW: 10,
      mining: { hashprice: 50, efficiencyJPerTH: 25, powerCostPerKWh: 0 },
    });
    expect(terms.mining?.sitePowerMW.toString()).toBe("13");
    expect(terms.mining?.sitePowerDefault).toBe(true);
    expect(terms.mining?.uptime.toString()).toBe("1");
    expect(terms.mining?.halvingDates.map((d) => `${d.year}-${d.month}-${d.day}`)).toEqual([
      "2028-4-17",
      "2032-4-14",
      "2036-4-11",
    ]);
  });

  it("takes the hosting cash flow net of capex, from the first row (the prepayment and capex months included)", () => {
    const raw = {
      ...SMALL,
      prepayment: 1000,
      prepaymentDate: "2027-12-15",
      capex: [{ date: "2027-11-20", amount: 5000 }],
      discountRate: 0.1,
    };
    const { schedule, summary } = compare(raw);
    const hosting = buildSchedule(termsOf(raw));
    expect(schedule.rows.map((r) => r.date)).toEqual(hosting.rows.map((r) => r.date));
    expect(schedule.rows.map((r) => money(r.hostingCashFlow))).toEqual(hosting.rows.map((r) => money(r.hostCashFlow)));
    expect(money(schedule.rows[0].hostingCashFlow)).toBe("-5000.00");
    const model = computeDeal(raw);
    if (!model.ok) throw model.error;
    expect(money(summary.hostingNpv)).toBe(money(model.value.summary.hostNpv as never));
  });

  it("refuses the comparison of a deal without a mining block, naming mining", () => {
    const terms = termsOf({ ...SMALL, mining: undefined });
    expect(terms.mining).toBeNull();
    expect(() => compareMining(buildSchedule(terms))).toThrow(/mining/);
    try {
      compareMining(buildSchedule(terms));
    } catch (e) {
      expect((e as { problems: { term: string }[] }).problems[0].term).toBe("mining");
    }
  });

  it("a tie at half a cent rounds away from zero (the quotient is taken last, of an exact numerator)", () => {
    // 153.6249 MW × 1000 / 0.0014 J/TH × 43.39265 × 29 days = 138,085,395,708.975 exactly.
    const { schedule } = compare({
      capacityMW: 118.173,
      ratePerKWMonth: 0,
      termMonths: 2,
      startDate: "2024-01-01",
      mining: { hashprice: "43.39265", efficiencyJPerTH: "0.0014", powerCostPerKWh: 0 },
    });
    expect(money(schedule.rows[1].miningRevenue)).toBe("138085395708.98");
  });

  it("tells apart deals that differ only in capex, renewals or mining (termsKey, the functions' cache key)", () => {
    const keys = [
      SMALL,
      { ...SMALL, mining: undefined },
      { ...SMALL, mining: { ...SMALL.mining, uptime: 0.5 } },
      { ...SMALL, capex: [{ date: "2028-03-01", amount: 1 }] },
      { ...SMALL, renewalOptions: 1 },
      { ...SMALL, renewalOptions: 1, renewalsExercised: 1 },
      { ...SMALL, renewalOptions: 1, renewalMonths: 12 },
      { ...SMALL, renewalOptions: 1, renewalRateStep: 0.1 },
    ].map((raw) => termsKey(termsOf(raw)));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("writes the block back to a deal file that reads as the same terms (a default site power stays a default)", () => {
    for (const mining of [
      SMALL.mining,
      { hashprice: "48.123456789", efficiencyJPerTH: 23.6, powerCostPerKWh: 0.04, halvingDates: [], uptime: "95%" },
    ]) {
      const terms = termsOf({ ...SMALL, mining });
      const file = toDealFile(terms);
      expect(termsOf(file)).toEqual(terms);
    }
    expect(
      toDealFile(termsOf({ ...SMALL, mining: { hashprice: 1, efficiencyJPerTH: 1, powerCostPerKWh: 0 } })).mining,
    ).not.toHaveProperty("sitePowerMW");
  });
});

describe("mining terms: every bad input names mining.KEY", () => {
  const bad = (mining: unknown): { term: string; message: string }[] => {
    const r = validateDeal({ ...SMALL, mining });
    if (r.ok) throw new Error("accepted");
    return r.error.problems.map((p) => ({ term: p.term, message: p.message }));
  };
  const base = SMALL.mining;

  it("takes LIMITS.maxHalvingDates halving dates and refuses one more, naming mining.halvingDates", () => {
    const dates = (n: number) => Array.from({ length: n }, (_, i) => `${2028 + 4 * i}-04-20`);
    expect(validateDeal({ ...SMALL, mining: { ...base, halvingDates: dates(LIMITS.maxHalvingDates) } }).ok).toBe(true);
    const problems = bad({ ...base, halvingDates: dates(LIMITS.maxHalvingDates + 1) });
    expect(problems).toHaveLength(1);
    expect(problems[0].term).toBe("mining.halvingDates");
    expect(problems[0].message).toContain(String(LIMITS.maxHalvingDates));
  });

  it.each([
    [{ efficiencyJPerTH: 25, powerCostPerKWh: 0.05 }, "mining.hashprice", /required/],
    [{ ...base, hashprice: 0 }, "mining.hashprice", /> 0/],
    [{ ...base, efficiencyJPerTH: 0 }, "mining.efficiencyJPerTH", /> 0/],
    [{ ...base, efficiencyJPerTH: -1 }, "mining.efficiencyJPerTH", /> 0/],
    [{ ...base, powerCostPerKWh: -0.01 }, "mining.powerCostPerKWh", />= 0/],
    [{ ...base, sitePowerMW: 0 }, "mining.sitePowerMW", /> 0/],
    [{ ...base, uptime: 1.01 }, "mining.uptime", /<= 1/],
    [{ ...base, uptime: 0 }, "mining.uptime", /> 0/],
    [{ ...base, poolFee: 1 }, "mining.poolFee", /< 1/],
    [{ ...base, poolFee: -0.1 }, "mining.poolFee", />= 0/],
    [{ ...base, feeShare: 1.5 }, "mining.feeShare", /<= 1/],
    [{ ...base, hashpriceGrowth: -1 }, "mining.hashpriceGrowth", /> -1/],
    [{ ...base, miningOpexPerMWMonth: -5 }, "mining.miningOpexPerMWMonth", />= 0/],
    [{ ...base, hashprice: "lots" }, "mining.hashprice", /got "lots"/],
    [{ ...base, halvingDates: ["2028-04-17", "2028-04-17"] }, "mining.halvingDates[1]", /distinct/],
    [{ ...base, halvingDates: ["2028-13-01"] }, "mining.halvingDates[0]", /YYYY-MM-DD/],
    [{ ...base, halvingDates: "2028-04-17" }, "mining.halvingDates", /list/],
    [{ ...base, hashPrice: 3 }, "mining.hashPrice", /not a mining term/],
    [{ ...base, __proto__x: 3 }, "mining.__proto__x", /not a mining term/],
    [[1, 2], "mining", /object/],
    ["yes", "mining", /object/],
  ])("%j → %s", (mining, term, pattern) => {
    const problems = bad(mining);
    const p = problems.find((x) => x.term === term);
    expect(p).toBeDefined();
    expect(p?.message).toContain(term.replace(/\[\d+\]$/, ""));
    expect(p?.message).toMatch(pattern);
  });

  it("refuses an own __proto__ key as unknown, touching no prototype", () => {
    const problems = bad(JSON.parse('{"hashprice":1,"efficiencyJPerTH":1,"powerCostPerKWh":0,"__proto__":{"x":1}}'));
    expect(problems.map((p) => p.term)).toEqual(["mining.__proto__"]);
  });

  it("reports every problem of the block at once", () => {
    const problems = bad({ uptime: 2, poolFee: 1, foo: 1 });
    expect(problems.map((p) => p.term).sort()).toEqual(
      [
        "mining.efficiencyJPerTH",
        "mining.foo",
        "mining.hashprice",
        "mining.poolFee",
        "mining.powerCostPerKWh",
        "mining.uptime",
      ].sort(),
    );
  });
});

// ---------------------------------------------------------------------------
// An independent reading of §8 in 200-digit decimals: direct powers, no reuse.

const isoOf = (month: number, day: number): string => {
  const year = Math.floor(month / 12);
  const m = month - year * 12 + 1;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, "0")}-${String(Math.min(day, last)).padStart(2, "0")}`;
};
const dayNumber = (d: CalendarDate) => Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;
const dayNumberIso = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

interface RefMining {
  hashprice: string;
  eff: string;
  power: string;
  site: string;
  uptime: string;
  poolFee: string;
  feeShare: string;
  growth: string;
  halvings: string[];
  opex: string;
}

function reference(terms: Terms, m: RefMining, rate: string | null) {
  const rows = buildSchedule(terms).rows; // the hosting schedule is checked elsewhere (properties.test.ts)
  const day0 = dayNumber(rows[0].date);
  const hashrate = wide(m.site).times(1000).div(wide(m.eff)).times(wide(m.uptime));
  let revenueSum = wide(0);
  let powerSum = wide(0);
  let marginSum = wide(0);
  let hostSum = wide(0);
  let miningNpv = wide(0);
  let hostingNpv = wide(0);
  let costPv = wide(0);
  let unitPv = wide(0);
  const out = rows.map((row, i) => {
    const first = dayNumber(row.date);
    const h = m.halvings.filter((iso) => dayNumberIso(iso) > day0 && dayNumberIso(iso) <= first).length;
    const days = new Date(Date.UTC(row.date.year, row.date.month, 0)).getUTCDate();
    const shape = wide(1)
      .plus(wide(m.growth))
      .pow(wide(i).div(12))
      .times(wide(m.feeShare).plus(wide(1).minus(wide(m.feeShare)).div(wide(2).pow(h))));
    const hp = wide(m.hashprice).times(shape);
    const unit = hashrate
      .times(shape)
      .times(days)
      .times(wide(1).minus(wide(m.poolFee)));
    // Divided last, so that a line of exactly half a cent is seen as one (the spec's value is exact).
    const revenue = r2(
      wide(m.site)
        .times(1000)
        .times(wide(m.uptime))
        .times(hp)
        .times(days)
        .times(wide(1).minus(wide(m.poolFee)))
        .div(wide(m.eff)),
    );
    const power = r2(wide(m.site).times(1000).times(24).times(days).times(wide(m.uptime)).times(wide(m.power)));
    const opex = r2(wide(m.opex).times(wide(m.site)));
    const margin = revenue.minus(power).minus(opex);
    const host = wide(row.hostCashFlow);
    const f =
      rate === null
        ? wide(1)
        : wide(1)
            .plus(wide(rate))
            .pow(
              wide(first - day0)
                .div(365)
                .neg(),
            );
    revenueSum = revenueSum.plus(revenue);
    powerSum = powerSum.plus(power);
    marginSum = marginSum.plus(margin);
    hostSum = hostSum.plus(host);
    miningNpv = miningNpv.plus(margin.times(f));
    hostingNpv = hostingNpv.plus(host.times(f));
    costPv = costPv.plus(power.plus(opex).times(f));
    unitPv = unitPv.plus(unit.times(f));
    return {
      hp,
      revenue: cents(revenue),
      power: cents(power),
      opex: cents(opex),
      margin: cents(margin),
      host: cents(host),
    };
  });
  return {
    rows: out,
    revenueSum: cents(revenueSum),
    powerSum: cents(powerSum),
    marginSum: cents(marginSum),
    hostSum: cents(hostSum),
    miningNpv,
    hostingNpv,
    breakeven: hostingNpv.plus(costPv).div(unitPv),
  };
}

const frac = (max: number, scale: number) => fc.integer({ min: 0, max }).map((n) => String(n / scale));

const miningArb = fc.record({
  hashprice: fc.integer({ min: 1, max: 20_000_000 }).map((n) => String(n / 100_000)),
  eff: fc.integer({ min: 1, max: 1_000_000 }).map((n) => String(n / 10_000)),
  power: frac(200_000, 1_000_000),
  site: fc.option(
    fc.integer({ min: 1, max: 1_000_000 }).map((n) => String(n / 1000)),
    { nil: undefined },
  ),
  uptime: fc.integer({ min: 1, max: 10_000 }).map((n) => String(n / 10_000)),
  poolFee: frac(9_999, 10_000),
  feeShare: frac(10_000, 10_000),
  growth: fc.integer({ min: -9_999, max: 20_000 }).map((n) => String(n / 10_000)),
  halvings: fc.option(fc.uniqueArray(fc.integer({ min: -30, max: 200 }), { maxLength: 5 }), { nil: undefined }),
  halvingDay: fc.integer({ min: 1, max: 31 }),
  opex: fc.oneof(
    fc.constant("0"),
    fc.integer({ min: 1, max: 100_000_000 }).map((n) => String(n / 1000)),
  ),
});

const dealArb = fc.record({
  mw: fc.integer({ min: 1, max: 300_000 }).map((n) => n / 1000),
  rate: fc.integer({ min: 0, max: 30_000 }).map((n) => n / 100),
  termMonths: fc.integer({ min: 1, max: 180 }),
  startOffset: fc.integer({ min: 0, max: 60 }),
  prepayment: fc.integer({ min: 0, max: 100_000_000 }).map((n) => n / 100),
  prepaymentLead: fc.integer({ min: 0, max: 18 }),
  capex: fc.array(
    fc.record({
      lead: fc.integer({ min: -24, max: 10 }),
      amount: fc.integer({ min: 0, max: 1e10 }).map((n) => n / 100),
    }),
    { maxLength: 3 },
  ),
  discountRate: fc.option(
    fc.integer({ min: -500, max: 800 }).map((n) => String(n / 1000)),
    { nil: undefined },
  ),
});

const JAN_2024 = 2024 * 12;

describe("agreement with an independent reading of §8 over random deals", () => {
  it("rows to the cent, hashprice to 30 digits, NPVs and the breakeven hashprice to far below a cent", () => {
    fc.assert(
      fc.property(dealArb, miningArb, (g, mg) => {
        const start = JAN_2024 + g.startOffset;
        const raw: Record<string, unknown> = {
          capacityMW: g.mw,
          ratePerKWMonth: g.rate,
          termMonths: g.termMonths,
          startDate: isoOf(start, 1),
          prepayment: g.prepayment,
          prepaymentDate: isoOf(start - g.prepaymentLead, 10),
          capex: g.capex.map((c) => ({ date: isoOf(start + Math.min(c.lead, g.termMonths - 1), 5), amount: c.amount })),
        };
        if (g.discountRate !== undefined) raw.discountRate = g.discountRate;
        const halvings = mg.halvings?.map((k) => isoOf(start + k, mg.halvingDay));
        raw.mining = {
          hashprice: mg.hashprice,
          efficiencyJPerTH: mg.eff,
          powerCostPerKWh: mg.power,
          ...(mg.site === undefined ? {} : { sitePowerMW: mg.site }),
          uptime: mg.uptime,
          poolFee: mg.poolFee,
          feeShare: mg.feeShare,
          hashpriceGrowth: mg.growth,
          ...(halvings === undefined ? {} : { halvingDates: halvings }),
          miningOpexPerMWMonth: mg.opex,
        };
        const terms = termsOf(raw);
        const ref = reference(
          terms,
          {
            ...mg,
            site: mg.site ?? wide(g.mw).times("1.3").toString(),
            halvings: halvings ?? ["2028-04-17", "2032-04-14", "2036-04-11"],
          },
          g.discountRate ?? null,
        );
        const { schedule } = compareMining(buildSchedule(terms));
        const { summary } = compareReference(terms);
        const fastSummary = compareMining(buildSchedule(terms)).summary;
        for (const k of ["miningNpv", "hostingNpv", "breakevenHashprice"] as const) {
          expect(money(fastSummary[k])).toBe(money(summary[k]));
        }
        const rows = schedule.rows;
        expect(rows.map((r) => money(r.miningRevenue))).toEqual(ref.rows.map((r) => r.revenue));
        expect(rows.map((r) => money(r.powerCost))).toEqual(ref.rows.map((r) => r.power));
        expect(rows.map((r) => money(r.miningOpex))).toEqual(ref.rows.map((r) => r.opex));
        expect(rows.map((r) => money(r.miningMargin))).toEqual(ref.rows.map((r) => r.margin));
        expect(rows.map((r) => money(r.hostingCashFlow))).toEqual(ref.rows.map((r) => r.host));
        rows.forEach((r, i) => {
          const err = wide(r.hashprice).minus(ref.rows[i].hp).abs();
          expect(err.lte(ref.rows[i].hp.abs().times("1e-34"))).toBe(true);
        });
        expect(money(summary.miningRevenue)).toBe(ref.revenueSum);
        expect(money(summary.miningPowerCost)).toBe(ref.powerSum);
        expect(money(summary.miningMargin)).toBe(ref.marginSum);
        expect(money(summary.hostingCashFlow)).toBe(ref.hostSum);
        const close = (a: { toString(): string }, b: Wide) =>
          wide(a).minus(b).abs().lte(b.abs().times("1e-30").plus("1e-20"));
        expect(close(summary.miningNpv, ref.miningNpv)).toBe(true);
        expect(close(summary.hostingNpv, ref.hostingNpv)).toBe(true);
        expect(close(summary.breakevenHashprice, ref.breakeven)).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("at the breakeven hashprice, mining's NPV (revenue unrounded) equals hosting's", () => {
    fc.assert(
      fc.property(dealArb, miningArb, (g, mg) => {
        const start = JAN_2024 + g.startOffset;
        const raw = {
          capacityMW: g.mw,
          ratePerKWMonth: g.rate,
          termMonths: g.termMonths,
          startDate: isoOf(start, 1),
          discountRate: g.discountRate,
          mining: {
            hashprice: mg.hashprice,
            efficiencyJPerTH: mg.eff,
            powerCostPerKWh: mg.power,
            feeShare: mg.feeShare,
          },
        };
        const { schedule, summary } = compareReference(termsOf(raw));
        const hStar = wide(summary.breakevenHashprice);
        const h = wide(mg.hashprice);
        const start0 = dayNumber(schedule.rows[0].date);
        let pv = wide(0);
        schedule.rows.forEach((r, i) => {
          const f =
            g.discountRate === undefined
              ? wide(1)
              : wide(1)
                  .plus(g.discountRate)
                  .pow(
                    wide(dayNumber(r.date) - start0)
                      .div(365)
                      .neg(),
                  );
          const unrounded = wide(schedule.revenuePerHashprice[i]).times(hStar);
          pv = pv.plus(unrounded.minus(wide(r.powerCost)).minus(wide(r.miningOpex)).times(f));
          // The row's revenue is that unit times the starting hashprice, rounded (a tie may go either way here).
          expect(
            wide(schedule.revenuePerHashprice[i]).times(h).minus(wide(r.miningRevenue)).abs().lte("0.0050001"),
          ).toBe(true);
        });
        expect(
          pv.minus(wide(summary.hostingNpv)).abs().lte(wide(summary.hostingNpv).abs().times("1e-30").plus("1e-18")),
        ).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
