import fc from "fast-check";
import { daysBetween, formatIsoDate, fromExcelSerial, parseIsoDate, toExcelSerial } from "../../src/core";
import { iso } from "./helpers";

/**
 * Dates at the boundaries (spec §2): Excel date serials (1900 date system,
 * with Lotus's phantom 1900-02-29) and strict ISO YYYY-MM-DD text. The
 * expected serials come from Date.UTC, not from the module under test.
 */

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 200);
const DAY_MS = 86_400_000;

/** Excel serial of a date, independently: days since 1899-12-30, minus one before 1900-03-01. */
function excelSerialOracle(year: number, month: number, day: number): number {
  const days = (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / DAY_MS;
  return days < 61 ? days - 1 : days;
}

const serialIso = (serial: number) => {
  const date = fromExcelSerial(serial);
  return date === undefined ? undefined : iso(date);
};

describe("Excel date serials", () => {
  it.each<[number, string]>([
    [1, "1900-01-01"],
    [31, "1900-01-31"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [366, "1900-12-31"],
    [367, "1901-01-01"],
    [36526, "2000-01-01"],
    [45474, "2024-07-01"],
    [45658, "2025-01-01"],
    [2958465, "9999-12-31"],
  ])("serial %p is %s", (serial, expected) => {
    expect(serialIso(serial)).toBe(expected);
    expect(toExcelSerial(parseIsoDate(expected)!)).toBe(serial);
  });

  it("has no date for the phantom 1900-02-29 (serial 60), nor for 0, negatives or past 9999-12-31", () => {
    for (const serial of [60, 60.5, 0, 0.5, -1, -45658, 2958466, NaN, Infinity, -Infinity]) {
      expect(serialIso(serial)).toBeUndefined();
    }
  });

  it("takes the date part of a fractional serial (a date-time)", () => {
    expect(serialIso(45658.0001)).toBe("2025-01-01");
    expect(serialIso(45658.5)).toBe("2025-01-01");
    expect(serialIso(45658.999999)).toBe("2025-01-01");
    expect(serialIso(59.9)).toBe("1900-02-28");
    expect(serialIso(1.25)).toBe("1900-01-01");
    expect(serialIso(2958465.75)).toBe("9999-12-31");
  });

  it("agrees with an independent Date.UTC count for every serial sampled", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958465 }), (serial) => {
        fc.pre(serial !== 60);
        const date = fromExcelSerial(serial);
        expect(date).toBeDefined();
        expect(excelSerialOracle(date!.year, date!.month, date!.day)).toBe(serial);
        expect(toExcelSerial(date!)).toBe(serial);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("round-trips every date 1900-01-01..9999-12-31 through its serial", () => {
    const dates = fc.integer({ min: Date.UTC(1900, 0, 1) / DAY_MS, max: Date.UTC(9999, 11, 31) / DAY_MS });
    fc.assert(
      fc.property(dates, (epochDay) => {
        const text = new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
        const date = parseIsoDate(text);
        expect(date).toBeDefined();
        const serial = toExcelSerial(date!);
        expect(serial).toBe(excelSerialOracle(date!.year, date!.month, date!.day));
        expect(serialIso(serial)).toBe(text);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe("ISO dates", () => {
  it.each(["2024-02-29", "2000-02-29", "2025-01-01", "2025-12-31", "1900-01-01", "9999-12-31", "2025-04-30"])(
    "accepts %s",
    (text) => {
      const date = parseIsoDate(text);
      expect(date).toBeDefined();
      expect(formatIsoDate(date!)).toBe(text);
      expect(iso(date!)).toBe(text);
    },
  );

  it.each([
    "2025-02-29",
    "1900-02-29",
    "2100-02-29",
    "2025-04-31",
    "2025-13-01",
    "2025-00-10",
    "2025-01-00",
    "2025-01-32",
    "2025-1-1",
    "2025-01-1",
    "25-01-01",
    "20250101",
    "2025/01/01",
    "01/01/2025",
    "2025-01-01T00:00:00Z",
    "2025-01-01 12:00",
    "+2025-01-01",
    "02025-01-01",
    "２０２５-01-01",
    "2025-０1-01",
    "",
    "2025",
    "2025-01",
    "Jan 1, 2025",
  ])("rejects %p", (text) => {
    expect(parseIsoDate(text)).toBeUndefined();
  });

  it("parses every real calendar date and nothing else (against Date.UTC)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, day) => {
          const text = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
          const real = new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
          const date = parseIsoDate(text);
          if (real) {
            expect(date).toEqual({ year, month, day });
            expect(formatIsoDate(date!)).toBe(text);
          } else {
            expect(date).toBeUndefined();
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it("counts days between dates as Date.UTC does", () => {
    expect(daysBetween(parseIsoDate("2024-01-01")!, parseIsoDate("2024-03-01")!)).toBe(60);
    expect(daysBetween(parseIsoDate("2025-01-01")!, parseIsoDate("2026-01-01")!)).toBe(365);
    expect(daysBetween(parseIsoDate("2026-01-01")!, parseIsoDate("2025-01-01")!)).toBe(-365);
    expect(daysBetween(parseIsoDate("1900-02-28")!, parseIsoDate("1900-03-01")!)).toBe(1);
  });
});
