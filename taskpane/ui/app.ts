/**
 * The Deal section's DOM code: presets, the terms form (validated as the user types, by core),
 * the figures, deal files, and the deal sheets of the open workbook. What it shows and allows is
 * decided by DealViewModel (dealModel.ts, no DOM); this file only renders that view and turns
 * events into its method calls and backend work. Text from users and files is set as textContent only.
 */
import { PRESETS } from "../../src/presets";
import type { UpdateOutcome } from "../actions";
import type { WorkbookBackend } from "../backend/types";
import { checkFileSize, exportDealText, exportFileName, importDealText } from "../model/dealFileIO";
import { FORM_TERMS, RENEWAL_TERMS, formFromDealFile, type FieldId } from "../model/form";
import { deliverXlsx, deploymentFromUrl, exportDealXlsx, officeXlsxHost, type XlsxMode } from "../model/xlsxExport";
import { confirmInPane } from "./confirm";
import { BLANK_PRESET, DEAL_BUTTONS, DealViewModel, type DealView } from "./dealModel";
import { byId, fill, h } from "./dom";
import { DEAL_GROUPS } from "./features";
import { formatter, type Formatter } from "./format";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

type MessageKind = "info" | "success" | "warning" | "error";

/** What to do when a long task fails for a reason nobody foresaw. */
const RETRY = "Try again; if it keeps failing, close and reopen the pane.";

export class DealPane {
  readonly model: DealViewModel;
  private readonly doc: Document;

  constructor(
    private readonly root: HTMLElement,
    private readonly backend: WorkbookBackend,
    fmt: Formatter = formatter("en-US"),
  ) {
    this.doc = root.ownerDocument;
    this.model = new DealViewModel(backend, fmt);
  }

  mount(): void {
    byId(this.doc, "group-capex").hidden = !DEAL_GROUPS.capex;
    byId(this.doc, "group-renewals").hidden = !DEAL_GROUPS.renewals;
    this.renderPresetPicker();
    this.renderFields();
    this.renderTranches();
    this.renderCapexGroup();
    this.wireActions();
    this.render();
    if (this.backend.available) void this.refreshSheets();
  }

  // ---- messages --------------------------------------------------------------------------

  private say(kind: MessageKind, title: string, details: readonly string[] = []): void {
    const bar = byId(this.doc, "message");
    const list =
      details.length > 0
        ? h(this.doc, "ul", { class: "details" }, ...details.map((d) => h(this.doc, "li", {}, d)))
        : null;
    const dismiss = h(
      this.doc,
      "fluent-button",
      { slot: "dismiss", appearance: "transparent", "aria-label": "Dismiss the message" },
      "×",
    );
    dismiss.addEventListener("click", () => fill(bar));
    const message = h(
      this.doc,
      "fluent-message-bar",
      { intent: kind, layout: "multiline" },
      h(this.doc, "span", {}, title),
      list,
      dismiss,
    );
    message.setAttribute("role", kind === "error" ? "alert" : "status");
    fill(bar, message);
  }

  // ---- the view ------------------------------------------------------------------------------

  /** Renders everything the view-model decides, except the inputs' own text (the user's). */
  /** Draws the section again after a change made elsewhere (the Mining tab's inputs are the deal's). */
  refresh(): void {
    this.render();
  }

  private render(): void {
    const view = this.model.view();
    this.renderProvenance(view);
    this.renderErrors(view);
    this.renderFigures(view);
    this.renderButtons(view);
    byId(this.doc, "workbook-status").textContent = view.workbookStatus;
  }

  private renderPresetPicker(): void {
    const select = byId<HTMLSelectElement>(this.doc, "preset");
    fill(
      select,
      h(this.doc, "option", { value: BLANK_PRESET }, "Blank deal"),
      ...PRESETS.map((p) => h(this.doc, "option", { value: p.id, selected: p.id === this.model.preset?.id }, p.title)),
    );
    select.addEventListener("change", () => {
      this.model.choosePreset(select.value);
      this.redrawInputs();
    });
  }

