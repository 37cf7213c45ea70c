import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DOCUMENTS, PRESETS } from "../../src/presets";

const SOURCES = readFileSync(join(__dirname, "../../docs/sources.md"), "utf8");

describe("docs/sources.md", () => {
  it("lists every document the presets may cite, with its issuer, date and address", () => {
    for (const d of DOCUMENTS) {
      const row = SOURCES.split("\n").find((line) => line.includes(`<${d.address}>`));
      expect([d.address, row !== undefined]).toEqual([d.address, true]);
      expect(row).toContain(d.issuer);
      expect(row).toContain(d.date);
      expect(row).toContain(d.kind);
    }
  });

  it("names every preset", () => {
    for (const p of PRESETS) {
      const named = SOURCES.includes(`\`${p.id}\``) || p.id.endsWith("-as-delivered");
      expect([p.id, named]).toEqual([p.id, true]);
    }
  });

  it("has one entry per address in the list of documents", () => {
    const addresses = DOCUMENTS.map((d) => d.address);
    expect(new Set(addresses).size).toBe(addresses.length);
  });
});
