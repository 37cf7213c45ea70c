/**
 * Portfolio: a book of the workbook's deal sheets on one live sheet
 * (src/plan/portfolioSheet.ts). The view-model (no DOM) turns what the user
 * chose into a request or the reason it cannot be one; mount() renders it.
 * The preset portfolio inserts its deal presets first (those not already in
 * the workbook), then the portfolio sheet with the company's reported figures.
 */
import { parseIsoDate, readPeriodOptions, type CalendarDate } from "../../../src/core";
import { PRESETS, getPreset } from "../../../src/presets";
import { PORTFOLIO_PRESETS, type PortfolioPreset } from "../../../src/presets/portfolios";
import type { DealSheetSummary } from "../../actions";
import type { PortfolioRequest } from "../../writer/portfolio";
import { fill, h } from "../dom";
import type { Section, SectionContext } from "./types";

/** What the user has chosen in the section. */
export interface PortfolioChoices {
  readonly name: string;
  readonly sheetIds: readonly string[];
  readonly period: string;
  readonly fiscalYearEnd: string;
  readonly runRateDate: string;
}

export type RequestOutcome =
  { readonly ok: true; readonly request: PortfolioRequest } | { readonly ok: false; readonly reason: string };

/** The request for the choices, or what is wrong with them (naming the field). */
export function portfolioRequest(choices: PortfolioChoices): RequestOutcome {
  if (choices.sheetIds.length === 0) return { ok: false, reason: "Choose at least one deal sheet." };
  const options = readPeriodOptions(choices.period, choices.fiscalYearEnd, {
    period: "Period",
    fiscalYearEndMonth: "Fiscal year end",
  });
  if (!options.ok) return { ok: false, reason: options.error.message };
  const date: CalendarDate | undefined = parseIsoDate(choices.runRateDate);
  if (!date) return { ok: false, reason: `Run-rate date must be a date (YYYY-MM-DD), got "${choices.runRateDate}".` };
  return {
    ok: true,
    request: {
      name: choices.name.trim() || "Portfolio",
      sheetIds: choices.sheetIds,
      period: options.value,
      runRateDate: date,
    },
  };
}

/** For a preset portfolio: which of its deals are already deal sheets (by preset id), which must be inserted. */
export function presetPlan(
  preset: PortfolioPreset,
  sheets: readonly DealSheetSummary[],
): { readonly present: readonly string[]; readonly missing: readonly string[] } {
  const present: string[] = [];
  const missing: string[] = [];
  for (const id of preset.dealIds) {
    const sheet = sheets.find((s) => s.presetId === id);
    if (sheet) present.push(sheet.sheetId);
    else missing.push(id);
  }
  return { present, missing };
}

/**
 * The deal sheets of a choice of sheets and preset deals: a chosen preset
 * already in the workbook (by preset id) is its sheet; the others must be
 * inserted first. Each deal once, in the order chosen.
 */
export function resolveChoice(
  sheets: readonly DealSheetSummary[],
  sheetIds: readonly string[],
  presetIds: readonly string[],
): { readonly sheetIds: readonly string[]; readonly toInsert: readonly string[] } {
  const ids = [...sheetIds];
  const toInsert: string[] = [];
  for (const id of presetIds) {
    const sheet = sheets.find((s) => s.presetId === id);
    if (sheet === undefined) toInsert.push(id);
    else if (!ids.includes(sheet.sheetId)) ids.push(sheet.sheetId);
  }
  return { sheetIds: ids, toInsert };
}

/** The request for a preset portfolio over the given deal sheets. */
export function presetRequest(
  preset: PortfolioPreset,
  sheetIds: readonly string[],
  runRateDate: CalendarDate,
): PortfolioRequest {
  return {
    name: preset.name,
    sheetIds,
    period: { period: "quarter", fiscalYearEndMonth: 12 },
    runRateDate,
    reported: preset.reported,
    notes: preset.notes,
  };
}

const DEFAULT_RUN_RATE_DATE = "2026-01-01";

