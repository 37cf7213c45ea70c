/**
 * Mining: the deal in the Deal tab against mining bitcoin with the same site (analysis.md §8). The
 * view-model (MiningViewModel, no DOM; test/taskpane/mining.test.ts) holds the mining inputs as
 * typed, each with the preset's provenance, and asks core for the comparison; mount() renders it.
 * The site-power default (1.3 × capacity) is an assumption, stated whenever the field is blank.
 *
 * The inputs are the deal's own mining block (the Deal tab's form holds it, so that Insert, export
 * and Update carry it): "Include the comparison" turns the block on or off, and "Add to the deal
 * sheet" adds it (the block and its chart) to a deal sheet inserted without one, after asking.
 */
import {
  DEFAULT_HALVING_DATES,
  MINING_FIGURES,
  MINING_TERMS,
  SITE_POWER_ASSUMPTION,
  buildSchedule,
  compareMining,
  money,
  validateDeal,
  type DealFile,
  type MiningTermKey,
  type Problem,
} from "../../../src/core";
import { provenanceText, type MiningProvenance } from "../../../src/plan";
import { miningProvenance, type Provenance } from "../../../src/presets";
import { SEED_MINING, SEED_MINING_PROVENANCE } from "../../../src/presets/mining";
import { miningBlockOf, miningText } from "../../model/form";
import { presetInfoFor } from "../../model/presets";
import { confirmInPane } from "../confirm";
import { fill, h } from "../dom";
import { dealSection } from "./deal";
import type { Section, SectionContext } from "./types";

export interface MiningFieldView {
  readonly key: MiningTermKey;
  readonly label: string;
  readonly value: string;
  readonly help: string;
  /** What a blank field means. */
  readonly placeholder: string;
  readonly required: boolean;
  /** The preset's provenance while the value is the preset's; null once edited or without one. */
  readonly provenance: { readonly status: "reported" | "assumed"; readonly text: string } | null;
  /** The problem core found with this term, if any. */
  readonly problem: string | null;
}

export interface MiningResultView {
  /** The breakeven hashprice beside today's (the hashprice field), both in $/PH/s/day. */
  readonly breakeven: string;
  readonly today: string;
  /** One sentence: which use of the site the NPVs favour at today's hashprice. */
  readonly verdict: string;
  readonly figures: readonly { readonly label: string; readonly value: string }[];
  /** "at 10 %" or "plain sums (the deal has no discount rate)". */
  readonly rateNote: string;
}

export interface MiningView {
  readonly heading: string;
  /** Whether the deal carries the mining block (Insert, export and Update then write it). */
  readonly included: boolean;
  readonly fields: readonly MiningFieldView[];
  /** The site-power assumption, when the default applies; null when a site power is typed. */
  readonly assumption: string | null;
  readonly result: MiningResultView | null;
  /** Why there is no result (the deal or the mining terms are not valid). */
  readonly blocked: string | null;
}

type DealSource = () => { ok: true; deal: DealFile } | { ok: false; reason: string };

/** Where the mining inputs live: the deal's form (the Deal tab's model). */
export interface MiningHost {
  /** The deal's mining inputs as typed, or null when the deal has no mining block. */
  get(): Readonly<Record<MiningTermKey, string>> | null;
  set(values: Readonly<Record<MiningTermKey, string>> | null): void;
  /** The deal's preset's own mining inputs and their provenance, when it has a mining block. */
  preset(): { readonly values: Record<MiningTermKey, string>; readonly provenance: MiningProvenance } | null;
}

const DEFAULT_TEXT: Readonly<Partial<Record<MiningTermKey, string>>> = {
  sitePowerMW: "1.3 × capacity (assumed)",
  uptime: "1",
  poolFee: "0",
  feeShare: "0",
  hashpriceGrowth: "0",
  halvingDates: DEFAULT_HALVING_DATES.join(", "),
  miningOpexPerMWMonth: "0",
};

/** The seed's mining inputs as the fields show them (the example a deal without a block starts from). */
function presetValues(): Record<MiningTermKey, string> {
  return miningText(SEED_MINING as Readonly<Record<string, unknown>>);
}

export class MiningViewModel {
  private values: Record<MiningTermKey, string>;

