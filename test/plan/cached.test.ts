import { Decimal, computeDeal, money, toExcelSerial, type DealModel } from "../../src/core";
import {
  COLUMNS,
  SCHEDULE_COLUMNS,
  SUMMARY_ROWS,
  columnLetter,
  parseCell,
  planCachedValues,
  type SheetPlan,
  type SummaryKey,
} from "../../src/plan";
import { MINIMAL, RETURNS, planOk } from "./fixtures";

/** The cached values an .xlsx carries for the host's returns: the summary's and the schedule's new columns. */

const AS_OF = { year: 2030, month: 1, day: 1 };

function model(deal: unknown): DealModel {
  const m = computeDeal(deal);
  if (!m.ok) throw m.error;
  return m.value;
}

function summaryRef(plan: SheetPlan, key: SummaryKey): string {
  const first = parseCell(plan.deal.layout.summary.ref.split(":")[0])?.row ?? 0;
  return `B${first + SUMMARY_ROWS.findIndex((r) => r.key === key)}`;
}

const column = (key: string) => columnLetter(COLUMNS.schedule + SCHEDULE_COLUMNS.findIndex((c) => c.key === key));
const cents = (x: unknown) => new Decimal(x as number).toFixed(2);

describe("the cached values of the host's returns", () => {
  it("follow core for a deal with capex and renewals: summary figures and the Capex and Host cash flow columns", () => {
    const plan = planOk(RETURNS);
    const values = planCachedValues(plan, { asOf: AS_OF });
    const m = model(RETURNS);
    const s = m.summary;
    expect(cents(values.get(summaryRef(plan, "hostNpv")))).toBe(money(s.hostNpv!));
    expect(cents(values.get(summaryRef(plan, "contractValueAllRenewals")))).toBe(money(s.contractValueAllRenewals));
    expect(cents(values.get(summaryRef(plan, "contractValue")))).toBe(money(s.contractValue));
    expect(s.irr).not.toBeNull();
    expect(values.get(summaryRef(plan, "irr"))).toBe(s.irr?.toNumber());
    expect(s.paybackMonth).not.toBeNull();
    expect(values.get(summaryRef(plan, "paybackMonth"))).toBe(toExcelSerial(s.paybackMonth!));
    expect(values.get(`${column("capex")}4`)).toBe("Capex");
    expect(values.get(`${column("hostCashFlow")}4`)).toBe("Host cash flow");
    m.schedule.rows.forEach((r, i) => {
      expect(cents(values.get(`${column("capex")}${5 + i}`))).toBe(money(r.capex));
      expect(cents(values.get(`${column("hostCashFlow")}${5 + i}`))).toBe(money(r.hostCashFlow));
    });
    // Capex before every other month starts the schedule.
    expect(values.get("E5")).toBe(toExcelSerial({ year: 2024, month: 6, day: 1 }));
  });

  it("are #NUM! for an IRR with no answer and #VALUE! for a host NPV without a rate", () => {
    const plan = planOk(MINIMAL);
    const values = planCachedValues(plan, { asOf: AS_OF });
    expect(values.get(summaryRef(plan, "irr"))).toEqual({ error: "#NUM!" });
    expect(values.get(summaryRef(plan, "hostNpv"))).toEqual({ error: "#VALUE!" });
    expect(values.get(summaryRef(plan, "paybackMonth"))).toBe(toExcelSerial({ year: 2026, month: 3, day: 1 }));
  });
});
