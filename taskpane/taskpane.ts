/*
 * The pane's entry point: a placeholder until the deal pane lands. It knows
 * nothing of the custom functions, which the `functions` bundle registers on
 * the same page (the shared runtime). Its stylesheet is taskpane.css, linked
 * from taskpane.html.
 */

/** Shows that the add-in is ready; exported so that a test can call it with a stub document. */
export function showReady(doc: Document, host: Office.HostType | null): void {
  const status = doc.getElementById("status");
  if (status) {
    status.textContent =
      host === Office.HostType.Excel
        ? "Ready. Use the HPC functions, e.g. =HPC.HOSTINGCASHFLOW(A2:B16), in any cell."
        : "Open this add-in in Excel to use the HPC functions.";
  }
}

Office.onReady((info) => showReady(document, info.host));
