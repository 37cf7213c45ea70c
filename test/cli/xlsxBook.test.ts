/** `hpc-deal xlsx PORTFOLIO.json` end to end (in-process): the workbook, --force, and a bad deal refused. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { PORTFOLIO_LAYOUT, columnLetter } from "../../src/plan";
import { cents, openSheets, shown } from "../xlsx/helpers";
import { ALPHA, RAMP_TRANCHES } from "./fixtures";
import { hpcDeal } from "./run";

const dir = mkdtempSync(path.join(tmpdir(), "hpc-deal-xlsx-book-"));

function file(name: string, content: unknown): string {
  const p = path.join(dir, name);
  writeFileSync(p, typeof content === "string" ? content : JSON.stringify(content));
  return p;
}

const alpha = ALPHA;
const beta = { name: "Beta", tranches: RAMP_TRANCHES, ratePerKWMonth: 100, termMonths: 12 };
const book = file("book.json", { name: "Book", deals: [alpha, beta], discountRate: 0.1 });
const LABEL = columnLetter(PORTFOLIO_LAYOUT.tableColumn);
const GROSS_FEE = columnLetter(PORTFOLIO_LAYOUT.tableColumn + 5);

// `npm test` leaves this reading of the live book to test/xlsx/book.test.ts (the same export, read more
// closely; --force below still writes one through the CLI); `npm run test:full` runs it (test/support/quick.js).
const fullOnly = process.env.HPC_QUICK_TESTS === "1" ? it.skip : it;

describe("hpc-deal xlsx PORTFOLIO.json", () => {
  fullOnly("writes each deal's sheet and the portfolio sheet, its gross fees those of hpc-deal periods", async () => {
    const out = path.join(dir, "book.xlsx");
    const r = await hpcDeal(["xlsx", book, "-o", out, "--as-of", "2026-03-15"]);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, "", ""]);
    const sheets = await openSheets(readFileSync(out));
    expect(sheets.map((s) => s.ws.name)).toEqual(["Alpha", "Beta", "Book – Book"]);
    const periods = (await hpcDeal(["periods", book])).stdout.trimEnd().split("\n").slice(1);
    periods.forEach((line, i) => {
      const row = PORTFOLIO_LAYOUT.tableRow + 1 + i;
      const [label, , , , , fee] = line.split(",");
      expect([shown(sheets[2], `${LABEL}${row}`), cents(shown(sheets[2], `${GROSS_FEE}${row}`))]).toEqual([label, fee]);
    });
    const runRate = (await hpcDeal(["runrate", book, "2026-03-15"])).stdout.trim();
    expect(cents(shown(sheets[2], `B${PORTFOLIO_LAYOUT.runRateRow}`))).toBe(runRate);
    expect(sheets[2].sheetXml).toMatch(/_xldudf_HPC_PORTFOLIOPERIODS/);
  });

  it("takes --period and --values-only", async () => {
    const out = path.join(dir, "book-months.xlsx");
    const r = await hpcDeal(["xlsx", book, "-o", out, "--values-only", "--period", "month", "--as-of", "2026-03-15"]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    const sheets = await openSheets(readFileSync(out));
    for (const s of sheets) expect(s.sheetXml).not.toMatch(/<f[ >]/);
    const months = (await hpcDeal(["periods", book, "--period", "month"])).stdout.trimEnd().split("\n");
    const [label, , , , , fee] = months[1].split(",");
    const row = PORTFOLIO_LAYOUT.tableRow + 1;
    expect([shown(sheets[2], `${LABEL}${row}`), cents(shown(sheets[2], `${GROSS_FEE}${row}`))]).toEqual([label, fee]);
  });

  it("keeps an existing file unless --force", async () => {
    const out = file("existing.xlsx", "a user's own data");
    const refused = await hpcDeal(["xlsx", book, "-o", out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`hpc-deal: ${out} exists: give --force to replace it\n`);
    expect(readFileSync(out, "utf8")).toBe("a user's own data");
    const forced = await hpcDeal(["xlsx", book, "-o", out, "--force"]);
    expect([forced.code, forced.stderr]).toEqual([0, ""]);
    // Replaced whole: the book's three sheets (read from the zip; the workbook itself is checked above).
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))).toHaveLength(3);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses a bad deal inside the portfolio with exit 2 naming the deal, writing nothing", async () => {
    const bad = file("bad.json", { name: "Bad", deals: [alpha, { ...beta, ratePerKWMonth: -1 }] });
    const out = path.join(dir, "bad.xlsx");
    const r = await hpcDeal(["xlsx", bad, "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^hpc-deal: deals\[2\] \("Beta"\): ratePerKWMonth/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("exits 2 when the file cannot be written, writing nothing", async () => {
    const r = await hpcDeal(["xlsx", book, "-o", "/nonexistent-dir/book.xlsx"]);
    expect([r.code, r.stdout]).toEqual([2, ""]);
    expect(r.stderr).toMatch(/cannot write \/nonexistent-dir\/book\.xlsx/);
  });

  it("refuses a bad --period before writing, and --period for a deal file", async () => {
    const out = path.join(dir, "never.xlsx");
    const r = await hpcDeal(["xlsx", book, "-o", out, "--period", "week"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--period \(period\) must be month, quarter or year/);
    const deal = file("alpha.json", alpha);
    const d = await hpcDeal(["xlsx", deal, "-o", out, "--period", "month"]);
    expect(d.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
