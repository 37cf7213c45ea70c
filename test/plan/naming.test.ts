import fc from "fast-check";
import {
  MAX_DEFINED_NAME,
  MAX_PREFIX,
  MAX_SHEET_NAME,
  NAME_SUFFIXES,
  abbreviateParty,
  basePrefix,
  baseSheetName,
  isValidDefinedName,
  isValidSheetName,
  sanitizeSheetName,
  uniqueNamePrefix,
  uniqueSheetName,
} from "../../src/plan";
import { MINIMAL, WORKED, planOk } from "./fixtures";

const fold = (s: string) => s.toUpperCase();

describe("names for parties", () => {
  it.each([
    ["CoreWeave", "CW"],
    ["TeraWulf", "TW"],
    ["Core Scientific", "CoreSci"],
    ["Applied Digital", "AppliedDig"],
    ["Hut 8", "Hut8"],
    ["AWS", "AWS"],
    ["Fluidstack", "Fluidstack"],
    ["Électricité de France", "ElectriciteDe"],
    ["", ""],
    ["  --  ", ""],
  ])("%s → %s", (party, short) => {
    expect(abbreviateParty(party)).toBe(short);
  });

  it("joins tenant and host with an en dash, else takes the deal's name", () => {
    expect(baseSheetName({ name: "x", tenant: "CoreWeave", host: "Core Scientific" })).toBe("CW–CoreSci");
    expect(baseSheetName({ name: "Barber Lake", tenant: "", host: "Cipher Mining" })).toBe("Barber Lake");
    expect(baseSheetName({ name: "", tenant: "", host: "" })).toBe("Deal");
    expect(basePrefix("CW–CoreSci")).toBe("CWCoreSci");
    expect(basePrefix("3 Rivers")).toBe("_3Rivers");
    expect(basePrefix("AB12")).toBe("_AB12");
    expect(basePrefix("–")).toBe("Deal");
  });
});

describe("validity", () => {
  it.each([
    ["CWCoreSci", true],
    ["_AB12", true],
    ["Deal.v2", true],
    ["A1B", true],
    ["AB12", false],
    ["xfd1048576", false],
    ["R1C1", false],
    ["rc", false],
    ["R", false],
    ["c", false],
    ["C12", false],
    ["R2", false],
    ["1Deal", false],
    [".Deal", false],
    ["Deal Sheet", false],
    ["CW–CoreSci", false],
    ["TRUE", false],
    ["", false],
    ["a".repeat(255), true],
    ["a".repeat(256), false],
  ])("defined name %j: %s", (name, valid) => {
    expect(isValidDefinedName(name)).toBe(valid);
  });

  it.each([
    ["CW–CoreSci", true],
    ["CW–CoreSci (2)", true],
    ["History", false],
    ["history", false],
    ["a/b", false],
    ["a[b]", false],
    ["what?", false],
    ["'quoted'", false],
    ["it's", true],
    ["", false],
    ["x".repeat(31), true],
    ["x".repeat(32), false],
  ])("sheet name %j: %s", (name, valid) => {
    expect(isValidSheetName(name)).toBe(valid);
  });

  it("makes any text a valid sheet name", () => {
    expect(sanitizeSheetName("a:b*c?d/e\\f[g]")).toBe("a-b-c-d-e-f-g-");
    expect(sanitizeSheetName("'''")).toBe("Deal");
    expect(sanitizeSheetName("History")).toBe("Deal");
    expect(sanitizeSheetName("x".repeat(40))).toBe("x".repeat(31));
  });
});

