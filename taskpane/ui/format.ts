/**
 * Figures as the user reads them: money and months formatted with Intl in the locale of Office's
 * display language (Office.context.displayLanguage), or the browser's outside Office. Only the pane's
 * text: the sheet keeps numbers with number formats. No DOM.
 */
import { figureText, type Figure } from "../model/preview";

export interface Formatter {
  readonly locale: string;
  figure(f: Figure): string;
}

/** The locale to format in: Office's display language when there is one, else the browser's, else en-US. */
export function paneLocale(displayLanguage: string | undefined, browser: readonly string[] = []): string {
  for (const candidate of [displayLanguage, ...browser]) {
    if (!candidate) continue;
    try {
      const [supported] = Intl.NumberFormat.supportedLocalesOf([candidate]);
      if (supported) return supported;
    } catch {
      // A malformed tag (RangeError): try the next one.
    }
  }
  return "en-US";
}

export function formatter(locale: string): Formatter {
  // Intl formats a decimal string exactly (no float round trip) where it implements
  // Intl.NumberFormat v3; elsewhere the string becomes a double, still exact to the cent below 2^53 cents.
  const money = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const month = new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", timeZone: "UTC" });
  const amount = (a: string) => money.format(a as unknown as number);
  return {
    locale,
    figure(f: Figure): string {
      switch (f.kind) {
        case "money":
          return amount(f.amount);
        case "uncredited":
          return `Not fully credited: ${amount(f.amount)} left at the end`;
        case "month": {
          const [y, m] = f.month.split("-").map(Number);
          return Number.isInteger(y) && Number.isInteger(m) ? month.format(Date.UTC(y, m - 1, 1)) : figureText(f);
        }
        case "note":
          return f.text;
      }
    },
  };
}
