import { PRESETS } from "../../src/presets";
import { presetDocuments, provenanceLines } from "../../taskpane/model/presets";

describe.each(PRESETS.map((p) => [p.id, p] as const))("the pane's provenance of %s", (_id, preset) => {
  const lines = provenanceLines(preset);

  it("shows every reported figure with its document's label and address", () => {
    for (const line of lines.filter((l) => l.status === "reported")) {
      expect([line.key, line.documents.length > 0]).toEqual([line.key, true]);
      for (const d of line.documents) {
        expect(line.text).toContain(d.address);
        expect(line.text).toContain(d.label);
        expect(d.address).toMatch(/^https:\/\//);
      }
    }
  });

  it("lists the preset's documents for a sources list", () => {
    const docs = presetDocuments(preset);
    expect(docs.length).toBeGreaterThan(0);
    const addresses = lines.flatMap((l) => l.documents.map((d) => d.address));
    for (const address of addresses) expect(docs.map((d) => d.address)).toContain(address);
  });
});
