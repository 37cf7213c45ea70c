/**
 * hpc-deal in-process: options, standard input, presets and every way a
 * command line or a deal file can be refused. The figures of whole deals are
 * golden cases (test/cases/); the spawned binary is smoke.test.ts.
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SEED_PRESET_ID } from "../../src/presets";
import { WORKED_CHECK_FILE } from "../support/deals";
import { hpcDeal } from "./run";

const dir = mkdtempSync(path.join(tmpdir(), "hpc-deal-"));

function dealFile(name: string, deal: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof deal === "string" ? deal : JSON.stringify(deal));
  return file;
}

const worked = dealFile("worked.json", WORKED_CHECK_FILE);

async function summaryOf(args: string[], stdin?: string): Promise<Record<string, string>> {
  const r = await hpcDeal(["summary", ...args], stdin);
  expect([r.code, r.stderr]).toEqual([0, ""]);
  return JSON.parse(r.stdout) as Record<string, string>;
}

describe("hpc-deal (in-process)", () => {
  it("leaves npv out without a discount rate, and takes one from --rate", async () => {
    const noRate = dealFile("norate.json", {
      capacityMW: 1,
      startDate: "2025-01-01",
      termMonths: 12,
      ratePerKWMonth: 100,
    });
    expect(await summaryOf([noRate])).not.toHaveProperty("npv");
    expect((await summaryOf([noRate, "--rate", "0"])).npv).toBe("1200000.00");
    const bad = await hpcDeal(["summary", noRate, "--rate", "-2"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--rate must be");
  });

  it("refuses a date that is not a calendar date", async () => {
    const bad = await hpcDeal(["remaining", worked, "2031-13-01"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("date must be a date as YYYY-MM-DD");
  });

  it("reads the deal from standard input with -", async () => {
    const r = await hpcDeal(["remaining", "-", "2031-01-01"], JSON.stringify(WORKED_CHECK_FILE));
    expect([r.code, r.stdout]).toEqual([0, "147916666.67\n"]);
  });

  it("lists the presets and prints the seed as a deal file the other commands take", async () => {
    const list = await hpcDeal(["presets"]);
    expect(list.code).toBe(0);
    expect(list.stdout.split("\n")[0].startsWith(SEED_PRESET_ID)).toBe(true);
    const seed = await hpcDeal(["preset", SEED_PRESET_ID]);
    expect(seed.code).toBe(0);
    const summary = await summaryOf(["-"], seed.stdout);
    const cv = Number(summary.contractValue);
    expect(cv).toBeGreaterThan(3.4e9);
    expect(cv).toBeLessThan(3.6e9);
    expect((await hpcDeal(["remaining", "-", summary.lastMonth], seed.stdout)).stdout).toBe("0.00\n");
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
  ])("refuses %s with exit code 2, a message naming the term, and no stack trace", async (_what, text, message) => {
    const r = await hpcDeal(["schedule", dealFile("bad.json", text)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("reports several problems at once", async () => {
    const r = await hpcDeal([
      "summary",
      dealFile("many.json", { capacityMW: -1, termMonths: 0, ratePerKWMonth: "x", startDate: "2025-01-01" }),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("capacityMW must be");
    expect(r.stderr).toContain("termMonths must be");
    expect(r.stderr).toContain("ratePerKWMonth must be");
  });

  it("exits 2 on usage errors and a missing file, 0 on --help", async () => {
    expect((await hpcDeal(["frobnicate"])).code).toBe(2);
    expect((await hpcDeal(["schedule"])).code).toBe(2);
    expect((await hpcDeal(["schedule", path.join(dir, "nope.json")])).stderr).toContain("no such file");
    expect((await hpcDeal(["preset", "nope"])).code).toBe(2);
    expect((await hpcDeal(["schedule", worked, "extra"])).stderr).toContain('unexpected argument "extra"');
    expect((await hpcDeal(["--help"])).code).toBe(0);
  });
});

describe("hpc-deal plan", () => {
  it("prints the sheet plan of a deal file in the documented shape", async () => {
    const r = await hpcDeal(["plan", worked]);
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

  it("plans a preset with its provenance, and refuses a bad deal with exit code 2", async () => {
    const r = await hpcDeal(["plan", "--preset", SEED_PRESET_ID]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).names.map((n: { name: string }) => n.name)).toContain("CWCoreSci_Terms");
    const bad = await hpcDeal(["plan", "-"], "null");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("a deal must be an object of terms");
  });

  it.each([["plan"], ["xlsx"]])(
    "%s prints every problem of an invalid deal once, exit 2, nothing written",
    async (cmd) => {
      const many = dealFile("many.json", {
        capacityMW: -1,
        termMonths: 0,
        ratePerKWMonth: "x",
        startDate: "2025-01-01",
      });
      const out = path.join(dir, `many-${cmd}.xlsx`);
      const r = await hpcDeal(cmd === "plan" ? ["plan", many] : ["xlsx", many, "-o", out]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      const lines = r.stderr.trim().split("\n");
      expect(lines).toHaveLength(3);
      for (const term of ["capacityMW", "termMonths", "ratePerKWMonth"]) {
        expect(lines.filter((l) => l.startsWith(`hpc-deal: ${term} must be`))).toHaveLength(1);
      }
      expect(existsSync(out)).toBe(false);
    },
  );
});
