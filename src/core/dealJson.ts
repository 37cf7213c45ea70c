import { fail, ok, problem, type Problem, type ProblemPath, type Result } from "./errors";
import { LIMITS } from "./limits";

/**
 * The one reader of deal-file text (the CLI and the pane's import). JSON.parse
 * alone accepts what a deal file must not be: a key given twice (the last one
 * silently wins), nesting deep enough to matter, numbers it silently rounds
 * (a 20-digit rate, 1e400 as Infinity). A small scanner checks the text
 * first, in one linear pass with an explicit stack, then JSON.parse builds
 * the values. "__proto__" stays an own property (as JSON.parse makes it), so
 * validateDeal reports it as an unknown term and no prototype is touched.
 */

/** Objects and arrays nested deeper than this are refused: a deal file needs three levels. */
export const MAX_DEAL_JSON_DEPTH = 32;

/** Problems spelled out for one file; the rest are counted. */
const MAX_PROBLEMS = 20;

/** UTF-8 bytes of a string (a lone surrogate counts as the 3 bytes of U+FFFD), without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

interface Frame {
  readonly kind: "object" | "array";
  /** The path of this container, for messages ([] at the top). */
  readonly path: ProblemPath;
  /** Objects: the keys seen so far, decoded. */
  readonly keys: Set<string> | null;
  /** Arrays: the index of the next element. */
  index: number;
  /** Objects: the key whose value comes next. */
  key: string;
}

function childPath(frame: Frame): ProblemPath {
  return [...frame.path, frame.kind === "array" ? frame.index : frame.key];
}

function shortJson(text: string): string {
  const json = JSON.stringify(text);
  return json.length > 60 ? `${json.slice(0, 56)}..."` : json;
}

/** A number literal's digits and exponent, normalized: "1.50e2" and "150" both give "15e1". */
function normalizeNumber(literal: string): string {
  let text = literal;
  let negative = false;
  if (text.startsWith("-")) {
    negative = true;
    text = text.slice(1);
  }
  let exponent = 0;
  const e = text.search(/[eE]/);
  if (e >= 0) {
    exponent = Number(text.slice(e + 1));
    text = text.slice(0, e);
  }
  const dot = text.indexOf(".");
  if (dot >= 0) {
    exponent -= text.length - dot - 1;
    text = text.slice(0, dot) + text.slice(dot + 1);
  }
  let start = 0;
  while (start < text.length && text.charCodeAt(start) === 0x30) start++;
  let end = text.length;
  while (end > start && text.charCodeAt(end - 1) === 0x30) {
    end--;
    exponent++;
  }
  if (start === end) return "0";
  return `${negative ? "-" : ""}${text.slice(start, end)}e${exponent}`;
}

class Scanner {
  private i = 0;
  private readonly stack: Frame[] = [];
  readonly problems: Problem[] = [];
  private extra = 0;

  constructor(private readonly text: string) {}

  /** Scans the whole text; returns false at the first syntax or depth error (recorded in problems). */
  scan(): boolean {
    this.skipSpace();
    if (this.i >= this.text.length) return this.syntax("the file is empty: a deal file is a JSON object of terms");
    if (!this.value()) return false;
    this.skipSpace();
    if (this.i < this.text.length) return this.syntax("unexpected text after the end of the JSON value");
    return true;
  }

  /** Problems beyond MAX_PROBLEMS, counted. */
  get more(): number {
    return this.extra;
  }

