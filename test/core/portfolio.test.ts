import fc from "fast-check";
import {
  buildPortfolio,
  buildSchedule,
  computePortfolio,
  isPortfolioFile,
  LIMITS,
  money,
  portfolioRemaining,
  rollUp,
  runRate,
  summarize,
  validateDeal,
  validatePortfolio,
  type Terms,
} from "../../src/core";
import { dealArb, dealOf } from "./dealArb";
import { d, iso, monthOf, wide } from "./helpers";

const a = {
  name: "Alpha",
  capacityMW: 100,
  ratePerKWMonth: 120,
  termMonths: 24,
  startDate: "2025-01-01",
  prepayment: 1200000,
  prepaymentDate: "2024-10-01",
};
const b = {
  name: "Barber Lake",
  tranches: [
    { date: "2025-06-15", mw: 50 },
    { date: "2025-09-01", mw: 30 },
  ],
  ratePerKWMonth: 100,
  termMonths: 12,
  discountRate: 0.5,
  capex: [{ date: "2025-03-01", amount: 50000000 }],
};

function ok<T>(r: { ok: true; value: T } | { ok: false; error: Error }): T {
  if (!r.ok) throw r.error;
  return r.value;
}

describe("portfolio files", () => {
  it("is told from a deal file by its deals list", () => {
    expect(isPortfolioFile({ deals: [] })).toBe(true);
    expect(isPortfolioFile(a)).toBe(false);
    expect(isPortfolioFile([a])).toBe(false);
  });

  it("names a bad deal by its 1-based index, its name and the term", () => {
    const r = validatePortfolio({ name: "Book", deals: [a, { ...b, termMonths: 0 }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.problems).toHaveLength(1);
    expect(r.error.problems[0].term).toBe("deals[2].termMonths");
    expect(r.error.problems[0].message).toMatch(/^deals\[2\] \("Barber Lake"\): termMonths must be /);
  });

  it("names an unnamed deal by index alone, and reports every bad deal", () => {
    const r = validatePortfolio({ deals: [{ ...a, name: undefined, ratePerKWMonth: -1 }, "x"] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.problems[0].message).toMatch(/^deals\[1\]: ratePerKWMonth must be /);
    expect(r.error.problems[1].message).toMatch(/^deals\[2\]: /);
  });

  it("takes LIMITS.maxPortfolioDeals deals and refuses one more", () => {
    expect(validatePortfolio({ deals: Array(LIMITS.maxPortfolioDeals).fill(a) }).ok).toBe(true);
    const over = validatePortfolio({ deals: Array(LIMITS.maxPortfolioDeals + 1).fill(a) });
    if (over.ok) throw new Error("accepted");
    expect(over.error.problems).toHaveLength(1);
    expect(over.error.problems[0].term).toBe("deals");
    expect(over.error.message).toContain(String(LIMITS.maxPortfolioDeals));
  });

  it("refuses an empty portfolio, a missing deals list, unknown keys and a bad rate", () => {
    const empty = validatePortfolio({ name: "x", deals: [] });
    expect(!empty.ok && empty.error.problems[0]).toMatchObject({ term: "deals" });
    expect(!empty.ok && empty.error.message).toMatch(/empty/);
    const notList = validatePortfolio({ deals: {} });
    expect(!notList.ok && notList.error.problems[0].term).toBe("deals");
    const unknown = validatePortfolio({ deals: [a], rate: 0.1 });
    expect(!unknown.ok && unknown.error.problems[0].term).toBe("rate");
    const rate = validatePortfolio({ deals: [a], discountRate: -2 });
    expect(!rate.ok && rate.error.problems[0].term).toBe("discountRate");
    expect(validatePortfolio(null).ok).toBe(false);
    expect(validatePortfolio({ deals: [a], name: 3 }).ok).toBe(false);
  });
});

describe("the combined book (analysis.md §7)", () => {
  const model = ok(computePortfolio({ name: "Book", deals: [a, b], discountRate: 0.1 }));
  const rows = model.combined.rows;

  it("runs from the earliest first month to the latest last month", () => {
    expect(iso(rows[0].date)).toBe("2024-10-01");
    expect(iso(rows[rows.length - 1].date)).toBe("2026-12-01");
    expect(rows).toHaveLength(27);
  });

  it("adds the deals' lines; prepayment remaining counts a deal before and after its rows", () => {
    const at = (s: string) => rows.find((r) => iso(r.date) === s)!;
    // March 2025: only Alpha bills; Barber Lake's capex month.
    expect(money(at("2025-03-01").grossFee)).toBe("12000000.00");
    expect(money(at("2025-03-01").capex)).toBe("50000000.00");
    expect(money(at("2025-03-01").hostCashFlow)).toBe(money(at("2025-03-01").netCashFlow.minus(50000000)));
    // September 2025: 100 MW at 120 and 80 MW at 100: rate (12000 + 8000) / 180.
    const sep = at("2025-09-01");
    expect(money(sep.grossFee)).toBe("20000000.00");
    expect(sep.billedMW.toString()).toBe("180");
    expect(sep.rate.times(180).toDecimalPlaces(20).toString()).toBe("20000");
    // October 2024: Alpha's prepayment arrives, nothing credited yet.
    expect(money(at("2024-10-01").prepaymentRemaining)).toBe("1200000.00");
    // After Alpha's last row its remainder stays (fully credited here: 0).
    expect(money(at("2026-12-01").prepaymentRemaining)).toBe("0.00");
    expect(at("2026-12-01").rate.toString()).toBe("120");
    expect(money(at("2024-11-01").grossFee)).toBe("0.00");
    expect(at("2024-11-01").rate.toString()).toBe("0");
  });

  it("sums the deals' figures; NPV and host returns on the combined flows at the portfolio's rate", () => {
    const s = model.summary;
    const sa = summarize(buildSchedule(ok(validateDeal(a))), null);
    const sb = summarize(buildSchedule(ok(validateDeal(b))), null);
    expect(money(s.contractValue)).toBe(money(sa.contractValue.plus(sb.contractValue)));
    expect(money(s.totalNetCash)).toBe(money(sa.totalNetCash.plus(sb.totalNetCash)));
    expect(money(s.totalCapex)).toBe("50000000.00");
    expect(s.capacityMW.toString()).toBe("180");
    expect(s.averageAnnualRevenue).toBeNull();
    expect(s.revenuePerMWYear).toBeNull();
    expect(iso(s.firstMonth)).toBe("2024-10-01");
    // NPV at 10 % from 2024-10-01, not at Barber Lake's own 50 %: an independent XNPV.
    const start = rows[0].date;
    let npv = wide(0);
    for (const r of rows) {
      const days = (Date.UTC(r.date.year, r.date.month - 1, 1) - Date.UTC(start.year, start.month - 1, 1)) / 86400000;
      npv = npv.plus(wide(r.netCashFlow).div(wide(1.1).pow(wide(days).div(365))));
    }
    expect(money(s.npv!)).toBe(npv.toFixed(2));
    // Host returns on the combined host cash flows: capex first, fees after: one root, where XNPV = 0.
    const book = ok(
      computePortfolio({
        deals: [
          { ...b, capex: [{ date: "2024-12-01", amount: 50000000 }] },
          { ...a, prepayment: 0 },
        ],
      }),
    );
    const irr = book.summary.irr!;
    expect(irr).not.toBeNull();
    let atIrr = wide(0);
    const first = book.combined.rows[0].date;
    for (const r of book.combined.rows) {
      const days = (Date.UTC(r.date.year, r.date.month - 1, 1) - Date.UTC(first.year, first.month - 1, 1)) / 86400000;
      atIrr = atIrr.plus(wide(r.hostCashFlow).div(wide(irr).plus(1).pow(wide(days).div(365))));
    }
    expect(atIrr.abs().lt(1)).toBe(true);
    expect(iso(book.summary.paybackMonth!)).toBe("2025-05-01");
    const none = buildPortfolio(model.portfolio, null).summary;
    expect(none.npv).toBeNull();
    expect(none.hostNpv).toBeNull();
  });

  it("gives the book's remaining prepayment and run rate at a date", () => {
    expect(money(portfolioRemaining(model, d("2020-01-01")))).toBe("1200000.00");
    expect(money(runRate(model.combined, d("2025-09-30")))).toBe("240000000.00");
  });
});

// ---------------------------------------------------------------------------
// Properties: a portfolio's lines are the sums of its deals' lines.

const MONEY = ["grossFee", "credit", "netFee", "opex", "netCashFlow", "capex", "hostCashFlow"] as const;

describe("portfolio: properties", () => {
  it("combined lines = Σ of the deals' lines, month by month; totals and periods tie out", () => {
    fc.assert(
      fc.property(
        fc.array(dealArb, { minLength: 1, maxLength: 4 }),
        fc.option(fc.integer({ min: 0, max: 300 })),
        (shapes, rate) => {
          const files = shapes.map(dealOf);
          const model = ok(computePortfolio({ deals: files, discountRate: rate === null ? undefined : rate / 1000 }));
          const deals: Terms[] = files.map((f) => ok(validateDeal(f)));
          const schedules = deals.map(buildSchedule);
          const byMonth = new Map<number, Record<string, ReturnType<typeof wide>>>();
          let lo = Infinity;
          let hi = -Infinity;
          schedules.forEach((s) => {
            for (const r of s.rows) {
              const m = monthOf(r.date);
              lo = Math.min(lo, m);
              hi = Math.max(hi, m);
              const acc = byMonth.get(m) ?? { billedMW: wide(0) };
              for (const c of MONEY) acc[c] = (acc[c] ?? wide(0)).plus(wide(r[c]));
              acc.billedMW = acc.billedMW.plus(wide(r.billedMW));
              byMonth.set(m, acc);
            }
          });
          const rows = model.combined.rows;
          expect(rows).toHaveLength(hi - lo + 1);
          rows.forEach((r, i) => {
            const m = lo + i;
            expect(monthOf(r.date)).toBe(m);
            const acc = byMonth.get(m);
            for (const c of MONEY) expect(money(r[c])).toBe(acc ? acc[c].toFixed(2) : "0.00");
            expect(wide(r.billedMW).eq(acc ? acc.billedMW : wide(0))).toBe(true);
            // Prepayment remaining: each deal's P before its rows, its last row's after.
            let remaining = wide(0);
            schedules.forEach((s, k) => {
              const j = m - monthOf(s.rows[0].date);
              const v = j < 0 ? deals[k].prepayment : s.rows[Math.min(j, s.rows.length - 1)].prepaymentRemaining;
              remaining = remaining.plus(wide(v));
            });
            expect(money(r.prepaymentRemaining)).toBe(remaining.toFixed(2));
          });
          const sums = schedules.map((s) => summarize(s, null));
          const total = (f: (x: (typeof sums)[number]) => { toString(): string }) =>
            sums.reduce((acc, x) => acc.plus(wide(f(x))), wide(0)).toFixed(2);
          const s = model.summary;
          expect(money(s.contractValue)).toBe(total((x) => x.contractValue));
          expect(money(s.totalCredits)).toBe(total((x) => x.totalCredits));
          expect(money(s.uncreditedPrepayment)).toBe(total((x) => x.uncreditedPrepayment));
          expect(money(s.totalNetCash)).toBe(total((x) => x.totalNetCash));
          expect(money(s.totalCapex)).toBe(total((x) => x.totalCapex));
          expect(money(s.contractValueAllRenewals)).toBe(total((x) => x.contractValueAllRenewals));
          expect(wide(s.capacityMW).eq(sums.reduce((acc, x) => acc.plus(wide(x.capacityMW)), wide(0)))).toBe(true);
          const quarters = rollUp(model.combined);
          expect(quarters.reduce((acc, q) => acc.plus(wide(q.grossFee)), wide(0)).toFixed(2)).toBe(
            money(s.contractValue),
          );
          expect(rate === null ? s.npv === null : s.npv !== null).toBe(true);
        },
      ),
      { numRuns: Number(process.env.FC_NUM_RUNS ?? 40) },
    );
  });
});
