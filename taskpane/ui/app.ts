/**
 * The pane: presets, the terms form (validated as the user types, by core),
 * the live preview, deal files, and the deal sheets of the open workbook.
 * All workbook work goes through a `WorkbookBackend`; all figures through
 * core. Text from users and files is set as textContent only.
 */
import type { DealFile } from "../../src/core";
import type { PresetInfo, ScalarTermKey } from "../../src/plan";
import { PRESETS, getPreset, type Preset } from "../../src/presets";
import type { DealSheetSummary, UpdateOutcome } from "../actions";
import type { WorkbookBackend } from "../backend/types";
import { checkFileSize, exportDealText, exportFileName, importDealText } from "../model/dealFileIO";
import { deliverXlsx, deploymentFromUrl, exportDealXlsx, officeXlsxHost, type XlsxMode } from "../model/xlsxExport";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
import {
  FORM_TERMS,
  addTranche,
  blockedReason,
  checkForm,
  emptyForm,
  formFromDealFile,
  normalizedDealFile,
  removeTranche,
  setTranche,
  setValue,
  type FieldId,
  type FormCheck,
  type FormState,
} from "../model/form";
import { headlines } from "../model/preview";
import { presetInfoFor, provenanceLines } from "../model/presets";
import { confirmInPane } from "./confirm";
import { byId, fill, h } from "./dom";

const BLANK = "";

interface State {
  form: FormState;
  check: FormCheck;
  preset: Preset | null;
  sheets: DealSheetSummary[];
  busy: boolean;
}

type MessageKind = "info" | "success" | "warning" | "error";

export class DealPane {
  private state: State;
  private readonly doc: Document;

  constructor(
    private readonly root: HTMLElement,
    private readonly backend: WorkbookBackend,
  ) {
    this.doc = root.ownerDocument;
    const preset = getPreset(PRESETS[0].id) ?? null;
    const form = preset ? formFromDealFile(preset.deal) : emptyForm();
    this.state = { form, check: checkForm(form), preset, sheets: [], busy: false };
  }

  mount(): void {
    this.renderPresetPicker();
    this.renderFields();
    this.renderTranches();
    this.wireActions();
    this.applyCheck();
    this.renderProvenance();
    this.renderWorkbookSection();
    if (this.backend.available) void this.refreshSheets();
  }

  // ---- messages --------------------------------------------------------------------------

  private say(kind: MessageKind, title: string, details: readonly string[] = []): void {
    const bar = byId(this.doc, "message");
    const intent =
      kind === "error" ? "error" : kind === "warning" ? "warning" : kind === "success" ? "success" : "info";
    const list =
      details.length > 0
        ? h(this.doc, "ul", { class: "details" }, ...details.map((d) => h(this.doc, "li", {}, d)))
        : null;
    const dismiss = h(
      this.doc,
      "fluent-button",
      { slot: "dismiss", appearance: "transparent", "aria-label": "Dismiss" },
      "×",
    );
    dismiss.addEventListener("click", () => fill(bar));
    const message = h(
      this.doc,
      "fluent-message-bar",
      { intent, layout: "multiline" },
      h(this.doc, "span", {}, title),
      list,
      dismiss,
    );
    message.setAttribute("role", kind === "error" ? "alert" : "status");
    fill(bar, message);
  }

  // ---- presets ---------------------------------------------------------------------------

  private renderPresetPicker(): void {
    const select = byId<HTMLSelectElement>(this.doc, "preset");
    fill(
      select,
      h(this.doc, "option", { value: BLANK }, "Blank deal"),
      ...PRESETS.map((p) => h(this.doc, "option", { value: p.id, selected: p.id === this.state.preset?.id }, p.title)),
    );
    select.addEventListener("change", () => {
      const preset = select.value === BLANK ? null : (getPreset(select.value) ?? null);
      this.state.preset = preset;
      this.setForm(preset ? formFromDealFile(preset.deal) : emptyForm(), true);
      this.renderProvenance();
    });
  }

