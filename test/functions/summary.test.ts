import fc from "fast-check";
import { buildSchedule, summarize, validateDeal, type Summary } from "../../src/core";
import { summaryAtOwnRate } from "../../src/functions/deal";
import { dealArb } from "../fuzz/dealArb";

/** Every field of a summary as text: decimals exactly, dates, nulls. */
function textOf(s: Summary): Record<string, string> {
  return Object.fromEntries(
    Object.entries(s).map(([k, v]) => [k, v === null ? "null" : typeof v === "object" ? JSON.stringify(v) : String(v)]),
  );
}

describe("the functions' summary of a schedule", () => {
  it("is the core's summarize, field for field, with and without capex and a discount rate", () => {
    let withCapex = 0;
    fc.assert(
      fc.property(dealArb, fc.constantFrom<unknown>(undefined, null, 0.08, 0, -0.05, "0.1234567"), (raw, rate) => {
        const deal: Record<string, unknown> = { ...raw };
        if (rate !== undefined) deal.discountRate = rate;
        const checked = validateDeal(deal);
        if (!checked.ok) return;
        if (checked.value.capex.length > 0) withCapex++;
        const schedule = buildSchedule(checked.value);
        const reference = summarize(buildSchedule(checked.value));
        const fast = summaryAtOwnRate(schedule);
        expect(Object.keys(fast)).toEqual(Object.keys(reference));
        expect(textOf(fast)).toEqual(textOf(reference));
      }),
      { numRuns: 120 },
    );
    expect(withCapex).toBeGreaterThan(5);
  });
});
