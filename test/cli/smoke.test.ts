/**
 * The installed binary, spawned as `npx hpc-deal` runs it (bin/hpc-deal.js on
 * lib/, built by jest's globalSetup): exit codes, stdout/stderr and standard
 * input through a real process. Everything else runs in-process (cli.test.ts).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SCHEDULE_CSV_HEADER } from "../../src/cli/format";
import { SEED_PRESET_ID } from "../../src/presets";
import { WORKED_CHECK_FILE } from "../support/deals";

const bin = path.resolve(__dirname, "../../bin/hpc-deal.js");
const dir = mkdtempSync(path.join(tmpdir(), "hpc-deal-smoke-"));

function spawned(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: "utf8", timeout: 20000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("hpc-deal, spawned as a process", () => {
  it("prints a schedule from a file, exit code 0, nothing on stderr", () => {
    const file = path.join(dir, "worked.json");
    writeFileSync(file, JSON.stringify(WORKED_CHECK_FILE));
    const r = spawned(["schedule", file]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(r.stdout.split("\n")[0]).toBe(SCHEDULE_CSV_HEADER);
  });

  it("pipes a preset into a command through standard input", () => {
    const seed = spawned(["preset", SEED_PRESET_ID]);
    expect(seed.code).toBe(0);
    const r = spawned(["summary", "-"], seed.stdout);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(JSON.parse(r.stdout)).toHaveProperty("contractValue");
  });

  it("exits 2 with the message on stderr and no stack trace", () => {
    const r = spawned(["summary", "-"], "{ not json");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^hpc-deal: .*is not valid JSON/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("loads exceljs for the xlsx command only", () => {
    const lib = path.resolve(__dirname, "../../lib/cli/main.js");
    const script = [
      `const { main } = require(${JSON.stringify(lib)});`,
      'const io = { out() {}, err() {}, readInput: async () => "" };',
      'main(["presets"], io).then((code) => console.log(code, Object.keys(require.cache).some((k) => /[\\/]exceljs[\\/]/.test(k))));',
    ].join("\n");
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 20000 });
    expect([r.stdout.trim(), r.stderr]).toEqual(["0 false", ""]);
  });

  it("writes an .xlsx (the export is loaded on demand)", () => {
    const out = path.join(dir, "seed.xlsx");
    const r = spawned(["xlsx", "--preset", SEED_PRESET_ID, "-o", out, "--as-of", "2026-03-15"]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(readFileSync(out).subarray(0, 2).toString("latin1")).toBe("PK");
  });
});