export const portfolioSection: Section = {
  id: "portfolio",
  mount(panel: HTMLElement, ctx: SectionContext) {
    const doc = panel.ownerDocument;
    const { backend } = ctx;
    const list = h(doc, "div", { id: "portfolio-deals", role: "group", "aria-label": "Deal sheets" });
    const presetList = h(
      doc,
      "div",
      { id: "portfolio-preset-deals", role: "group", "aria-label": "Preset deals" },
      ...PRESETS.map((p) =>
        h(
          doc,
          "label",
          { class: "check" },
          h(doc, "input", { type: "checkbox", value: p.id, "data-preset-deal": p.id }),
          ` ${p.title}`,
        ),
      ),
    );
    const name = h(doc, "input", { id: "portfolio-name", type: "text", value: "Portfolio", maxlength: "200" });
    const period = h(
      doc,
      "select",
      { id: "portfolio-period" },
      h(doc, "option", { value: "quarter", selected: true }, "Quarters"),
      h(doc, "option", { value: "year" }, "Years"),
      h(doc, "option", { value: "month" }, "Months"),
    );
    const fiscal = h(doc, "input", { id: "portfolio-fy", type: "number", min: "1", max: "12", step: "1", value: "12" });
    const runRate = h(doc, "input", { id: "portfolio-runrate-date", type: "date", value: DEFAULT_RUN_RATE_DATE });
    const insert = h(doc, "button", { id: "portfolio-insert", type: "button" }, "Insert portfolio sheet");
    const status = h(doc, "p", { id: "portfolio-status", role: "status", "aria-live": "polite" });
    const presetButtons = PORTFOLIO_PRESETS.map((p) =>
      h(doc, "button", { type: "button", "data-preset": p.id, class: "portfolio-preset" }, `Insert “${p.name}”`),
    );
    const label = (forId: string, text: string) => h(doc, "label", { for: forId }, text);

    fill(
      panel,
      h(doc, "h2", { id: "panel-portfolio-heading" }, "Portfolio"),
      h(
        doc,
        "p",
        {},
        "A book of this workbook's deal sheets on one live sheet: the book by period, the run rate at a date, gross fee by deal (a stacked column chart) and a table for what the company reported.",
      ),
      h(doc, "h3", {}, "Deal sheets"),
      list,
      h(doc, "h3", {}, "Preset deals"),
      h(
        doc,
        "p",
        { class: "hint" },
        "A preset chosen here is inserted as a deal sheet first (unless the workbook has it).",
      ),
      presetList,
      h(doc, "div", { class: "field" }, label("portfolio-name", "Name"), name),
      h(doc, "div", { class: "field" }, label("portfolio-period", "Period"), period),
      h(doc, "div", { class: "field" }, label("portfolio-fy", "Fiscal year ends in month (1–12)"), fiscal),
      h(doc, "div", { class: "field" }, label("portfolio-runrate-date", "Run-rate date"), runRate),
      insert,
      h(doc, "h3", {}, "Preset portfolios"),
      ...PORTFOLIO_PRESETS.map((p, i) =>
        h(doc, "div", { class: "field" }, h(doc, "p", { class: "hint" }, p.description), presetButtons[i]),
      ),
      status,
    );

    let sheets: DealSheetSummary[] = [];
    const say = (text: string) => {
      status.textContent = text;
    };
    const refresh = async () => {
      // The boxes the user ticked stay ticked when the list is drawn again.
      const ticked = new Set(
        [...list.querySelectorAll<HTMLInputElement>("input[type=checkbox]")]
          .filter((c) => c.checked)
          .map((c) => c.value),
      );
      sheets = backend.available ? await backend.listDealSheets().catch(() => []) : [];
      if (sheets.length === 0) {
        fill(
          list,
          h(
            doc,
            "p",
            { class: "hint" },
            "No deal sheets yet: insert deals from the Deal tab, or a preset portfolio below.",
          ),
        );
        return;
      }
      fill(
        list,
        ...sheets.map((s) =>
          h(
            doc,
            "label",
            { class: "check" },
            h(doc, "input", {
              type: "checkbox",
              value: s.sheetId,
              "data-sheet": s.sheet,
              checked: ticked.has(s.sheetId),
            }),
            ` ${s.sheet} — ${s.title}`,
          ),
        ),
      );
    };
    const busy = (on: boolean) => {
      for (const b of [insert, ...presetButtons]) (b as HTMLButtonElement).disabled = on;
    };

    insert.addEventListener("click", async () => {
      const checked = (el: HTMLElement) =>
        [...el.querySelectorAll<HTMLInputElement>("input[type=checkbox]")].filter((c) => c.checked).map((c) => c.value);
      const chosenPresets = checked(presetList);
      const first = resolveChoice(sheets, checked(list), chosenPresets);
      const made = portfolioRequest({
        name: name.value,
        sheetIds: [...first.sheetIds, ...first.toInsert],
        period: period.value,
        fiscalYearEnd: fiscal.value,
        runRateDate: runRate.value,
      });
      if (!made.ok) return say(made.reason);
      if (!backend.insertPortfolio) return say("This workbook cannot take a portfolio sheet.");
      busy(true);
      try {
        for (const id of first.toInsert) {
          const preset = getPreset(id);
          if (!preset) return say(`The preset ${id} is missing from this version of the add-in.`);
          const inserted = await backend.insertDeal({ ...preset.deal }, preset);
          if (!inserted.ok) return say(inserted.reason);
        }
        await refresh();
        const ids = resolveChoice(sheets, first.sheetIds, chosenPresets).sheetIds;
        const out = await backend.insertPortfolio({ ...made.request, sheetIds: ids });
        say(out.ok ? `Inserted the portfolio sheet “${out.sheet}”.` : out.reason);
      } finally {
        busy(false);
      }
    });

    presetButtons.forEach((button, i) =>
      button.addEventListener("click", async () => {
        const preset = PORTFOLIO_PRESETS[i];
        if (!backend.insertPortfolio) return say("This workbook cannot take a portfolio sheet.");
        busy(true);
        try {
          await refresh();
          const { missing } = presetPlan(preset, sheets);
          for (const id of missing) {
            const deal = getPreset(id);
            if (!deal) return say(`The preset ${id} is missing from this version of the add-in.`);
            const out = await backend.insertDeal({ ...deal.deal }, deal);
            if (!out.ok) return say(out.reason);
          }
          await refresh();
          const { present } = presetPlan(preset, sheets);
          const date = parseIsoDate(runRate.value) ?? (parseIsoDate(DEFAULT_RUN_RATE_DATE) as CalendarDate);
          const out = await backend.insertPortfolio(presetRequest(preset, present, date));
          say(out.ok ? `Inserted “${preset.name}” (${present.length} deal sheets) as “${out.sheet}”.` : out.reason);
        } finally {
          busy(false);
        }
      }),
    );

    void refresh();
    // A deal inserted in the Deal tab shows here the next time the tab is opened.
    doc.getElementById("tab-portfolio")?.addEventListener("click", () => void refresh());
  },
};
