import { buildSchedule, ok, SCALAR_TERMS, TERM_SPECS, TERM_BY_KEY, type Result } from "../core";
import { miningProvenance, type Preset } from "../presets";
import { cellRef, columnLetter, rangeRef, sheetRef } from "./a1";
import { termCells, trancheCells, tranchesRange, type ProvenanceMap } from "./blocks";
import { capexCells, capexLayout, capexRange } from "./capex";
import { chartFor } from "./chart";
import { prepareDeal, type PlanInput, type PreparedDeal } from "./deal";
import { CHART, COLUMNS, RESERVED_SCHEDULE_ROWS, ROWS, SCHEDULE_COLUMNS, TRANCHE_SPARE_ROWS, WIDTHS } from "./geometry";
import { miningSpillWidths, planMiningBlock, type MiningProvenance } from "./miningBlock";
import { halvingPoints, placeMiningBlock } from "./miningSheet";
import { baseSheetName, basePrefix, uniqueNamePrefix, uniqueSheetName } from "./naming";
import { SUMMARY_ROWS, type SummaryContext } from "./summaryBlock";
import type {
  PlanCell,
  PlanColumn,
  PlanName,
  PlanRange,
  PlanSchedule,
  ScalarTermKey,
  SheetLayout,
  SheetPlan,
} from "./types";

/**
 * What the sheet shows of a preset: its title, description, provenance and notes; and where each
 * figure of its mining block comes from (by default, the preset's own by its id).
 */
export type PresetInfo = Pick<Preset, "id" | "title" | "description" | "provenance" | "notes"> & {
  readonly miningProvenance?: MiningProvenance;
};

export interface PlanOptions {
  /** The workbook's sheet names: the plan picks one that is not among them. */
  readonly existingSheetNames?: readonly string[];
  /** The workbook's defined names: the plan picks a prefix none of them uses. */
  readonly existingNames?: readonly string[];
  /** The preset the deal comes from: its title, description, per-term provenance and notes go on the sheet. */
  readonly preset?: PresetInfo;
  /** A base for the sheet's name instead of the one derived from the deal (still made valid and unique). */
  readonly sheetName?: string;
  /** A base for the names' prefix instead of the one derived from the sheet name (still made valid and unique). */
  readonly namePrefix?: string;
  /** Where each mining figure comes from; by default the preset's (if it has a mining block). */
  readonly miningProvenance?: MiningProvenance;
}

const A = columnLetter(COLUMNS.label);
const B = columnLetter(COLUMNS.value);
const C = columnLetter(COLUMNS.note);

const SCALAR_KEYS: readonly ScalarTermKey[] = SCALAR_TERMS.map((t) => t.key);

/** Rows of each block, top to bottom: terms, tranches table (if any), summary, notes. */
function layoutFor(deal: PreparedDeal, table: boolean, noteCount: number): SheetLayout {
  const rows = {} as Record<ScalarTermKey, number>;
  SCALAR_KEYS.forEach((key, i) => (rows[key] = ROWS.firstTerm + i));
  const lastTerm = ROWS.firstTerm + SCALAR_KEYS.length - 1;
  let next = lastTerm + 2;

  let tranches: SheetLayout["tranches"] = null;
  if (table) {
    const count = deal.terms.tranches.length + TRANCHE_SPARE_ROWS;
    tranches = {
      headerRow: next + 1,
      firstRow: next + 2,
      rows: count,
      dateColumn: A,
      mwColumn: B,
      noteRef: `${C}${next}`,
    };
    next += 2 + count + 1;
  }

  const capexBlock = capexLayout(next, deal.terms, { date: A, amount: B, note: C });
  next = capexBlock.next;

  const summaryFirst = next + 1;
  const summaryLast = summaryFirst + SUMMARY_ROWS.length - 1;
  next = summaryLast + 2;

  const notes = noteCount > 0 ? { ref: rangeRef(COLUMNS.label, next + 1, COLUMNS.label, next + noteCount) } : null;
  const chartFrom = COLUMNS.schedule + SCHEDULE_COLUMNS.length + CHART.gapColumns;
  const chartLastColumn = chartFrom + CHART.columns - 1;
  const chartLastRow = ROWS.header + CHART.rows - 1;
  const base: SheetLayout = {
    terms: {
      ref: rangeRef(COLUMNS.label, ROWS.firstTerm, COLUMNS.value, lastTerm),
      labelColumn: A,
      valueColumn: B,
      noteColumn: C,
      rows,
    },
    tranches,
    capex: capexBlock.capex,
    summary: { ref: rangeRef(COLUMNS.label, summaryFirst, COLUMNS.value, summaryLast) },
    notes,
    schedule: {
      anchor: cellRef(COLUMNS.schedule, ROWS.header),
      columns: SCHEDULE_COLUMNS.length,
      reservedRows: RESERVED_SCHEDULE_ROWS,
    },
    chart: { from: cellRef(chartFrom, ROWS.header), to: cellRef(chartLastColumn, chartLastRow) },
  };
  return deal.mining === null ? base : { ...base, mining: placeMiningBlock(base) };
}