  constructor(
    private readonly dealSource: DealSource,
    private readonly provenance: Readonly<Partial<Record<MiningTermKey, Provenance>>> = SEED_MINING_PROVENANCE,
    private readonly host?: MiningHost,
  ) {
    this.values = { ...(host?.get() ?? presetValues()) };
  }

  /** Takes the deal's inputs again (a preset chosen, terms loaded from a sheet, in the Deal tab). */
  refresh(): void {
    const theirs = this.host?.get();
    if (theirs) this.values = { ...theirs };
    else if (this.host) this.values = { ...(this.host.preset()?.values ?? this.values) };
  }

  get included(): boolean {
    return this.host?.get() != null;
  }

  /** Turns the deal's mining block on (with the inputs as they are) or off. */
  setIncluded(on: boolean): void {
    this.host?.set(on ? { ...this.values } : null);
  }

  setValue(key: MiningTermKey, text: string): void {
    this.values = { ...this.values, [key]: text };
    if (this.included) this.host?.set({ ...this.values });
  }

  /** The mining block as typed: blanks left out, halving dates split ("none" for none). */
  block(): Record<string, unknown> {
    return miningBlockOf(this.values);
  }

  /** The preset's inputs and provenance the fields are compared with. */
  private reference(): { values: Record<MiningTermKey, string>; provenance: MiningProvenance } | null {
    if (this.host) return this.host.preset();
    return { values: presetValues(), provenance: this.provenance };
  }

  view(): MiningView {
    const deal = this.dealSource();
    let problems: readonly Problem[] = [];
    let result: MiningResultView | null = null;
    let blocked: string | null = null;
    if (!deal.ok) blocked = `Complete the deal in the Deal tab first: ${deal.reason}`;
    else {
      const checked = validateDeal({ ...deal.deal, mining: this.block() });
      if (!checked.ok) {
        problems = checked.error.problems;
        const mine = problems.filter((p) => p.term.startsWith("mining"));
        blocked = mine.length > 0 ? "Fix the mining inputs marked below." : checked.error.message;
      } else {
        const { summary } = compareMining(buildSchedule(checked.value));
        const rate = checked.value.discountRate;
        const today = checked.value.mining?.hashprice;
        const miningWins = summary.miningNpv.greaterThan(summary.hostingNpv);
        result = {
          breakeven: money(summary.breakevenHashprice),
          today: today ? today.toString() : "",
          verdict: miningWins
            ? "At today's hashprice, mining the site is worth more than hosting the deal."
            : "At today's hashprice, hosting the deal is worth more than mining the site.",
          figures: MINING_FIGURES.map((f) => ({ label: f.label, value: money(f.value(summary)) })),
          rateNote:
            rate === null
              ? "NPVs are plain sums: the deal has no discount rate."
              : `NPVs at ${rate.times(100).toString()} % a year.`,
        };
      }
    }
    const reference = this.reference();
    const fields = MINING_TERMS.map((t): MiningFieldView => {
      const problem = problems.find((p) => p.term === `mining.${t.key}` || p.term.startsWith(`mining.${t.key}[`));
      const p = reference?.provenance[t.key];
      const unchanged = reference !== null && this.values[t.key] === reference.values[t.key];
      return {
        key: t.key,
        label: t.label,
        value: this.values[t.key],
        help: t.help,
        placeholder: t.required ? "required" : (DEFAULT_TEXT[t.key] ?? ""),
        required: t.required,
        provenance: p && unchanged ? { status: p.status, text: provenanceText(p) } : null,
        problem: problem ? problem.message : null,
      };
    });
    return {
      heading: "Hosting versus mining",
      included: this.included,
      fields,
      assumption: this.values.sitePowerMW.trim() === "" ? SITE_POWER_ASSUMPTION : null,
      result,
      blocked,
    };
  }
}

/** What the section's actions need of the pane around it. */
interface MiningActions {
  /** The selected deal sheet of the Deal tab, if any. */
  selectedSheet(): { readonly sheetId: string; readonly sheet: string } | undefined;
  /** Adds the block to that sheet after asking; resolves to the message to show. */
  add(sheet: {
    readonly sheetId: string;
    readonly sheet: string;
  }): Promise<{ kind: "success" | "error" | "info"; text: string }>;
  readonly canAdd: boolean;
}

