/* eslint-disable @typescript-eslint/no-this-alias -- proxy traps and getters need the recorder itself */
/**
 * A recorder standing in for Excel's request context: writes are queued and
 * applied at `sync()`, as Office.js batches them; loaded properties can only
 * be read after a sync; a sync can be made to fail part-way (Office.js
 * batches are not transactions: what ran before the error stays applied).
 * Every write is logged with its sheet, address and the sync it went out in.
 * office-addin-mock cannot do these (no batching, no failure part-way).
 */
import type { ExcelContextLike } from "../../taskpane/writer/excelLike";

export interface LogEntry {
  /** The batch the write was queued in: 0 before the first sync. */
  readonly batch: number;
  /** Sheet name at apply time, or "(workbook)". */
  readonly sheet: string;
  readonly address: string;
  readonly path: string;
  readonly value?: unknown;
}

export interface FakeSheet {
  id: string;
  name: string;
  cells: Map<string, unknown>;
  /** Each cell's number format, as set (Excel's "General" when unset). */
  formats: Map<string, unknown>;
  /**
   * What a cell shows where that is not what it holds: a formula's result (the
   * fake does not calculate: a test says what it shows), or a cell another
   * formula spills into (it holds nothing). `values` reads these; `formulas`
   * reads what the cell holds, as in Excel.
   */
  shown: Map<string, unknown>;
  /** Each cell's fill, font and wrapping, as set (Excel's defaults when unset). */
  looks: Map<string, CellLook>;
  /** Column letter → width in points, as set (Excel's default, 48 points, when unset). */
  widths: Map<string, number>;
  /** Each cell's data validation (rule and input prompt), as set. */
  validation: Map<string, { rule?: unknown; prompt?: unknown }>;
  charts: { name: string; series: { name: string; values: string; x: string }[] }[];
  frozenRows: number;
  /** Worksheet custom properties (ExcelApi 1.12): key → value. */
  props: Map<string, string>;
}

type Op = () => void;

/** A cell's fill (a colour, or none), font and wrapping. */
export interface CellLook {
  readonly fill: { readonly color: string; readonly pattern: string } | null;
  readonly font: { readonly color: string; readonly bold: boolean; readonly italic: boolean; readonly size: number };
  readonly wrapText: boolean;
}

/** An unformatted cell, as Excel reports it: no fill (white, pattern "None"), black Calibri 11. */
export const DEFAULT_LOOK: CellLook = {
  fill: null,
  font: { color: "#000000", bold: false, italic: false, size: 11 },
  wrapText: false,
};

/** A column's width in points when none was set (8.43 characters of Calibri 11: 64 px). */
export const DEFAULT_COLUMN_WIDTH = 48;

const sorted = <V>(m: Map<string, V>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** Excel's error for a property read before its load was synced. */
function notLoaded(): never {
  throw Object.assign(new Error("The property has not been loaded: call load() and sync() first."), {
    code: "PropertyNotLoaded",
  });
}

/** The columns (letters) a range spans: "AD:AD", "B5:C7", "B5". */
function columnsOf(address: string): string[] {
  const [a, b = a] = address.split(":");
  const ca = /^([A-Z]{1,3})/.exec(a)?.[1];
  const cb = /^([A-Z]{1,3})/.exec(b)?.[1];
  if (!ca || !cb) return [];
  const out: string[] = [];
  for (let c = colNum(ca); c <= colNum(cb); c++) out.push(colLetter(c));
  return out;
}

/** A formula the cell holds (text in a text-formatted cell is not one). */
function isFormula(held: unknown, format: unknown): boolean {
  return typeof held === "string" && held.startsWith("=") && format !== "@";
}

/** The parts of `full` that `options` asks for (getCellProperties' load options: `true` takes a part). */
function pick(full: Record<string, unknown>, options: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, want] of Object.entries(options)) {
    if (!(k in full) || !want) continue;
    const v = full[k];
    out[k] =
      want === true || typeof v !== "object" || v === null
        ? v
        : pick(v as Record<string, unknown>, want as Record<string, unknown>);
  }
  return out;
}