function firstRowOf(ref: string): number {
  return Number(/\d+/.exec(ref)?.[0]);
}

/** The notes the plan adds to a preset's: how the sheet works where it is not obvious. */
function sheetNotes(table: boolean, scheduleRef: string, mining: boolean): string[] {
  const notes: string[] = [];
  if (table) {
    notes.push(
      "Capacity and start date are left blank: the model takes the sum of the tranches and the earliest tranche date, " +
        "so editing a tranche cannot make the terms disagree. The blank rows at the end of the tranches table are " +
        "part of it: type a further tranche there.",
    );
  }
  notes.push(
    "The capex table is the host's own spending on the site (whoever funds it): it moves the host cash flow, " +
      "host NPV, IRR and payback, not the fees. Its blank rows are part of it: type further spending there.",
  );
  notes.push(
    `The chart covers the schedule as inserted (${scheduleRef}); if a change of terms lengthens or shortens the ` +
      "schedule, the chart's ranges must be extended or trimmed to match.",
  );
  if (mining) {
    notes.push(
      "The mining comparison below uses the same months as the schedule; its chart covers the comparison as " +
        "inserted, like the schedule's chart. Blank mining inputs take the defaults stated beside them.",
    );
  }
  return notes;
}

function subtitle(deal: PreparedDeal, preset: PresetInfo | undefined): string {
  if (preset) return preset.description;
  const { host, tenant } = deal.terms;
  return [host && `Host: ${host}.`, tenant && `Tenant: ${tenant}.`].filter(Boolean).join(" ");
}

/**
 * The sheet of one deal as a pure plan: every cell, format, defined name and
 * chart an insert writes, with no Office import. An invalid deal file gives a
 * failed `Result` with its problems (the one validation of a deal file on the
 * way to a sheet: callers do not validate it first).
 *
 * Layout (rows 1–4 frozen): title, description and a hint on rows 1–3; the
 * terms block (label, value; provenance beside it in column C, outside the
 * named range) from row 5; the tranches table (Date, MW) below it when the
 * deal has one; the summary formulas; the source notes. The schedule is one
 * =HPC.HOSTINGCASHFLOW spill from E4 whose header row is the frozen row 4; the
 * chart sits to its right.
 */
export function planDeal(input: PlanInput, options: PlanOptions = {}): Result<SheetPlan> {
  const prepared = prepareDeal(input);
  return prepared.ok ? ok(planPrepared(prepared.value, options)) : prepared;
}