  private renderProvenance(): void {
    const p = this.state.preset;
    byId(this.doc, "preset-description").textContent = p
      ? p.description
      : "Type the terms of a deal, or import a deal file.";
    const list = byId(this.doc, "provenance");
    if (!p) {
      fill(list);
      return;
    }
    fill(
      list,
      ...provenanceLines(p).map((line) =>
        h(
          this.doc,
          "li",
          { class: `provenance ${line.status}` },
          h(this.doc, "span", { class: "badge" }, line.status === "reported" ? "Reported" : "Assumed"),
          h(this.doc, "strong", {}, line.label),
          h(this.doc, "span", {}, line.text.replace(/^(Reported|Assumed)\s*:?\s*/, "")),
        ),
      ),
    );
  }

  // ---- the form --------------------------------------------------------------------------

  private fieldId(id: FieldId): string {
    return `f-${id.replace(/\./g, "-")}`;
  }

  private renderFields(): void {
    const container = byId(this.doc, "terms");
    const rows = FORM_TERMS.map((t) => {
      const id = this.fieldId(t.key);
      const hint =
        t.unit === "percent" ? `${t.help} Type 3% or 0.03.` : t.kind === "date" ? `${t.help} YYYY-MM-DD.` : t.help;
      let input: HTMLInputElement | HTMLSelectElement;
      if (t.kind === "choice") {
        input = h(
          this.doc,
          "select",
          { id, name: t.key },
          h(this.doc, "option", { value: "" }, "(default: straight-line)"),
          h(this.doc, "option", { value: "straight-line" }, "straight-line"),
          h(this.doc, "option", { value: "percent-of-fee" }, "percent-of-fee"),
        );
      } else {
        input = h(this.doc, "input", {
          id,
          name: t.key,
          type: "text",
          inputmode: t.kind === "text" || t.kind === "date" ? undefined : "decimal",
          placeholder: t.kind === "date" ? "YYYY-MM-DD" : undefined,
          autocomplete: "off",
          spellcheck: "false",
        });
      }
      input.setAttribute("aria-describedby", `${id}-error ${id}-hint`);
      input.value = this.state.form.values[t.key];
      input.addEventListener(t.kind === "choice" ? "change" : "input", () => {
        this.setForm(setValue(this.state.form, t.key, input.value), false);
      });
      return h(
        this.doc,
        "div",
        { class: "field" },
        h(this.doc, "label", { for: id }, t.label),
        input,
        h(this.doc, "div", { class: "error", id: `${id}-error` }),
        h(this.doc, "div", { class: "hint", id: `${id}-hint` }, hint),
      );
    });
    fill(container, ...rows);
  }

  private renderTranches(focusRow?: number): void {
    const body = byId(this.doc, "tranche-rows");
    const rows = this.state.form.tranches.map((row, i) => {
      const cell = (field: "date" | "mw", label: string) => {
        const id = this.fieldId(`tranches.${i}.${field}`);
        const input = h(this.doc, "input", {
          id,
          type: "text",
          "aria-label": `Tranche ${i + 1} ${label}`,
          "aria-describedby": `${id}-error`,
          placeholder: field === "date" ? "YYYY-MM-DD" : "MW",
          inputmode: field === "mw" ? "decimal" : undefined,
          autocomplete: "off",
        });
        input.value = row[field];
        input.addEventListener("input", () => this.setForm(setTranche(this.state.form, i, field, input.value), false));
        return h(this.doc, "td", {}, input, h(this.doc, "div", { class: "error", id: `${id}-error` }));
      };
      const remove = h(
        this.doc,
        "fluent-button",
        { appearance: "subtle", size: "small", "aria-label": `Remove tranche ${i + 1}` },
        "Remove",
      );
      remove.addEventListener("click", () => {
        this.state.form = removeTranche(this.state.form, i);
        this.renderTranches();
        this.applyCheck();
        byId(this.doc, "add-tranche").focus();
      });
      return h(
        this.doc,
        "tr",
        { id: this.fieldId(`tranches.${i}`) },
        cell("date", "date"),
        cell("mw", "MW"),
        h(
          this.doc,
          "td",
          {},
          remove,
          h(this.doc, "div", { class: "error", id: `${this.fieldId(`tranches.${i}`)}-error` }),
        ),
      );
    });
    fill(body, ...rows);
    byId(this.doc, "tranches-empty").hidden = rows.length > 0;
    if (focusRow !== undefined) this.doc.getElementById(this.fieldId(`tranches.${focusRow}.date`))?.focus();
  }

