/**
 * Importing and exporting deal files. An import is all or nothing: a file
 * that is too large, not JSON, or not a valid deal is reported and the form
 * is left as it was.
 */
import { LIMITS, parseDealJson, validateDeal, type DealFile } from "../../src/core";
import { formFromDealFile, normalizedDealFile, type FormState } from "./form";
import type { Terms } from "../../src/core";

export type ImportOutcome =
  | { readonly ok: true; readonly form: FormState; readonly file: DealFile }
  | { readonly ok: false; readonly message: string; readonly problems: readonly string[] };

/** Checks a file's size before its text is read (the DOM layer calls this with File.size). */
export function checkFileSize(bytes: number): ImportOutcome | null {
  if (bytes > LIMITS.maxDealFileBytes) {
    return {
      ok: false,
      message: `The file is too large: ${bytes.toLocaleString("en-US")} bytes, and a deal file may have at most ${LIMITS.maxDealFileBytes.toLocaleString("en-US")}.`,
      problems: [],
    };
  }
  return null;
}

/** Parses and validates a deal file's text; the form it gives, or every reason it was refused. */
export function importDealText(text: string, bytes: number = new TextEncoder().encode(text).length): ImportOutcome {
  const tooLarge = checkFileSize(bytes);
  if (tooLarge) return tooLarge;
  const read = parseDealJson(text);
  if (!read.ok) {
    return {
      ok: false,
      message: `The file was refused, and the form was not changed: ${read.error.problems[0]?.message ?? "it could not be read"}.`,
      problems: read.error.problems.slice(1).map((p) => p.message),
    };
  }
  const parsed = read.value;
  const checked = validateDeal(parsed);
  if (!checked.ok) {
    return {
      ok: false,
      message: "The file is not a valid deal; the form was not changed.",
      problems: checked.error.problems.map((p) => p.message),
    };
  }
  const file = parsed as DealFile;
  return { ok: true, form: formFromDealFile(file, "iso"), file };
}

/** The deal as a pretty-printed JSON deal file. */
export function exportDealText(form: FormState, terms: Terms): string {
  return `${JSON.stringify(normalizedDealFile(form, terms), null, 2)}\n`;
}

/** Letters and digits of a name, joined by hyphens, lower case, at most 60 characters: a safe file-name stem. */
export function fileStem(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "")
    .toLowerCase();
}

/** A file name for the deal: its name's letters and digits, or "deal". */
export function exportFileName(terms: Terms): string {
  return `${fileStem(terms.name) || "deal"}.json`;
}