/** The DOM: a field per mining term with its provenance, built once; notes and the result follow the inputs. */
function render(panel: HTMLElement, model: MiningViewModel, actions: MiningActions): () => void {
  const doc = panel.ownerDocument;
  const first = model.view();
  const notes = new Map<MiningTermKey, { input: HTMLInputElement; note: HTMLElement; label: HTMLElement }>();
  const rows = first.fields.map((f) => {
    const id = `mining-${f.key}`;
    const input = h(doc, "input", {
      id,
      type: "text",
      placeholder: f.placeholder,
      "aria-describedby": `${id}-note`,
      inputmode: f.key === "halvingDates" ? undefined : "decimal",
    });
    input.value = f.value;
    const label = h(doc, "label", { for: id });
    const note = h(doc, "p", { id: `${id}-note` });
    notes.set(f.key, { input, note, label });
    return h(doc, "div", { class: "field" }, label, input, note);
  });
  const include = h(doc, "input", {
    id: "mining-include",
    type: "checkbox",
    "aria-describedby": "mining-include-note",
  });
  const includeRow = h(
    doc,
    "div",
    { class: "field" },
    include,
    h(doc, "label", { for: "mining-include" }, "Include the comparison in the deal"),
    h(
      doc,
      "p",
      { class: "hint", id: "mining-include-note" },
      "Insert then adds the mining inputs, the live comparison figures, the monthly comparison and its chart " +
        "(hosting cash flow against mining margin, halvings named) to the deal's sheet; Update sheet writes the inputs.",
    ),
  );
  const add = h(
    doc,
    "button",
    { id: "mining-add", type: "button", "aria-describedby": "mining-add-note" },
    "Add to the deal sheet",
  );
  const addNote = h(doc, "p", { class: "hint", id: "mining-add-note" });
  const status = h(doc, "p", { id: "mining-status", role: "status" });
  const assumption = h(doc, "p", { class: "hint", id: "mining-assumption" });
  const result = h(doc, "section", { "aria-label": "Comparison", id: "mining-result", "aria-live": "polite" });
  const update = () => {
    const view = model.view();
    include.checked = view.included;
    for (const f of view.fields) {
      const el = notes.get(f.key);
      if (!el) continue;
      if (el.input.value !== f.value && doc.activeElement !== el.input) el.input.value = f.value;
      el.label.textContent = f.provenance ? `${f.label} (${f.provenance.status})` : f.label;
      if (f.problem) el.input.setAttribute("aria-invalid", "true");
      else el.input.removeAttribute("aria-invalid");
      el.note.className = f.problem ? "error" : "hint";
      el.note.textContent = [f.problem, f.provenance?.text ?? null, f.problem ? null : f.help]
        .filter((s) => s)
        .join(" ");
    }
    assumption.hidden = view.assumption === null;
    assumption.textContent = view.assumption ?? "";
    const sheet = actions.selectedSheet();
    const why = !actions.canAdd
      ? "No workbook is open."
      : !sheet
        ? "Select a deal sheet in the Deal tab first."
        : view.result === null
          ? "The comparison is not valid yet."
          : null;
    add.disabled = why !== null;
    addNote.textContent =
      why ?? `Adds the comparison block and its chart to "${sheet?.sheet}", inserted without one (after asking).`;
    if (view.result) {
      fill(
        result,
        h(
          doc,
          "p",
          { id: "mining-breakeven" },
          `Breakeven hashprice: $${view.result.breakeven} per PH/s per day, beside today's $${view.result.today}.`,
        ),
        h(doc, "p", {}, view.result.verdict),
        h(doc, "dl", {}, ...view.result.figures.flatMap((f) => [h(doc, "dt", {}, f.label), h(doc, "dd", {}, f.value)])),
        h(doc, "p", { class: "hint" }, view.result.rateNote),
      );
    } else fill(result, h(doc, "p", { id: "mining-blocked" }, view.blocked ?? ""));
  };
  for (const [key, el] of notes) {
    el.input.addEventListener("change", () => {
      model.setValue(key, el.input.value);
      update();
    });
  }
  include.addEventListener("change", () => {
    model.setIncluded(include.checked);
    update();
  });
  add.addEventListener("click", () => {
    const sheet = actions.selectedSheet();
    if (!sheet || add.disabled) return;
    add.disabled = true;
    status.textContent = `Adding the comparison to "${sheet.sheet}"…`;
    void actions
      .add(sheet)
      .then((outcome) => {
        status.className = outcome.kind === "error" ? "error" : "hint";
        status.textContent = outcome.text;
      })
      .finally(update);
  });
  fill(
    panel,
    h(doc, "h2", { id: `${panel.id}-heading` }, first.heading),
    h(
      doc,
      "p",
      {},
      "What the same site would earn mining bitcoin with the host's own fleet, month by month over the deal's schedule.",
    ),
    ...rows,
    assumption,
    result,
    includeRow,
    add,
    addNote,
    status,
  );
  update();
  return update;
}

