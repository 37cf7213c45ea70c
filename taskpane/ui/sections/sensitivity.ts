/**
 * Sensitivity: a two-way table of one figure over two inputs, inserted as a
 * live HPC.SENSITIVITY formula over a deal sheet's named ranges, coloured by
 * a colour scale, with a tornado of one-way swings (analysis.md §11). The
 * view-model (SensitivityForm) has no DOM and is tested in
 * test/taskpane/sensitivitySection.test.ts; mount() renders it.
 */
import {
  DELAY_MONTHS,
  MINING_PREFIX,
  SENSITIVITY_FIGURES,
  SENSITIVITY_INPUTS,
  defaultRange,
  rangeValues,
  validateDeal,
  type Terms,
} from "../../../src/core";
import type { DealSheetSummary } from "../../actions";
import type { SensitivityRequest } from "../../writer/sensitivity";
import { fill, h } from "../dom";
import type { Section, SectionContext } from "./types";

/** Values a pane table offers by default, and the most it takes (the function takes 100). */
export const DEFAULT_VALUE_COUNT = 7;
export const MAX_PANE_VALUES = 25;

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,6})?$/;

export interface FieldProblem {
  readonly field: "rows" | "cols" | "sheet";
  readonly message: string;
}

export type FormRequest =
  | { readonly ok: true; readonly request: SensitivityRequest }
  | { readonly ok: false; readonly problems: readonly FieldProblem[] };

function labelOf(key: string): string {
  return SENSITIVITY_INPUTS.find((i) => i.key === key)?.label ?? key;
}

/** Reads "1, 2.5, 3" (commas, semicolons or spaces between): the numbers, or a problem naming the field. */
export function parseValues(text: string, field: "rows" | "cols", label: string): number[] | FieldProblem {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (parts.length === 0) return { field, message: `${label}: give at least one value` };
  if (parts.length > MAX_PANE_VALUES) {
    return { field, message: `${label}: at most ${MAX_PANE_VALUES} values, got ${parts.length}` };
  }
  const bad = parts.find((p) => !NUMBER.test(p));
  if (bad !== undefined) return { field, message: `${label}: ${JSON.stringify(bad)} is not a number` };
  return parts.map(Number);
}

/** The section's state and rules, without DOM. */
export class SensitivityForm {
  figure = "npv";
  rowsKey = "ratePerKWMonth";
  colsKey: string = DELAY_MONTHS;
  rowsText = "";
  colsText = "";
  sheetId: string | null = null;
  private terms: Terms | null = null;

  /** The figures offered: the breakeven hashprice only for a deal whose sheet carries a mining block. */
  get figures(): readonly { key: string; label: string }[] {
    const mining = this.hasMining();
    return SENSITIVITY_FIGURES.filter((f) => mining || f.key !== "breakevenHashprice").map((f) => ({
      key: f.key,
      label: f.label,
    }));
  }

  /** The inputs offered: the mining terms (mining.KEY) only for a deal whose sheet carries a mining block. */
  get inputs(): readonly { key: string; label: string }[] {
    const mining = this.hasMining();
    return SENSITIVITY_INPUTS.filter((i) => mining || !i.key.startsWith(MINING_PREFIX)).map((i) => ({
      key: i.key,
      label: i.label,
    }));
  }

  hasMining(): boolean {
    return this.terms !== null && this.terms.mining !== null;
  }

  constructor() {
    this.rowsText = this.defaultText(this.rowsKey);
    this.colsText = this.defaultText(this.colsKey);
  }

  /** The deal the table will be of: its terms set the default ranges (the rate ±10 %, …). */
  setDeal(file: unknown): string | null {
    const checked = validateDeal(file, { dates: "excel" });
    this.terms = checked.ok ? checked.value : null;
    // A choice the new deal cannot take (a mining figure or input of a deal without a mining block) goes back to the default.
    if (!this.figures.some((f) => f.key === this.figure)) this.figure = "npv";
    if (!this.inputs.some((i) => i.key === this.rowsKey)) this.rowsKey = "ratePerKWMonth";
    if (!this.inputs.some((i) => i.key === this.colsKey)) this.colsKey = DELAY_MONTHS;
    this.rowsText = this.defaultText(this.rowsKey);
    this.colsText = this.defaultText(this.colsKey);
    return checked.ok ? null : checked.error.message;
  }

