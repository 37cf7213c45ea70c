/**
 * The pane's .xlsx export: the same sheet plan as Insert, written by the
 * xlsx writer (src/xlsx). exceljs is large, so the writer is loaded on first
 * use as its own chunk: the pane's start-up bundle stays small (the
 * deployment parsing below imports src/xlsx/addin.ts only, which has no
 * exceljs).
 */
import { type CalendarDate, type DealFile } from "../../src/core";
import { planDeal, type PresetInfo } from "../../src/plan";
import { DEFAULT_DEPLOYMENT, parseDeployment, type AddinDeployment } from "../../src/xlsx/addin";
import { fileStem } from "./dealFileIO";

export type XlsxMode = "live" | "values";

/** Today as a calendar date (the as-of date of PREPAYREMAINING(…, TODAY()) in the file). */
export function today(now: Date = new Date()): CalendarDate {
  return Object.freeze({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}

/** The file name for an export: the sheet's name made safe, and which copy it is. */
export function xlsxFileName(sheet: string, mode: XlsxMode): string {
  return `${fileStem(sheet) || "deal"}${mode === "values" ? "-values" : ""}.xlsx`;
}

/**
 * The deployment the pane is running from, as its manifest says: the
 * publisher of each channel's manifest puts `?deployment=centralized` (or
 * `appsource:WA…@1.0.0.0:en-US`, `fileshare:\\server\share`) on the task
 * pane's SourceLocation, and live exports then name the same store, so that
 * they open live wherever the add-in is installed that way. No parameter:
 * a developer sideload (manifest.xml's). A parameter that is not a
 * deployment throws (the publisher's mistake, shown when exporting).
 */
export function deploymentFromUrl(search: string): AddinDeployment {
  const value = new URLSearchParams(search).get("deployment");
  return value === null || value === "" ? DEFAULT_DEPLOYMENT : parseDeployment(value);
}

/** Writes the deal's model as an .xlsx file: the bytes and a file name. */
export async function exportDealXlsx(
  deal: DealFile,
  preset: PresetInfo | undefined,
  mode: XlsxMode,
  asOf: CalendarDate = today(),
  deployment: AddinDeployment = DEFAULT_DEPLOYMENT,
): Promise<{ bytes: Uint8Array; name: string }> {
  const planned = planDeal(deal, { preset });
  if (!planned.ok) throw planned.error;
  const plan = planned.value;
  const { exportPlanXlsx } = await import(/* webpackChunkName: "xlsx" */ "../../src/xlsx");
  const bytes = await exportPlanXlsx(plan, { mode, asOf, deployment });
  return { bytes, name: xlsxFileName(plan.sheet, mode) };
}

/** What the pane needs of its host to hand over an exported file. */
export interface XlsxHost {
  /** Office.context.platform: "OfficeOnline", "PC", "Mac", "iOS", … */
  readonly platform: string;
  supports(set: string, version: string): boolean;
  /** Excel.createWorkbook (ExcelApi 1.8): opens a new workbook from an .xlsx's base64. */
  createWorkbook(base64: string): Promise<void>;
}

/** The Office host, or undefined outside Office (office.js loaded in a plain page has no platform). */
export function officeXlsxHost(): XlsxHost | undefined {
  if (typeof Office === "undefined" || typeof Excel === "undefined") return undefined;
  const context = Office.context as Partial<typeof Office.context> | undefined;
  if (!context?.requirements || !context.platform) return undefined;
  return {
    platform: String(context.platform),
    supports: (set, version) => Office.context.requirements.isSetSupported(set, version),
    createWorkbook: (base64) => Excel.createWorkbook(base64),
  };
}

/** Bytes as base64, without Node's Buffer (the pane runs in a browser). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/**
 * Hands an export to the user. In desktop Excel (Windows, Mac) with
 * ExcelApi 1.8 the model opens as a new workbook (Excel.createWorkbook): a
 * blob link with `download` does nothing in the Mac's WKWebView (office-js
 * #2700) and may be blocked on Windows; the user saves it from Excel. In
 * Excel on the web and outside Office, where downloads work, the file is
 * downloaded. Returns the message for the pane.
 */
export async function deliverXlsx(
  out: { bytes: Uint8Array; name: string },
  host: XlsxHost | undefined,
  download: (bytes: Uint8Array, name: string) => void,
): Promise<string> {
  const desktop = host !== undefined && host.platform !== "OfficeOnline";
  if (desktop && host.supports("ExcelApi", "1.8")) {
    await host.createWorkbook(toBase64(out.bytes));
    return `Opened the model as a new workbook: save it from Excel (suggested name ${out.name}).`;
  }
  download(out.bytes, out.name);
  return host === undefined || host.platform === "OfficeOnline"
    ? `Downloaded ${out.name}.`
    : `Downloaded ${out.name}. If nothing was saved, this Excel blocks downloads from add-ins: use Excel on the web or \`hpc-deal xlsx\`.`;
}
