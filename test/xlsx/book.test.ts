/** A portfolio file as one workbook: each deal's sheet and the portfolio sheet, its cached values the CLI's. */
import JSZip from "jszip";
import { validatePortfolio, type DealFile } from "../../src/core";
import { PORTFOLIO_LAYOUT, columnLetter, planPortfolioSheet } from "../../src/plan";
import { exportBookXlsx } from "../../src/xlsx";
import { planBook } from "../../src/xlsx/book";
import { AS_OF, AS_OF_ISO, cents, cli, openSheets, shown } from "./helpers";

const alpha = {
  name: "Alpha",
  capacityMW: 100,
  ratePerKWMonth: 120,
  termMonths: 24,
  startDate: "2025-01-01",
  prepayment: 1200000,
  prepaymentDate: "2024-10-01",
};
const barber = {
  name: "Barber Lake",
  tranches: [
    { date: "2025-06-15", mw: 50 },
    { date: "2025-09-01", mw: 30 },
  ],
  ratePerKWMonth: 100,
  termMonths: 12,
  discountRate: 0.5,
  capex: [{ date: "2024-12-01", amount: 50000000 }],
  renewalOptions: 2,
  renewalMonths: 6,
};
// A second deal named as the first: its sheet and names must not collide.
const alphaToo = { ...alpha, capacityMW: 40, startDate: "2025-04-01", prepayment: 0 };
const file = { name: "Book", deals: [alpha, barber, alphaToo], discountRate: 0.1 };

function portfolio() {
  const checked = validatePortfolio(file);
  if (!checked.ok) throw checked.error;
  return checked.value;
}

function plan(period: "quarter" | "month" = "quarter") {
  return planBook(portfolio(), file.deals as DealFile[], {
    period: { period, fiscalYearEndMonth: 12 },
    runRateDate: AS_OF,
  });
}

const LABEL = columnLetter(PORTFOLIO_LAYOUT.tableColumn);
const GROSS_FEE = columnLetter(PORTFOLIO_LAYOUT.tableColumn + 5);

// `npm test` exports the live book (test/cli/xlsxBook.test.ts exports a values-only one); `npm run test:full`
// both (test/support/quick.js).
const MODES = process.env.HPC_QUICK_TESTS === "1" ? (["live"] as const) : (["live", "values"] as const);