function planPrepared(deal: PreparedDeal, options: PlanOptions): SheetPlan {
  const { terms } = deal;
  const preset = options.preset;
  const table = deal.wantsTable;
  const schedule = buildSchedule(terms);
  const scheduleRows = schedule.rows.length + 1;

  const base = options.sheetName ?? baseSheetName(terms);
  const sheet = uniqueSheetName(base, options.existingSheetNames ?? []);
  const prefix = uniqueNamePrefix(options.namePrefix ?? basePrefix(base), options.existingNames ?? []);
  const termsName = `${prefix}_Terms`;
  const tranchesName = table ? `${prefix}_Tranches` : null;
  const capexName = `${prefix}_Capex`;

  const scheduleRef = rangeRef(
    COLUMNS.schedule,
    ROWS.header,
    COLUMNS.schedule + SCHEDULE_COLUMNS.length - 1,
    ROWS.header + scheduleRows - 1,
  );
  const planNotes = sheetNotes(table, scheduleRef, deal.mining !== null);
  const allNotes = [...(preset?.notes ?? []), ...planNotes];
  const layout = layoutFor(deal, table, allNotes.length);
  const provenance: ProvenanceMap = preset?.provenance ?? {};
  const title = preset?.title ?? (terms.name || "Hosting deal");

  const cells: PlanCell[] = [];
  const hint =
    `Edit the input cells in column ${B} (terms${table ? ", tranches" : ""}${layout.mining ? ", capex and mining" : " and capex"}): ` +
    `the summary and the schedule (from ${layout.schedule.anchor})` +
    `${layout.mining ? ` and the mining comparison (from ${layout.mining.spill.anchor})` : ""} recompute with the HPC functions.` +
    (layout.notes ? ` Sources and notes from ${layout.notes.ref.split(":")[0]}.` : "");
  cells.push({ ref: `${A}${ROWS.title}`, value: title, style: "title" });
  const sub = subtitle(deal, preset);
  if (sub) cells.push({ ref: `${A}${ROWS.subtitle}`, value: sub, style: "subtitle" });
  cells.push({ ref: `${A}${ROWS.hint}`, value: hint, style: "note" });
  cells.push({ ref: `${A}${ROWS.header}`, value: "Term", style: "header" });
  cells.push({ ref: `${B}${ROWS.header}`, value: "Value", style: "header" });
  cells.push({ ref: `${C}${ROWS.header}`, value: "Source / note", style: "header" });

  for (const key of SCALAR_KEYS) {
    const spec = TERM_BY_KEY.get(key);
    if (spec) cells.push({ ref: `${A}${layout.terms.rows[key]}`, value: spec.label, style: "label" });
  }
  cells.push(...termCells(layout, deal, table, provenance));

  const names: PlanName[] = [
    {
      name: termsName,
      ref: sheetRef(sheet, layout.terms.ref),
      comment: `The terms of the deal on ${sheet}: label, value.`,
    },
  ];
  if (layout.tranches && tranchesName) {
    const t = layout.tranches;
    cells.push({
      ref: `${A}${t.headerRow - 1}`,
      value: TERM_SPECS.tranches.label,
      style: "header",
    });
    cells.push({ ref: `${t.dateColumn}${t.headerRow}`, value: "Date", style: "header" });
    cells.push({ ref: `${t.mwColumn}${t.headerRow}`, value: "MW", style: "header" });
    cells.push(...trancheCells(layout, terms, provenance));
    names.push({
      name: tranchesName,
      ref: sheetRef(sheet, tranchesRange(layout, t.rows)),
      comment: `The tranches of the deal on ${sheet}: date, MW.`,
    });
  }

  if (layout.capex) {
    const x = layout.capex;
    cells.push({ ref: `${A}${x.headerRow - 1}`, value: TERM_SPECS.capex.label, style: "header" });
    cells.push({ ref: `${x.dateColumn}${x.headerRow}`, value: "Date", style: "header" });
    cells.push({ ref: `${x.amountColumn}${x.headerRow}`, value: "Amount", style: "header" });
    cells.push(...capexCells(layout, terms, provenance));
    names.push({
      name: capexName,
      ref: sheetRef(sheet, capexRange(layout, x.rows)),
      comment: `The host's capex on the deal on ${sheet}: date, amount.`,
    });
  }

  // Summary.
  const summaryFirst = firstRowOf(layout.summary.ref);
  cells.push({ ref: `${A}${summaryFirst - 1}`, value: "Summary", style: "header" });
  const ctx: SummaryContext = {
    terms: termsName,
    tranches: tranchesName,
    capex: capexName,
  };
  const dataFirst = ROWS.header + 1;
  const dataLast = ROWS.header + RESERVED_SCHEDULE_ROWS;
  SUMMARY_ROWS.forEach((r, i) => {
    const row = summaryFirst + i;
    cells.push({ ref: `${A}${row}`, value: r.label, style: "label" });
    cells.push({ ref: `${B}${row}`, formula: r.formula(ctx), format: r.format, style: "output" });
    cells.push({ ref: `${C}${row}`, value: r.note(ctx), style: "note" });
  });

  // Notes: each across A:C, wrapped, so that a long source can be read in full.
  const noteRanges: PlanRange[] = [];
  if (layout.notes) {
    const first = firstRowOf(layout.notes.ref);
    cells.push({ ref: `${A}${first - 1}`, value: "Sources and notes", style: "header" });
    allNotes.forEach((text, i) => {
      cells.push({ ref: `${A}${first + i}`, value: text, style: "note" });
      noteRanges.push({ ref: rangeRef(COLUMNS.label, first + i, COLUMNS.note, first + i), merge: true, wrap: true });
    });
  }

  // Schedule: one spill; its header row comes from the function.
  const formula = `=HPC.HOSTINGCASHFLOW(${[termsName, tranchesName ?? "", capexName].join(", ")})`;
  cells.push({ ref: layout.schedule.anchor, formula, style: "header" });
  const lastScheduleColumn = COLUMNS.schedule + SCHEDULE_COLUMNS.length - 1;
  const ranges: PlanRange[] = [
    { ref: rangeRef(COLUMNS.schedule, ROWS.header, lastScheduleColumn, ROWS.header), style: "header" },
    ...SCHEDULE_COLUMNS.map((col, i) => ({
      ref: rangeRef(COLUMNS.schedule + i, dataFirst, COLUMNS.schedule + i, dataLast),
      format: col.format,
    })),
    ...noteRanges,
  ];

  const columns: PlanColumn[] = [
    { column: A, width: WIDTHS.label },
    { column: B, width: WIDTHS.value },
    { column: C, width: WIDTHS.note },
    { column: columnLetter(COLUMNS.note + 1), width: WIDTHS.gap },
    ...SCHEDULE_COLUMNS.map((col, i) => ({ column: columnLetter(COLUMNS.schedule + i), width: col.width })),
    { column: columnLetter(lastScheduleColumn + 1), width: WIDTHS.gap },
  ];

  const charts = [chartFor(sheet, layout, scheduleRows)];
  let miningSchedule: PlanSchedule | undefined;
  let miningName: string | null = null;
  if (layout.mining && deal.mining) {
    const block = planMiningBlock({
      sheet,
      prefix,
      termsName,
      tranchesName,
      capexName,
      mining: deal.mining,
      provenance:
        options.miningProvenance ?? preset?.miningProvenance ?? (preset ? miningProvenance(preset.id) : undefined),
      layout: layout.mining,
      spillRows: scheduleRows,
      halvingPoints: halvingPoints(terms),
    });
    cells.push(...block.cells);
    names.push(...block.names);
    ranges.push(...block.ranges);
    columns.push(...miningSpillWidths(layout.mining));
    charts.push(block.chart);
    miningSchedule = block.spill;
    miningName = block.miningName;
  }

  return {
    sheet,
    cells: sortCells(cells),
    names,
    charts,
    ranges,
    columns,
    freeze: { rows: ROWS.header, columns: 0 },
    schedule: {
      anchor: layout.schedule.anchor,
      formula,
      rows: scheduleRows,
      columns: SCHEDULE_COLUMNS.length,
      ref: scheduleRef,
      reservedRef: rangeRef(COLUMNS.schedule, ROWS.header, lastScheduleColumn, dataLast),
    },
    ...(miningSchedule ? { miningSchedule } : {}),
    deal: {
      kind: "hpc-deal-sheet",
      version: 1,
      presetId: preset?.id ?? null,
      title,
      prefix,
      termsName,
      tranchesName,
      capexName,
      ...(miningName ? { miningName } : {}),
      layout,
    },
  };
}

/** Row by row, left to right: the order a reader (and a diff) expects. */
function sortCells(cells: readonly PlanCell[]): PlanCell[] {
  const key = (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    return m ? [Number(m[2]), m[1].length, m[1]] : [0, 0, ref];
  };
  return [...cells].sort((x, y) => {
    const [ra, la, ca] = key(x.ref);
    const [rb, lb, cb] = key(y.ref);
    return (ra as number) - (rb as number) || (la as number) - (lb as number) || String(ca).localeCompare(String(cb));
  });
}

/** A preset's sheet: its deal, with its title, description, provenance and notes. */
export function planPreset(preset: Preset, options: Omit<PlanOptions, "preset"> = {}): Result<SheetPlan> {
  return planDeal(preset.deal, { ...options, preset });
}
