import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { MINING_CSV_HEADER } from "../../src/cli/mining";
import { FIGURES, MINING_FIGURES } from "../../src/core";
import { hpcDeal } from "./run";

/** `hpc-deal mining` and the summary's comparison figures: the CLI contract of analysis.md §8. */

const dir = mkdtempSync(path.join(tmpdir(), "hpc-deal-mining-"));

function dealFile(name: string, deal: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(deal));
  return file;
}

/** 1 MW for three months from March 2028, around the 2028-04-17 halving; hand-checked in test/core/mining.test.ts. */
const SMALL = {
  capacityMW: 1,
  ratePerKWMonth: 100,
  termMonths: 3,
  startDate: "2028-03-01",
  mining: { hashprice: 50, efficiencyJPerTH: 25, powerCostPerKWh: 0.05, sitePowerMW: 1 },
};

describe("hpc-deal mining", () => {
  it("prints the monthly comparison with the exact header, exact hashprice and hashrate, money in cents", async () => {
    const r = await hpcDeal(["mining", dealFile("small.json", SMALL)]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(MINING_CSV_HEADER).toBe(
      "date,hashprice,hashrate_ph,mining_revenue,power_cost,mining_opex,mining_margin,hosting_cash_flow",
    );
    expect(r.stdout).toBe(
      [
        MINING_CSV_HEADER,
        "2028-03-01,50,40,62000.00,37200.00,0.00,24800.00,100000.00",
        "2028-04-01,50,40,60000.00,36000.00,0.00,24000.00,100000.00",
        "2028-05-01,25,40,31000.00,37200.00,0.00,-6200.00,100000.00",
        "",
      ].join("\n"),
    );
  });

  it("reads standard input and accepts --rate (the rows do not depend on it)", async () => {
    const r = await hpcDeal(["mining", "-", "--rate", "0.1"], JSON.stringify(SMALL));
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")).toHaveLength(5);
  });

  it("refuses a deal without a mining block, naming mining (exit 2)", async () => {
    const r = await hpcDeal(["mining", dealFile("plain.json", { ...SMALL, mining: undefined })]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^hpc-deal: mining is required/);
  });

  it.each([
    [{ efficiencyJPerTH: 25, powerCostPerKWh: 0.05 }, "mining.hashprice"],
    [{ ...SMALL.mining, efficiencyJPerTH: 0 }, "mining.efficiencyJPerTH"],
    [{ ...SMALL.mining, uptime: 1.5 }, "mining.uptime"],
    [{ ...SMALL.mining, poolFee: 1 }, "mining.poolFee"],
    [{ ...SMALL.mining, halvingDates: ["2028-04-17", "2028-04-17"] }, "mining.halvingDates"],
    [{ ...SMALL.mining, colour: "blue" }, "mining.colour"],
  ])("refuses bad mining terms %j with exit 2, naming %s", async (mining, term) => {
    const file = dealFile("bad.json", { ...SMALL, mining });
    for (const command of ["mining", "summary", "schedule"]) {
      const r = await hpcDeal([command, file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(term);
      expect(r.stdout).toBe("");
    }
  });

  it("says, on `plan`, that the sheet does not carry the mining block yet (rather than drop it silently)", async () => {
    const r = await hpcDeal(["plan", dealFile("small.json", SMALL)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/mining block is not laid out on the sheet yet/);
  });

  it("refuses a bad --rate, naming it", async () => {
    const r = await hpcDeal(["mining", dealFile("small.json", SMALL), "--rate", "-2"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--rate");
  });
});

describe("hpc-deal summary of a deal with a mining block", () => {
  it("appends the comparison's figures after the deal's, as decimal strings", async () => {
    const r = await hpcDeal(["summary", dealFile("summary.json", SMALL)]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, string | null>;
    const keys = Object.keys(json);
    expect(keys.slice(-MINING_FIGURES.length)).toEqual([
      "miningRevenue",
      "miningPowerCost",
      "miningMargin",
      "hostingCashFlow",
      "miningNpv",
      "hostingNpv",
      "breakevenHashprice",
    ]);
    expect(keys.slice(0, -MINING_FIGURES.length)).toEqual(FIGURES.map((f) => f.key).filter((k) => k !== "npv"));
    expect(json).toMatchObject({
      miningRevenue: "153000.00",
      miningPowerCost: "110400.00",
      miningMargin: "42600.00",
      hostingCashFlow: "300000.00",
      miningNpv: "42600.00",
      hostingNpv: "300000.00",
      breakevenHashprice: "134.12",
    });
  });

  it("takes --rate for every NPV, the comparison's included", async () => {
    const file = dealFile("rated.json", { ...SMALL, discountRate: 0.5 });
    const own = JSON.parse((await hpcDeal(["summary", file])).stdout) as Record<string, string>;
    const given = JSON.parse((await hpcDeal(["summary", file, "--rate", "0"])).stdout) as Record<string, string>;
    expect(own.hostingNpv).toBe(own.hostNpv);
    expect(Number(own.hostingNpv)).toBeLessThan(300000);
    expect(given).toMatchObject({ hostNpv: "300000.00", hostingNpv: "300000.00", miningNpv: "42600.00" });
    expect(given.breakevenHashprice).toBe("134.12");
  });

  it("leaves a deal without a mining block exactly as before", async () => {
    const r = await hpcDeal(["summary", dealFile("plain.json", { ...SMALL, mining: undefined })]);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(FIGURES.map((f) => f.key).filter((k) => k !== "npv"));
  });
});