  /** The default values of an input, as text: empty when they depend on a deal not read yet. */
  defaultText(key: string): string {
    if (key === DELAY_MONTHS) return "0, 2, 4, 6, 8, 10, 12";
    if (this.terms === null) return "";
    return rangeValues(defaultRange(key, this.terms), DEFAULT_VALUE_COUNT)
      .map((v) => v.toString())
      .join(", ");
  }

  chooseRows(key: string): void {
    this.rowsKey = key;
    this.rowsText = this.defaultText(key);
  }

  chooseCols(key: string): void {
    this.colsKey = key;
    this.colsText = this.defaultText(key);
  }

  request(): FormRequest {
    const problems: FieldProblem[] = [];
    if (this.sheetId === null) problems.push({ field: "sheet", message: "Choose a deal sheet first." });
    const rows = parseValues(this.rowsText, "rows", `Rows (${labelOf(this.rowsKey)})`);
    const cols = parseValues(this.colsText, "cols", `Columns (${labelOf(this.colsKey)})`);
    if (!Array.isArray(rows)) problems.push(rows);
    if (!Array.isArray(cols)) problems.push(cols);
    if (this.rowsKey === this.colsKey) {
      problems.push({ field: "cols", message: "Rows and columns must vary different inputs." });
    }
    if (problems.length > 0 || !Array.isArray(rows) || !Array.isArray(cols) || this.sheetId === null) {
      return { ok: false, problems };
    }
    return {
      ok: true,
      request: {
        sheetId: this.sheetId,
        figure: this.figure,
        rows: { key: this.rowsKey, values: rows },
        cols: { key: this.colsKey, values: cols },
      },
    };
  }
}

function select(
  doc: Document,
  id: string,
  options: readonly { key: string; label: string }[],
  value: string,
): HTMLSelectElement {
  const el = h(doc, "select", { id }, ...options.map((o) => h(doc, "option", { value: o.key }, o.label)));
  el.value = value;
  return el;
}

/** Refills a select's options (the deal chosen decides which are offered), keeping `value` selected. */
function options(el: HTMLSelectElement, list: readonly { key: string; label: string }[], value: string): void {
  const doc = el.ownerDocument;
  fill(el, ...list.map((o) => h(doc, "option", { value: o.key }, o.label)));
  el.value = value;
}

function field(doc: Document, id: string, label: string, control: HTMLElement): HTMLElement {
  return h(doc, "div", { class: "field" }, h(doc, "label", { for: id }, label), control);
}

