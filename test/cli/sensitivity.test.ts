import { main } from "../../src/cli/main";
import { csvField } from "../../src/cli/sensitivity";
import type { CliIO } from "../../src/cli/io";

/** `hpc-deal sensitivity` in-process: the CSV contract of issue 18 and its refusals. */

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function hpcDeal(args: string[], files: Record<string, unknown>): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    out: (t) => (stdout += t),
    err: (t) => (stderr += t),
    readInput: (p) => {
      if (!(p in files)) return Promise.reject(new Error(`no file ${p}`));
      return Promise.resolve(JSON.stringify(files[p]));
    },
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const SMALL = { capacityMW: 1, ratePerKWMonth: 10, termMonths: 12, startDate: "2025-01-31" };
const HOST = {
  capacityMW: 20,
  ratePerKWMonth: 130,
  termMonths: 36,
  startDate: "2025-03-31",
  escalator: 0.02,
  prepayment: 5000000,
  opexPerMWMonth: 10000,
  discountRate: 0.1,
  capex: [{ date: "2024-11-15", amount: 60000000 }],
};

function csv(stdout: string): string[][] {
  return stdout
    .trimEnd()
    .split("\n")
    .map((l) => l.split(","));
}

describe("hpc-deal sensitivity", () => {
  it("prints the header row (figure, column values) and one row per row value, money in cents", async () => {
    const r = await hpcDeal(
      [
        "sensitivity",
        "d.json",
        "--figure",
        "contractValue",
        "--rows",
        "ratePerKWMonth=10,20.5",
        "--cols",
        "termMonths=12,24",
      ],
      { "d.json": SMALL },
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(["contractValue,12,24", "10,120000.00,240000.00", "20.5,246000.00,492000.00", ""].join("\n"));
  });

  it("agrees with `hpc-deal summary` of the hand-edited deal, cell by cell, for every figure", async () => {
    const rows = ["120", "130", "140.25"];
    const cols = ["0", "1", "7"];
    for (const figure of ["contractValue", "npv", "hostNpv", "irr", "averageAnnualRevenue", "totalNetCash"]) {
      const r = await hpcDeal(
        [
          "sensitivity",
          "h.json",
          "--figure",
          figure,
          "--rows",
          `ratePerKWMonth=${rows.join(",")}`,
          "--cols",
          `delayMonths=${cols.join(",")}`,
        ],
        { "h.json": HOST },
      );
      expect(r.code).toBe(0);
      const table = csv(r.stdout);
      expect(table[0]).toEqual([figure, ...cols]);
      for (const [i, rate] of rows.entries()) {
        expect(table[i + 1][0]).toBe(rate);
        for (const [j, delay] of cols.entries()) {
          const start = ["2025-03-31", "2025-04-30", "2025-10-31"][j];
          const hand = { ...HOST, ratePerKWMonth: Number(rate), startDate: start, prepaymentDate: "2025-03-31" };
          expect(delay).toBe(cols[j]);
          const s = await hpcDeal(["summary", "x.json"], { "x.json": hand });
          expect(s.code).toBe(0);
          const summary = JSON.parse(s.stdout) as Record<string, string>;
          expect(`${figure} ${rate} ${delay}: ${table[i + 1][j + 1]}`).toBe(
            `${figure} ${rate} ${delay}: ${summary[figure]}`,
          );
        }
      }
    }
  });

  it("gives breakevenHashprice as `hpc-deal summary` does, over mining.KEY inputs", async () => {
    const mined = { ...HOST, mining: { hashprice: 50, efficiencyJPerTH: 20, powerCostPerKWh: 0.04 } };
    const r = await hpcDeal(
      [
        "sensitivity",
        "m.json",
        "--figure",
        "breakevenHashprice",
        "--rows",
        "mining.powerCostPerKWh=0.03,0.05",
        "--cols",
        "delayMonths=0,3",
      ],
      { "m.json": mined },
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const table = csv(r.stdout);
    for (const [i, p] of [0.03, 0.05].entries()) {
      for (const [j, start] of ["2025-03-31", "2025-06-30"].entries()) {
        const hand = {
          ...mined,
          startDate: start,
          prepaymentDate: "2025-03-31",
          mining: { ...mined.mining, powerCostPerKWh: p },
        };
        const s = await hpcDeal(["summary", "x.json"], { "x.json": hand });
        expect(table[i + 1][j + 1]).toBe((JSON.parse(s.stdout) as Record<string, string>).breakevenHashprice);
      }
    }
    const none = await hpcDeal(
      ["sensitivity", "h.json", "--figure", "breakevenHashprice", "--rows", "termMonths=12", "--cols", "escalator=0"],
      { "h.json": HOST },
    );
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/mining/);
  });

  it("takes --rate like summary; an input discountRate replaces it", async () => {
    const noRate = { ...HOST, discountRate: undefined };
    const r = await hpcDeal(
      [
        "sensitivity",
        "h.json",
        "--rate",
        "0.08",
        "--figure",
        "npv",
        "--rows",
        "discountRate=0.05,0.1",
        "--cols",
        "escalator=0",
      ],
      { "h.json": noRate },
    );
    expect(r.code).toBe(0);
    const s = await hpcDeal(["summary", "h.json", "--rate", "0.1"], { "h.json": { ...noRate, escalator: 0 } });
    expect(csv(r.stdout)[2][1]).toBe((JSON.parse(s.stdout) as Record<string, string>).npv);
    const without = await hpcDeal(
      ["sensitivity", "h.json", "--figure", "npv", "--rows", "escalator=0", "--cols", "ratePerKWMonth=1"],
      { "h.json": noRate },
    );
    expect(without.stdout).toBe("npv,1\n0,no discount rate\n");
  });

  it("writes an invalid combination as its short text, quoted when it holds a comma", async () => {
    const r = await hpcDeal(
      ["sensitivity", "d.json", "--figure", "totalNetCash", "--rows", "termMonths=0,12", "--cols", "escalator=-2,0"],
      { "d.json": SMALL },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        "totalNetCash,-2,0",
        '0,"termMonths must be a whole number of months >= 1, got 0","termMonths must be a whole number of months >= 1, got 0"',
        '12,"escalator must be a fraction > -1 (0.03 = 3 %), got -2",120000.00',
        "",
      ].join("\n"),
    );
  });

  it("quotes CSV fields as RFC 4180 asks", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField("no IRR in (-99 %, 10,000 %)")).toBe('"no IRR in (-99 %, 10,000 %)"');
  });

  const base = ["sensitivity", "d.json", "--figure", "npv", "--rows", "ratePerKWMonth=1,2", "--cols", "termMonths=12"];
  const refused: [string, string[], RegExp][] = [
    ["an unknown figure", ["--figure", "npx"], /--figure must be one of contractValue, npv, hostNpv, irr/],
    ["a figure the table does not have", ["--figure", "revenuePerMWYear"], /--figure must be one of/],
    [
      "an unknown term",
      ["--rows", "rate=1,2"],
      /--rows must name a numeric term, delayMonths or mining.KEY .*got "rate"/,
    ],
    ["a text term", ["--cols", "name=1"], /--cols must name a numeric term/],
    [
      "a non-numeric value",
      ["--rows", "ratePerKWMonth=1,abc"],
      /--rows ratePerKWMonth: value 2 must be a number, got "abc"/,
    ],
    ["a percent sign", ["--cols", "escalator=3%"], /--cols escalator: value 1 must be a number, got "3%"/],
    ["an empty list", ["--cols", "termMonths="], /--cols termMonths: the list of values is empty/],
    ["an empty value", ["--cols", "termMonths=12,,24"], /--cols termMonths: value 2 is empty/],
    ["no term", ["--cols", "=1,2"], /--cols must name a term before "="/],
    ["no =", ["--rows", "ratePerKWMonth"], /--rows must be TERM=v1,v2,\.\.\., got "ratePerKWMonth"/],
    ["the same input twice", ["--cols", "ratePerKWMonth=3"], /--rows and --cols must vary different inputs/],
    ["a bad --rate", ["--rate", "abc"], /--rate must be an annual fraction/],
  ];
  it.each(refused)("refuses %s with exit 2, naming it", async (_what, change, message) => {
    const args = [...base];
    for (let i = 0; i < change.length; i += 2) {
      const at = args.indexOf(change[i]);
      if (at >= 0) args[at + 1] = change[i + 1];
      else args.push(change[i], change[i + 1]);
    }
    const r = await hpcDeal(args, { "d.json": SMALL });
    expect(r.stdout).toBe("");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it.each([
    ["--figure", /missing --figure F/],
    ["--rows", /missing --rows TERM=v1,v2,\.\.\./],
    ["--cols", /missing --cols TERM=v1,v2,\.\.\./],
  ])("refuses a request without %s", async (option, message) => {
    const args = [...base];
    args.splice(args.indexOf(option), 2);
    const r = await hpcDeal(args, { "d.json": SMALL });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it("refuses an option with no value, an unknown option, a second file, too many values, an invalid deal", async () => {
    const cases: [string[], RegExp, Record<string, unknown>?][] = [
      [[...base.slice(0, -1)], /--cols needs a value/],
      [[...base, "--what", "1"], /unknown option "--what"/],
      [[...base, "--rows", "termMonths=1"], /--rows is given twice: give it once/],
      [[...base, "e.json"], /unexpected argument "e.json"/],
      [
        [...base.slice(0, 5), `ratePerKWMonth=${Array.from({ length: 101 }, (_, i) => i).join(",")}`, ...base.slice(6)],
        /--rows ratePerKWMonth takes at most 100 values, got 101/,
      ],
      [base, /termMonths must be a whole number of months >= 1, got 0/, { "d.json": { ...SMALL, termMonths: 0 } }],
      [base, /capacityMW can be varied only for a deal without tranches/, undefined],
    ];
    const withTranches = {
      ...SMALL,
      capacityMW: undefined,
      startDate: undefined,
      tranches: [{ date: "2025-01-01", mw: 1 }],
    };
    cases[cases.length - 1] = [
      ["sensitivity", "t.json", "--figure", "npv", "--rows", "capacityMW=1,2", "--cols", "termMonths=12"],
      /--rows: capacityMW can be varied only for a deal without tranches/,
      { "t.json": withTranches },
    ];
    for (const [args, message, files] of cases) {
      const r = await hpcDeal(args, files ?? { "d.json": SMALL });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});
