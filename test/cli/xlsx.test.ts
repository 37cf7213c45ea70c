/** `hpc-deal xlsx` (in-process): the file it writes, and that it never replaces a user's file unasked. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import { SEED_PRESET_ID, getPreset } from "../../src/presets";
import { RAMP, planOk, presetOk } from "../plan/fixtures";
import { openWorkbook, shown, summaryRef } from "../xlsx/helpers";
import { hpcDeal } from "./run";

const dir = mkdtempSync(path.join(tmpdir(), "hpc-deal-xlsx-"));

function file(name: string, content: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

const ramp = file("ramp.json", JSON.stringify(RAMP));

async function summaryOf(deal: string): Promise<Record<string, string>> {
  return JSON.parse((await hpcDeal(["summary", deal])).stdout) as Record<string, string>;
}

describe("hpc-deal xlsx", () => {
  it("writes the live model: HPC formulas with the CLI's figures cached", async () => {
    const out = path.join(dir, "ramp.xlsx");
    const r = await hpcDeal(["xlsx", ramp, "-o", out, "--as-of", "2026-03-15"]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    const book = await openWorkbook(readFileSync(out));
    const summary = await summaryOf(ramp);
    const ref = summaryRef(planOk(RAMP), "contractValue");
    const contract = book.ws.getCell(ref).value as { formula: string };
    expect(contract.formula).toMatch(/^_xldudf_HPC_CONTRACTVALUE\(/);
    expect((shown(book, ref) as number).toFixed(2)).toBe(summary.contractValue);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("writes a values-only copy of a preset", async () => {
    const out = path.join(dir, "seed-values.xlsx");
    const r = await hpcDeal(["xlsx", "--preset", SEED_PRESET_ID, "-o", out, "--values-only", "--as-of", "2026-03-15"]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    const book = await openWorkbook(readFileSync(out));
    expect(book.sheetXml).not.toMatch(/<f[ >]/);
    const seedFile = file("seed.json", JSON.stringify(getPreset(SEED_PRESET_ID)?.deal));
    const seedPlan = presetOk(getPreset(SEED_PRESET_ID)!);
    expect((shown(book, summaryRef(seedPlan, "contractValue")) as number).toFixed(2)).toBe(
      (await summaryOf(seedFile)).contractValue,
    );
    expect(String(book.ws.getCell("A3").value)).toMatch(/^Values-only copy made on 2026-03-15/);
  });

  it("refuses to replace an existing file unless --force, and then replaces it whole", async () => {
    const out = file("existing.xlsx", "a user's own data");
    const refused = await hpcDeal(["xlsx", ramp, "-o", out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`hpc-deal: ${out} exists: give --force to replace it\n`);
    expect(readFileSync(out, "utf8")).toBe("a user's own data");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);

    const forced = await hpcDeal(["xlsx", ramp, "-o", out, "--force"]);
    expect([forced.code, forced.stderr]).toEqual([0, ""]);
    expect(readFileSync(out).subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it("exits 2 with the core's message for a bad deal, and with usage errors, writing nothing", async () => {
    const bad = file("bad.json", JSON.stringify({ ...RAMP, termMonths: 12.5 }));
    const out = path.join(dir, "never.xlsx");
    const r = await hpcDeal(["xlsx", bad, "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("hpc-deal: termMonths must be a whole number of months >= 1, got 12.5\n");
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [["xlsx", "ramp.json"], /^hpc-deal: missing -o FILE\.xlsx/],
    [["xlsx", "ramp.json", "-o", "x.xlsx", "--as-of", "2026-13-01"], /--as-of must be a date as YYYY-MM-DD/],
    [["xlsx", "--preset", "nope", "-o", "x.xlsx"], /unknown preset "nope"/],
    [["xlsx", "ramp.json", "-o", "x.xlsx", "--bogus"], /unknown option "--bogus"/],
    [["xlsx", "a.json", "b.json", "-o", "x.xlsx"], /unexpected argument "b\.json"/],
  ])("exits 2 on the command line %j (in-process)", async (args, message) => {
    let err = "";
    const io = { out: () => undefined, err: (t: string) => (err += t), readInput: async () => JSON.stringify(RAMP) };
    expect(await main(args, io)).toBe(2);
    expect(err).toMatch(message);
  });
});
