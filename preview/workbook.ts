/**
 * The preview's workbook: a HyperFormula engine with the HPC functions
 * registered, plus what HyperFormula does not keep and the grid needs (each
 * cell's number format and style, column widths, merges, the chart) and what
 * Excel would keep for the pane (each deal sheet's record). Every change
 * notifies the view.
 *
 * DEV ONLY: HyperFormula is GPL-3.0; the add-in's bundles never import this.
 */
import { DetailedCellError, HyperFormula, type CellValue as HfValue } from "hyperformula";
import { HPC_HYPERFORMULA_CONFIG, registerHpcFunctions } from "./hyperformula/plugin";
import {
  cellFormat,
  parseCell,
  type CellStyle,
  type CellValue,
  type DealSheetInfo,
  type PlanCell,
  type PlanChart,
  type PortfolioSheetPlan,
  type SensitivityPlan,
  type SheetPlan,
} from "../src/plan";
import type { DisplayValue } from "./format";
import { addressOf, cellContent, writeCells, writePlanCells } from "./hyperformula/planWriter";
import { parseEntry } from "./parseInput";

/** What a grid cell shows: a value, or an error with its message. */
export type GridValue = DisplayValue | { readonly error: string; readonly message: string };

/** A cell's dressing and format, as the plan gave them. */
export interface CellMeta {
  readonly style?: CellStyle;
  readonly format?: string;
  readonly help?: string;
  readonly choices?: readonly string[];
}

interface RangeMeta {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly format?: string;
  readonly style?: CellStyle;
  readonly merge?: boolean;
  readonly wrap?: boolean;
}

/** What the grid draws a sheet with, besides the engine's values. */
export interface SheetLook {
  readonly cells: Map<string, CellMeta>;
  readonly ranges: RangeMeta[];
  /** Column letter → width in characters. */
  readonly widths: Map<string, number>;
  freezeRows: number;
}

/** A deal sheet's record: what the Office writer keeps in a custom XML part. */
export interface DealRecord {
  readonly deal: DealSheetInfo;
  written: Record<string, CellValue>;
  charts: readonly PlanChart[];
}

export type ChangeListener = (change: { readonly activate?: number }) => void;

function toGrid(v: HfValue): GridValue {
  if (v instanceof DetailedCellError) return { error: v.value, message: v.message };
  return v as DisplayValue;
}

function box(ref: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b = a] = ref.split(":");
  const from = parseCell(a);
  const to = parseCell(b);
  if (!from || !to) throw new RangeError(`not an A1 range: ${ref}`);
  return { top: from.row, left: from.column, bottom: to.row, right: to.column };
}

export class PreviewWorkbook {
  readonly hf: HyperFormula;
  private readonly looks = new Map<number, SheetLook>();
  readonly records = new Map<number, DealRecord>();
  /** Portfolio sheets: their spilled formulas (entered again when a deal changes) and their chart. */
  readonly portfolios = new Map<number, PortfolioSheetPlan>();
  private readonly listeners: ChangeListener[] = [];

  constructor() {
    registerHpcFunctions();
    this.hf = HyperFormula.buildEmpty({ ...HPC_HYPERFORMULA_CONFIG });
    this.addEmptySheet("Sheet1");
  }

