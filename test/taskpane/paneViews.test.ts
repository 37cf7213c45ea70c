/** The pane's DOM-free pieces: locale formatting, the theme choice, the sections and the hidden Deal groups. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { figureText } from "../../taskpane/model/preview";
import { DEAL_GROUPS } from "../../taskpane/ui/features";
import { formatter, paneLocale } from "../../taskpane/ui/format";
import { SECTIONS } from "../../taskpane/ui/shell";
import { luminance, themeFor } from "../../taskpane/ui/theme";

const html = readFileSync(path.resolve(__dirname, "../../taskpane/taskpane.html"), "utf8");

describe("figures in the user's locale", () => {
  it("takes Office's display language first, then the browser's, then en-US", () => {
    expect(paneLocale("de-DE", ["fr-FR"])).toBe("de-DE");
    expect(paneLocale(undefined, ["fr-FR"])).toBe("fr-FR");
    expect(paneLocale("", [])).toBe("en-US");
    expect(paneLocale("not a locale!", ["ja-JP"])).toBe("ja-JP");
  });

  it("formats money exactly to the cent, from the decimal string (no float rounding)", () => {
    const en = formatter("en-US");
    expect(en.figure({ kind: "money", amount: "9007199254740993.01" })).toBe("$9,007,199,254,740,993.01");
    expect(en.figure({ kind: "money", amount: "-12.50" })).toBe("-$12.50");
    expect(formatter("de-DE").figure({ kind: "money", amount: "1234.5" })).toBe("1.234,50\u00a0$");
  });

  it("formats a month in the locale, and keeps notes as they are", () => {
    expect(formatter("en-US").figure({ kind: "month", month: "2026-03" })).toBe("March 2026");
    expect(formatter("de-DE").figure({ kind: "month", month: "2026-03" })).toBe("März 2026");
    expect(formatter("en-US").figure({ kind: "note", text: "No prepayment" })).toBe("No prepayment");
    expect(formatter("en-US").figure({ kind: "uncredited", amount: "10.00" })).toBe(
      "Not fully credited: $10.00 left at the end",
    );
    expect(figureText({ kind: "uncredited", amount: "-1234.00" })).toBe(
      "Not fully credited: −$1,234.00 left at the end",
    );
  });
});

describe("the theme", () => {
  it("follows Office's background colour, and the browser's preference without one", () => {
    expect(luminance("#ffffff")).toBeCloseTo(1);
    expect(luminance("#000000")).toBe(0);
    expect(luminance("nope")).toBeNull();
    // Office's themes: White/Colorful, Dark Gray, Black.
    expect(themeFor("#FFFFFF", true)).toBe("light");
    expect(themeFor("#262626", false)).toBe("dark");
    expect(themeFor("#000000", false)).toBe("dark");
    expect(themeFor(undefined, true)).toBe("dark");
    expect(themeFor(undefined, false)).toBe("light");
  });
});

describe("the sections", () => {
  it("are Deal, Portfolio, Mining and Sensitivity, each with its tab tied to its panel in the page", () => {
    expect(SECTIONS.map((s) => s.id)).toEqual(["deal", "portfolio", "mining", "sensitivity"]);
    for (const { id } of SECTIONS) {
      expect(html).toContain(`<fluent-tab id="tab-${id}" aria-controls="panel-${id}">`);
      expect(html).toMatch(new RegExp(`id="panel-${id}"[^>]*role="tabpanel"[^>]*aria-labelledby="tab-${id}"`));
    }
  });

  it("show the Deal groups whose content has landed (capex, renewals): hidden in the page until the pane shows them", () => {
    expect(DEAL_GROUPS).toEqual({ capex: true, renewals: true });
    expect(html).toMatch(/<details id="group-capex"[^>]*hidden/);
    expect(html).toMatch(/<details id="group-renewals"[^>]*hidden/);
  });
});
