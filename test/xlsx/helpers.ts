/** Reading an exported workbook back, and the CLI's figures to compare it with. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { Decimal, formatIsoDate, fromExcelSerial } from "../../src/core";
import { main } from "../../src/cli/main";
import { SUMMARY_ROWS, parseCell, type SheetPlan, type SummaryKey } from "../../src/plan";

export const AS_OF = Object.freeze({ year: 2026, month: 3, day: 15 });
export const AS_OF_ISO = "2026-03-15";

/** A reopened workbook's sheet, and its XML (exceljs 4.4 drops a formula's cached 0 on reading: see `shown`). */
export interface Reopened {
  readonly ws: ExcelJS.Worksheet;
  readonly sheetXml: string;
}

export async function openWorkbook(bytes: Uint8Array): Promise<Reopened> {
  const wb = new ExcelJS.Workbook();
  // exceljs's typings want its own Buffer type; JSZip underneath takes an ArrayBuffer.
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error("no worksheet");
  const sheet = (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet1.xml");
  if (!sheet) throw new Error("no sheet1.xml");
  return { ws, sheetXml: await sheet.async("string") };
}

/** Every sheet of a workbook, in order (sheetN.xml is the N-th sheet exceljs wrote). */
export async function openSheets(bytes: Uint8Array): Promise<Reopened[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const zip = await JSZip.loadAsync(bytes);
  return Promise.all(
    wb.worksheets.map(async (ws, i) => {
      const sheet = zip.file(`xl/worksheets/sheet${i + 1}.xml`);
      if (!sheet) throw new Error(`no sheet${i + 1}.xml`);
      return { ws, sheetXml: await sheet.async("string") };
    }),
  );
}

/** The cached `<v>` of a formula cell, read from the sheet's XML. */
function cachedInXml(sheetXml: string, ref: string): number | undefined {
  const m = new RegExp(`<c r="${ref}"(?: [^>]*)?><f[^>]*>[^<]*</f><v>([^<]*)</v>`).exec(sheetXml);
  return m ? Number(m[1]) : undefined;
}

/** exceljs reads a date-formatted number as a Date (UTC midnight): back to the Excel serial. */
export function plain(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 86400000 + 25569;
  return value;
}

/** A cell's shown value: a formula's cached result, else its value; dates as serials. */
export function shown({ ws, sheetXml }: Reopened, ref: string): unknown {
  const v = ws.getCell(ref).value;
  if (v !== null && typeof v === "object" && "formula" in v) {
    // exceljs 4.4 reads `<f>…</f><v>0</v>` with no result: take a cached 0 from the XML itself.
    if (v.result === undefined) return cachedInXml(sheetXml, ref) === 0 ? 0 : undefined;
    return plain(v.result);
  }
  return plain(v);
}

export function cents(x: unknown): string {
  if (typeof x !== "number") throw new Error(`expected a number, got ${JSON.stringify(x)}`);
  return new Decimal(x).toFixed(2, Decimal.ROUND_HALF_UP);
}

export function isoOf(serial: unknown): string {
  const d = typeof serial === "number" ? fromExcelSerial(serial) : undefined;
  if (!d) throw new Error(`not a date serial: ${JSON.stringify(serial)}`);
  return formatIsoDate(d);
}

export function summaryRef(plan: SheetPlan, key: SummaryKey): string {
  const first = parseCell(plan.deal.layout.summary.ref.split(":")[0])?.row ?? 0;
  return `B${first + SUMMARY_ROWS.findIndex((r) => r.key === key)}`;
}

/** The CLI's answers in this test file, by arguments and deal (tests of one file often ask the same). */
const answers = new Map<string, Promise<string>>();

/** Runs the CLI in-process on a deal (once per arguments and deal in a test file); resolves to its standard output. */
export function cli(args: string[], deal: unknown): Promise<string> {
  const key = JSON.stringify([args, deal]);
  let answer = answers.get(key);
  if (!answer) answers.set(key, (answer = runCli(args, deal)));
  return answer;
}

async function runCli(args: string[], deal: unknown): Promise<string> {
  let out = "";
  let err = "";
  const code = await main(args, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    readInput: async () => JSON.stringify(deal),
  });
  if (code !== 0) throw new Error(`hpc-deal ${args.join(" ")} exited ${code}: ${err}`);
  return out;
}

export interface CliFigures {
  readonly summary: Record<string, string>;
  readonly schedule: string[][];
  readonly remaining: string;
}

/** The CLI's summary, schedule (CSV rows, header dropped) and prepayment remaining at AS_OF. */
export async function cliFigures(deal: unknown): Promise<CliFigures> {
  const summary = JSON.parse(await cli(["summary", "deal.json"], deal)) as Record<string, string>;
  const csv = await cli(["schedule", "deal.json"], deal);
  const schedule = csv
    .trimEnd()
    .split("\n")
    .slice(1)
    .map((line) => line.split(","));
  const remaining = (await cli(["remaining", "deal.json", AS_OF_ISO], deal)).trim();
  return { summary, schedule, remaining };
}
