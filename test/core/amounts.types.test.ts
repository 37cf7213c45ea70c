import {
  Decimal,
  npv,
  npvReference,
  round2,
  summarize,
  validateDeal,
  type Cents,
  type Money,
  type Summary,
  type Unrounded,
} from "../../src/core";
import { certifiedXnpvCents } from "../../src/core/xnpv";
import { buildSchedule } from "../../src/core/schedule";

/**
 * Rounded and unrounded amounts are distinct types (issue 12 item 3). The
 * `@ts-expect-error` lines are the test: `npx tsc` (and ts-jest) fail if any
 * of them compiles, i.e. if an unrounded amount could pass for cents again.
 * The runtime part checks that the brands are types only.
 */

const checked = validateDeal({ capacityMW: 1, ratePerKWMonth: 100, termMonths: 12, startDate: "2025-01-01" });
if (!checked.ok) throw checked.error;
const schedule = buildSchedule(checked.value);
const rate = new Decimal("0.1");

function takesMoney(x: Money): string {
  return x.toFixed(2);
}
function takesUnrounded(x: Unrounded): string {
  return x.toString();
}

describe("Money, Unrounded and Cents are distinct types", () => {
  it("lets each go where it belongs, and only there", () => {
    const exact: Unrounded = npvReference(schedule, rate);
    const cents: Money = npv(schedule, rate);
    takesMoney(cents);
    takesMoney(round2(exact)); // rounding makes Money
    takesMoney(schedule.rows[0].grossFee);
    takesUnrounded(exact);

    // @ts-expect-error an unrounded XNPV is not cents
    takesMoney(exact);
    // @ts-expect-error nor is a plain Decimal
    takesMoney(new Decimal("1.005"));
    // @ts-expect-error an average is unrounded
    takesMoney(summarize(schedule).averageAnnualRevenue);
    // @ts-expect-error cents are not an unrounded amount either
    takesUnrounded(cents);

    const s = summarize(schedule);
    // @ts-expect-error a summary's NPV is Money: an unrounded one cannot be put in its place
    const wrong: Summary = { ...s, npv: exact };
    // A Money is a Decimal: every Decimal reader takes it.
    const asDecimal: Decimal = cents;

    // @ts-expect-error a plain number is not Cents
    const c: Cents = 12;
    const decided: Cents | undefined = certifiedXnpvCents(schedule.cents!.netCashFlow, 0, 2025 * 12, rate);

    // The brands cost nothing at run time: the same Decimal and number values.
    expect(wrong.npv).toBe(exact);
    expect(asDecimal).toBe(cents);
    expect(c).toBe(12);
    expect(decided === undefined || Number.isInteger(decided)).toBe(true);
    expect(cents.toString()).toBe(round2(exact).toString());
  });
});