export const miningSection: Section = {
  id: "mining",
  mount(panel: HTMLElement, ctx: SectionContext) {
    const pane = () => dealSection.pane();
    const host: MiningHost = {
      get: () => pane()?.model.form.mining ?? null,
      set: (values) => {
        const p = pane();
        if (!p) return;
        p.model.replaceForm({ ...p.model.form, mining: values });
        p.refresh();
      },
      preset: () => {
        const preset = pane()?.model.preset;
        const block = preset?.deal.mining;
        if (!preset || typeof block !== "object" || block === null) return null;
        return {
          values: miningText(block as Readonly<Record<string, unknown>>),
          provenance: miningProvenance(preset.id) ?? {},
        };
      },
    };
    const model = new MiningViewModel(
      () => pane()?.model.validDealWithoutMining() ?? { ok: false, reason: "the Deal tab is not ready." },
      SEED_MINING_PROVENANCE,
      host,
    );
    const actions: MiningActions = {
      canAdd: ctx.backend.available && ctx.backend.addMining !== undefined,
      selectedSheet: () => pane()?.model.selectedSheet(),
      add: async (sheet) => {
        const addMining = ctx.backend.addMining?.bind(ctx.backend);
        const p = pane();
        if (!addMining || !p) return { kind: "error", text: "No workbook is open." };
        const valid = p.model.validDealWithoutMining();
        if (!valid.ok) return { kind: "error", text: valid.reason };
        // Only its mining block is added: the block is planned over the sheet's own terms, read back.
        const deal = { ...valid.deal, mining: model.block() };
        const ok = await confirmInPane(ctx.doc, {
          title: "Add the mining comparison?",
          message: `This adds to the sheet "${sheet.sheet}":`,
          items: [
            "the mining inputs (with their sources) and the comparison's figures, live, below the sheet's notes;",
            "the monthly comparison (HPC.MININGCOMPARISON) to the right of the deal's chart, its columns set to its widths;",
            "a chart of the hosting cash flow against the mining margin, below the deal's chart.",
            "The comparison follows the sheet's own terms, not the Deal tab's; they are not changed, and no cell that " +
              "holds something is written over. If the addition fails, the sheet is left as it was.",
          ],
          confirm: "Add",
          cancel: "Cancel",
        });
        if (!ok) return { kind: "info", text: "Nothing was added." };
        // Each input's provenance: the preset's while it is the preset's figure, else "edited in the pane".
        const preset = p.model.preset;
        const outcome = await addMining(sheet.sheetId, deal, {
          miningProvenance: preset ? presetInfoFor(preset, deal).miningProvenance : undefined,
        });
        if (outcome.status === "added") {
          model.setIncluded(true);
          return {
            kind: outcome.warning ? "info" : "success",
            text: outcome.warning ?? `Added the mining comparison and its chart to "${outcome.sheet}".`,
          };
        }
        if (outcome.status === "refused" && /already has a mining block/.test(outcome.reason)) {
          return {
            kind: "info",
            text: `${outcome.reason} With "Include the comparison" on, Update sheet in the Deal tab writes these inputs into it.`,
          };
        }
        return { kind: "error", text: outcome.reason };
      },
    };
    const update = render(panel, model, actions);
    // The deal may change in the Deal tab: show the comparison for it whenever this tab is chosen.
    const refresh = () => {
      model.refresh();
      update();
    };
    ctx.doc.getElementById("tab-mining")?.addEventListener("click", refresh);
    ctx.doc.getElementById("tab-mining")?.addEventListener("focus", refresh);
  },
};