describe("uniqueness", () => {
  it("numbers sheets as Excel does, within 31 characters", () => {
    expect(uniqueSheetName("CW–CoreSci", [])).toBe("CW–CoreSci");
    expect(uniqueSheetName("CW–CoreSci", ["CW–CORESCI"])).toBe("CW–CoreSci (2)");
    expect(uniqueSheetName("CW–CoreSci", ["cw–coresci", "CW–CoreSci (2)"])).toBe("CW–CoreSci (3)");
    const long = "y".repeat(31);
    expect(uniqueSheetName(long, [long])).toBe(`${"y".repeat(27)} (2)`);
  });

  it("numbers prefixes, never reusing one an existing name starts with", () => {
    expect(uniqueNamePrefix("CWCoreSci", ["Other"])).toBe("CWCoreSci");
    expect(uniqueNamePrefix("CWCoreSci", ["CWCORESCI_Terms"])).toBe("CWCoreSci2");
    expect(uniqueNamePrefix("CWCoreSci", ["cwcoresci"])).toBe("CWCoreSci2");
    expect(uniqueNamePrefix("CWCoreSci", ["CWCoreSci_Terms", "CWCoreSci2_Tranches"])).toBe("CWCoreSci3");
    // A name that merely starts with the same letters does not block it.
    expect(uniqueNamePrefix("CWCoreSci", ["CWCoreSciX_Terms"])).toBe("CWCoreSci");
    // "AB" + 2 would be a cell reference.
    expect(uniqueNamePrefix("AB", ["AB_Terms"])).toBe("AB_2");
  });

  const party = fc.oneof(
    fc.constantFrom("CoreWeave", "Core Scientific", "Hut 8", "AWS", "History", "R1C1", "AB12", "'x'", "[a]"),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: "grapheme", maxLength: 40 }),
  );

  /** Existing names built to collide: the would-be names in random case, numbered variants, noise. */
  function collisions(base: string) {
    const variant = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.boolean(), fc.boolean()).map(([k, upper, paren]) => {
      const s = k === 1 ? base : paren ? `${base} (${k})` : `${base}${k}`;
      return upper ? s.toUpperCase() : s.toLowerCase();
    });
    return fc.array(fc.oneof(variant, fc.string({ maxLength: 35 })), { maxLength: 30 });
  }

  it("always gives a valid, new sheet name (property)", () => {
    fc.assert(
      fc.property(
        fc
          .record({ name: party, host: party, tenant: party })
          .chain((deal) => fc.tuple(fc.constant(deal), collisions(baseSheetName(deal)))),
        ([deal, existing]) => {
          const name = uniqueSheetName(baseSheetName(deal), existing);
          expect(isValidSheetName(name)).toBe(true);
          expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
          expect(existing.map(fold)).not.toContain(fold(name));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("always gives a valid prefix that no existing name uses (property)", () => {
    fc.assert(
      fc.property(
        fc.record({ name: party, host: party, tenant: party }).chain((deal) => {
          const base = basePrefix(baseSheetName(deal));
          const names = collisions(base).map((list) => list.flatMap((n) => [n, `${n}_Terms`]));
          return fc.tuple(fc.constant(base), names);
        }),
        ([base, existing]) => {
          const prefix = uniqueNamePrefix(base, existing);
          expect(isValidDefinedName(prefix)).toBe(true);
          expect(prefix.length).toBeLessThanOrEqual(MAX_PREFIX);
          for (const suffix of NAME_SUFFIXES) {
            const full = `${prefix}${suffix}`;
            expect(isValidDefinedName(full)).toBe(true);
            expect(full.length).toBeLessThanOrEqual(MAX_DEFINED_NAME);
            expect(existing.map(fold)).not.toContain(fold(full));
          }
          for (const n of existing) {
            expect(fold(n) === fold(prefix) || fold(n).startsWith(`${fold(prefix)}_`)).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("inserting the same deal again and again never collides (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 12 }), { maxLength: 10 }),
        fc.integer({ min: 1, max: 6 }),
        (noise, times) => {
          const sheets = [...noise];
          const names = noise.map((n) => `${n}_Terms`);
          for (let i = 0; i < times; i++) {
            const plan = planOk(i % 2 ? WORKED : { ...MINIMAL, name: noise[0] ?? "" }, {
              existingSheetNames: sheets,
              existingNames: names,
            });
            expect(sheets.map(fold)).not.toContain(fold(plan.sheet));
            for (const n of plan.names) expect(names.map(fold)).not.toContain(fold(n.name));
            sheets.push(plan.sheet);
            names.push(...plan.names.map((n) => n.name));
          }
        },
      ),
      // Each run plans the deal up to six times: `npm test` runs FC_NUM_RUNS of them (test/support/quick.js).
      { numRuns: Number(process.env.FC_NUM_RUNS ?? 100) },
    );
  });
});
