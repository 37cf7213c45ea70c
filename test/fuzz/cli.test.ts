import fc from "fast-check";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import { WORKED_CHECK_FILE } from "../support/deals";
import { Counter, expectNoPollution, runs } from "./support";

/** hpc-deal in-process on fuzzed deal files: exit 0 or 2 with a message, never 1, never a stack trace. */

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

async function runCli(argv: readonly string[], text: string): Promise<Run> {
  let out = "";
  let err = "";
  const io: CliIO = {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    readInput: async () => text,
  };
  const code = await main(argv, io);
  return { code, out, err };
}

const WORKED = JSON.stringify(WORKED_CHECK_FILE, null, 2);

const fileText = fc.oneof(
  fc.json(),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify({ ...WORKED_CHECK_FILE, escalator: v })),
  fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.string({ maxLength: 6 })).map(([at, len, ins]) => {
    const i = at % (WORKED.length + 1);
    return WORKED.slice(0, i) + ins + WORKED.slice(i + len);
  }),
  fc.constantFrom(
    WORKED,
    "",
    "\uFEFF" + WORKED,
    "[".repeat(5000) + "]".repeat(5000),
    '{"__proto__": {"polluted": 1}, "capacityMW": 1}',
    '{"constructor": {"prototype": {"polluted": 1}}}',
    '{"capacityMW": 1e400, "ratePerKWMonth": 1, "termMonths": 1, "startDate": "2025-01-01"}',
    '{"capacityMW": 200, "capacityMW": 100, "ratePerKWMonth": 1, "termMonths": 1200, "startDate": "2025-01-01"}',
    JSON.stringify({ ...WORKED_CHECK_FILE, termMonths: 10_000_000 }),
    JSON.stringify({ ...WORKED_CHECK_FILE, name: "x".repeat(100_000) }),
  ),
);

const argv = fc.oneof(
  fc.constant(["schedule", "deal.json"]),
  fc.constant(["summary", "deal.json"]),
  fc.constantFrom("0.1", "-1", "abc", "1e400", "", "10%").map((rate) => ["summary", "deal.json", "--rate", rate]),
  fc.constantFrom("2031-01-01", "2031-02-30", "x", "").map((date) => ["remaining", "deal.json", date]),
  fc.constant(["plan", "deal.json"]),
  fc.constant(["summary", "-"]),
);

describe("fuzzing hpc-deal", () => {
  it("answers every file with exit 0 or 2 and a message, never 1, never a stack trace", async () => {
    const counter = new Counter("cli: fuzzed deal files");
    try {
      await fc.assert(
        fc.asyncProperty(argv, fileText, async (args, text) => {
          counter.hit();
          const r = await runCli(args, text);
          expect([0, 2]).toContain(r.code);
          expect(r.err).not.toMatch(/\n\s+at |internal error/);
          if (r.code === 2) expect(r.err).toMatch(/^hpc-deal: \S/);
          else expect(r.out.length).toBeGreaterThan(0);
          expectNoPollution();
        }),
        { numRuns: runs(40) },
      );
    } finally {
      counter.report();
    }
  });

  it("refuses a deal file that gives a key twice", async () => {
    const r = await runCli(
      ["summary", "deal.json"],
      '{"capacityMW": 200, "capacityMW": 100, "ratePerKWMonth": 1, "termMonths": 12, "startDate": "2025-01-01"}',
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain("capacityMW is given twice");
  });
});
