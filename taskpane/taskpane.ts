/*
 * The pane's entry point. In the shared runtime the functions bundle is on
 * the same page (loaded first); this bundle knows nothing of it. Outside
 * Office (the later preview serves this page too) Office.onReady resolves
 * with host null: the pane still renders, with no workbook.
 */
import "@fluentui/web-components/button.js";
import "@fluentui/web-components/dialog.js";
import "@fluentui/web-components/dialog-body.js";
import "@fluentui/web-components/message-bar.js";
import { setTheme } from "@fluentui/web-components/theme/set-theme.js";
import { webLightTheme } from "@fluentui/tokens";
import { excelBackend, noWorkbook } from "./backend/excelBackend";
import { officeBackend } from "./backend/officeBackend";
import type { WorkbookBackend } from "./backend/types";
import { DealPane } from "./ui/app";

export { excelBackend, noWorkbook, officeBackend };

/** The backend for the host Office reports: Excel, or none. */
export function backendFor(host: Office.HostType | null | undefined): WorkbookBackend {
  if (host === Office.HostType.Excel) return officeBackend();
  return noWorkbook("Open this pane in Excel to insert deal sheets; the form, the preview and deal files work here.");
}

/** Renders the pane into the page with a backend. */
export function startPane(doc: Document, backend: WorkbookBackend): DealPane {
  setTheme(webLightTheme);
  const root = doc.getElementById("app");
  if (!root) throw new Error("the pane's page has no #app");
  const pane = new DealPane(root, backend);
  pane.mount();
  return pane;
}

if (typeof Office !== "undefined") {
  void Office.onReady((info) => startPane(document, backendFor(info.host)));
} else {
  startPane(document, noWorkbook("Office.js did not load: no workbook."));
}
