/**
 * Where a deal sheet's mining block goes, and the block added to a sheet
 * inserted without one (the pane's "add the comparison" through its update
 * flow). One placement rule for both, so that an added block sits where an
 * insert would have put it: the inputs and figures two rows below the notes
 * (or the summary), the spill right of the deal's chart, the chart below it.
 */
import { Decimal, buildMiningSchedule, buildSchedule, toDealFile, type DateInput, type Terms } from "../core";
import { cellRef, parseCell, rangeRef } from "./a1";
import { prepareDeal, type PlanInput } from "./deal";
import { MINING, RESERVED_SCHEDULE_ROWS, ROWS } from "./geometry";
import { miningLayout, miningSpillWidths, planMiningBlock, type MiningProvenance } from "./miningBlock";
import type {
  DealSheetInfo,
  MiningLayout,
  PlanCell,
  PlanChart,
  PlanColumn,
  PlanName,
  PlanRange,
  PlanSchedule,
  SheetLayout,
} from "./types";

function lastRowOf(ref: string): number {
  const to = ref.split(":").pop() ?? ref;
  return parseCell(to)?.row ?? 0;
}

/** The mining block's place on a sheet of this layout (its own `mining` aside). */
export function placeMiningBlock(layout: Omit<SheetLayout, "mining">): MiningLayout {
  const above = layout.notes ? lastRowOf(layout.notes.ref) : lastRowOf(layout.summary.ref);
  const from = parseCell(layout.chart.from);
  const to = parseCell(layout.chart.to);
  if (!from || !to) throw new RangeError(`bad chart corners ${layout.chart.from}:${layout.chart.to}`);
  const top = to.row + 1 + MINING.chartGapRows;
  return miningLayout(
    above + 2,
    { column: to.column + 1 + MINING.spillGapColumns, row: ROWS.header, reservedRows: RESERVED_SCHEDULE_ROWS },
    { from: cellRef(from.column, top), to: cellRef(to.column, top + (to.row - from.row)) },
  );
}

/** The comparison's rows (0-based) where one more halving counts than in the row before: the chart's marks. */
export function halvingPoints(terms: Terms): number[] {
  if (terms.mining === null) return [];
  const rows = buildMiningSchedule(buildSchedule(terms), terms.mining).rows;
  return rows.flatMap((r, i) => (i > 0 && r.halvings > rows[i - 1].halvings ? [i] : []));
}

/** What adding a mining block to an existing deal sheet writes. */
export interface MiningAddition {
  readonly cells: readonly PlanCell[];
  readonly names: readonly PlanName[];
  readonly ranges: readonly PlanRange[];
  readonly columns: readonly PlanColumn[];
  readonly chart: PlanChart;
  readonly spill: PlanSchedule;
  /** The sheet's stored info with the block in its layout. */
  readonly deal: DealSheetInfo;
  /**
   * The areas that must be empty before the block is written (its A:C rows
   * and its spill's reserved columns): a writer asks before writing over
   * anything a user put there.
   */
  readonly areas: readonly string[];
}

export interface MiningAdditionOptions {
  readonly miningProvenance?: MiningProvenance;
  /** The workbook's defined names: the block's name must not be among them. */
  readonly existingNames?: readonly string[];
  /** How the input's dates arrive: "excel" for a deal file read back from the sheet (serials). */
  readonly dates?: DateInput;
}

/**
 * The `mining` block of a deal (a deal file's as given, or validated terms'
 * as a deal file): what the pane contributes to an addition, whose other
 * terms are the sheet's.
 */
export function miningBlockOf(input: PlanInput): unknown {
  const terms = input as Partial<Terms>;
  if (Decimal.isDecimal(terms.ratePerKWMonth)) return toDealFile(input as Terms).mining;
  return (input as { readonly mining?: unknown }).mining;
}

/**
 * The mining block of `input` (a deal file or terms with a `mining` block)
 * for a deal sheet that has none, placed as an insert would place it. The
 * chart's length and its halving marks come from `input`'s terms: give the
 * sheet's own terms (read back, with `dates: "excel"`), so that they cover
 * the rows the sheet's spill fills. Fails
 * when the deal has no mining block, the sheet already has one, or the
 * block's name is taken.
 */
export function planMiningAddition(
  existing: { readonly sheet: string; readonly deal: DealSheetInfo },
  input: PlanInput,
  options: MiningAdditionOptions = {},
): { readonly ok: true; readonly value: MiningAddition } | { readonly ok: false; readonly reason: string } {
  const prepared = prepareDeal(input, { dates: options.dates });
  if (!prepared.ok) return { ok: false, reason: prepared.error.message };
  const deal = prepared.value;
  if (deal.mining === null) return { ok: false, reason: "the deal has no mining block" };
  const info = existing.deal;
  if (info.layout.mining) return { ok: false, reason: "this sheet already has a mining block" };
  const name = `${info.prefix}_Mining`;
  const taken = new Set((options.existingNames ?? []).map((n) => n.toLowerCase()));
  if (taken.has(name.toLowerCase()))
    return { ok: false, reason: `the name ${name} is already in use in this workbook` };

  const layout = placeMiningBlock(info.layout);
  const scheduleRows = buildSchedule(deal.terms).rows.length + 1;
  const block = planMiningBlock({
    sheet: existing.sheet,
    prefix: info.prefix,
    termsName: info.termsName,
    tranchesName: info.tranchesName,
    capexName: info.capexName ?? null,
    mining: deal.mining,
    provenance: options.miningProvenance,
    layout,
    spillRows: scheduleRows,
    halvingPoints: halvingPoints(deal.terms),
  });
  return {
    ok: true,
    value: {
      cells: block.cells,
      names: block.names,
      ranges: block.ranges,
      columns: miningSpillWidths(layout),
      chart: block.chart,
      spill: block.spill,
      deal: { ...info, miningName: block.miningName, layout: { ...info.layout, mining: layout } },
      areas: [rangeRef(1, layout.headerRow, 3, block.lastRow), block.spill.reservedRef],
    },
  };
}
