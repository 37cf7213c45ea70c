/**
 * termForSheetLabel remembers termForLabel by the exact label text: it must
 * answer as termForLabel does, the first time and every time after, past the
 * point where its memory is emptied.
 */
import fc from "fast-check";
import { TERMS, termForLabel } from "../../src/core";
import { termForSheetLabel } from "../../src/functions/ranges";

describe("termForSheetLabel", () => {
  it("answers as termForLabel for every label and key, repeated", () => {
    for (let pass = 0; pass < 2; pass++) {
      for (const t of TERMS) {
        for (const text of [t.label, t.key, t.label.toUpperCase(), ` ${t.label} `]) {
          expect(termForSheetLabel(text)).toBe(termForLabel(text));
          expect(termForSheetLabel(text)).toBe(t.key);
        }
      }
    }
    expect(termForSheetLabel("Not a term")).toBeUndefined();
    expect(termForSheetLabel("Not a term")).toBeUndefined();
  });

  it("answers as termForLabel for any text, past a full memory", () => {
    const labels = fc.oneof(
      fc.string(),
      fc.constantFrom(...TERMS.map((t) => t.label)),
      fc.integer().map((n) => `Label ${n}`),
    );
    fc.assert(
      fc.property(fc.array(labels, { maxLength: 1500 }), (texts) => {
        for (const text of [...texts, ...texts]) {
          if (termForSheetLabel(text) !== termForLabel(text)) return false;
        }
        return true;
      }),
      { numRuns: 20 },
    );
  });
});
