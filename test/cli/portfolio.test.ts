import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PERIODS_CSV_HEADER } from "../../src/cli/book";
import { SCHEDULE_CSV_HEADER } from "../../src/cli/format";
import { main } from "../../src/cli/main";
import { ALPHA, RAMP_TRANCHES } from "./fixtures";
import { hpcDeal } from "./run";

/** Runs the CLI in-process on files held in memory. */
async function run(argv: string[], files: Record<string, unknown>) {
  let out = "";
  let err = "";
  const code = await main(argv, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    readInput: async (p) => {
      if (!(p in files)) throw new Error(`no file ${p}`);
      const f = files[p];
      return typeof f === "string" ? f : JSON.stringify(f);
    },
  });
  return { code, out, err };
}

const alpha = ALPHA;
const barber = {
  name: "Barber Lake",
  tranches: RAMP_TRANCHES,
  ratePerKWMonth: 100,
  termMonths: 12,
  discountRate: 0.5,
  capex: [{ date: "2024-12-01", amount: 50000000 }],
  renewalOptions: 2,
  renewalMonths: 6,
};
const book = { name: "Book", deals: [alpha, barber], discountRate: 0.1 };
const files = { "deal.json": alpha, "book.json": book, "nodeals.json": { name: "x", deals: [] } };

describe("hpc-deal periods", () => {
  it("prints calendar quarters by default with the contract's header", async () => {
    const r = await run(["periods", "deal.json"], files);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split("\n");
    expect(lines[0]).toBe(
      "period,start,end,months,billed_mw_end,gross_fee,credit,net_fee,opex,net_cash_flow,capex,host_cash_flow,prepayment_remaining_end",
    );
    expect(PERIODS_CSV_HEADER).toBe(lines[0]);
    expect(lines[1]).toBe(
      "Q4 2024,2024-10-01,2024-12-31,3,0,0.00,0.00,0.00,0.00,1200000.00,0.00,1200000.00,1200000.00",
    );
    expect(lines[2]).toBe(
      "Q1 2025,2025-01-01,2025-03-31,3,100,36000000.00,150000.00,35850000.00,0.00,35850000.00,0.00,35850000.00,1050000.00",
    );
    expect(lines).toHaveLength(1 + 9);
  });

  it("rolls up by month and by fiscal year", async () => {
    const months = await run(["periods", "deal.json", "--period", "month"], files);
    expect(months.out.split("\n")[1]).toMatch(/^2024-10,2024-10-01,2024-10-31,1,0,/);
    const fy = await run(["periods", "deal.json", "--period", "year", "--fiscal-year-end", "6"], files);
    const lines = fy.out.trimEnd().split("\n");
    expect(lines.map((l) => l.split(",")[0])).toEqual(["period", "FY2025", "FY2026", "FY2027"]);
    expect(lines[1]).toMatch(/^FY2025,2024-07-01,2025-06-30,9,100,72000000\.00,/);
    const q = await run(["periods", "deal.json", "--fiscal-year-end", "9"], files);
    expect(q.out.split("\n")[1]).toMatch(/^Q1 FY2025,2024-10-01,2024-12-31,3,/);
  });

  it("refuses a bad period or fiscal year end with exit 2, naming the term, writing nothing", async () => {
    for (const argv of [
      ["periods", "deal.json", "--period", "week"],
      ["periods", "deal.json", "--fiscal-year-end", "13"],
      ["periods", "deal.json", "--fiscal-year-end", "0"],
      ["periods", "deal.json", "--fiscal-year-end", "6.5"],
      ["periods", "deal.json", "--fiscal-year-end", ""],
      ["periods", "deal.json", "--period", ""],
    ]) {
      const r = await run(argv, files);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toMatch(
        argv[2] === "--period"
          ? /--period \(period\) must be month, quarter or year/
          : /--fiscal-year-end \(fiscalYearEndMonth\) must be a whole number from 1 to 12/,
      );
    }
  });
});