  private renderProvenance(view: DealView): void {
    byId(this.doc, "preset-description").textContent = view.presetDescription;
    byId<HTMLSelectElement>(this.doc, "preset").value = view.presetId;
    fill(
      byId(this.doc, "provenance"),
      ...view.provenance.map((line) =>
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

  private fieldId(id: FieldId): string {
    return `f-${id.replace(/\./g, "-")}`;
  }

  /** The scalar terms' fields: the renewal terms in their own group (when it shows), the others under Terms. */
  private renderFields(): void {
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
      // The error first: a screen reader reads what is wrong before the hint.
      input.setAttribute("aria-describedby", `${id}-error ${id}-hint`);
      input.value = this.model.form.values[t.key];
      input.addEventListener(t.kind === "choice" ? "change" : "input", () => {
        this.model.setValue(t.key, input.value);
        this.render();
      });
      const label = t.key === "renewalsExercised" ? `${t.label} (options exercised)` : t.label;
      const field = h(
        this.doc,
        "div",
        { class: "field" },
        h(this.doc, "label", { for: id }, label),
        input,
        h(this.doc, "div", { class: "error", id: `${id}-error` }),
        h(this.doc, "div", { class: "hint", id: `${id}-hint` }, hint),
      );
      return { key: t.key, field };
    });
    const inRenewals = (key: (typeof rows)[number]["key"]) => DEAL_GROUPS.renewals && RENEWAL_TERMS.has(key);
    fill(byId(this.doc, "terms"), ...rows.filter((r) => !inRenewals(r.key)).map((r) => r.field));
    if (DEAL_GROUPS.renewals) {
      fill(
        byId(this.doc, "renewals"),
        h(
          this.doc,
          "p",
          { class: "hint" },
          "Each option extends every tranche by the renewal months; the rate steps when a renewal begins and " +
            "escalation keeps counting anniversaries. The schedule includes the options exercised.",
        ),
        ...rows.filter((r) => inRenewals(r.key)).map((r) => r.field),
      );
    }
  }

  /** The capex group's table, built once (its rows by renderCapex). */
  private renderCapexGroup(): void {
    if (!DEAL_GROUPS.capex) return;
    const th = (text: string) => h(this.doc, "th", { scope: "col" }, text);
    const add = h(this.doc, "fluent-button", { id: "add-capex", size: "small" }, "Add capex");
    fill(
      byId(this.doc, "capex"),
      h(
        this.doc,
        "p",
        { class: "hint", id: "capex-hint" },
        "The host's own spending on the site (whoever funds it), by date: it moves the host cash flow, host NPV, " +
          "IRR and payback, not the fees. Amounts in one month add up.",
      ),
      h(
        this.doc,
        "table",
        { class: "entry-table", "aria-labelledby": "capex-heading", "aria-describedby": "capex-hint" },
        h(
          this.doc,
          "thead",
          {},
          h(
            this.doc,
            "tr",
            {},
            th("Date"),
            th("Amount (USD)"),
            h(this.doc, "th", { scope: "col" }, h(this.doc, "span", { class: "visually-hidden" }, "Actions")),
          ),
        ),
        h(this.doc, "tbody", { id: "capex-rows" }),
      ),
      h(this.doc, "p", { id: "capex-empty", class: "muted" }, "No capex."),
      h(this.doc, "p", { id: "capex-error", class: "error" }),
      add,
    );
    this.renderCapex();
  }

  private renderCapex(focusRow?: number): void {
    if (!DEAL_GROUPS.capex) return;
    const rows = this.model.form.capex.map((row, i) => {
      const rowId = this.fieldId(`capex.${i}`);
      const cell = (field: "date" | "amount", label: string) => {
        const id = this.fieldId(`capex.${i}.${field}`);
        const input = h(this.doc, "input", {
          id,
          type: "text",
          "aria-label": `Capex ${i + 1} ${label}`,
          "aria-describedby": `${id}-error ${rowId}-error`,
          placeholder: field === "date" ? "YYYY-MM-DD" : "USD",
          inputmode: field === "amount" ? "decimal" : undefined,
          autocomplete: "off",
        });
        input.value = row[field];
        input.addEventListener("input", () => {
          this.model.setCapex(i, field, input.value);
          this.render();
        });
        return h(this.doc, "td", {}, input, h(this.doc, "div", { class: "error", id: `${id}-error` }));
      };
      const remove = h(
        this.doc,
        "fluent-button",
        { appearance: "subtle", size: "small", "aria-label": `Remove capex ${i + 1}` },
        "Remove",
      );
      remove.addEventListener("click", () => {
        this.model.removeCapex(i);
        this.renderCapex();
        this.render();
        byId(this.doc, "add-capex").focus();
      });
      return h(
        this.doc,
        "tr",
        { id: rowId },
        cell("date", "date"),
        cell("amount", "amount"),
        h(this.doc, "td", {}, remove, h(this.doc, "div", { class: "error", id: `${rowId}-error` })),
      );
    });
    fill(byId(this.doc, "capex-rows"), ...rows);
    byId(this.doc, "capex-empty").hidden = rows.length > 0;
    if (focusRow !== undefined) this.doc.getElementById(this.fieldId(`capex.${focusRow}.date`))?.focus();
  }

  private renderTranches(focusRow?: number): void {
    const rows = this.model.form.tranches.map((row, i) => {
      const rowId = this.fieldId(`tranches.${i}`);
      const cell = (field: "date" | "mw", label: string) => {
        const id = this.fieldId(`tranches.${i}.${field}`);
        const input = h(this.doc, "input", {
          id,
          type: "text",
          "aria-label": `Tranche ${i + 1} ${label}`,
          "aria-describedby": `${id}-error ${rowId}-error`,
          placeholder: field === "date" ? "YYYY-MM-DD" : "MW",
          inputmode: field === "mw" ? "decimal" : undefined,
          autocomplete: "off",
        });
        input.value = row[field];
        input.addEventListener("input", () => {
          this.model.setTranche(i, field, input.value);
          this.render();
        });
        return h(this.doc, "td", {}, input, h(this.doc, "div", { class: "error", id: `${id}-error` }));
      };
      const remove = h(
        this.doc,
        "fluent-button",
        { appearance: "subtle", size: "small", "aria-label": `Remove tranche ${i + 1}` },
        "Remove",
      );
      remove.addEventListener("click", () => {
        this.model.removeTranche(i);
        this.renderTranches();
        this.render();
        byId(this.doc, "add-tranche").focus();
      });
      return h(
        this.doc,
        "tr",
        { id: rowId },
        cell("date", "date"),
        cell("mw", "MW"),
        h(this.doc, "td", {}, remove, h(this.doc, "div", { class: "error", id: `${rowId}-error` })),
      );
    });
    fill(byId(this.doc, "tranche-rows"), ...rows);
    byId(this.doc, "tranches-empty").hidden = rows.length > 0;
    if (focusRow !== undefined) this.doc.getElementById(this.fieldId(`tranches.${focusRow}.date`))?.focus();
  }

  /** Rewrites the inputs from the model (a preset, a file, a sheet), then everything else. */
  private redrawInputs(): void {
    const form = this.model.form;
    for (const t of FORM_TERMS) {
      const input = this.doc.getElementById(this.fieldId(t.key)) as HTMLInputElement | null;
      if (input) input.value = form.values[t.key];
    }
    this.renderTranches();
    this.renderCapex();
    this.render();
  }

  /** Each problem beside its field, tied to it by aria-describedby (set when the field was made). */
  private renderErrors(view: DealView): void {
    for (const el of Array.from(this.root.querySelectorAll<HTMLElement>(".error"))) el.textContent = "";
    for (const el of Array.from(this.root.querySelectorAll("[aria-invalid]"))) el.removeAttribute("aria-invalid");
    const general: string[] = view.dealError ? [view.dealError] : [];
    for (const [field, text] of view.fieldErrors) {
      const id = this.fieldId(field);
      const box = this.doc.getElementById(`${id}-error`);
      if (box) {
        box.textContent = text;
        // The field itself, or every input of a tranche row whose problem is the row's.
        const el = this.doc.getElementById(id);
        const inputs = el?.matches("input, select") ? [el] : Array.from(el?.querySelectorAll("input") ?? []);
        for (const input of inputs) input.setAttribute("aria-invalid", "true");
      } else general.push(text);
    }
    byId(this.doc, "tranches-error").textContent = view.tranchesError;
    const capexError = this.doc.getElementById("capex-error");
    if (capexError) capexError.textContent = view.capexError;
    else if (view.capexError) general.push(view.capexError);
    byId(this.doc, "deal-error").textContent = general.join(" ");
  }

  private renderFigures(view: DealView): void {
    const box = byId(this.doc, "preview");
    if (!view.figures) {
      fill(box, h(this.doc, "p", { class: "muted" }, "The figures appear when the terms are valid."));
      return;
    }
    const list = (figures: NonNullable<DealView["figures"]>, attrs: Record<string, string>) =>
      h(
        this.doc,
        "dl",
        { class: "figures", ...attrs },
        ...figures.flatMap((f) => [h(this.doc, "dt", { title: f.help }, f.label), h(this.doc, "dd", {}, f.value)]),
      );
    fill(
      box,
      list(view.figures, { "aria-labelledby": "preview-heading" }),
      ...(view.returns
        ? [
            h(this.doc, "h3", { id: "returns-heading", class: "figures-heading" }, "Host returns"),
            list(view.returns, { id: "returns", "aria-labelledby": "returns-heading" }),
          ]
        : []),
    );
  }

  private renderButtons(view: DealView): void {
    for (const id of DEAL_BUTTONS) {
      const state = view.buttons[id];
      const button = byId(this.doc, id);
      // disabled-focusable: still reachable by Tab, so its title (the reason) can be read. Fluent states it
      // through ElementInternals; the aria-disabled attribute says it where tools that read the DOM look
      // (axe-core exempts disabled controls from the contrast rule, as WCAG 1.4.3 does).
      if (state.enabled) {
        button.removeAttribute("disabled-focusable");
        button.removeAttribute("aria-disabled");
      } else {
        button.setAttribute("disabled-focusable", "");
        button.setAttribute("aria-disabled", "true");
      }
      if (state.reason !== undefined) button.setAttribute("title", state.reason);
      else button.removeAttribute("title");
    }
    byId(this.doc, "insert-reason").textContent = view.insertReason;
    byId(this.doc, "busy-label").textContent = view.busy ?? "";
    byId(this.doc, "progress").hidden = view.busy === null;
    if (view.busy === null) this.root.removeAttribute("aria-busy");
    else this.root.setAttribute("aria-busy", "true");
  }

  // ---- actions ---------------------------------------------------------------------------

  /** A long task: a busy state (progress, buttons disabled) that refuses a second click, and a message on failure. */
  private async busyWhile(label: string, work: () => Promise<void>): Promise<void> {
    if (!this.model.begin(label)) return;
    this.render();
    try {
      await work();
    } catch (e) {
      this.say("error", `${e instanceof Error ? e.message : String(e)} ${RETRY}`);
    } finally {
      this.model.end();
      this.render();
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
      this.model.addTranche();
      this.renderTranches(this.model.form.tranches.length - 1);
      this.render();
    });
    if (DEAL_GROUPS.capex) {
      this.onClick("add-capex", () => {
        this.model.addCapex();
        this.renderCapex(this.model.form.capex.length - 1);
        this.render();
      });
    }
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
    this.onClick("refresh", () => this.busyWhile("Listing the deal sheets…", () => this.refreshSheets()));
    this.onClick("load-terms", () => this.loadTerms());
    this.onClick("update-terms", () => this.updateTerms());
    this.onClick("recalc", () => this.recalc());
    const sheets = byId<HTMLSelectElement>(this.doc, "deal-sheets");
    sheets.addEventListener("change", () => {
      this.model.selectSheet(sheets.value);
      this.render();
    });
  }

