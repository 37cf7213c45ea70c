/**
 * Picking the sheet's name and the prefix of its defined names: valid in
 * Excel, unique in the workbook (case-insensitively, as Excel compares), and
 * recognisable ("CW–CoreSci", "CWCoreSci_Terms").
 */

/** Excel's limit on a sheet name. */
export const MAX_SHEET_NAME = 31;
/** Excel's limit on a defined name. */
export const MAX_DEFINED_NAME = 255;
/** The prefix is kept short enough to read in a formula. */
export const MAX_PREFIX = 40;

/** The suffixes the plan appends to its prefix; every name it defines is one of these. */
export const NAME_SUFFIXES = ["_Terms", "_Tranches", "_Capex", "_Mining"] as const;

const SHEET_FORBIDDEN = /[[\]:*?/\\]/g;
/** Excel keeps "History" for its change-tracking sheet. */
const RESERVED_SHEET = "HISTORY";
const FALLBACK = "Deal";

function fold(name: string): string {
  return name.toUpperCase();
}

/** Truncates to at most `max` UTF-16 units without splitting a character. */
function truncate(text: string, max: number): string {
  let out = "";
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** True when Excel accepts `name` as a sheet name (uniqueness aside). */
export function isValidSheetName(name: string): boolean {
  return (
    name.length >= 1 &&
    name.length <= MAX_SHEET_NAME &&
    !/[[\]:*?/\\]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.trim() === name &&
    // Control characters are refused by Excel's UI; keep them out.
    // eslint-disable-next-line no-control-regex
    !/[\u0000-\u001f]/.test(name) &&
    fold(name) !== RESERVED_SHEET
  );
}

const A1_LIKE = /^[A-Za-z]{1,3}\d+$/;
const R1C1_LIKE = /^(?:[Rr]\d*(?:[Cc]\d*)?|[Cc]\d*)$/;

/**
 * True when Excel accepts `name` as a defined name: a letter or underscore
 * first, then letters, digits, underscores or periods (ASCII only, to be
 * safe in every locale), at most 255 characters, and not something Excel
 * would read as a reference ("AB12", "R1C1", "R", "C") or a boolean.
 */
export function isValidDefinedName(name: string): boolean {
  return (
    name.length >= 1 &&
    name.length <= MAX_DEFINED_NAME &&
    /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) &&
    !A1_LIKE.test(name) &&
    !R1C1_LIKE.test(name) &&
    fold(name) !== "TRUE" &&
    fold(name) !== "FALSE"
  );
}

function words(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * A short form of a party's name: a CamelCase word by its capitals
 * ("CoreWeave" → "CW"), several words by the first and the start of the
 * second ("Core Scientific" → "CoreSci"), anything else as it is.
 */
export function abbreviateParty(party: string): string {
  const ws = words(party);
  if (ws.length === 0) return "";
  if (ws.length === 1) {
    const w = ws[0];
    const capitals = w.match(/[A-Z]/g) ?? [];
    const camel = /^[A-Z]/.test(w) && capitals.length >= 2 && w.length >= capitals.length + 3;
    return camel ? capitals.join("") : w;
  }
  return capitalize(ws[0]) + capitalize(ws[1].slice(0, 3));
}

/** What the names are derived from: the deal's parties, else its name. */
export interface NameSource {
  readonly name: string;
  readonly host: string;
  readonly tenant: string;
}

/** The sheet name before uniqueness: "Tenant–Host" abbreviated, else the deal's name, else "Deal". */
export function baseSheetName(deal: NameSource): string {
  const tenant = abbreviateParty(deal.tenant);
  const host = abbreviateParty(deal.host);
  const raw = tenant && host ? `${tenant}–${host}` : deal.name;
  return sanitizeSheetName(raw);
}

/** Any text made into a valid sheet name (or "Deal"). */
export function sanitizeSheetName(raw: string): string {
  const cleaned = truncate(
    raw
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f]/g, " ")
      .replace(SHEET_FORBIDDEN, "-")
      .replace(/\s+/g, " ")
      .trim(),
    MAX_SHEET_NAME,
  )
    .replace(/^'+|'+$/g, "")
    .trim();
  return cleaned.length > 0 && isValidSheetName(cleaned) ? cleaned : FALLBACK;
}

/** The name prefix before uniqueness: the sheet's base name reduced to a valid defined name. */
export function basePrefix(sheetBase: string): string {
  let p = words(sheetBase).map(capitalize).join("");
  p = truncate(p, MAX_PREFIX);
  if (p.length === 0) return FALLBACK;
  if (!/^[A-Za-z_]/.test(p) || !isValidDefinedName(p)) p = truncate(`_${p}`, MAX_PREFIX);
  return p;
}

/**
 * A sheet name not in `existing` (case-insensitively): `base`, then
 * "base (2)", "base (3)", …, the base shortened so the whole stays within 31
 * characters. Never "History".
 */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const start = sanitizeSheetName(base);
  const taken = new Set(existing.map(fold));
  taken.add(RESERVED_SHEET);
  if (!taken.has(fold(start))) return start;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const stem = truncate(start, MAX_SHEET_NAME - suffix.length)
      .replace(/'+$/g, "")
      .trimEnd();
    const candidate = `${stem.length > 0 ? stem : FALLBACK}${suffix}`;
    if (!taken.has(fold(candidate))) return candidate;
  }
}

/**
 * A name prefix no existing name uses: none of `existing` equals it or
 * starts with it followed by "_" (case-insensitively), so every name the
 * plan defines (prefix + "_Terms", …) is new. Then "base2", "base3", ….
 */
export function uniqueNamePrefix(base: string, existing: readonly string[]): string {
  const start = isValidDefinedName(base) && base.length <= MAX_PREFIX ? base : basePrefix(base);
  const folded = existing.map(fold);
  const isTaken = (p: string): boolean => {
    const f = fold(p);
    return folded.some((n) => n === f || n.startsWith(`${f}_`));
  };
  if (!isTaken(start)) return start;
  for (let k = 2; ; k++) {
    const stem = truncate(start, MAX_PREFIX - String(k).length - 1);
    // "AB" + 2 would read as a cell reference: then "AB_2".
    const plain = `${stem}${k}`;
    const candidate = isValidDefinedName(plain) ? plain : `${stem}_${k}`;
    if (!isTaken(candidate)) return candidate;
  }
}
