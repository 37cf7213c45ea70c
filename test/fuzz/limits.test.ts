import "../support/customFunctionsShim";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { LIMITS, computeDeal, toExcelSerial, parseIsoDate, type CalendarDate } from "../../src/core";
import { main } from "../../src/cli/main";
import { clearCaches } from "../../src/functions/resolve";
import { dealSummary, hostingCashflow } from "../../src/functions/functions";
import { CustomFunctionsError } from "../support/customFunctionsShim";
import { Counter } from "./support";

/**
 * Bounded work: the largest deals the limits allow, through the core, the
 * functions and the CLI. The bound asserted (2 s of CPU time, so that a busy
 * machine does not fail it) is a guard against pathological blow-ups, not a
 * benchmark (npm run bench is).
 */
const BOUND_MS = 2000;
/**
 * The pathological cases below run in workers stopped after this long (wall time, with a
 * worker's start-up, two at once on a busy machine): a guard against the minutes they once
 * took, not a benchmark. Alone they take well under a second.
 */
const SLOW_BOUND_MS = 5000;

jest.setTimeout(30_000);

function isoOf(month: number): string {
  const year = 2025 + Math.floor(month / 12);
  return `${year}-${String((month % 12) + 1).padStart(2, "0")}-01`;
}

/** 120 tranches whose starts spread over 1,200 months: 1,200-month terms fill the 2,400-row schedule. */
function spreadTranches(mw: number | string): { date: string; mw: number | string }[] {
  return Array.from({ length: LIMITS.maxTranches }, (_, i) => ({
    date: isoOf(Math.floor((i * (LIMITS.maxScheduleMonths - LIMITS.maxTermMonths)) / (LIMITS.maxTranches - 1))),
    mw,
  }));
}

const WORST = {
  name: "x".repeat(LIMITS.maxTextLength),
  ratePerKWMonth: 250,
  termMonths: LIMITS.maxTermMonths,
  escalator: 0.03,
  prepayment: 9_999_999_999.99,
  prepaymentDate: "2025-01-01",
  creditMethod: "percent-of-fee",
  creditPercent: 0.5,
  opexPerMWMonth: 12_345.67,
  discountRate: 0.1,
  tranches: spreadTranches(7.5),
};

/** Valid deals at the limits, each a different way to make the schedule work hard. */
const CASES: Record<string, Record<string, unknown>> = {
  "120 tranches × 1,200 months, 2,400 rows, percent-of-fee": WORST,
  "the same, straight-line over 2,400 credit months": { ...WORST, creditMethod: "straight-line", creditMonths: 2400 },
  // A steep escalator (50 %) over 99 anniversaries: the rate must be tiny for the fee limit.
  // (The largest, 1,000 %, cannot run 100 years within the fee limit with 20-decimal inputs.)
  "50 % escalator over 100 years": {
    ...WORST,
    escalator: 0.5,
    ratePerKWMonth: "0.000000000001",
    tranches: spreadTranches(0.001),
  },
};

function dateCell(iso: string): number {
  return toExcelSerial(parseIsoDate(iso) as CalendarDate);
}

function asSheet(deal: Record<string, unknown>): { terms: unknown[][]; tranches: unknown[][] } {
  const labels: Record<string, string> = {
    name: "Deal",
    ratePerKWMonth: "Rate ($/kW-month)",
    termMonths: "Term (months)",
    escalator: "Annual escalator",
    prepayment: "Prepayment ($)",
    prepaymentDate: "Prepayment date",
    creditMethod: "Credit method",
    creditMonths: "Credit months",
    creditPercent: "Credit % of fee",
    opexPerMWMonth: "Opex ($/MW-month)",
    discountRate: "Discount rate",
  };
  const terms = Object.entries(labels)
    .filter(([key]) => deal[key] !== undefined)
    .map(([key, label]) => [label, key === "prepaymentDate" ? dateCell(deal[key] as string) : deal[key]]);
  const tranches = (deal.tranches as { date: string; mw: unknown }[]).map((t) => [dateCell(t.date), t.mw]);
  return { terms, tranches: [["Date", "MW"], ...tranches] };
}

/** CPU milliseconds of this process (user + system) since `from`. */
function cpuMs(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
}

function timed<T>(body: () => T): { value: T; ms: number } {
  const c0 = process.cpuUsage();
  const value = body();
  return { value, ms: cpuMs(c0) };
}

const measured: string[] = [];

afterAll(() => {
  const counter = new Counter("limits: worst-case timings");
  counter.note(measured.join("; "));
});

describe.each(Object.entries(CASES))("%s", (label, deal) => {
  it("is valid and computed by the core within the bound", () => {
    const { value, ms } = timed(() => computeDeal(deal));
    if (!value.ok) throw value.error;
    expect(value.value.schedule.rows.length).toBeGreaterThan(1200);
    measured.push(`${label}: core ${ms.toFixed(0)} ms CPU`);
    expect(ms).toBeLessThan(BOUND_MS);
  });
});

