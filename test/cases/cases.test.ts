/**
 * Golden cases: every folder here holds a deal.json and what hpc-deal prints
 * for it (see README.md). The CLI runs in-process; outputs compare as exact
 * text. GOLDEN_UPDATE=1 (`npm run golden:update`) rewrites the expected files
 * instead of comparing: a changed expected file is then reviewed by hand.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { hpcDeal } from "../cli/run";

const CASES = __dirname;
const UPDATE = process.env.GOLDEN_UPDATE === "1";

/** The expected files every case has, and the command that prints each. */
const OUTPUTS = [
  { file: "schedule.csv", argv: ["schedule"] },
  { file: "summary.json", argv: ["summary"] },
] as const;

/** remaining.txt: one `YYYY-MM-DD AMOUNT` a line; `hpc-deal remaining deal.json DATE` prints AMOUNT. */
const REMAINING = "remaining.txt";

const cases = readdirSync(CASES, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(path.join(CASES, e.name, "deal.json")))
  .map((e) => e.name)
  .sort();

async function output(deal: string, argv: readonly string[]): Promise<string> {
  const r = await hpcDeal([argv[0], deal, ...argv.slice(1)]);
  if (r.code !== 0) throw new Error(`hpc-deal ${argv.join(" ")} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

/** The expected text, or (updating) the actual text written in its place. */
function expected(file: string, actual: string): string | undefined {
  if (UPDATE) {
    if (!existsSync(file) || readFileSync(file, "utf8") !== actual) writeFileSync(file, actual);
    return actual;
  }
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}

const missing = (file: string) => `${path.relative(process.cwd(), file)} is missing: run \`npm run golden:update\``;

it("has the seeded cases", () => {
  expect(cases.length).toBeGreaterThanOrEqual(6);
});

describe.each(cases)("golden case %s", (name) => {
  const dir = path.join(CASES, name);
  const deal = path.join(dir, "deal.json");

  it.each(OUTPUTS.map((o) => [o.file, o.argv] as const))("%s", async (file, argv) => {
    const actual = await output(deal, argv);
    const want = expected(path.join(dir, file), actual);
    if (want === undefined) throw new Error(missing(path.join(dir, file)));
    expect(actual).toBe(want);
  });

  const remainingFile = path.join(dir, REMAINING);
  if (existsSync(remainingFile)) {
    it(REMAINING, async () => {
      const lines = readFileSync(remainingFile, "utf8")
        .split("\n")
        .filter((l) => l.trim() !== "");
      const actual: string[] = [];
      for (const line of lines) {
        const date = line.trim().split(/\s+/)[0];
        actual.push(`${date} ${(await output(deal, ["remaining", date])).trim()}`);
      }
      const text = actual.join("\n") + "\n";
      const want = expected(remainingFile, text);
      expect(text).toBe(want);
    });
  }
});