  /** Replaces the form; `redraw` rewrites the inputs (a preset, a file, a sheet), else only the checks change. */
  private setForm(form: FormState, redraw: boolean): void {
    this.state.form = form;
    if (redraw) {
      for (const t of FORM_TERMS) {
        const input = this.doc.getElementById(this.fieldId(t.key)) as HTMLInputElement | null;
        if (input) input.value = form.values[t.key];
      }
      this.renderTranches();
    }
    this.applyCheck();
  }

  /** Validates with core and shows each problem beside its field, then the preview and the buttons. */
  private applyCheck(): void {
    const check = checkForm(this.state.form);
    this.state.check = check;
    for (const el of Array.from(this.root.querySelectorAll<HTMLElement>(".error"))) el.textContent = "";
    for (const el of Array.from(this.root.querySelectorAll("[aria-invalid]"))) el.removeAttribute("aria-invalid");
    const general: string[] = [];
    for (const [field, messages] of check.fields) {
      const id = this.fieldId(field);
      const box = this.doc.getElementById(`${id}-error`);
      if (box && field !== "deal") {
        box.textContent = messages.join(" ");
        this.doc.getElementById(id)?.setAttribute("aria-invalid", "true");
      } else if (field === "tranches") {
        byId(this.doc, "tranches-error").textContent = messages.join(" ");
      } else general.push(...messages);
    }
    byId(this.doc, "tranches-error").textContent = (check.fields.get("tranches") ?? []).join(" ");
    byId(this.doc, "deal-error").textContent = general.join(" ");
    this.renderPreview();
    this.renderButtons();
  }

  private renderPreview(): void {
    const box = byId(this.doc, "preview");
    const terms = this.state.check.terms;
    if (!terms) {
      fill(box, h(this.doc, "p", { class: "muted" }, "The figures appear when the terms are valid."));
      return;
    }
    fill(
      box,
      h(
        this.doc,
        "dl",
        {},
        ...headlines(terms).flatMap((f) => [
          h(this.doc, "dt", { title: f.help }, f.label),
          h(this.doc, "dd", {}, f.value),
        ]),
      ),
    );
  }

  private setEnabled(id: string, enabled: boolean, reason?: string): void {
    const button = byId(this.doc, id);
    if (enabled) button.removeAttribute("disabled-focusable");
    else button.setAttribute("disabled-focusable", "");
    if (reason !== undefined) button.setAttribute("title", reason);
    else button.removeAttribute("title");
  }

  private renderButtons(): void {
    const reason = blockedReason(this.state.check);
    const noBook = this.backend.available ? null : (this.backend.unavailableReason ?? "No workbook is open.");
    const busy = this.state.busy;
    const insertWhy = reason ?? noBook;
    this.setEnabled("insert", !insertWhy && !busy, insertWhy ?? undefined);
    byId(this.doc, "insert-reason").textContent = insertWhy ?? "";
    this.setEnabled("export", !reason, reason ?? undefined);
    this.setEnabled("copy", !reason, reason ?? undefined);
    this.setEnabled("export-xlsx", !reason, reason ?? undefined);
    this.setEnabled("export-xlsx-values", !reason, reason ?? undefined);
    const sheet = this.selectedSheet();
    const sheetWhy = noBook ?? (sheet ? null : "Select a deal sheet first.");
    this.setEnabled("load-terms", !sheetWhy && !busy, sheetWhy ?? undefined);
    this.setEnabled("update-terms", !sheetWhy && !reason && !busy, sheetWhy ?? reason ?? undefined);
    this.setEnabled("refresh", !noBook && !busy, noBook ?? undefined);
    this.setEnabled("recalc", !noBook && !busy, noBook ?? undefined);
  }

  // ---- actions ---------------------------------------------------------------------------

  /** The valid deal and the preset info to write it with, or null (and the reason shown). */
  private validDeal(): { deal: DealFile; preset: PresetInfo | undefined } | null {
    const terms = this.state.check.terms;
    if (!terms) {
      this.say("error", blockedReason(this.state.check) ?? "The deal is not valid.");
      return null;
    }
    const deal = normalizedDealFile(this.state.form, terms);
    return { deal, preset: this.state.preset ? presetInfoFor(this.state.preset, deal) : undefined };
  }