function blank(v: unknown): boolean {
  return v === undefined || v === null || v === "";
}

const CELL = /^([A-Z]{1,3})(\d+)$/;

function colNum(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
function colLetter(n: number): string {
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = (n - 1 - r) / 26;
  }
  return s;
}

/** The cells of "B5:C7" (or "B5"), row by row; [] for whole columns ("A:A"). */
export function cellsOf(address: string): string[][] {
  const [a, b = a] = address.split(":");
  const ma = CELL.exec(a);
  const mb = CELL.exec(b);
  if (!ma || !mb) return [];
  const rows: string[][] = [];
  for (let r = Number(ma[2]); r <= Number(mb[2]); r++) {
    const row: string[] = [];
    for (let c = colNum(ma[1]); c <= colNum(mb[1]); c++) row.push(`${colLetter(c)}${r}`);
    rows.push(row);
  }
  return rows;
}

/**
 * What Excel makes of a string written through `Range.values` into a cell
 * whose number format is not text ("@"): a leading =, +, - or @ makes it a
 * formula, and a number or date it recognises becomes a number. The recorder
 * keeps such a cell as `{ excelRead, typed }`, so that it never equals the
 * text the writer meant.
 */
export function excelReads(typed: unknown, format: unknown): unknown {
  if (typeof typed !== "string" || typed === "" || format === "@") return typed;
  if (/^[=+\-@]/.test(typed)) return { excelRead: "formula", typed };
  if (/^\s*[$]?\d[\d,]*(\.\d+)?%?\s*$/.test(typed)) return { excelRead: "number", typed };
  if (/^\d{4}-\d{1,2}(-\d{1,2})?$|^\d{1,2}[/-]\d{1,2}([/-]\d{2,4})?$|^[A-Za-z]{3,9}[ -]\d{2,4}$/.test(typed)) {
    return { excelRead: "date", typed };
  }
  return typed;
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly names = new Map<string, string>();
  readonly parts = new Map<string, string>();
  readonly log: LogEntry[] = [];
  syncs = 0;
  calculations: string[] = [];
  /** Make sync number `sync` (1-based) fail after applying `afterOps` of its queued operations. */
  failAt: { sync: number; afterOps: number; message?: string } | null = null;
  private readonly chartIds = new WeakMap<object, string>();
  private queue: Op[] = [];
  private loaders: Op[] = [];
  private nextId = 1;

  constructor(sheetNames: readonly string[] = ["Sheet1"], names: readonly string[] = []) {
    for (const n of sheetNames) this.addSheet(n);
    for (const n of names) this.names.set(n, "=Sheet1!$A$1");
  }

  addSheet(name: string): FakeSheet {
    const sheet: FakeSheet = {
      id: `{sheet-${this.nextId++}}`,
      name,
      cells: new Map(),
      formats: new Map(),
      shown: new Map(),
      looks: new Map(),
      widths: new Map(),
      validation: new Map(),
      charts: [],
      frozenRows: 0,
      props: new Map(),
    };
    this.sheets.push(sheet);
    return sheet;
  }

  /**
   * Save and reopen (or open on another platform): Worksheet.id is only
   * unique within one session, so every sheet gets a new id. With `reuse`,
   * the old ids are handed out again to other sheets (rotated), the worst
   * case for a record keyed by id.
   */
  saveAndReopen(options: { reuse?: boolean } = {}): void {
    const old = this.sheets.map((s) => s.id);
    this.sheets.forEach((s, i) => {
      s.id = options.reuse ? old[(i + 1) % old.length] : `{sheet-${this.nextId++}}`;
    });
  }

  /** A user's "Move or Copy… › Create a copy": cells, formats, charts and the sheet's custom properties go along. */
  copySheet(name: string, copyName: string): FakeSheet {
    const from = this.sheet(name);
    if (!from) throw new Error(`no sheet ${name}`);
    const copy = this.addSheet(copyName);
    for (const [k, v] of from.cells) copy.cells.set(k, v);
    for (const [k, v] of from.formats) copy.formats.set(k, v);
    for (const [k, v] of from.shown) copy.shown.set(k, v);
    for (const [k, v] of from.looks) copy.looks.set(k, v);
    for (const [k, v] of from.widths) copy.widths.set(k, v);
    for (const [k, v] of from.validation) copy.validation.set(k, v);
    for (const [k, v] of from.props) copy.props.set(k, v);
    copy.charts.push(...(JSON.parse(JSON.stringify(from.charts)) as FakeSheet["charts"]));
    return copy;
  }

  /** A user's formula in a cell, and what it shows (the fake does not calculate). */
  setFormula(sheet: string, ref: string, formula: string, shows: unknown): void {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    s.cells.set(ref, formula);
    s.shown.set(ref, shows);
  }

  /** A user's dynamic array at `anchor` spilling `grid`: only the anchor holds the formula. */
  spill(sheet: string, anchor: string, formula: string, grid: readonly (readonly unknown[])[]): void {
    const s = this.sheet(sheet);
    const a = CELL.exec(anchor);
    if (!s || !a) throw new Error(`no ${sheet}!${anchor}`);
    grid.forEach((row, r) =>
      row.forEach((v, c) => s.shown.set(`${colLetter(colNum(a[1]) + c)}${Number(a[2]) + r}`, v)),
    );
    s.cells.set(anchor, formula);
  }

  /** The defined name of that name, case-insensitively (Excel's names are). */
  nameKey(name: string): string | undefined {
    return [...this.names.keys()].find((n) => n.toLowerCase() === name.toLowerCase());
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Everything the workbook holds, for "nothing else was touched" checks. */
  snapshot(): string {
    return JSON.stringify({
      // Entries in key order: what a sheet holds, not the order it was written in.
      sheets: this.sheets.map((s) => ({
        ...s,
        cells: sorted(s.cells),
        formats: sorted(s.formats),
        shown: sorted(s.shown),
        looks: sorted(s.looks),
        widths: sorted(s.widths),
        validation: sorted(s.validation),
      })),
      names: [...this.names.entries()],
      parts: [...this.parts.entries()],
    });
  }

  private find(key: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === key) ?? this.sheet(key);
  }

  private record(sheet: () => FakeSheet | undefined, address: string, path: string, value?: unknown, apply?: Op): void {
    const batch = this.syncs;
    this.queue.push(() => {
      const s = sheet();
      if (address !== "" && !s)
        throw Object.assign(new Error("The requested resource doesn't exist."), { code: "ItemNotFound" });
      this.log.push({ batch, sheet: s ? s.name : "(workbook)", address, path, value });
      apply?.();
    });
  }

  async sync(): Promise<void> {
    this.syncs++;
    const ops = this.queue;
    this.queue = [];
    const fail = this.failAt && this.failAt.sync === this.syncs ? this.failAt : null;
    try {
      for (let i = 0; i < ops.length; i++) {
        if (fail && i >= fail.afterOps) break;
        ops[i]();
      }
      if (fail) {
        throw Object.assign(new Error(fail.message ?? "The argument is invalid or missing."), {
          code: "InvalidArgument",
        });
      }
    } catch (e) {
      this.loaders = [];
      throw e;
    }
    // Loads run after the batch's writes, and a load may queue its items' loads: drain.
    for (let l = this.loaders.shift(); l; l = this.loaders.shift()) l();
  }

  /** A property that can be read only after the sync that loads it. */
  private loadable<T>(): { set(v: T): void; get(): T } {
    let loaded = false;
    let value: T;
    return {
      set: (v) => {
        loaded = true;
        value = v;
      },
      get: () => {
        if (!loaded) throw new Error("The property has not been loaded: call load() and sync() first.");
        return value;
      },
    };
  }

  private recorder(
    sheet: () => FakeSheet | undefined,
    address: string,
    path: string,
    apply?: (path: string, value: unknown) => void,
  ): unknown {
    const fake = this;
    const then = (p: string, v: unknown) => (apply ? () => apply(p, v) : undefined);
    const target: Record<string, unknown> = {};
    return new Proxy(target, {
      get(_t, prop: string) {
        if (prop === "then") return undefined;
        if (
          prop === "merge" ||
          prop === "clear" ||
          prop === "freezeRows" ||
          prop === "freezeAt" ||
          prop === "setPosition"
        ) {
          return (...args: unknown[]) =>
            fake.record(sheet, address, `${path}${prop}()`, args, then(`${path}${prop}()`, args));
        }
        // A collection's add() (conditionalFormats.add("ColorScale")) gives the new item, recorded under its path.
        if (prop === "add") {
          return (...args: unknown[]) => {
            fake.record(sheet, address, `${path}add()`, args);
            return fake.recorder(sheet, address, `${path}add().`);
          };
        }
        if (prop === "load") return () => undefined;
        return fake.recorder(sheet, address, `${path}${prop}.`, apply);
      },
      set(_t, prop: string, value: unknown) {
        fake.record(sheet, address, `${path}${prop}`, value, then(`${path}${prop}`, value));
        return true;
      },
    });
  }

  /** Applies a queued write of a range's format, validation or clear() to the sheet. */
  private applyRange(s: FakeSheet | undefined, address: string, path: string, value: unknown): void {
    if (!s) return;
    const refs = cellsOf(address).flat();
    const look = (ref: string, change: (l: CellLook) => CellLook) =>
      FakeExcel.setLook(s, ref, change(s.looks.get(ref) ?? DEFAULT_LOOK));
    const font = /^format\.font\.(color|bold|italic|size)$/.exec(path)?.[1];
    if (path === "format.fill.color") {
      for (const ref of refs) look(ref, (l) => ({ ...l, fill: { color: String(value), pattern: "Solid" } }));
    } else if (path === "format.fill.clear()") {
      for (const ref of refs) look(ref, (l) => ({ ...l, fill: null }));
    } else if (font) {
      for (const ref of refs) look(ref, (l) => ({ ...l, font: { ...l.font, [font]: value } }));
    } else if (path === "format.wrapText") {
      for (const ref of refs) look(ref, (l) => ({ ...l, wrapText: value === true }));
    } else if (path === "format.columnWidth") {
      // A column set back to the default width is as if never set.
      for (const col of columnsOf(address)) {
        if (value === DEFAULT_COLUMN_WIDTH) s.widths.delete(col);
        else s.widths.set(col, value as number);
      }
    } else if (path === "dataValidation.rule" || path === "dataValidation.prompt") {
      const key = path === "dataValidation.rule" ? "rule" : "prompt";
      for (const ref of refs) s.validation.set(ref, { ...s.validation.get(ref), [key]: value });
    } else if (path === "dataValidation.clear()") {
      for (const ref of refs) s.validation.delete(ref);
    } else if (path === "clear()") {
      // Excel.ClearApplyTo: "All" (the default) is contents and formats; "Contents" leaves the formats.
      const applyTo = (value as unknown[])[0] ?? "All";
      for (const ref of refs) {
        if (applyTo === "All" || applyTo === "Contents") {
          s.cells.delete(ref);
          s.shown.delete(ref);
        }
        if (applyTo === "All" || applyTo === "Formats") {
          s.formats.delete(ref);
          s.looks.delete(ref);
        }
      }
    }
  }

  /** What getCellProperties reports of a cell: its fill (white, "None" when it has none), font and wrapping. */
  private static cellProperties(s: FakeSheet | undefined, ref: string): Record<string, unknown> {
    const l = s?.looks.get(ref) ?? DEFAULT_LOOK;
    return {
      address: ref,
      format: {
        fill: l.fill ? { ...l.fill } : { color: "#FFFFFF", pattern: "None" },
        font: { ...l.font, name: "Calibri" },
        wrapText: l.wrapText,
      },
    };
  }

  /** setCellProperties over one cell: only what the fake models; anything else fails, as the writer must not rely on it. */
  private static setCellProperties(s: FakeSheet, ref: string, props: unknown): void {
    const format = (props as { format?: Record<string, unknown> } | undefined)?.format;
    if (!format) return;
    const l = s.looks.get(ref) ?? DEFAULT_LOOK;
    let next: CellLook = l;
    for (const [k, v] of Object.entries(format)) {
      if (k === "fill") {
        const fill = v as { color?: string; pattern?: string };
        if (fill.pattern !== undefined && fill.pattern !== "Solid")
          throw new Error(`the fake does not model a fill of pattern ${fill.pattern}`);
        if (fill.color === undefined) throw new Error("the fake sets a fill by its colour");
        next = { ...next, fill: { color: fill.color, pattern: "Solid" } };
      } else if (k === "font") {
        const { name: _name, ...font } = v as Record<string, unknown>;
        next = { ...next, font: { ...next.font, ...font } };
      } else if (k === "wrapText") next = { ...next, wrapText: v === true };
      else throw new Error(`the fake does not model format.${k}`);
    }
    FakeExcel.setLook(s, ref, next);
  }

  /** A cell's look; one set back to Excel's defaults is as if never set (the user sees no difference). */
  private static setLook(s: FakeSheet, ref: string, look: CellLook): void {
    if (JSON.stringify(look) === JSON.stringify(DEFAULT_LOOK)) s.looks.delete(ref);
    else s.looks.set(ref, look);
  }

  private range(sheet: () => FakeSheet | undefined, address: string): unknown {
    const fake = this;
    // Each loadable property: readable only after the sync that loads it.
    const loaded = new Map<string, { set(v: unknown): void; get(): unknown }>();
    const readLoaded = (name: string) => {
      const l = loaded.get(name);
      return l ? l.get() : notLoaded();
    };
    const base = this.recorder(sheet, address, "", (path, value) =>
      fake.applyRange(sheet(), address, path, value),
    ) as Record<string, unknown>;
    const write = (value: unknown, prop: string) => () => {
      const s = sheet();
      const grid = value as unknown[][];
      cellsOf(address).forEach((row, r) =>
        row.forEach((ref, c) => {
          const v = grid[r]?.[c] ?? grid[0][0];
          // "General" is Excel's unset number format.
          if (prop === "numberFormat") {
            if (v === "General") s?.formats.delete(ref);
            else s?.formats.set(ref, v);
          } else {
            s?.shown.delete(ref);
            s?.cells.set(ref, prop === "values" ? excelReads(v, s.formats.get(ref)) : v);
          }
        }),
      );
    };
    /** What Excel reports of a cell for a loaded property. */
    const read = (s: FakeSheet | undefined, ref: string, name: string): unknown => {
      const held = s?.cells.get(ref);
      const format = s?.formats.get(ref) ?? "General";
      switch (name) {
        case "formulas":
          // What the cell holds: a formula's text, a constant; "" in a cell another formula spills into.
          return held ?? "";
        case "values":
          // What it shows: a formula's result (#BUSY! until a test says what it shows), a spill's value.
          if (isFormula(held, format)) return s?.shown.has(ref) ? s.shown.get(ref) : "#BUSY!";
          return held ?? s?.shown.get(ref) ?? "";
        case "numberFormat":
          return format;
        default:
          throw new Error(`the fake does not load ${name}`);
      }
    };
    const load = (names: string | undefined) => {
      const wanted = (names ?? "values")
        .split(",")
        .map((n) => n.trim())
        .filter((n) => n !== "");
      for (const name of wanted) {
        const slot = fake.loadable<unknown>();
        loaded.set(name, slot);
        fake.loaders.push(() => {
          const s = sheet();
          if (name === "format/columnWidth") {
            const widths = new Set(columnsOf(address).map((c) => s?.widths.get(c) ?? DEFAULT_COLUMN_WIDTH));
            // Excel reports null for a range whose columns differ in width.
            slot.set(widths.size === 1 ? [...widths][0] : null);
          } else if (name === "dataValidation/prompt" || name === "dataValidation/type") {
            const refs = cellsOf(address).flat();
            if (refs.length !== 1) throw new Error("the fake loads a single cell's data validation");
            const v = s?.validation.get(refs[0]);
            slot.set(
              name === "dataValidation/prompt"
                ? (v?.prompt ?? { showPrompt: false, title: "", message: "" })
                : v?.rule
                  ? "List"
                  : "None",
            );
          } else slot.set(cellsOf(address).map((row) => row.map((ref) => read(s, ref, name))));
        });
      }
    };
    const format = new Proxy(base.format as Record<string, unknown>, {
      get(t, prop: string) {
        if (prop === "columnWidth") return readLoaded("format/columnWidth");
        return Reflect.get(t, prop);
      },
    });
    const dataValidation = new Proxy(base.dataValidation as Record<string, unknown>, {
      get(t, prop: string) {
        if (prop === "type") return readLoaded("dataValidation/type");
        if (prop === "prompt" && loaded.has("dataValidation/prompt")) return readLoaded("dataValidation/prompt");
        return Reflect.get(t, prop);
      },
    });
    return new Proxy(base, {
      get(t, prop: string) {
        if (prop === "address") return address;
        if (prop === "values" || prop === "formulas" || prop === "numberFormat") return readLoaded(prop);
        if (prop === "format") return format;
        if (prop === "dataValidation") return dataValidation;
        if (prop === "load") return load;
        if (prop === "getCellProperties")
          return (options: Record<string, unknown>) => {
            const slot = fake.loadable<unknown>();
            fake.loaders.push(() => {
              const s = sheet();
              slot.set(
                cellsOf(address).map((row) => row.map((ref) => pick(FakeExcel.cellProperties(s, ref), options))),
              );
            });
            return {
              get value() {
                return slot.get();
              },
            };
          };
        if (prop === "setCellProperties")
          return (grid: unknown[][]) =>
            fake.record(sheet, address, "setCellProperties()", grid, () => {
              const s = sheet();
              if (!s) return;
              cellsOf(address).forEach((row, r) =>
                row.forEach((ref, c) => FakeExcel.setCellProperties(s, ref, grid[r]?.[c])),
              );
            });
        return Reflect.get(t, prop);
      },
      set(_t, prop: string, value: unknown) {
        const applies = prop === "values" || prop === "formulas" || prop === "numberFormat";
        fake.record(sheet, address, prop, value, applies ? write(value, prop) : undefined);
        return true;
      },
    });
  }

  private sheetObject(resolve: () => FakeSheet | undefined) {
    const fake = this;
    const chartItems = this.loadable<unknown[]>();
    const id = this.loadable<string>();
    const name = this.loadable<string>();
    const isNull = this.loadable<boolean>();
    return {
      get id() {
        return id.get();
      },
      get name() {
        return name.get();
      },
      get isNullObject() {
        return isNull.get();
      },
      load() {
        fake.loaders.push(() => {
          const s = resolve();
          isNull.set(!s);
          if (s) {
            id.set(s.id);
            name.set(s.name);
          }
        });
      },
      getRange: (address: string) => fake.range(resolve, address),
      customProperties: {
        add: (key: string, value: string) =>
          fake.record(resolve, "(sheet)", "customProperties.add()", { key, value }, () =>
            resolve()?.props.set(key, value),
          ),
        getItemOrNullObject: (key: string) => {
          const isNullProp = fake.loadable<boolean>();
          const value = fake.loadable<string>();
          return {
            key,
            get isNullObject() {
              return isNullProp.get();
            },
            get value() {
              return value.get();
            },
            load: () =>
              fake.loaders.push(() => {
                const v = resolve()?.props.get(key);
                isNullProp.set(v === undefined);
                value.set(v ?? "");
              }),
            delete: () =>
              fake.record(resolve, "(sheet)", "customProperty.delete()", key, () => resolve()?.props.delete(key)),
          };
        },
      },
      delete: () =>
        fake.record(resolve, "", "worksheet.delete()", undefined, () => {
          const s = resolve();
          if (s) fake.sheets.splice(fake.sheets.indexOf(s), 1);
        }),
      freezePanes: fake.recorder(resolve, "(sheet)", "freezePanes."),
      charts: {
        add: (type: string, source: { address: string }) => {
          // Excel names a new chart ("Chart 1", …) until it is given a name.
          const chart: FakeSheet["charts"][number] = { name: "", series: [] };
          fake.record(resolve, source.address, "charts.add()", type, () => {
            // Excel makes a series of each column that holds something: over cells not yet
            // calculated (a custom function's spill arrives later), no series at all.
            const s = resolve();
            const rows = cellsOf(source.address);
            for (let c = 0; c < (rows[0]?.length ?? 0); c++) {
              const column = rows.map((row) => row[c]);
              if (column.some((ref) => !blank(s?.cells.get(ref)))) {
                chart.series.push({ name: "", values: `${column[0]}:${column[column.length - 1]}`, x: "" });
              }
            }
            s?.charts.push(chart);
          });
          return fake.chartObject(resolve, () => chart);
        },
        get items() {
          return chartItems.get();
        },
        load: () =>
          fake.loaders.push(() =>
            chartItems.set((resolve()?.charts ?? []).map((c) => fake.chartObject(resolve, () => c))),
          ),
        getItemOrNullObject: (chartName: string) => {
          const found = () => resolve()?.charts.find((c) => c.name === chartName);
          const obj = fake.chartObject(resolve, found) as Record<string, unknown>;
          const isNullChart = fake.loadable<boolean>();
          return new Proxy(obj, {
            get(t, prop: string) {
              if (prop === "isNullObject") return isNullChart.get();
              if (prop === "load") return () => fake.loaders.push(() => isNullChart.set(!found()));
              return Reflect.get(t, prop);
            },
          });
        },
      },
    };
  }

  private chartObject(sheet: () => FakeSheet | undefined, chart: () => FakeSheet["charts"][number] | undefined) {
    const fake = this;
    const rec = this.recorder(sheet, "(chart)", "chart.") as Record<string, unknown>;
    type Series = { name: string; values: string; x: string };
    // A series that is not there (getItemAt past the end) fails the batch, as in Excel.
    const must = (at: () => Series | undefined): Series => {
      const s = at();
      if (!s) throw Object.assign(new Error("The requested resource doesn't exist."), { code: "ItemNotFound" });
      return s;
    };
    let seriesCollection: unknown;
    const seriesObject = (at: () => Series | undefined) => ({
      set name(v: string) {
        fake.record(sheet, "(chart)", "series.name", v, () => {
          must(at).name = v;
        });
      },
      setValues: (r: { address: string }) =>
        fake.record(sheet, "(chart)", "series.setValues()", r.address, () => {
          must(at).values = r.address;
        }),
      setXAxisValues: (r: { address: string }) =>
        fake.record(sheet, "(chart)", "series.setXAxisValues()", r.address, () => {
          must(at).x = r.address;
        }),
    });
    return new Proxy(rec, {
      get(t, prop: string) {
        if (prop === "name") return chart()?.name;
        // Chart.id (ExcelApi 1.7): the fake's ids are kept apart from its charts, which tests compare.
        if (prop === "id") {
          const c = chart();
          if (!c) throw Object.assign(new Error("The requested resource doesn't exist."), { code: "ItemNotFound" });
          if (!fake.chartIds.has(c)) fake.chartIds.set(c, `{chart-${fake.nextId++}}`);
          return fake.chartIds.get(c);
        }
        if (prop === "delete")
          return () =>
            fake.record(sheet, "(chart)", "chart.delete()", undefined, () => {
              const s = sheet();
              const c = chart();
              if (s && c) s.charts.splice(s.charts.indexOf(c), 1);
            });
        if (prop === "series") {
          // One collection object per chart, as Office.js's navigation properties are.
          if (seriesCollection) return seriesCollection;
          const count = fake.loadable<number>();
          return (seriesCollection = {
            get count() {
              return count.get();
            },
            load: () => fake.loaders.push(() => count.set(chart()?.series.length ?? 0)),
            getItemAt: (i: number) => seriesObject(() => chart()?.series[i]),
            add: (name: string) => {
              const s = { name, values: "", x: "" };
              fake.record(sheet, "(chart)", "series.add()", name, () => chart()?.series.push(s));
              return seriesObject(() => s);
            },
          });
        }
        return Reflect.get(t, prop);
      },
      set(_t, prop: string, value: unknown) {
        fake.record(sheet, "(chart)", `chart.${prop}`, value, () => {
          if (!chart())
            throw Object.assign(new Error("The requested resource doesn't exist."), { code: "ItemNotFound" });
          const c = chart();
          if (c && prop === "name") c.name = value as string;
        });
        return true;
      },
    });
  }

  context(): ExcelContextLike {
    const fake = this;
    const workbook = () => undefined;
    const sheetItems = this.loadable<unknown[]>();
    const nameItems = this.loadable<unknown[]>();
    const ctx = {
      sync: () => fake.sync(),
      workbook: {
        worksheets: {
          get items() {
            return sheetItems.get();
          },
          load() {
            fake.loaders.push(() =>
              sheetItems.set(
                fake.sheets.map((s) => {
                  const o = fake.sheetObject(() => s);
                  o.load();
                  return o;
                }),
              ),
            );
          },
          add: (name: string) => {
            let created: FakeSheet | undefined;
            fake.record(workbook, "", "worksheets.add()", name, () => {
              if (fake.sheet(name))
                throw Object.assign(new Error("A sheet with that name exists."), { code: "ItemAlreadyExists" });
              created = fake.addSheet(name);
            });
            return fake.sheetObject(() => created);
          },
          getItemOrNullObject: (key: string) => fake.sheetObject(() => fake.find(key)),
        },
        names: {
          get items() {
            return nameItems.get();
          },
          load() {
            fake.loaders.push(() => nameItems.set([...fake.names.keys()].map((name) => ({ name }))));
          },
          add: (name: string, reference: string, comment?: string) =>
            fake.record(workbook, "", "names.add()", { name, reference, comment }, () => {
              // Excel's names are case-insensitive: "cwcoresci_terms" is taken by "CWCoreSci_Terms".
              if (fake.nameKey(name) !== undefined)
                throw Object.assign(new Error("The name exists."), { code: "ItemAlreadyExists" });
              fake.names.set(name, reference);
            }),
          getItemOrNullObject: (name: string) => {
            const isNull = fake.loadable<boolean>();
            return {
              name,
              get isNullObject() {
                return isNull.get();
              },
              load: () => fake.loaders.push(() => isNull.set(fake.nameKey(name) === undefined)),
              delete: () =>
                fake.record(workbook, "", "names.delete()", name, () => fake.names.delete(fake.nameKey(name) ?? name)),
            };
          },
        },
        customXmlParts: {
          add: (xml: string) => {
            const id = `{part-${fake.nextId++}}`;
            fake.record(workbook, "", "customXmlParts.add()", xml, () => fake.parts.set(id, xml));
            return fake.partObject(id);
          },
          getByNamespace: (ns: string) => {
            const items = fake.loadable<unknown[]>();
            return {
              get items() {
                return items.get();
              },
              load: () =>
                fake.loaders.push(() =>
                  items.set(
                    [...fake.parts.entries()]
                      .filter(([, xml]) => xml.includes(`xmlns="${ns}"`))
                      .map(([id]) => fake.partObject(id)),
                  ),
                ),
            };
          },
        },
        application: {
          calculate: (type: string) =>
            fake.record(workbook, "", "application.calculate()", type, () => fake.calculations.push(type)),
        },
      },
    };
    return ctx as unknown as ExcelContextLike;
  }

  private partObject(id: string) {
    const fake = this;
    return {
      id,
      getXml: () => {
        const result = fake.loadable<string>();
        fake.loaders.push(() => result.set(fake.parts.get(id) ?? ""));
        return {
          get value() {
            return result.get();
          },
        };
      },
      setXml: (xml: string) =>
        fake.record(
          () => undefined,
          "",
          "customXmlPart.setXml()",
          xml,
          () => fake.parts.set(id, xml),
        ),
      delete: () =>
        fake.record(
          () => undefined,
          "",
          "customXmlPart.delete()",
          id,
          () => fake.parts.delete(id),
        ),
    };
  }
}
