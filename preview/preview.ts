/*
 * The preview page's entry (development builds only): the real task pane,
 * booted with a WorkbookBackend over a HyperFormula workbook, beside that
 * workbook's grid and chart. Office.js (a local copy) resolves Office.onReady
 * with no host here, so the pane takes the preview's backend.
 *
 * DEV ONLY: this bundle contains HyperFormula (GPL-3.0); the add-in's
 * bundles never do, and the production build has no preview entry.
 */
import { bootPane } from "../taskpane/taskpane";
import { byId } from "../taskpane/ui/dom";
import { hyperformulaBackend } from "./backend";
import { WorkbookView } from "./view";
import { PreviewWorkbook } from "./workbook";

const book = new PreviewWorkbook();
const view = new WorkbookView(book, {
  tabs: byId(document, "sheet-tabs"),
  grid: byId(document, "grid"),
  chart: byId(document, "chart"),
  status: byId(document, "workbook-note"),
});
view.render();
bootPane(document, () => hyperformulaBackend(book));
