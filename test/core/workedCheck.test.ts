import {
  buildSchedule,
  fullyCreditedMonth,
  money,
  parseIsoDate,
  prepaymentRemaining,
  summarize,
  validateDeal,
  type CalendarDate,
} from "../../src/core";
import { WORKED_CHECK_FILE } from "../support/deals";

const worked = WORKED_CHECK_FILE;

function date(iso: string): CalendarDate {
  const d = parseIsoDate(iso);
  if (!d) throw new Error(iso);
  return d;
}

describe("the spec's worked check (§5)", () => {
  const checked = validateDeal(worked);
  if (!checked.ok) throw checked.error;
  const schedule = buildSchedule(checked.value);
  const summary = summarize(schedule);

  it("starts in the prepayment month and ends with the last billing month", () => {
    expect(schedule.rows).toHaveLength(6 + 144);
    expect(summary.firstMonth).toEqual(date("2024-07-01"));
    expect(summary.lastMonth).toEqual(date("2036-12-01"));
  });

  it("bills 24,306,000.00 a month and nothing before billing starts", () => {
    expect(money(schedule.rows[0].grossFee)).toBe("0.00");
    expect(money(schedule.rows[6].grossFee)).toBe("24306000.00");
    expect(money(schedule.rows[149].grossFee)).toBe("24306000.00");
  });

  it("credits 2,083,333.33 or .34 a month, summing to the prepayment exactly", () => {
    const credits = schedule.rows.slice(6).map((r) => money(r.credit));
    expect(new Set(credits)).toEqual(new Set(["2083333.33", "2083333.34"]));
    expect(money(summary.totalCredits)).toBe("300000000.00");
    expect(money(summary.uncreditedPrepayment)).toBe("0.00");
  });

  it("has a contract value of 3,500,064,000.00", () => {
    expect(money(summary.contractValue)).toBe("3500064000.00");
  });

  it("leaves 147,916,666.67 to recoup on 2031-01-01, after 73 credits", () => {
    expect(money(prepaymentRemaining(schedule, date("2031-01-01")))).toBe("147916666.67");
    expect(money(prepaymentRemaining(schedule, date("2024-12-31")))).toBe("300000000.00");
    expect(money(prepaymentRemaining(schedule, date("2036-12-01")))).toBe("0.00");
    expect(money(prepaymentRemaining(schedule, date("2040-01-01")))).toBe("0.00");
  });

  it("counts the prepayment as cash in its month", () => {
    expect(money(schedule.rows[0].netCashFlow)).toBe("300000000.00");
    expect(money(summary.totalNetCash)).toBe("3500064000.00");
  });
});

describe("fullyCreditedMonth", () => {
  it("is the month of the last credit, or null without a prepayment or with a remainder", () => {
    const full = validateDeal(WORKED_CHECK_FILE);
    if (!full.ok) throw full.error;
    expect(fullyCreditedMonth(buildSchedule(full.value))).toEqual(date("2036-12-01"));
    const none = validateDeal({ ...WORKED_CHECK_FILE, prepayment: 0 });
    if (!none.ok) throw none.error;
    expect(fullyCreditedMonth(buildSchedule(none.value))).toBeNull();
    const left = validateDeal({ ...WORKED_CHECK_FILE, creditMonths: 2400 });
    if (!left.ok) throw left.error;
    expect(fullyCreditedMonth(buildSchedule(left.value))).toBeNull();
  });
});
