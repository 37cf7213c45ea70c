import { readFileSync } from "node:fs";
import path from "node:path";
import { HPC_ADDIN, addinFromManifest, checkAddin } from "../../src/xlsx";

describe("the add-in an export is tied to", () => {
  it("is manifest.xml's <Id> and <Version> (the constant cannot drift from the manifest)", () => {
    const xml = readFileSync(path.resolve(__dirname, "../../manifest.xml"), "utf8");
    expect(addinFromManifest(xml)).toEqual(HPC_ADDIN);
  });

  it("reads the OfficeApp's own Id, not one in a comment", () => {
    const xml =
      "<!-- <Id>not-this</Id> --><OfficeApp><Id>00000000-0000-0000-0000-000000000001</Id><Version>1.0.0.0</Version></OfficeApp>";
    expect(addinFromManifest(xml)).toEqual({ id: "00000000-0000-0000-0000-000000000001", version: "1.0.0.0" });
  });

  it("refuses what is not a GUID and a version", () => {
    expect(() => addinFromManifest("<OfficeApp/>")).toThrow("no <Id>");
    expect(() => checkAddin({ id: "wa104380862", version: "1.0.0.0" })).toThrow("GUID");
    expect(() => checkAddin({ id: HPC_ADDIN.id, version: "v1" })).toThrow("version");
  });
});
