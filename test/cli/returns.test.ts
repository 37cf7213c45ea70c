import { main } from "../../src/cli/main";

/** The CLI contract of issue 15 (analysis.md §9–§10), run in-process. */

async function run(args: string[], deal: unknown): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    readInput: async () => (typeof deal === "string" ? deal : JSON.stringify(deal)),
  });
  return { code, out, err };
}

const BASE = { capacityMW: 1, ratePerKWMonth: 100, termMonths: 12, startDate: "2025-01-01" };

describe("hpc-deal schedule: capex and host cash flow columns", () => {
  it("adds capex,host_cash_flow after net_cash_flow; capex before billing adds its rows", async () => {
    const r = await run(["schedule", "deal.json"], {
      ...BASE,
      capex: [
        { date: "2024-12-20", amount: 150000.5 },
        { date: "2024-12-01", amount: 49999.5 },
        { date: "2025-02-10", amount: 0.01 },
      ],
    });
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split("\n");
    expect(lines[0]).toBe(
      "date,billed_mw,rate_per_kw_month,gross_fee,credit,net_fee,opex,net_cash_flow,capex,host_cash_flow,prepayment_remaining",
    );
    expect(lines).toHaveLength(1 + 13);
    expect(lines[1]).toBe("2024-12-01,0,0,0.00,0.00,0.00,0.00,0.00,200000.00,-200000.00,0.00");
    expect(lines[2]).toBe("2025-01-01,1,100,100000.00,0.00,100000.00,0.00,100000.00,0.00,100000.00,0.00");
    expect(lines[3]).toBe("2025-02-01,1,100,100000.00,0.00,100000.00,0.00,100000.00,0.01,99999.99,0.00");
  });

  it("renewals extend the schedule and step the rate", async () => {
    const r = await run(["schedule", "deal.json"], {
      ...BASE,
      renewalOptions: 2,
      renewalMonths: 3,
      renewalRateStep: 0.1,
      renewalsExercised: 1,
    });
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split("\n");
    expect(lines).toHaveLength(1 + 15);
    expect(lines[13]).toBe("2026-01-01,1,110,110000.00,0.00,110000.00,0.00,110000.00,0.00,110000.00,0.00");
    expect(lines[15].startsWith("2026-03-01,1,110,110000.00,")).toBe(true);
  });
});

describe("hpc-deal summary: the host's returns", () => {
  it("reports totalCapex, hostNpv, irr, paybackMonth and contractValueAllRenewals", async () => {
    const r = await run(["summary", "deal.json"], {
      ...BASE,
      discountRate: 0.1,
      capex: [{ date: "2025-01-01", amount: 1_000_000 }],
      renewalOptions: 1,
      renewalMonths: 12,
    });
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out) as Record<string, string | null>;
    expect(s.totalCapex).toBe("1000000.00");
    expect(s.contractValue).toBe("1200000.00");
    expect(s.contractValueAllRenewals).toBe("2400000.00");
    expect(s.paybackMonth).toBe("2025-10-01");
    expect(s.hostNpv).toMatch(/^-?\d+\.\d{2}$/);
    expect(s.irr).toMatch(/^-?\d+(\.\d+)?$/);
    // The host NPV at the IRR itself is about zero: compare with the NPV at 10 %.
    expect(Number(s.irr)).toBeGreaterThan(0.1);
    expect(Number(s.hostNpv)).toBeGreaterThan(0);
    for (const key of ["totalCapex", "hostNpv", "irr", "paybackMonth", "contractValueAllRenewals"]) {
      expect(Object.keys(s)).toContain(key);
    }
  });

  it("irr and paybackMonth are null when there is none", async () => {
    const r = await run(["summary", "deal.json"], { ...BASE, capex: [{ date: "2025-01-01", amount: 2_000_000 }] });
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out) as Record<string, string | null>;
    expect(s.paybackMonth).toBeNull();
    expect(s.hostNpv).toBeNull();
    const none = JSON.parse((await run(["summary", "deal.json"], BASE)).out) as Record<string, string | null>;
    expect(none.irr).toBeNull();
    expect(none.paybackMonth).toBe("2025-01-01");
  });

  it("--rate sets the host NPV's rate too", async () => {
    const deal = { ...BASE, capex: [{ date: "2025-01-01", amount: 1_000_000 }] };
    const s = JSON.parse((await run(["summary", "deal.json", "--rate", "0"], deal)).out) as Record<string, string>;
    // At 0 %, the host NPV is the plain sum: 1,200,000 − 1,000,000.
    expect(s.hostNpv).toBe("200000.00");
  });
});

describe("hpc-deal: bad capex and renewal terms exit 2 naming the term", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ["negative capex", { capex: [{ date: "2025-01-01", amount: -5 }] }, "capex[0].amount"],
    ["sub-cent capex", { capex: [{ date: "2025-01-01", amount: 0.001 }] }, "capex[0].amount"],
    ["capex after the last billing month", { capex: [{ date: "2026-01-01", amount: 5 }] }, "capex[0].date"],
    ["an unknown key in a capex item", { capex: [{ date: "2025-01-01", amount: 5, vendor: "x" }] }, "vendor"],
    ["renewalsExercised > renewalOptions", { renewalOptions: 1, renewalsExercised: 2 }, "renewalsExercised"],
    ["renewalMonths 0", { renewalOptions: 1, renewalMonths: 0 }, "renewalMonths"],
  ];
  it.each(cases)("%s", async (_name, extra, term) => {
    for (const command of ["summary", "schedule"]) {
      const r = await run([command, "deal.json"], { ...BASE, ...extra });
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toContain(term);
    }
  });
});
