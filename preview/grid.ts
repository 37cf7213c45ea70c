/**
 * The preview's grid: one sheet of the workbook as a table, its used range
 * only (a deal sheet is about 160 rows by 13 columns), values formatted with
 * the plan's number formats. The plan's input cells are editable: click, or
 * Enter/F2 on a focused cell, opens an editor; Enter commits (the engine
 * recalculates and the grid is drawn again), Escape cancels.
 */
import { columnLetter } from "../src/plan";
import { h } from "../taskpane/ui/dom";
import { editText, formatValue } from "./format";
import type { GridValue, PreviewWorkbook } from "./workbook";

/** Excel's default column width, in characters. */
const DEFAULT_WIDTH = 8.43;
/** The row numbers' column, in pixels. */
const ROW_HEAD = 40;

function px(characters: number): number {
  return Math.round(characters * 7 + 5);
}

function isError(v: GridValue): v is Extract<GridValue, object> {
  return v !== null && typeof v === "object";
}

export class GridView {
  private sheet = -1;
  private editing: string | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly book: PreviewWorkbook,
  ) {
    container.addEventListener("click", (e) => {
      const cell = (e.target as Element).closest<HTMLElement>("td[data-editable]");
      if (cell && this.editing !== cell.dataset.ref) this.edit(cell);
    });
    container.addEventListener("keydown", (e) => {
      const cell = (e.target as Element).closest<HTMLElement>("td[data-editable]");
      if (!cell || this.editing !== null) return;
      if (e.key === "Enter" || e.key === "F2") {
        e.preventDefault();
        this.edit(cell);
      }
    });
  }

  /** Draws a sheet; `focus` puts the keyboard focus back on a cell (after an edit). */
  render(sheet: number, focus?: string): void {
    const doc = this.container.ownerDocument;
    const name = this.book.sheetName(sheet) ?? "";
    if (sheet !== this.sheet) this.container.scrollTo?.(0, 0);
    this.sheet = sheet;
    this.editing = null;
    const { rows, columns } = this.book.usedSize(sheet);
    if (rows === 0 || columns === 0) {
      this.container.replaceChildren(
        h(
          doc,
          "p",
          { class: "grid-empty" },
          `${name} is empty. Pick a deal in the pane and choose "Insert as new sheet": the deal's sheet appears here, computed.`,
        ),
      );
      return;
    }
    const look = this.book.look(sheet);
    const values = this.book.values(sheet);
    const letters = Array.from({ length: columns }, (_, i) => columnLetter(i + 1));
    const rowHead = h(doc, "col");
    rowHead.style.width = `${ROW_HEAD}px`;
    const colgroup = h(doc, "colgroup", {}, rowHead);
    let width = ROW_HEAD;
    for (const letter of letters) {
      const col = h(doc, "col");
      const w = px(look?.widths.get(letter) ?? DEFAULT_WIDTH);
      col.style.width = `${w}px`;
      width += w;
      colgroup.append(col);
    }
    const head = h(
      doc,
      "thead",
      {},
      h(doc, "tr", {}, h(doc, "th", { class: "corner" }), ...letters.map((l) => h(doc, "th", { scope: "col" }, l))),
    );
    const merges = new Map(this.book.merges(sheet).map((m) => [`${m.top}:${m.left}`, m.columns]));
    const body = h(doc, "tbody");
    for (let r = 1; r <= rows; r++) {
      const tr = h(doc, "tr", { "data-row": String(r) }, h(doc, "th", { scope: "row" }, String(r)));
      const row = values[r - 1] ?? [];
      for (let c = 1; c <= columns;) {
        const ref = `${letters[c - 1]}${r}`;
        const value = row[c - 1] ?? null;
        const meta = this.book.meta(sheet, r, c, ref);
        const editable = meta.style === "input";
        let span = merges.get(`${r}:${c}`) ?? 1;
        // Text runs on into the empty cells to its right, as in Excel.
        if (span === 1 && typeof value === "string" && value !== "" && !meta.wrap && !editable) {
          while (
            c + span <= columns &&
            (row[c + span - 1] ?? null) === null &&
            !this.book.isEditable(sheet, `${letters[c + span - 1]}${r}`)
          )
            span++;
        }
        span = Math.min(span, columns - c + 1);
        const text = isError(value) ? value.error : formatValue(value, meta.format);
        const classes = [
          meta.style ? `s-${meta.style}` : "",
          typeof value === "number" || isError(value) ? "num" : "",
          isError(value) ? "err" : "",
          meta.wrap ? "wrap" : "",
        ].filter(Boolean);
        const td = h(doc, "td", {
          "data-ref": ref,
          class: classes.join(" ") || undefined,
          colspan: span > 1 ? String(span) : undefined,
          title: isError(value) ? value.message : editable ? meta.help : text.length > 24 ? text : undefined,
        });
        td.textContent = text;
        if (editable) {
          td.dataset.editable = "";
          td.tabIndex = 0;
          td.setAttribute("aria-label", `${ref}, input: ${text || "blank"}. Press Enter to edit.`);
        }
        tr.append(td);
        c += span;
      }
      body.append(tr);
    }
    const table = h(doc, "table", { class: "grid", "aria-label": `Sheet ${name}` }, colgroup, head, body);
    table.style.width = `${width}px`;
    this.container.replaceChildren(table);
    this.freeze(table, look?.freezeRows ?? 0);
    if (focus) this.container.querySelector<HTMLElement>(`td[data-ref="${focus}"]`)?.focus();
  }

  /** Keeps the top rows in view: each frozen row sticks below the ones above it. */
  private freeze(table: HTMLTableElement, rows: number): void {
    let top = table.tHead?.getBoundingClientRect().height ?? 0;
    for (let r = 1; r <= rows; r++) {
      const tr = table.querySelector<HTMLTableRowElement>(`tr[data-row="${r}"]`);
      if (!tr) break;
      tr.classList.add("frozen");
      for (const cell of Array.from(tr.cells)) cell.style.top = `${top}px`;
      top += tr.getBoundingClientRect().height;
    }
  }

  private edit(cell: HTMLElement): void {
    const ref = cell.dataset.ref;
    if (!ref) return;
    const doc = cell.ownerDocument;
    const sheet = this.sheet;
    const value = this.book.value(sheet, ref);
    const meta = this.book.meta(sheet, 0, 0, ref);
    const formula = this.book.formula(sheet, ref);
    const input = h(doc, "input", {
      type: "text",
      class: "cell-editor",
      "aria-label": `Edit ${ref}`,
      autocomplete: "off",
      spellcheck: "false",
    });
    input.value = formula ?? (isError(value) ? "" : editText(value, meta.format));
    if (meta.choices && meta.choices.length > 0) {
      const list = h(
        doc,
        "datalist",
        { id: `choices-${ref}` },
        ...meta.choices.map((c) => h(doc, "option", { value: c })),
      );
      input.setAttribute("list", list.id);
      cell.replaceChildren(input, list);
    } else cell.replaceChildren(input);
    this.editing = ref;
    let done = false;
    const finish = (commit: boolean) => {
      if (done) return;
      done = true;
      if (commit) this.book.enter(sheet, ref, input.value);
      else this.render(sheet, ref);
    };
    input.addEventListener("keydown", (e) => {
      e.stopPropagation();
      if (e.key === "Enter" || e.key === "Tab") {
        e.preventDefault();
        finish(true);
      } else if (e.key === "Escape") {
        e.preventDefault();
        finish(false);
      }
    });
    input.addEventListener("blur", () => finish(true));
    input.focus();
    input.select();
  }

  /** The cell to focus after the workbook changes: the one just edited. */
  get lastEdited(): string | null {
    return this.editing;
  }
}
