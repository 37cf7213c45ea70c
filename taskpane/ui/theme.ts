/**
 * Which Fluent theme the pane wears: the host's. In Office, Office.context.officeTheme gives the
 * pane's background colour (dark in Office's Black and Dark Gray themes, and in dark mode);
 * outside Office, the browser's prefers-color-scheme. Forced colours (Windows high contrast) are
 * the CSS's job (taskpane.css, @media (forced-colors: active)): the system colours win there.
 */

export type ThemeChoice = "light" | "dark";

/** The relative luminance (WCAG) of a "#rrggbb" colour, or null when it is not one. */
export function luminance(hex: string | undefined): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex?.trim() ?? "");
  if (!m) return null;
  const channel = (i: number) => {
    const c = parseInt(m[1].slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/**
 * The theme for a host background colour (Office's officeTheme.bodyBackgroundColor), falling back to
 * the browser's preference when Office gives none.
 */
export function themeFor(officeBackground: string | undefined, prefersDark: boolean): ThemeChoice {
  const l = luminance(officeBackground);
  if (l === null) return prefersDark ? "dark" : "light";
  return l < 0.2 ? "dark" : "light";
}