  /** Records a problem; built lazily, so that a file of many duplicates stays linear (`where` is not). */
  private add(problem: () => Problem): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(problem());
    else this.extra++;
  }

  private where(at: number = this.i): string {
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < at && k < this.text.length; k++) {
      if (this.text.charCodeAt(k) === 0x0a) {
        line++;
        lineStart = k + 1;
      }
    }
    return `line ${line}, column ${at - lineStart + 1}`;
  }

  private syntax(what: string, at: number = this.i): false {
    this.problems.length = 0;
    this.extra = 0;
    this.problems.push(problem("value", "json-syntax", [], { what, at: this.where(at) }));
    return false;
  }

  private found(): string {
    if (this.i >= this.text.length) return "the end of the file";
    const c = this.text[this.i];
    return JSON.stringify(c);
  }

  private skipSpace(): void {
    const t = this.text;
    while (this.i < t.length) {
      const c = t.charCodeAt(this.i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.i++;
      else break;
    }
  }

  /**
   * One JSON value, iteratively: containers push a frame and the loop below
   * continues with their members, so no input can exhaust the call stack.
   */
  private value(): boolean {
    for (;;) {
      this.skipSpace();
      // A value starts here.
      const c = this.text.charCodeAt(this.i);
      if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
        const parent = this.stack[this.stack.length - 1];
        const path = parent ? childPath(parent) : [];
        if (this.stack.length >= MAX_DEAL_JSON_DEPTH) {
          this.problems.length = 0;
          this.problems.push(problem("value", "json-depth", [], { max: MAX_DEAL_JSON_DEPTH, at: this.where() }));
          return false;
        }
        this.i++;
        const kind = c === 0x7b ? "object" : "array";
        const frame: Frame = { kind, path, keys: kind === "object" ? new Set() : null, index: 0, key: "" };
        this.stack.push(frame);
        this.skipSpace();
        const close = kind === "object" ? 0x7d : 0x5d;
        if (this.text.charCodeAt(this.i) === close) {
          this.i++;
          this.stack.pop();
        } else if (kind === "object") {
          if (!this.member(frame)) return false;
          continue;
        } else continue;
      } else if (c === 0x22 /* " */) {
        if (this.string() === undefined) return false;
      } else if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) {
        if (!this.number()) return false;
      } else if (!this.literal()) return false;

      // A value ended: close containers, or go on to the next member.
      for (;;) {
        const frame = this.stack[this.stack.length - 1];
        if (frame === undefined) return true;
        this.skipSpace();
        const d = this.text.charCodeAt(this.i);
        const close = frame.kind === "object" ? 0x7d : 0x5d;
        if (d === 0x2c /* , */) {
          this.i++;
          if (frame.kind === "array") frame.index++;
          else {
            this.skipSpace();
            if (!this.member(frame)) return false;
          }
          break;
        }
        if (d === close) {
          this.i++;
          this.stack.pop();
          continue;
        }
        return this.syntax(
          `expected "," or "${frame.kind === "object" ? "}" : "]"}" after a value, found ${this.found()}`,
        );
      }
    }
  }

  /** `"key" :` of an object member; records a duplicate key. */
  private member(frame: Frame): boolean {
    if (this.text.charCodeAt(this.i) !== 0x22) {
      return this.syntax(`expected a key in double quotes, found ${this.found()}`);
    }
    const at = this.i;
    const key = this.string();
    if (key === undefined) return false;
    frame.key = key;
    const keys = frame.keys as Set<string>;
    if (keys.has(key)) {
      this.add(() => problem("value", "json-duplicate-key", childPath(frame), { at: this.where(at) }));
    } else keys.add(key);
    this.skipSpace();
    if (this.text.charCodeAt(this.i) !== 0x3a /* : */) {
      return this.syntax(`expected ":" after the key ${shortJson(key)}, found ${this.found()}`);
    }
    this.i++;
    return true;
  }

  /** A string token; its decoded text, or undefined after a syntax error. */
  private string(): string | undefined {
    const t = this.text;
    const start = this.i;
    let k = start + 1;
    let escaped = false;
    while (k < t.length) {
      const c = t.charCodeAt(k);
      if (c === 0x22) break;
      if (c < 0x20) {
        this.syntax("a control character (such as a line break) inside a string: write it as an escape (\\n)", k);
        return undefined;
      }
      if (c === 0x5c /* \ */) {
        escaped = true;
        const e = t.charCodeAt(k + 1);
        if (e === 0x75 /* u */) {
          if (!/^[0-9a-fA-F]{4}$/.test(t.slice(k + 2, k + 6))) {
            this.syntax("an invalid \\u escape in a string (it needs four hex digits)", k);
            return undefined;
          }
          k += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(t[k + 1] ?? "x")) {
          this.syntax("an invalid escape in a string", k);
          return undefined;
        }
        k += 2;
        continue;
      }
      k++;
    }
    if (k >= t.length) {
      this.syntax("a string that is never closed", start);
      return undefined;
    }
    this.i = k + 1;
    return escaped ? (JSON.parse(t.slice(start, k + 1)) as string) : t.slice(start + 1, k);
  }

  private number(): boolean {
    const t = this.text;
    const start = this.i;
    let k = start;
    const digits = () => {
      const from = k;
      while (k < t.length && t.charCodeAt(k) >= 0x30 && t.charCodeAt(k) <= 0x39) k++;
      return k - from;
    };
    if (t.charCodeAt(k) === 0x2d) k++;
    if (t.charCodeAt(k) === 0x30) k++;
    else if (digits() === 0) return this.syntax("a number with no digits", start);
    if (t.charCodeAt(k) === 0x2e) {
      k++;
      if (digits() === 0) return this.syntax("a number with no digits after its decimal point", start);
    }
    if (t.charCodeAt(k) === 0x65 || t.charCodeAt(k) === 0x45) {
      k++;
      if (t.charCodeAt(k) === 0x2b || t.charCodeAt(k) === 0x2d) k++;
      if (digits() === 0) return this.syntax("a number with no digits in its exponent", start);
    }
    this.i = k;
    const literal = t.slice(start, k);
    const parsed = Number(literal);
    // A JSON number is a double: more digits than it holds, or a value beyond its range, would be silently changed.
    if (normalizeNumber(literal) !== normalizeNumber(String(parsed))) {
      this.add(() => {
        const frame = this.stack[this.stack.length - 1];
        const path = frame ? childPath(frame) : [];
        const shown = literal.length > 40 ? `${literal.slice(0, 37)}...` : literal;
        return Number.isFinite(parsed)
          ? problem("value", "json-digits", path, { shown, read: String(parsed) })
          : problem("value", "json-number-range", path, { shown });
      });
    }
    return true;
  }

  private literal(): boolean {
    for (const word of ["true", "false", "null"]) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return true;
      }
    }
    return this.syntax(
      `expected a value (an object, a list, text, a number, true, false or null), found ${this.found()}`,
    );
  }
}