  private async busyWhile(work: () => Promise<void>): Promise<void> {
    if (this.state.busy) return;
    this.state.busy = true;
    this.root.setAttribute("aria-busy", "true");
    this.renderButtons();
    try {
      await work();
    } catch (e) {
      this.say("error", e instanceof Error ? e.message : String(e));
    } finally {
      this.state.busy = false;
      this.root.removeAttribute("aria-busy");
      this.renderButtons();
    }
  }

  private onClick(id: string, action: () => void | Promise<void>): void {
    byId(this.doc, id).addEventListener("click", () => {
      if (byId(this.doc, id).hasAttribute("disabled-focusable")) return;
      void action();
    });
  }

  private wireActions(): void {
    this.onClick("add-tranche", () => {
      this.state.form = addTranche(this.state.form);
      this.renderTranches(this.state.form.tranches.length - 1);
      this.applyCheck();
    });
    this.onClick("insert", () => this.insert());
    this.onClick("export", () => this.exportFile());
    this.onClick("copy", () => this.copyJson());
    this.onClick("export-xlsx", () => this.exportXlsx("live"));
    this.onClick("export-xlsx-values", () => this.exportXlsx("values"));
    this.onClick("import", () => byId<HTMLInputElement>(this.doc, "import-file").click());
    byId<HTMLInputElement>(this.doc, "import-file").addEventListener("change", (e) => {
      const input = e.target as HTMLInputElement;
      const file = input.files?.[0];
      input.value = "";
      if (file) void this.importFile(file);
    });
    this.onClick("refresh", () => this.busyWhile(() => this.refreshSheets()));
    this.onClick("load-terms", () => this.loadTerms());
    this.onClick("update-terms", () => this.updateTerms());
    this.onClick("recalc", () => this.recalc());
    byId(this.doc, "deal-sheets").addEventListener("change", () => this.renderButtons());
  }

  private insert(): Promise<void> {
    const valid = this.validDeal();
    if (!valid) return Promise.resolve();
    return this.busyWhile(async () => {
      const outcome = await this.backend.insertDeal(valid.deal, valid.preset);
      if (outcome.ok) {
        if (outcome.warning) this.say("warning", outcome.warning);
        else this.say("success", `Inserted the deal as the sheet "${outcome.sheet}".`);
        await this.refreshSheets(outcome.sheetId);
      } else this.say("error", outcome.reason);
    });
  }

  private importFile(file: File): Promise<void> {
    // Through busyWhile: never beside an insert or update, and a file that cannot be read is reported.
    return this.busyWhile(async () => {
      const tooLarge = checkFileSize(file.size);
      if (tooLarge && !tooLarge.ok) {
        this.say("error", tooLarge.message);
        return;
      }
      const outcome = importDealText(await file.text(), file.size);
      if (!outcome.ok) {
        this.say("error", `${file.name}: ${outcome.message}`, outcome.problems);
        return;
      }
      this.state.preset = null;
      byId<HTMLSelectElement>(this.doc, "preset").value = BLANK;
      this.renderProvenance();
      this.setForm(outcome.form, true);
      this.say("success", `Imported ${file.name}.`);
    });
  }

  private exportText(): { text: string; name: string } | null {
    const terms = this.state.check.terms;
    if (!terms) return null;
    return { text: exportDealText(this.state.form, terms), name: exportFileName(terms) };
  }

  private exportFile(): void {
    const out = this.exportText();
    if (!out) return;
    this.download(out.text, "application/json", out.name);
    this.say(
      "info",
      `Downloaded ${out.name}. If nothing was saved (desktop Excel may block downloads), use Copy JSON.`,
    );
  }

