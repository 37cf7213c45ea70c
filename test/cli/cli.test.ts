import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SCHEDULE_CSV_HEADER } from "../../src/cli/format";
import { SEED_PRESET_ID } from "../../src/presets";
import { WORKED_CHECK_FILE } from "../support/deals";

const root = path.resolve(__dirname, "../..");
const bin = path.join(root, "bin/hpc-deal.js");
const dir = mkdtempSync(path.join(tmpdir(), "hpc-deal-"));

function hpcDeal(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: "utf8", timeout: 20000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function dealFile(name: string, deal: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof deal === "string" ? deal : JSON.stringify(deal));
  return file;
}

const worked = dealFile("worked.json", WORKED_CHECK_FILE);

describe("hpc-deal, spawned as a process", () => {
  it("prints the schedule as CSV with the exact header, ISO dates and two-decimal money", () => {
    const r = hpcDeal(["schedule", worked]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(SCHEDULE_CSV_HEADER);
    expect(lines).toHaveLength(1 + 150);
    expect(lines[0]).toBe(
      "date,billed_mw,rate_per_kw_month,gross_fee,credit,net_fee,opex,net_cash_flow,capex,host_cash_flow,prepayment_remaining",
    );
    expect(lines[1]).toBe("2024-07-01,0,0,0.00,0.00,0.00,0.00,300000000.00,0.00,300000000.00,300000000.00");
    expect(lines[7]).toBe(
      "2025-01-01,200,121.53,24306000.00,2083333.33,22222666.67,0.00,22222666.67,0.00,22222666.67,297916666.67",
    );
    expect(lines[150]).toMatch(/^2036-12-01,200,121\.53,24306000\.00,2083333\.3[34],/);
    expect(lines[150].endsWith(",0.00")).toBe(true);
    expect(r.stderr).toBe("");
  });

  it("prints the summary as JSON with money as decimal strings", () => {
    const r = hpcDeal(["summary", worked]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
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
    expect(s.contractValue).toBe("3500064000.00");
    expect(s.totalCapex).toBe("0.00");
    expect(s.contractValueAllRenewals).toBe("3500064000.00");
    // The host's flows never turn negative (prepayment first, then fees): no IRR, payback in the first month.
    expect(s.irr).toBeNull();
    expect(s.paybackMonth).toBe("2024-07-01");
    expect(s.averageAnnualRevenue).toBe("291672000.00");
    expect(s.revenuePerMWYear).toBe("1458360.00");
    expect(s.totalCredits).toBe("300000000.00");
    expect(s.uncreditedPrepayment).toBe("0.00");
    expect(s.firstMonth).toBe("2024-07-01");
    expect(s.lastMonth).toBe("2036-12-01");
    expect(s.npv).toMatch(/^\d+\.\d{2}$/);
  });

  it("leaves npv out without a discount rate, and takes one from --rate", () => {
    const noRate = dealFile("norate.json", {
      capacityMW: 1,
      startDate: "2025-01-01",
      termMonths: 12,
      ratePerKWMonth: 100,
    });
    expect(JSON.parse(hpcDeal(["summary", noRate]).stdout)).not.toHaveProperty("npv");
    const r = hpcDeal(["summary", noRate, "--rate", "0"]);
    expect(JSON.parse(r.stdout).npv).toBe("1200000.00");
    const bad = hpcDeal(["summary", noRate, "--rate", "-2"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--rate must be");
  });

  it("prints the prepayment remaining at a date", () => {
    expect(hpcDeal(["remaining", worked, "2031-01-01"]).stdout).toBe("147916666.67\n");
    expect(hpcDeal(["remaining", worked, "2024-01-01"]).stdout).toBe("300000000.00\n");
    expect(hpcDeal(["remaining", worked, "2036-12-01"]).stdout).toBe("0.00\n");
    const bad = hpcDeal(["remaining", worked, "2031-13-01"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("date must be a date as YYYY-MM-DD");
  });

  it("reads the deal from standard input with -", () => {
    const r = hpcDeal(
      ["remaining", "-", "2031-01-01"],
      JSON.stringify({
        capacityMW: 200,
        startDate: "2025-01-01",
        termMonths: 144,
        ratePerKWMonth: 121.53,
        prepayment: 300000000,
        prepaymentDate: "2024-07-01",
      }),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("147916666.67\n");
  });

  it("lists the presets and prints the seed as a deal file the other commands take", () => {
    const list = hpcDeal(["presets"]);
    expect(list.code).toBe(0);
    expect(list.stdout.split("\n")[0].startsWith(SEED_PRESET_ID)).toBe(true);
    const seed = hpcDeal(["preset", SEED_PRESET_ID]);
    expect(seed.code).toBe(0);
    const summary = JSON.parse(hpcDeal(["summary", "-"], seed.stdout).stdout);
    const cv = Number(summary.contractValue);
    expect(cv).toBeGreaterThan(3.4e9);
    expect(cv).toBeLessThan(3.6e9);
    const aar = Number(summary.averageAnnualRevenue);
    expect(aar).toBeGreaterThan(280e6);
    expect(aar).toBeLessThan(300e6);
    expect(hpcDeal(["remaining", "-", summary.lastMonth], seed.stdout).stdout).toBe("0.00\n");
  });

  it.each([
    ["invalid JSON", "{ not json", /is not valid JSON/],
    [
      "an unknown key",
      JSON.stringify({ capacityMw: 200, startDate: "2025-01-01", termMonths: 144, ratePerKWMonth: 100 }),
      /unknown term "capacityMw": did you mean "capacityMW"\?/,
    ],
    [
      "a bad value",
      JSON.stringify({ capacityMW: 200, startDate: "2025-01-01", termMonths: 12.5, ratePerKWMonth: 100 }),
      /termMonths must be a whole number of months >= 1, got 12.5/,
    ],
    ["a JSON array", "[]", /a deal must be an object of terms/],
  ])("refuses %s with exit code 2, a message naming the term, and no stack trace", (_what, text, message) => {
    const r = hpcDeal(["schedule", dealFile("bad.json", text)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("reports several problems at once", () => {
    const r = hpcDeal([
      "summary",
      dealFile("many.json", { capacityMW: -1, termMonths: 0, ratePerKWMonth: "x", startDate: "2025-01-01" }),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("capacityMW must be");
    expect(r.stderr).toContain("termMonths must be");
    expect(r.stderr).toContain("ratePerKWMonth must be");
  });

  it("exits 2 on usage errors and a missing file", () => {
    expect(hpcDeal(["frobnicate"]).code).toBe(2);
    expect(hpcDeal(["schedule"]).code).toBe(2);
    expect(hpcDeal(["schedule", path.join(dir, "nope.json")]).stderr).toContain("no such file");
    expect(hpcDeal(["preset", "nope"]).code).toBe(2);
    expect(hpcDeal(["--help"]).code).toBe(0);
  });
});

describe("hpc-deal plan", () => {
  it("prints the sheet plan of a deal file in the documented shape", () => {
    const r = hpcDeal(["plan", worked]);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(Object.keys(plan).slice(0, 4)).toEqual(["sheet", "cells", "names", "charts"]);
    const formulas: string[] = plan.cells
      .filter((c: { formula?: string }) => c.formula)
      .map((c: { formula: string }) => c.formula);
    expect(formulas.some((f) => /^=HPC\.HOSTINGCASHFLOW\(\w+_Terms, , \w+_Capex\)$/.test(f))).toBe(true);
    expect(plan.names.map((n: { ref: string }) => n.ref)).toContainEqual(
      expect.stringMatching(/^'.+'!\$A\$\d+:\$B\$\d+$/),
    );
  });

  it("plans a preset with its provenance, and refuses a bad deal with exit code 2", () => {
    const r = hpcDeal(["plan", "--preset", SEED_PRESET_ID]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).names.map((n: { name: string }) => n.name)).toContain("CWCoreSci_Terms");
    const bad = hpcDeal(["plan", "-"], "null");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("a deal must be an object of terms");
  });
});