describe("portfolio files", () => {
  it("prints the combined schedule with the deal schedule's columns", async () => {
    const r = await run(["schedule", "book.json"], files);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split("\n");
    expect(lines[0]).toBe(SCHEDULE_CSV_HEADER);
    expect(lines[1]).toBe("2024-10-01,0,0,0.00,0.00,0.00,0.00,1200000.00,0.00,1200000.00,1200000.00");
    expect(lines[3]).toBe("2024-12-01,0,0,0.00,0.00,0.00,0.00,0.00,50000000.00,-50000000.00,1200000.00");
    // June 2025: 100 MW at 120 and 50 MW at 100: rate 17000 / 150, unrounded.
    const june = lines.find((l) => l.startsWith("2025-06-01"))!.split(",");
    expect(june[1]).toBe("150");
    expect(june[2]).toMatch(/^113\.3333333333333333333333333333333333333/);
    expect(june[3]).toBe("17000000.00");
  });

  it("prints the summary: sums, combined NPV at the portfolio's rate or --rate, no average revenue", async () => {
    const r = await run(["summary", "book.json"], files);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect(Object.keys(s)).toEqual([
      "contractValue",
      "averageAnnualRevenue",
      "revenuePerMWYear",
      "totalCredits",
      "uncreditedPrepayment",
      "totalNetCash",
      "npv",
      "firstMonth",
      "lastMonth",
      "totalCapex",
      "hostNpv",
      "irr",
      "paybackMonth",
      "contractValueAllRenewals",
      "capacityMW",
    ]);
    // Alpha: 24 × 12,000,000; Barber Lake: 12 × 5,000,000 + 12 × 3,000,000.
    expect(s.contractValue).toBe("384000000.00");
    expect(s.contractValueAllRenewals).toBe("480000000.00"); // + 2 renewals × 6 months × 8,000,000
    expect(s.averageAnnualRevenue).toBeNull();
    expect(s.revenuePerMWYear).toBeNull();
    expect(s.totalCapex).toBe("50000000.00");
    expect(s.capacityMW).toBe("180");
    expect(s.firstMonth).toBe("2024-10-01");
    expect(s.lastMonth).toBe("2026-12-01");
    expect(typeof s.npv).toBe("string");
    const at = JSON.parse((await run(["summary", "book.json", "--rate", "0"], files)).out);
    expect(at.npv).toBe(at.totalNetCash);
    const noRate = JSON.parse((await run(["summary", "x.json"], { "x.json": { deals: [barber] } })).out);
    expect("npv" in noRate).toBe(false);
    expect(noRate.hostNpv).toBeNull();
  });

  it("prints the book's remaining prepayment, run rate and periods", async () => {
    expect((await run(["remaining", "book.json", "2025-02-01"], files)).out).toBe("1100000.00\n");
    expect((await run(["runrate", "book.json", "2025-09-30"], files)).out).toBe("240000000.00\n");
    expect((await run(["runrate", "book.json", "2030-01-01"], files)).out).toBe("0.00\n");
    expect((await run(["runrate", "deal.json", "2025-01-01"], files)).out).toBe("144000000.00\n");
    const p = await run(["periods", "book.json", "--period", "year"], files);
    expect(
      p.out
        .trimEnd()
        .split("\n")
        .map((l) => l.split(",")[0]),
    ).toEqual(["period", "2024", "2025", "2026"]);
  });

  it("refuses an empty portfolio and a bad deal inside one, naming the deal and the term", async () => {
    const empty = await run(["summary", "nodeals.json"], files);
    expect(empty.code).toBe(2);
    expect(empty.out).toBe("");
    expect(empty.err).toMatch(/deals must hold at least one deal/);
    const bad = await run(["periods", "b.json"], { "b.json": { deals: [alpha, { ...barber, termMonths: -3 }] } });
    expect(bad.code).toBe(2);
    expect(bad.out).toBe("");
    expect(bad.err).toMatch(/^hpc-deal: deals\[2\] \("Barber Lake"\): termMonths must be /);
    const date = await run(["runrate", "book.json", "2025-13-01"], files);
    expect(date.code).toBe(2);
    expect(date.err).toMatch(/date must be a date as YYYY-MM-DD/);
  });
});

describe("hpc-deal on portfolio files on disk", () => {
  it("reads a portfolio file from disk and exits 2 on a bad one", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "hpc-portfolio-"));
    const good = path.join(dir, "book.json");
    const bad = path.join(dir, "bad.json");
    writeFileSync(good, JSON.stringify(book));
    writeFileSync(bad, JSON.stringify({ deals: [{ ...alpha, ratePerKWMonth: "x" }] }));
    const ok = await hpcDeal(["periods", good]);
    expect(ok.code).toBe(0);
    expect(ok.stdout.split("\n")[0]).toBe(PERIODS_CSV_HEADER);
    const no = await hpcDeal(["runrate", bad, "2025-01-01"]);
    expect(no.code).toBe(2);
    expect(no.stdout).toBe("");
    expect(no.stderr).toMatch(/deals\[1\] \("Alpha"\): ratePerKWMonth must be/);
  });
});
