import { buildSchedule } from "../core";
import { termCells, trancheCells, type ProvenanceMap } from "./blocks";
import { capexCells } from "./capex";
import { chartFor } from "./chart";
import { prepareDeal, type PlanInput } from "./deal";
import { miningChart, miningTermCells, type MiningProvenance } from "./miningBlock";
import { halvingPoints } from "./miningSheet";
import type { DealSheetInfo, PlanCell, PlanChart } from "./types";

/** The sheet an update writes into: its current name (the user may have renamed it) and its stored info. */
export interface ExistingSheet {
  readonly sheet: string;
  readonly deal: DealSheetInfo;
}

export interface TermsUpdateOptions {
  /** The new deal's provenance (a preset's); without it, the provenance cells are cleared to the layout's notes. */
  readonly provenance?: ProvenanceMap;
  /** The new deal's mining provenance (a preset's); without it, the mining notes are the layout's. */
  readonly miningProvenance?: MiningProvenance;
}

export type TermsUpdate =
  | {
      readonly fits: true;
      /** The terms block's value and note cells, and every row of the tranches table (unused rows blank). */
      readonly cells: readonly PlanCell[];
      /** The charts over the new schedule's size (the mining chart's too, when the sheet has the block). */
      readonly charts: readonly PlanChart[];
      /** Rows of the new schedule's spill, its header included. */
      readonly scheduleRows: number;
    }
  | {
      readonly fits: false;
      /** Why not, for the user: the writer refuses, or re-inserts the deal as a new sheet. */
      readonly reason: string;
      /** Table rows the new deal needs, and rows the sheet's table has (0 when it has none): tranches, or capex items. */
      readonly needed: number;
      readonly available: number;
    };

/**
 * The "update terms only" path: the cells of an existing sheet's terms block,
 * tranches table and capex table for a new deal, at the refs the sheet was inserted with.
 * The names keep their refs; everything else on the sheet (summary, schedule
 * formula, formats) stays as it is and recomputes; only the chart's ranges
 * follow the schedule's new length. It does not fit when the new deal has
 * more tranches than the sheet's table has rows, or several tranches and the
 * sheet has no table; or more capex items than its capex table has rows; or
 * a mining block when the sheet has none (`planMiningAddition` adds one). Throws the `DealError` of an invalid deal file.
 */
export function planTermsUpdate(
  existing: ExistingSheet,
  input: PlanInput,
  options: TermsUpdateOptions = {},
): TermsUpdate {
  const prepared = prepareDeal(input);
  if (!prepared.ok) throw prepared.error;
  const deal = prepared.value;
  const { layout } = existing.deal;
  const count = deal.terms.tranches.length;
  const table = layout.tranches;
  const available = table ? table.rows : 0;

  if (!table && count > 1) {
    return {
      fits: false,
      reason: `the deal has ${count} tranches and this sheet has no tranches table: insert it as a new sheet`,
      needed: count,
      available,
    };
  }
  if (table && count > table.rows) {
    return {
      fits: false,
      reason: `the deal has ${count} tranches and this sheet's tranches table has ${table.rows} rows: insert it as a new sheet`,
      needed: count,
      available,
    };
  }

  const capexCount = deal.terms.capex.length;
  const capexRows = layout.capex?.rows ?? 0;
  if (capexCount > capexRows) {
    return {
      fits: false,
      reason: layout.capex
        ? `the deal has ${capexCount} capex items and this sheet's capex table has ${capexRows} rows: insert it as a new sheet`
        : `the deal has capex and this sheet has no capex table: insert it as a new sheet`,
      needed: capexCount,
      available: capexRows,
    };
  }

  if (deal.mining !== null && !layout.mining) {
    return {
      fits: false,
      reason:
        "the deal has a mining block and this sheet has none: add the mining comparison to it first, or insert it as a new sheet",
      needed: 1,
      available: 0,
    };
  }

  const provenance = options.provenance ?? {};
  const cells = [
    ...termCells(layout, deal, table !== null, provenance),
    ...trancheCells(layout, deal.terms, provenance),
    ...capexCells(layout, deal.terms, provenance),
    // A deal without a mining block blanks the sheet's: its figures then say that the mining terms are missing.
    ...(layout.mining ? miningTermCells(layout.mining, deal.mining, options.miningProvenance) : []),
  ];
  const scheduleRows = buildSchedule(deal.terms).rows.length + 1;
  const charts = [chartFor(existing.sheet, layout, scheduleRows)];
  if (layout.mining) {
    charts.push(miningChart(existing.sheet, layout.mining, scheduleRows, deal.mining, halvingPoints(deal.terms)));
  }
  return { fits: true, cells, charts, scheduleRows };
}