  onChange(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  notify(activate?: number): void {
    for (const l of this.listeners) l({ activate });
  }

  private addEmptySheet(name: string): number {
    const id = this.hf.getSheetId(this.hf.addSheet(name)) as number;
    this.looks.set(id, { cells: new Map(), ranges: [], widths: new Map(), freezeRows: 0 });
    return id;
  }

  /** The sheets in tab order. */
  sheets(): { id: number; name: string }[] {
    return this.hf.getSheetNames().map((name) => ({ id: this.hf.getSheetId(name) as number, name }));
  }

  sheetName(id: number): string | undefined {
    return this.hf.getSheetName(id);
  }

  namedExpressions(): string[] {
    return this.hf.listNamedExpressions();
  }

  look(id: number): SheetLook | undefined {
    return this.looks.get(id);
  }

  /** Rows and columns in use (values and formatted cells of the plan, not the reserved spill area). */
  usedSize(id: number): { rows: number; columns: number } {
    const dims = this.hf.getSheetDimensions(id);
    let rows = dims.height;
    let columns = dims.width;
    for (const ref of this.looks.get(id)?.cells.keys() ?? []) {
      const c = parseCell(ref);
      if (c) {
        rows = Math.max(rows, c.row);
        columns = Math.max(columns, c.column);
      }
    }
    return { rows, columns };
  }

  value(id: number, ref: string): GridValue {
    return toGrid(this.hf.getCellValue(addressOf(id, ref)));
  }

  /** The sheet's values, row by row, over its used size. */
  values(id: number): GridValue[][] {
    return this.hf.getSheetValues(id).map((row) => row.map(toGrid));
  }

  formula(id: number, ref: string): string | undefined {
    return this.hf.getCellFormula(addressOf(id, ref));
  }

  /** The format, style and help of a cell: its own, else the ranges' over it. */
  meta(id: number, row: number, column: number, ref: string): CellMeta & { wrap?: boolean } {
    const look = this.looks.get(id);
    if (!look) return {};
    const own = look.cells.get(ref);
    let format = own?.format;
    let style = own?.style;
    let wrap: boolean | undefined;
    for (const r of look.ranges) {
      if (row < r.top || row > r.bottom || column < r.left || column > r.right) continue;
      format ??= r.format;
      style ??= r.style;
      if (r.wrap) wrap = true;
    }
    return { ...own, format, style, wrap };
  }

  /** Merged areas (top-left cell → its size). */
  merges(id: number): { top: number; left: number; rows: number; columns: number }[] {
    return (this.looks.get(id)?.ranges ?? [])
      .filter((r) => r.merge)
      .map((r) => ({ top: r.top, left: r.left, rows: r.bottom - r.top + 1, columns: r.right - r.left + 1 }));
  }

  /**
   * Writes a sheet's plan as a new sheet: all of it, or (on any failure)
   * nothing: the names added and the sheet are removed again before the
   * error is rethrown. Deal, sensitivity and portfolio sheets alike.
   */
  private insertSheet(
    plan: Pick<SheetPlan, "sheet" | "cells" | "ranges" | "columns"> & {
      readonly names?: SheetPlan["names"];
      readonly freeze?: SheetPlan["freeze"];
    },
  ): number {
    const id = this.addEmptySheet(plan.sheet);
    const added: string[] = [];
    try {
      writePlanCells(this.hf, id, { names: plan.names ?? [], cells: plan.cells }, (name) => added.push(name));
      const look = this.looks.get(id) as SheetLook;
      for (const r of plan.ranges) look.ranges.push({ ...box(r.ref), ...r });
      for (const c of plan.columns) look.widths.set(c.column, c.width);
      if (plan.freeze) look.freezeRows = plan.freeze.rows;
      this.dress(id, plan.cells);
      return id;
    } catch (e) {
      for (const name of added) this.hf.removeNamedExpression(name);
      this.hf.removeSheet(id);
      this.looks.delete(id);
      throw e;
    }
  }

  /** A deal sheet's plan as a new sheet, all or nothing. */
  insertPlan(plan: SheetPlan): number {
    return this.insertSheet(plan);
  }

  /**
   * A block added to an existing sheet (the mining block): its names, cells,
   * formats and widths, all or nothing: on a failure its names are removed
   * and its cells emptied again (they were empty) before the error is rethrown.
   */
  addBlock(id: number, block: Pick<SheetPlan, "names" | "cells" | "ranges" | "columns">): void {
    const look = this.looks.get(id);
    if (!look) throw new RangeError(`no sheet ${id}`);
    const added: string[] = [];
    try {
      writePlanCells(this.hf, id, block, (name) => added.push(name));
    } catch (e) {
      for (const name of added) this.hf.removeNamedExpression(name);
      writeCells(
        this.hf,
        id,
        block.cells.map((c) => ({ ref: c.ref, value: null })),
      );
      throw e;
    }
    for (const r of block.ranges) look.ranges.push({ ...box(r.ref), ...r });
    for (const c of block.columns) look.widths.set(c.column, c.width);
    this.dress(id, block.cells);
  }

  /**
   * A sensitivity sheet's plan (analysis.md §11) as a new sheet, all or
   * nothing. The grid draws its table and tornado values; the colour scale
   * and the bar chart are Excel's (the preview does not draw them).
   */
  insertSensitivityPlan(plan: SensitivityPlan): number {
    return this.insertSheet(plan);
  }

  /** A portfolio sheet (no names, no record) as a new sheet, all or nothing. */
  insertPortfolioPlan(plan: PortfolioSheetPlan): number {
    const id = this.insertSheet(plan);
    this.portfolios.set(id, plan);
    return id;
  }

  /** Enters the portfolio sheets' spilled formulas again: a deal's change may change their size. */
  private resizePortfolios(): void {
    for (const [id, plan] of this.portfolios) {
      if (this.hf.getSheetName(id) === undefined) continue;
      for (const ref of plan.spills) {
        const anchor = addressOf(id, ref);
        const formula = this.hf.getCellFormula(anchor);
        if (formula !== undefined) this.hf.setCellContents(anchor, [[formula]]);
      }
    }
  }

  /** Records the cells' formats and styles (a plan's, an update's). */
  private dress(id: number, cells: readonly PlanCell[]): void {
    const look = this.looks.get(id);
    if (!look) return;
    for (const c of cells) {
      const before = look.cells.get(c.ref);
      look.cells.set(c.ref, {
        style: c.style === "plain" ? undefined : (c.style ?? before?.style),
        format: cellFormat(c) ?? before?.format,
        help: c.help ?? before?.help,
        choices: c.choices ?? before?.choices,
      });
    }
  }

  /** Writes an update's cells over a sheet, then re-enters its schedule so that the spill fits the new terms. */
  writeCells(id: number, cells: readonly PlanCell[]): void {
    writeCells(this.hf, id, cells);
    this.dress(id, cells);
    this.resizeSpill(id);
    this.resizePortfolios();
  }

  /**
   * HyperFormula sizes an array formula's result when it is entered: after
   * the terms change, the schedule (and the mining comparison) is entered again, so that its spill has
   * the new schedule's length (Excel's spill resizes by itself).
   */
  resizeSpill(id: number): void {
    const record = this.records.get(id);
    if (!record) return;
    const { layout } = record.deal;
    for (const ref of [layout.schedule.anchor, ...(layout.mining ? [layout.mining.spill.anchor] : [])]) {
      const anchor = addressOf(id, ref);
      const formula = this.hf.getCellFormula(anchor);
      if (formula !== undefined) this.hf.setCellContents(anchor, [[formula]]);
    }
  }

  /** True when the grid lets a user type into the cell: the plan's input cells. */
  isEditable(id: number, ref: string): boolean {
    return this.looks.get(id)?.cells.get(ref)?.style === "input";
  }

  /** A user's entry in an input cell, read as Excel reads it for the cell's format; the sheet recalculates. */
  enter(id: number, ref: string, typed: string): void {
    if (!this.isEditable(id, ref)) throw new Error(`${ref} is not an input cell`);
    const entry = parseEntry(typed, this.looks.get(id)?.cells.get(ref)?.format);
    const content =
      entry.kind === "empty"
        ? null
        : entry.kind === "formula"
          ? entry.value
          : cellContent({ value: entry.value as CellValue });
    this.hf.setCellContents(addressOf(id, ref), [[content]]);
    this.resizeSpill(id);
    this.resizePortfolios();
    this.notify();
  }

  /** Recalculates: every deal sheet's schedule entered again, volatile functions (TODAY) recomputed. */
  recalculate(): void {
    for (const id of this.records.keys()) this.resizeSpill(id);
    this.resizePortfolios();
    this.notify();
  }
}