  private download(bytes: BlobPart, type: string, name: string): void {
    const url = URL.createObjectURL(new Blob([bytes], { type }));
    const a = h(this.doc, "a", { href: url, download: name, hidden: true });
    this.doc.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private exportXlsx(mode: XlsxMode): Promise<void> {
    const valid = this.validDeal();
    if (!valid) return Promise.resolve();
    return this.busyWhile(async () => {
      const deployment = deploymentFromUrl(this.doc.defaultView?.location.search ?? "");
      const out = await exportDealXlsx(valid.deal, valid.preset, mode, undefined, deployment);
      const message = await deliverXlsx(out, officeXlsxHost(), (bytes, name) =>
        this.download(bytes as BlobPart, XLSX_TYPE, name),
      );
      this.say("info", message);
    });
  }

  private async copyJson(): Promise<void> {
    const out = this.exportText();
    if (!out) return;
    try {
      await navigator.clipboard.writeText(out.text);
      this.say("success", "The deal's JSON is on the clipboard.");
    } catch {
      this.say("warning", "The clipboard is not available here: select the text below and copy it.");
      const area = byId<HTMLTextAreaElement>(this.doc, "json-fallback");
      area.hidden = false;
      area.value = out.text;
      area.select();
    }
  }

  // ---- deals in this workbook ------------------------------------------------------------

  private renderWorkbookSection(): void {
    byId(this.doc, "workbook-status").textContent = this.backend.available
      ? "Deal sheets the pane inserted in this workbook:"
      : (this.backend.unavailableReason ?? "No workbook is open.");
  }

  private selectedSheet(): DealSheetSummary | undefined {
    const id = byId<HTMLSelectElement>(this.doc, "deal-sheets").value;
    return this.state.sheets.find((s) => s.sheetId === id);
  }

  private async refreshSheets(select?: string): Promise<void> {
    try {
      const previous = select ?? this.selectedSheet()?.sheetId;
      this.state.sheets = await this.backend.listDealSheets();
      const list = byId<HTMLSelectElement>(this.doc, "deal-sheets");
      fill(
        list,
        ...this.state.sheets.map((s) =>
          h(this.doc, "option", { value: s.sheetId, selected: s.sheetId === previous }, `${s.sheet} — ${s.title}`),
        ),
      );
      list.hidden = this.state.sheets.length === 0;
      byId(this.doc, "no-sheets").hidden = this.state.sheets.length > 0;
    } catch (e) {
      this.say("error", `The deal sheets could not be listed: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.renderButtons();
  }

  private loadTerms(): Promise<void> {
    const sheet = this.selectedSheet();
    if (!sheet) return Promise.resolve();
    return this.busyWhile(async () => {
      const read = await this.backend.readTerms(sheet.sheetId);
      if (!read.ok) {
        this.say("error", read.reason);
        return;
      }
      this.state.preset = sheet.presetId ? (getPreset(sheet.presetId) ?? null) : null;
      byId<HTMLSelectElement>(this.doc, "preset").value = this.state.preset?.id ?? BLANK;
      this.renderProvenance();
      this.setForm(formFromDealFile(read.file, "excel"), true);
      const problems = this.state.check.problems.length;
      this.say(
        problems ? "warning" : "success",
        problems
          ? `Loaded the terms of "${read.sheet}"; they have ${problems} problem(s), shown beside the fields.`
          : `Loaded the terms of "${read.sheet}". Edit them, then Update sheet.`,
      );
    });
  }

  private updateTerms(): Promise<void> {
    const sheet = this.selectedSheet();
    const valid = this.validDeal();
    if (!sheet || !valid) return Promise.resolve();
    const options = { provenance: valid.preset?.provenance };
    return this.busyWhile(async () => {
      let outcome: UpdateOutcome = await this.backend.updateTerms(sheet.sheetId, valid.deal, options);
      if (outcome.status === "confirm") {
        const ok = await confirmInPane(this.doc, {
          title: "Overwrite your changes?",
          message: `These cells of "${outcome.sheet}" were changed since the pane last wrote them. Updating overwrites them:`,
          items: outcome.changed.map((c) => `${c.ref} (${c.what}): ${show(c.wrote)} → now ${show(c.now)}`),
          confirm: "Overwrite",
          cancel: "Keep my changes",
        });
        if (!ok) {
          this.say("info", "Not updated: your changes in the sheet were kept.");
          return;
        }
        outcome = await this.backend.updateTerms(sheet.sheetId, valid.deal, {
          ...options,
          approvedEdits: outcome.changed,
        });
      }
      if (outcome.status === "updated") this.say("success", `Updated the terms of "${outcome.sheet}".`);
      else if (outcome.status === "refused" || outcome.status === "failed") this.say("error", outcome.reason);
      else this.say("warning", "The sheet changed again while you were deciding: nothing was written. Try again.");
    });
  }

  private recalc(): Promise<void> {
    return this.busyWhile(async () => {
      await this.backend.recalc();
      this.say("success", "Recalculated the workbook.");
    });
  }
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  return typeof value === "string" ? `"${value}"` : String(value);
}

export type { ScalarTermKey };
