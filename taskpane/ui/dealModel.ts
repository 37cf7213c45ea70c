/**
 * The Deal section's view-model: everything the section shows and allows, as data, with no DOM.
 * app.ts (the DOM code) keeps one of these, calls its methods on user input, and renders what
 * `view()` returns; jest tests it directly (no jsdom). Validation and figures are core's.
 */
import type { DealFile } from "../../src/core";
import type { PresetInfo } from "../../src/plan";
import { PRESETS, getPreset, type Preset } from "../../src/presets";
import type { DealSheetSummary } from "../actions";
import {
  addCapex,
  addTranche,
  blockedReason,
  checkForm,
  emptyForm,
  formFromDealFile,
  normalizedDealFile,
  removeCapex,
  removeTranche,
  setCapex,
  setTranche,
  setValue,
  type FieldId,
  type FormCheck,
  type FormState,
} from "../model/form";
import { presetInfoFor, provenanceLines, type ProvenanceLine } from "../model/presets";
import { headlines } from "../model/preview";
import { percentFormatter, returnsFigures } from "../model/returns";
import type { Formatter } from "./format";

/** The buttons of the Deal section, by element id. */
export const DEAL_BUTTONS = [
  "insert",
  "export",
  "copy",
  "export-xlsx",
  "export-xlsx-values",
  "refresh",
  "load-terms",
  "update-terms",
  "recalc",
] as const;
export type DealButton = (typeof DEAL_BUTTONS)[number];

export interface ButtonState {
  readonly enabled: boolean;
  /** Why it is disabled (shown as its title), or undefined. */
  readonly reason?: string;
}

/** What the workbook side can do: from the backend, fixed for the pane's life. */
export interface WorkbookAvailability {
  readonly available: boolean;
  readonly unavailableReason?: string;
}

export interface FigureView {
  readonly label: string;
  readonly value: string;
  readonly help: string;
}

export interface DealView {
  readonly presetId: string;
  readonly presetDescription: string;
  readonly provenance: readonly ProvenanceLine[];
  /** Problems shown beside their field: field id → text. */
  readonly fieldErrors: ReadonlyMap<FieldId, string>;
  readonly tranchesError: string;
  /** Problems of the capex table as a whole ("capex must be a list…"). */
  readonly capexError: string;
  /** Problems that name no field (the deal as a whole). */
  readonly dealError: string;
  /** The headline figures in the user's locale, or null while the terms are not valid. */
  readonly figures: readonly FigureView[] | null;
  /** The host's returns (capex, host NPV, IRR, payback, all renewals), or null while the terms are not valid. */
  readonly returns: readonly FigureView[] | null;
  readonly buttons: Readonly<Record<DealButton, ButtonState>>;
  /** Why Insert is disabled, shown under it ("" when it is enabled or only busy). */
  readonly insertReason: string;
  /** The long task under way ("Inserting the deal…"), or null. */
  readonly busy: string | null;
  readonly workbookStatus: string;
}

/** The value of the preset picker's "Blank deal" option. */
export const BLANK_PRESET = "";

export class DealViewModel {
  private formState: FormState;
  private checked: FormCheck;
  private presetState: Preset | null;
  private sheetList: readonly DealSheetSummary[] = [];
  private selected: string | undefined;
  private busyLabel: string | null = null;
  private readonly percent: (fraction: number) => string;

  constructor(
    private readonly workbook: WorkbookAvailability,
    private readonly fmt: Formatter,
    presetId: string | null = PRESETS[0]?.id ?? null,
  ) {
    this.percent = percentFormatter(fmt.locale);
    this.presetState = presetId ? (getPreset(presetId) ?? null) : null;
    this.formState = this.presetState ? formFromDealFile(this.presetState.deal) : emptyForm();
    this.checked = checkForm(this.formState);
  }

  get form(): FormState {
    return this.formState;
  }
  get check(): FormCheck {
    return this.checked;
  }
  get preset(): Preset | null {
    return this.presetState;
  }
  get sheets(): readonly DealSheetSummary[] {
    return this.sheetList;
  }
  get isBusy(): boolean {
    return this.busyLabel !== null;
  }

  // ---- the form ------------------------------------------------------------------------------

  replaceForm(form: FormState): void {
    this.formState = form;
    this.checked = checkForm(form);
  }
  setValue(key: Parameters<typeof setValue>[1], text: string): void {
    this.replaceForm(setValue(this.formState, key, text));
  }
  setTranche(row: number, field: "date" | "mw", text: string): void {
    this.replaceForm(setTranche(this.formState, row, field, text));
  }
  addTranche(): void {
    this.replaceForm(addTranche(this.formState));
  }
  removeTranche(row: number): void {
    this.replaceForm(removeTranche(this.formState, row));
  }
  setCapex(row: number, field: "date" | "amount", text: string): void {
    this.replaceForm(setCapex(this.formState, row, field, text));
  }
  addCapex(): void {
    this.replaceForm(addCapex(this.formState));
  }
  removeCapex(row: number): void {
    this.replaceForm(removeCapex(this.formState, row));
  }
  /** A preset by id ("" for a blank deal): its terms replace the form. */
  choosePreset(id: string): void {
    this.presetState = id === BLANK_PRESET ? null : (getPreset(id) ?? null);
    this.replaceForm(this.presetState ? formFromDealFile(this.presetState.deal) : emptyForm());
  }
  /** A form from a file or a sheet; `presetId` when it names one of ours. */
  loadForm(form: FormState, presetId?: string | null): void {
    this.presetState = presetId ? (getPreset(presetId) ?? null) : null;
    this.replaceForm(form);
  }