describe("exportBookXlsx of a portfolio", () => {
  const book = plan();

  it("plans each deal with its own sheet and names, then the portfolio sheet", () => {
    const sheets = book.deals.map((d) => d.sheet);
    expect(new Set(sheets).size).toBe(3);
    const names = book.deals.flatMap((d) => d.names.map((n) => n.name));
    expect(new Set(names).size).toBe(names.length);
    expect(sheets).not.toContain(book.portfolio.sheet);
  });

  it.each(MODES)("writes every sheet, the quarterly gross fees as hpc-deal periods (%s)", async (mode) => {
    const bytes = await exportBookXlsx(book.deals, book.portfolio, { mode, asOf: AS_OF });
    const sheets = await openSheets(bytes);
    expect(sheets.map((s) => s.ws.name)).toEqual([...book.deals.map((d) => d.sheet), book.portfolio.sheet]);
    const portfolio = sheets[3];

    const csv = (await cli(["periods", "book.json"], file)).trimEnd().split("\n").slice(1);
    const fee = 5; // gross_fee, after period,start,end,months,billed_mw_end
    csv.forEach((line, i) => {
      const cols = line.split(",");
      const row = PORTFOLIO_LAYOUT.tableRow + 1 + i;
      expect([shown(portfolio, `${LABEL}${row}`), cents(shown(portfolio, `${GROSS_FEE}${row}`))]).toEqual([
        cols[0],
        cols[fee],
      ]);
    });
    // Nothing below the table: the spill is as long as the CLI's.
    expect(portfolio.ws.getCell(`${LABEL}${PORTFOLIO_LAYOUT.tableRow + 1 + csv.length}`).value).toBeNull();

    const runRate = (await cli(["runrate", "book.json", AS_OF_ISO], file)).trim();
    expect(cents(shown(portfolio, `B${PORTFOLIO_LAYOUT.runRateRow}`))).toBe(runRate);
    const summary = JSON.parse(await cli(["summary", "book.json"], file)) as Record<string, string>;
    expect(cents(shown(portfolio, `B${PORTFOLIO_LAYOUT.contractValueRow}`))).toBe(summary.contractValue);

    // Each deal's sheet is the deal's own export.
    for (const [i, deal] of [alpha, barber, alphaToo].entries()) {
      const one = JSON.parse(await cli(["summary", "deal.json"], deal)) as Record<string, string>;
      const first = Number(book.deals[i].deal.layout.summary.ref.split(":")[0].replace(/^[A-Z]+/, ""));
      expect(cents(shown(sheets[i], `B${first}`))).toBe(one.contractValue);
    }

    const zip = await JSZip.loadAsync(bytes);
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    for (const name of book.deals.flatMap((d) => d.names)) expect(workbookXml).toContain(`name="${name.name}"`);
    if (mode === "values") {
      for (const s of sheets) expect(s.sheetXml).not.toMatch(/<f[ >]/);
    } else {
      const table = portfolio.ws.getCell(`${LABEL}${PORTFOLIO_LAYOUT.tableRow}`).value as { formula: string };
      expect(table.formula).toMatch(/^_xldudf_HPC_PORTFOLIOPERIODS\("quarter",12,/);
      expect(portfolio.sheetXml).toMatch(
        new RegExp(`<c r="${LABEL}${PORTFOLIO_LAYOUT.tableRow}"[^>]*cm="1"[^>]*><f t="array" ref="${LABEL}5:`),
      );
    }
    // Every deal sheet keeps its chart; the portfolio sheet has its stacked columns over its by-deal table.
    expect(Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(4);
    const rels = await zip.file("xl/worksheets/_rels/sheet4.xml.rels")!.async("string");
    expect(rels).toContain('Target="../drawings/drawing4.xml"');
    expect(await zip.file("xl/drawings/_rels/drawing4.xml.rels")!.async("string")).toContain("../charts/chart4.xml");
    const chart = await zip.file("xl/charts/chart4.xml")!.async("string");
    expect(chart).toMatch(/<c:barChart><c:barDir val="col"\/><c:grouping val="stacked"\/>/);
    expect(chart.match(/<c:ser>/g)).toHaveLength(3);
    const [firstLabel, , , , , firstFee] = csv[0].split(",");
    expect(chart).toContain(
      `<c:strCache><c:ptCount val="${book.portfolio.chart.points}"/><c:pt idx="0"><c:v>${firstLabel}</c:v>`,
    );
    // The first period's fees by deal add up to the book's.
    const fees = [...chart.matchAll(/<c:val><c:numRef>.*?<c:pt idx="0"><c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1]));
    expect(cents(fees.reduce((a, b) => a + b, 0))).toBe(firstFee);
  });

  it("caches the model-versus-reported columns from the period table", async () => {
    const reported = planPortfolioSheet(
      {
        name: "Book",
        deals: book.deals.map((d, i) => ({
          title: d.deal.title,
          termsName: d.deal.termsName,
          tranchesName: d.deal.tranchesName,
          capexName: d.deal.capexName ?? null,
          terms: portfolio().deals[i],
        })),
        period: { period: "quarter", fiscalYearEndMonth: 12 },
        runRateDate: AS_OF,
        reported: [
          { period: "Q1 2025", amount: 36000000, source: "test" },
          { period: "Q1 2025", amount: 1, runRateDate: "2025-02-15", source: "test" },
        ],
      },
      { existingSheetNames: book.deals.map((d) => d.sheet) },
    );
    const sheets = await openSheets(await exportBookXlsx(book.deals, reported, { mode: "live", asOf: AS_OF }));
    const p = sheets[3];
    const row = PORTFOLIO_LAYOUT.reportedFirstRow;
    const csv = (await cli(["periods", "book.json"], file)).split("\n").find((l) => l.startsWith("Q1 2025,"))!;
    const fee = csv.split(",")[5];
    expect(cents(shown(p, `C${row}`))).toBe(fee);
    expect(cents(shown(p, `D${row}`))).toBe(cents(36000000 - Number(fee)));
    expect(cents(shown(p, `C${row + 1}`))).toBe((await cli(["runrate", "book.json", "2025-02-15"], file)).trim());
    // A blank row's model column is an empty text (exceljs reads `<v></v>` back as no result).
    expect(p.sheetXml).toMatch(new RegExp(`<c r="C${row + 2}"[^>]*t="str"[^>]*><f>[^<]*</f><v></v></c>`));
  });

  it("fails rather than cache a made-up value for a formula it cannot answer", async () => {
    const odd = { ...book.portfolio, cells: [...book.portfolio.cells, { ref: "Z1", formula: "=SUM(1,2)" }] };
    await expect(exportBookXlsx(book.deals, odd, { mode: "live", asOf: AS_OF })).rejects.toThrow(
      /no cached value for the formula in Z1/,
    );
    await expect(exportBookXlsx(book.deals, odd, { mode: "values", asOf: AS_OF })).rejects.toThrow(/Z1/);
  });
});
