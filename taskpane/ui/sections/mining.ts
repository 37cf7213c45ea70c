/**
 * Mining: the deal in the Deal tab against mining bitcoin with the same site (analysis.md §8). The
 * view-model (MiningViewModel, no DOM; test/taskpane/mining.test.ts) holds the mining inputs as
 * typed, each with the preset's provenance, and asks core for the comparison; mount() renders it.
 * The site-power default (1.3 × capacity) is an assumption, stated whenever the field is blank.
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
import { provenanceText } from "../../../src/plan";
import type { Provenance } from "../../../src/presets";
import { SEED_MINING, SEED_MINING_PROVENANCE } from "../../../src/presets/mining";
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
  readonly fields: readonly MiningFieldView[];
  /** The site-power assumption, when the default applies; null when a site power is typed. */
  readonly assumption: string | null;
  readonly result: MiningResultView | null;
  /** Why there is no result (the deal or the mining terms are not valid). */
  readonly blocked: string | null;
}

type DealSource = () => { ok: true; deal: DealFile } | { ok: false; reason: string };

const DEFAULT_TEXT: Readonly<Partial<Record<MiningTermKey, string>>> = {
  sitePowerMW: "1.3 × capacity (assumed)",
  uptime: "1",
  poolFee: "0",
  feeShare: "0",
  hashpriceGrowth: "0",
  halvingDates: DEFAULT_HALVING_DATES.join(", "),
  miningOpexPerMWMonth: "0",
};

function textOf(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.join(", ");
  return String(value);
}

/** The seed's mining inputs as the fields show them. */
function presetValues(): Record<MiningTermKey, string> {
  const block = SEED_MINING as Readonly<Record<string, unknown>>;
  return Object.fromEntries(MINING_TERMS.map((t) => [t.key, textOf(block[t.key])])) as Record<MiningTermKey, string>;
}

export class MiningViewModel {
  private values: Record<MiningTermKey, string> = presetValues();
  private readonly preset: Record<MiningTermKey, string> = presetValues();

  constructor(
    private readonly dealSource: DealSource,
    private readonly provenance: Readonly<Partial<Record<MiningTermKey, Provenance>>> = SEED_MINING_PROVENANCE,
  ) {}

  setValue(key: MiningTermKey, text: string): void {
    this.values = { ...this.values, [key]: text };
  }

  /** The mining block as typed: blanks left out, halving dates split ("none" for none). */
  block(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const t of MINING_TERMS) {
      const text = this.values[t.key].trim();
      if (text === "") continue;
      if (t.key === "halvingDates") {
        out[t.key] = /^none$/i.test(text) ? [] : text.split(/[,;\s]+/).filter((s) => s !== "");
      } else out[t.key] = text;
    }
    return out;
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
    const fields = MINING_TERMS.map((t): MiningFieldView => {
      const problem = problems.find((p) => p.term === `mining.${t.key}` || p.term.startsWith(`mining.${t.key}[`));
      const p = this.provenance[t.key];
      const unchanged = this.values[t.key] === this.preset[t.key];
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
      fields,
      assumption: this.values.sitePowerMW.trim() === "" ? SITE_POWER_ASSUMPTION : null,
      result,
      blocked,
    };
  }
}

/** The DOM: a field per mining term with its provenance, built once; notes and the result follow the inputs. */
function render(panel: HTMLElement, model: MiningViewModel): () => void {
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
  const assumption = h(doc, "p", { class: "hint", id: "mining-assumption" });
  const result = h(doc, "section", { "aria-label": "Comparison", id: "mining-result", "aria-live": "polite" });
  const update = () => {
    const view = model.view();
    for (const f of view.fields) {
      const el = notes.get(f.key);
      if (!el) continue;
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
  );
  update();
  return update;
}

export const miningSection: Section = {
  id: "mining",
  mount(panel: HTMLElement, ctx: SectionContext) {
    const model = new MiningViewModel(() => {
      const pane = dealSection.pane();
      if (!pane) return { ok: false, reason: "the Deal tab is not ready." };
      const valid = pane.model.validDeal();
      return valid.ok ? { ok: true, deal: valid.deal } : valid;
    });
    const update = render(panel, model);
    // The deal may change in the Deal tab: show the comparison for it whenever this tab is chosen.
    ctx.doc.getElementById("tab-mining")?.addEventListener("click", update);
    ctx.doc.getElementById("tab-mining")?.addEventListener("focus", update);
  },
};
