/**
 * Which add-in an exported workbook is tied to: the manifest's `<Id>` and
 * `<Version>`. A test checks these against manifest.xml, so the constant
 * cannot drift from it; a build for another channel (another manifest) can
 * read its own with `addinFromManifest`.
 */

export interface AddinReference {
  /** The manifest's `<Id>`, a GUID without braces. */
  readonly id: string;
  /** The manifest's `<Version>`, e.g. "0.1.0.0". */
  readonly version: string;
}

/** The add-in of manifest.xml. */
export const HPC_ADDIN: AddinReference = Object.freeze({
  id: "0c125c39-f05e-4d3d-96f0-1c08c697a496",
  version: "0.1.0.0",
});

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;

/** Checks an add-in reference: a GUID id and a dotted version, as the manifest schema has them. */
export function checkAddin(addin: AddinReference): AddinReference {
  if (!GUID.test(addin.id)) throw new RangeError(`add-in id must be a GUID, got ${JSON.stringify(addin.id)}`);
  if (!VERSION.test(addin.version)) {
    throw new RangeError(`add-in version must be like 1.0.0.0, got ${JSON.stringify(addin.version)}`);
  }
  return addin;
}

/** The `<Id>` and `<Version>` of an add-in manifest's XML (the OfficeApp's own, not a nested element's). */
export function addinFromManifest(xml: string): AddinReference {
  const withoutComments = xml.replace(/<!--[\s\S]*?-->/g, "");
  const id = /<(?:\w+:)?Id>\s*([^<]*?)\s*<\/(?:\w+:)?Id>/.exec(withoutComments)?.[1];
  const version = /<(?:\w+:)?Version>\s*([^<]*?)\s*<\/(?:\w+:)?Version>/.exec(withoutComments)?.[1];
  if (id === undefined || version === undefined) throw new RangeError("not an add-in manifest: no <Id> or <Version>");
  return checkAddin({ id, version });
}