export const sensitivitySection: Section = {
  id: "sensitivity",
  mount(panel: HTMLElement, ctx: SectionContext) {
    const doc = ctx.doc;
    const form = new SensitivityForm();
    const sheets = h(doc, "select", { id: "sens-sheet" });
    const figure = select(doc, "sens-figure", form.figures, form.figure);
    const rowsKey = select(doc, "sens-rows-key", form.inputs, form.rowsKey);
    const colsKey = select(doc, "sens-cols-key", form.inputs, form.colsKey);
    const rowsText = h(doc, "input", { id: "sens-rows-values", type: "text", "aria-describedby": "sens-values-hint" });
    const colsText = h(doc, "input", { id: "sens-cols-values", type: "text", "aria-describedby": "sens-values-hint" });
    const insert = h(doc, "button", { id: "sens-insert", type: "button" }, "Insert table");
    const refresh = h(doc, "button", { id: "sens-refresh", type: "button" }, "Refresh sheets");
    const status = h(doc, "p", { id: "sens-status", role: "status" });
    const show = () => {
      rowsText.value = form.rowsText;
      colsText.value = form.colsText;
    };
    const say = (text: string, alert = false) => {
      status.setAttribute("role", alert ? "alert" : "status");
      status.textContent = text;
    };
    show();

    const loadDeal = async () => {
      form.sheetId = sheets.value === "" ? null : sheets.value;
      if (form.sheetId === null) return;
      const read = await ctx.backend.readTerms(form.sheetId).catch((e: unknown) => ({
        ok: false as const,
        reason: e instanceof Error ? e.message : String(e),
      }));
      if (!read.ok) return say(read.reason, true);
      const problem = form.setDeal(read.file);
      options(figure, form.figures, form.figure);
      options(rowsKey, form.inputs, form.rowsKey);
      options(colsKey, form.inputs, form.colsKey);
      show();
      say(
        problem === null ? `Default ranges set from ${read.sheet}.` : `The deal is not valid: ${problem}`,
        problem !== null,
      );
    };
    const listSheets = async () => {
      const list: DealSheetSummary[] = ctx.backend.available ? await ctx.backend.listDealSheets().catch(() => []) : [];
      fill(sheets, ...list.map((s) => h(doc, "option", { value: s.sheetId }, `${s.sheet} (${s.title})`)));
      if (list.length === 0) {
        form.sheetId = null;
        say(
          ctx.backend.available
            ? "No deal sheet yet: insert a deal from the Deal tab, then refresh."
            : "Sensitivity tables are inserted into a workbook: open the add-in in Excel.",
        );
        return;
      }
      await loadDeal();
    };

    sheets.addEventListener("change", () => void loadDeal());
    figure.addEventListener("change", () => (form.figure = figure.value));
    rowsKey.addEventListener("change", () => {
      form.chooseRows(rowsKey.value);
      show();
    });
    colsKey.addEventListener("change", () => {
      form.chooseCols(colsKey.value);
      show();
    });
    rowsText.addEventListener("input", () => (form.rowsText = rowsText.value));
    colsText.addEventListener("input", () => (form.colsText = colsText.value));
    refresh.addEventListener("click", () => void listSheets());
    insert.addEventListener("click", () => {
      const checked = form.request();
      if (!checked.ok) return say(checked.problems.map((p) => p.message).join(" "), true);
      const backend = ctx.backend;
      if (!backend.available || backend.insertSensitivity === undefined) {
        return say("Sensitivity tables are inserted into a workbook: open the add-in in Excel.", true);
      }
      insert.disabled = true;
      say("Inserting…");
      void backend
        .insertSensitivity(checked.request)
        .then((out) => say(out.ok ? `Inserted the table on ${out.sheet}.` : out.reason, !out.ok))
        .catch((e: unknown) => say(e instanceof Error ? e.message : String(e), true))
        .finally(() => (insert.disabled = false));
    });

    fill(
      panel,
      h(doc, "h2", { id: "panel-sensitivity-heading" }, "Sensitivity"),
      h(
        doc,
        "p",
        {},
        "How one figure of a deal moves with two of its inputs: a table of live formulas (HPC.SENSITIVITY), coloured from low to high, and a tornado of each input alone.",
      ),
      field(doc, "sens-sheet", "Deal sheet", sheets),
      field(doc, "sens-figure", "Figure", figure),
      field(doc, "sens-rows-key", "Rows: input", rowsKey),
      field(doc, "sens-rows-values", "Rows: values", rowsText),
      field(doc, "sens-cols-key", "Columns: input", colsKey),
      field(doc, "sens-cols-values", "Columns: values", colsText),
      h(
        doc,
        "p",
        { id: "sens-values-hint", class: "hint" },
        "Values separated by commas. Rates and the escalator as fractions (0.03 = 3 %); delayMonths moves every tranche that many months later. A deal sheet with a mining block also offers its mining inputs and the breakeven hashprice.",
      ),
      h(doc, "div", { class: "actions" }, insert, refresh),
      status,
    );
    void listSheets();
  },
};