  private validDeal() {
    const valid = this.model.validDeal();
    if (!valid.ok) {
      this.say("error", valid.reason);
      return null;
    }
    return valid;
  }

  private insert(): Promise<void> {
    const valid = this.validDeal();
    if (!valid) return Promise.resolve();
    return this.busyWhile("Inserting the deal…", async () => {
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
    return this.busyWhile("Reading the file…", async () => {
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
      this.model.loadForm(outcome.form);
      this.redrawInputs();
      this.say("success", `Imported ${file.name}.`);
    });
  }

  private exportText(): { text: string; name: string } | null {
    const terms = this.model.check.terms;
    if (!terms) return null;
    return { text: exportDealText(this.model.form, terms), name: exportFileName(terms) };
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
    return this.busyWhile("Building the .xlsx…", async () => {
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

  private async refreshSheets(select?: string): Promise<void> {
    try {
      this.model.setSheets(await this.backend.listDealSheets(), select);
      const selected = this.model.selectedSheet()?.sheetId;
      const sheets = this.model.sheets;
      const list = byId<HTMLSelectElement>(this.doc, "deal-sheets");
      fill(
        list,
        ...sheets.map((s) =>
          h(this.doc, "option", { value: s.sheetId, selected: s.sheetId === selected }, `${s.sheet} — ${s.title}`),
        ),
      );
      if (!selected) list.selectedIndex = -1;
      list.hidden = sheets.length === 0;
      byId(this.doc, "no-sheets").hidden = sheets.length > 0;
    } catch (e) {
      this.say(
        "error",
        `The deal sheets could not be listed: ${e instanceof Error ? e.message : String(e)} Press Refresh to try again.`,
      );
    }
    this.render();
  }

  private loadTerms(): Promise<void> {
    const sheet = this.model.selectedSheet();
    if (!sheet) return Promise.resolve();
    return this.busyWhile("Reading the sheet's terms…", async () => {
      const read = await this.backend.readTerms(sheet.sheetId);
      if (!read.ok) {
        this.say("error", read.reason);
        return;
      }
      this.model.loadForm(formFromDealFile(read.file, "excel"), sheet.presetId);
      this.redrawInputs();
      const problems = this.model.check.problems.length;
      this.say(
        problems ? "warning" : "success",
        problems
          ? `Loaded the terms of "${read.sheet}"; they have ${problems} problem(s), shown beside the fields.`
          : `Loaded the terms of "${read.sheet}". Edit them, then Update sheet.`,
      );
    });
  }

  private updateTerms(): Promise<void> {
    const sheet = this.model.selectedSheet();
    const valid = this.validDeal();
    if (!sheet || !valid) return Promise.resolve();
    const options = { provenance: valid.preset?.provenance, miningProvenance: valid.preset?.miningProvenance };
    return this.busyWhile("Updating the sheet…", async () => {
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
    return this.busyWhile("Recalculating…", async () => {
      await this.backend.recalc();
      this.say("success", "Recalculated the workbook.");
    });
  }
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  return typeof value === "string" ? `"${value}"` : String(value);
}
