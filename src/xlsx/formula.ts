/**
 * Formulas as Excel stores them in a file. A JavaScript custom function is
 * saved under Excel's prefix for them: `HPC.CONTRACTVALUE(…)` as typed is
 * `_xldudf_HPC_CONTRACTVALUE(…)` in the sheet XML, every `.` of the
 * namespace-qualified name becoming `_` (docs/research/xlsx-addin-parts.md
 * §1.2). A formula written in the display form is never resolved when the
 * add-in loads (office-js #6611), so every call is rewritten, nested ones
 * (inside INDEX, in arithmetic) included.
 */

/** Excel's prefix for a JavaScript custom function in a saved file. */
export const UDF_PREFIX = "_xldudf_";

/** The add-in's custom-function namespace (manifest.xml `Functions.Namespace`). */
export const NAMESPACE = "HPC";

const CALL = new RegExp(`${NAMESPACE}\\.([A-Za-z][A-Za-z0-9_.]*)(?=\\s*\\()`, "iy");
const NAME_CHAR = /[A-Za-z0-9_.\\$]/;

/** `HPC.CONTRACTVALUE` → `_xldudf_HPC_CONTRACTVALUE`. */
export function storedFunctionName(name: string): string {
  return UDF_PREFIX + NAMESPACE + "_" + name.toUpperCase().replace(/\./g, "_");
}

/**
 * A formula as typed ("=INDEX(HPC.DEALSUMMARY(T), 4, 2)") as Excel stores it
 * in `<f>`: no leading "=", each HPC call under its stored name
 * ("INDEX(_xldudf_HPC_DEALSUMMARY(T), 4, 2)"). Text in double quotes and
 * quoted sheet names are left alone.
 */
export function storedFormula(formula: string): string {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  let out = "";
  let i = 0;
  while (i < body.length) {
    const ch = body[i];
    if (ch === '"' || ch === "'") {
      const end = closingQuote(body, i);
      out += body.slice(i, end);
      i = end;
      continue;
    }
    if (i === 0 || !NAME_CHAR.test(body[i - 1])) {
      CALL.lastIndex = i;
      const m = CALL.exec(body);
      if (m) {
        out += storedFunctionName(m[1]);
        i += m[0].length;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

/** The index just past the quoted run starting at `start` (a doubled quote is one quote inside it). */
function closingQuote(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}

/** The stored names of the custom functions a stored formula calls, e.g. ["_xldudf_HPC_DEALSUMMARY"]. */
export function customFunctionIds(stored: string): string[] {
  const ids = new Set<string>();
  for (const m of stored.matchAll(/_xldudf_[A-Za-z0-9_]+(?=\s*\()/g)) ids.add(m[0]);
  return [...ids];
}
