/*
 * The pane's entry point. In the shared runtime the functions bundle is on
 * the same page (loaded first); this bundle knows nothing of it. Outside
 * Office, Office.onReady resolves with host null: the pane still renders,
 * with no workbook, or with the one the preview page (preview/) gives it.
 */
import "@fluentui/web-components/button.js";
import "@fluentui/web-components/dialog.js";
import "@fluentui/web-components/dialog-body.js";
import "@fluentui/web-components/message-bar.js";
import "@fluentui/web-components/progress-bar.js";
import "@fluentui/web-components/tab.js";
import "@fluentui/web-components/tablist.js";
import { setTheme } from "@fluentui/web-components/theme/set-theme.js";
import { webDarkTheme, webLightTheme } from "@fluentui/tokens";
import { excelBackend, noWorkbook } from "./backend/excelBackend";
import { officeBackend } from "./backend/officeBackend";
import type { WorkbookBackend } from "./backend/types";
import type { DealPane } from "./ui/app";
import { formatter, paneLocale } from "./ui/format";
import { dealSection } from "./ui/sections/deal";
import { mountShell } from "./ui/shell";
import { themeFor } from "./ui/theme";

export { excelBackend, noWorkbook, officeBackend };

/** The backend for the host Office reports: Excel, or none. */
export function backendFor(host: Office.HostType | null | undefined): WorkbookBackend {
  if (host === Office.HostType.Excel) return officeBackend();
  return noWorkbook("Open this pane in Excel to insert deal sheets; the form, the preview and deal files work here.");
}

/** Office's context when the page runs in Office, else undefined. */
function officeContext(): Office.Context | undefined {
  return typeof Office === "undefined" ? undefined : (Office.context ?? undefined);
}

/**
 * Wears the host's theme: Office's (officeTheme) in Office, else the browser's colour scheme, followed
 * as it changes. Fluent's tokens carry it to every component and to taskpane.css.
 */
function applyTheme(doc: Document): void {
  const view = doc.defaultView;
  const media = view?.matchMedia?.("(prefers-color-scheme: dark)");
  const apply = () => {
    const choice = themeFor(officeContext()?.officeTheme?.bodyBackgroundColor, media?.matches ?? false);
    setTheme(choice === "dark" ? webDarkTheme : webLightTheme);
    doc.documentElement.dataset.theme = choice;
  };
  apply();
  media?.addEventListener?.("change", apply);
}

/** Renders the pane into the page with a backend. */
export function startPane(doc: Document, backend: WorkbookBackend): DealPane {
  applyTheme(doc);
  const view = doc.defaultView;
  const fmt = formatter(paneLocale(officeContext()?.displayLanguage, view?.navigator.languages ?? []));
  mountShell({ doc, backend, fmt });
  const pane = dealSection.pane();
  if (!pane) throw new Error("the Deal section did not mount");
  // The form is filled and every control wired: what "interactive" means to the benchmark and the browser tests.
  doc.body.dataset.ready = "true";
  return pane;
}

/**
 * Boots the pane once Office is ready: in Excel with the Office.js backend;
 * anywhere else with `outside()` when given (the preview page's workbook),
 * else with no workbook.
 */
export function bootPane(doc: Document, outside?: () => WorkbookBackend): void {
  if (typeof Office === "undefined") {
    startPane(doc, outside ? outside() : noWorkbook("Office.js did not load: no workbook."));
    return;
  }
  void Office.onReady((info) =>
    startPane(doc, outside && info.host !== Office.HostType.Excel ? outside() : backendFor(info.host)),
  );
}

// The add-in's page boots here. A page that embeds the pane with its own backend (the preview) sets
// <html data-pane-boot="manual"> and calls bootPane itself.
if (document.documentElement.dataset.paneBoot !== "manual") bootPane(document);