// The surfaces add conversion and formatting to the core's work: timed on the worst case only.
describe("the worst case through the surfaces", () => {
  const label = Object.keys(CASES)[0];
  const deal = CASES[label];

  it("is computed by HPC.HOSTINGCASHFLOW and HPC.DEALSUMMARY within the bound", () => {
    clearCaches();
    const { terms, tranches } = asSheet(deal);
    const { value, ms } = timed(() => [hostingCashflow(terms, tranches), dealSummary(terms, tranches)]);
    for (const answer of value) expect(answer).not.toBeInstanceOf(CustomFunctionsError);
    expect((value[0] as unknown[][]).length).toBeGreaterThan(1200);
    measured.push(`${label}: functions ${ms.toFixed(0)} ms CPU`);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it("is scheduled by hpc-deal within the bound", async () => {
    let out = "";
    const c0 = process.cpuUsage();
    const code = await main(["schedule", "deal.json"], {
      out: (t) => (out += t),
      err: () => undefined,
      readInput: async () => JSON.stringify(deal),
    });
    const ms = cpuMs(c0);
    expect(code).toBe(0);
    expect(out.split("\n").length).toBeGreaterThan(1200);
    measured.push(`${label}: cli ${ms.toFixed(0)} ms CPU`);
    expect(ms).toBeLessThan(BOUND_MS);
  });
});

describe("inputs past the limits are refused at once, naming the limit", () => {
  it.each([
    [{ ...WORST, termMonths: 10_000_000 }, "termMonths must be at most 1,200 (a limit of this add-in)"],
    [{ ...WORST, tranches: [...WORST.tranches, WORST.tranches[0]] }, "tranches must hold at most 120 tranches"],
    [{ ...WORST, prepaymentDate: "1900-01-01" }, "the schedule must span at most 2400 months"],
    [{ ...WORST, escalator: 10.5 }, "escalator must be at most 10 (a limit of this add-in)"],
    [{ ...WORST, escalator: 10 }, "escalator is too large"],
    [{ ...WORST, name: "x".repeat(201) }, "name must be at most 200 characters"],
  ])("%#", (deal, message) => {
    const { value, ms } = timed(() => computeDeal(deal));
    expect(value.ok).toBe(false);
    if (!value.ok) expect(value.error.message).toContain(message);
    expect(ms).toBeLessThan(100);
  });
});

/** Runs computeDeal on the built core in a worker, stopped at the deadline: "timeout" when it is. */
function inWorker(deal: Record<string, unknown>, deadlineMs: number): Promise<{ ok: boolean; ms: number } | "timeout"> {
  const worker = new Worker(path.join(__dirname, "timeDeal.worker.js"), {
    workerData: { corePath: path.resolve(__dirname, "../../lib/core/index.js"), deal },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      resolve("timeout");
      void worker.terminate();
    }, deadlineMs);
    worker.once("message", (m: { ok: boolean; ms: number }) => {
      clearTimeout(timer);
      resolve(m);
      void worker.terminate();
    });
    worker.once("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/**
 * Found by these probes: number text such as "1e-999999" once carried a
 * million digits into the schedule's exact sums, and every escalator's
 * digits grew year by year, so one cell could compute for minutes. Numbers
 * now carry at most 20 significant digits and 20 decimal places (values.ts),
 * and the escalation chain is carried at 80 digits (decimal.ts). The deals
 * below are the slow ones of then: the valid ones must now finish within
 * the bound, the others are refused at once with the limit named.
 */
describe("pathological escalators and tiny numbers", () => {
  const VALID: Record<string, Record<string, unknown>> = {
    "escalator with a double's 16 digits (=3%/7), 120 tranches": { ...WORST, escalator: 0.03 / 7 },
    "20 significant digits, 120 tranches": {
      ...WORST,
      escalator: "0.01234567890123456789",
      ratePerKWMonth: "1.2345678901234567891",
      tranches: spreadTranches("1.2345678901234567891"),
      creditPercent: "0.12345678901234567891",
    },
  };
  const REFUSED: Record<string, Record<string, unknown>> = {
    "1.2345678901234567891e-40, 120 tranches": { ...WORST, escalator: "1.2345678901234567891e-40" },
    '"1e-3000", one tranche of 1,200 months': {
      ...WORST,
      tranches: undefined,
      capacityMW: 1,
      startDate: "2025-01-01",
      escalator: "1e-3000",
    },
    'a tranche of "1e-999999" MW beside one of 1 MW': {
      ...WORST,
      escalator: 0,
      tranches: [
        { date: "2025-01-01", mw: 1 },
        { date: "2030-01-01", mw: "1e-999999" },
      ],
    },
  };
  const results = new Map<string, Promise<{ ok: boolean; ms: number } | "timeout">>();

  beforeAll(() => {
    // Concurrently: the file waits for the bound once, not once per case.
    for (const [label, deal] of Object.entries(VALID)) results.set(label, inWorker(deal, SLOW_BOUND_MS));
  });

  it.each(Object.keys(VALID))("%s is valid and finishes within the bound", async (label) => {
    const result = await results.get(label);
    expect(result).not.toBe("timeout");
    expect(result).toMatchObject({ ok: true });
  });

  it.each(Object.keys(REFUSED))("%s is refused at once, naming the digit limit", (label) => {
    const { value, ms } = timed(() => computeDeal(REFUSED[label]));
    expect(value.ok).toBe(false);
    if (!value.ok) expect(value.error.message).toContain("at most 20 significant digits and 20 decimal places");
    expect(ms).toBeLessThan(100);
  });
});
