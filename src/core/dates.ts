/**
 * Calendar dates without time zones. Dates are plain {year, month, day}
 * values; months are counted as `year * 12 + (month - 1)` so that month
 * arithmetic is integer arithmetic.
 */
export interface CalendarDate {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number; // 1..31
}

export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;

/** Excel's last date, 9999-12-31. */
export const MAX_EXCEL_SERIAL = 2958465;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function makeDate(year: number, month: number, day: number): CalendarDate | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return Object.freeze({ year, month, day });
}

/** Parses a strict ISO `YYYY-MM-DD` date; undefined when it is not one. */
export function parseIsoDate(text: string): CalendarDate | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

export function formatIsoDate(d: CalendarDate): string {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

/** Months since year 0: comparable and subtractable. */
export function monthIndex(d: CalendarDate): number {
  return d.year * 12 + (d.month - 1);
}

/** The first day of the month with the given month index. */
export function monthStart(index: number): CalendarDate {
  const year = Math.floor(index / 12);
  return Object.freeze({ year, month: index - year * 12 + 1, day: 1 });
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
export function epochDay(d: CalendarDate): number {
  const y = d.month <= 2 ? d.year - 1 : d.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (d.month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromEpochDay(days: number): CalendarDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return Object.freeze({ year, month, day });
}

// Excel's serial 1 is 1900-01-01 and it counts a 29 February 1900 that never
// was (serial 60). From 1900-03-01 (serial 61) on, serial = days since 1899-12-30.
const EXCEL_EPOCH_OFFSET = 25569; // serial of 1970-01-01

/** The Excel date serial of a date (1900 date system). */
export function toExcelSerial(d: CalendarDate): number {
  const serial = epochDay(d) + EXCEL_EPOCH_OFFSET;
  return serial < 61 ? serial - 1 : serial;
}

/**
 * The date of an Excel serial (1900 date system). A fractional serial is a
 * date-time: its date is the whole part, as Excel's INT. Undefined for
 * serials outside 1..2958465 and for the phantom 1900-02-29 (serial 60).
 */
export function fromExcelSerial(serial: number): CalendarDate | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > MAX_EXCEL_SERIAL || whole === 60) return undefined;
  return fromEpochDay((whole < 60 ? whole + 1 : whole) - EXCEL_EPOCH_OFFSET);
}

/** Days from a to b (b - a). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return epochDay(b) - epochDay(a);
}