/**
 * Reads the text of a deal file: at most LIMITS.maxDealFileBytes of UTF-8,
 * valid JSON (a byte-order mark is allowed), nested at most
 * MAX_DEAL_JSON_DEPTH deep, no key twice in one object, every number exactly
 * as written. Returns the parsed value for `validateDeal`, or every problem
 * found. Never throws; linear in the length of the text.
 */
export function parseDealJson(text: string): Result<unknown> {
  if (typeof text !== "string") {
    return fail([problem("value", "json-not-text", [])]);
  }
  const max = LIMITS.maxDealFileBytes;
  // A UTF-16 unit is at least one byte: the length bounds the work before any counting.
  if (text.length > max || utf8Length(text) > max) {
    return fail([problem("value", "json-too-large", [], { max: max.toLocaleString("en-US") })]);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const scanner = new Scanner(body);
  const scanned = scanner.scan();
  if (!scanned || scanner.problems.length > 0) {
    const problems = [...scanner.problems];
    if (scanner.more > 0) {
      problems.push(problem("value", "json-more", [], { count: scanner.more }));
    }
    return fail(problems);
  }
  try {
    return ok(JSON.parse(body) as unknown);
  } catch (e) {
    // The scanner accepts only JSON, so this is a last guard, never silence.
    return fail([
      problem("value", "json-syntax", [], { what: e instanceof Error ? e.message : String(e), at: "the end" }),
    ]);
  }
}