  /** The valid deal and the preset info to write it with, or the reason there is none. */
  validDeal(): { ok: true; deal: DealFile; preset: PresetInfo | undefined } | { ok: false; reason: string } {
    const terms = this.checked.terms;
    if (!terms) return { ok: false, reason: blockedReason(this.checked) ?? "The deal is not valid." };
    const deal = normalizedDealFile(this.formState, terms);
    return { ok: true, deal, preset: this.presetState ? presetInfoFor(this.presetState, deal) : undefined };
  }

  /** The valid deal without its mining block (the Mining tab validates its own inputs), or why not. */
  validDealWithoutMining(): { ok: true; deal: DealFile } | { ok: false; reason: string } {
    const form = { ...this.formState, mining: null };
    const check = checkForm(form);
    if (!check.terms) return { ok: false, reason: blockedReason(check) ?? "The deal is not valid." };
    return { ok: true, deal: normalizedDealFile(form, check.terms) };
  }

  // ---- the workbook and long work ---------------------------------------------------------

  setSheets(sheets: readonly DealSheetSummary[], select?: string): void {
    this.sheetList = sheets;
    const keep = select ?? this.selected;
    this.selected = sheets.some((s) => s.sheetId === keep) ? keep : undefined;
  }
  selectSheet(sheetId: string | undefined): void {
    this.selected = this.sheetList.some((s) => s.sheetId === sheetId) ? sheetId : undefined;
  }
  selectedSheet(): DealSheetSummary | undefined {
    return this.sheetList.find((s) => s.sheetId === this.selected);
  }
  /** Starts a long task; false when one is already under way (the second click is refused). */
  begin(label: string): boolean {
    if (this.busyLabel !== null) return false;
    this.busyLabel = label;
    return true;
  }
  end(): void {
    this.busyLabel = null;
  }

  // ---- what the section shows -------------------------------------------------------------

  view(): DealView {
    const check = this.checked;
    const fieldErrors = new Map<FieldId, string>();
    const general: string[] = [];
    for (const [field, messages] of check.fields) {
      if (field === "tranches" || field === "capex") continue;
      // The mining inputs have their own tab; here their problems name the deal as a whole.
      if (field === "deal" || field === "mining") general.push(...messages);
      else fieldErrors.set(field, messages.join(" "));
    }
    const p = this.presetState;
    return {
      presetId: p?.id ?? BLANK_PRESET,
      presetDescription: p ? p.description : "Type the terms of a deal, or import a deal file.",
      provenance: p ? provenanceLines(p) : [],
      fieldErrors,
      tranchesError: (check.fields.get("tranches") ?? []).join(" "),
      capexError: (check.fields.get("capex") ?? []).join(" "),
      dealError: general.join(" "),
      figures: check.terms
        ? headlines(check.terms).map((f) => ({ label: f.label, help: f.help, value: this.fmt.figure(f.figure) }))
        : null,
      returns: check.terms
        ? returnsFigures(check.terms, this.percent).map((f) => ({
            label: f.label,
            help: f.help,
            value: this.fmt.figure(f.figure),
          }))
        : null,
      ...this.buttonsView(),
      busy: this.busyLabel,
      workbookStatus: this.workbook.available
        ? "Deal sheets the pane inserted in this workbook:"
        : (this.workbook.unavailableReason ?? "No workbook is open."),
    };
  }

  private buttonsView(): Pick<DealView, "buttons" | "insertReason"> {
    const reason = blockedReason(this.checked) ?? undefined;
    const noBook = this.workbook.available ? undefined : (this.workbook.unavailableReason ?? "No workbook is open.");
    const busy = this.busyLabel !== null;
    const state = (why: string | undefined, waits = true): ButtonState =>
      why ? { enabled: false, reason: why } : { enabled: !(waits && busy) };
    const sheetWhy = noBook ?? (this.selectedSheet() ? undefined : "Select a deal sheet first.");
    const insertWhy = reason ?? noBook;
    return {
      buttons: {
        insert: state(insertWhy),
        export: state(reason, false),
        copy: state(reason, false),
        "export-xlsx": state(reason),
        "export-xlsx-values": state(reason),
        refresh: state(noBook),
        "load-terms": state(sheetWhy),
        "update-terms": state(sheetWhy ?? reason),
        recalc: state(noBook),
      },
      insertReason: insertWhy ?? "",
    };
  }
}
