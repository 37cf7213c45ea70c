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

/**
 * Where the recipients get the add-in from, which the live workbook's
 * web-extension reference must name for Excel to find it and open its pane
 * ("Automatically open a task pane with a document", Office Add-ins docs):
 *
 * - `sideload`: a developer sideload (storeType Registry, store "developer");
 *   the default, and the only one that works on a machine where the add-in
 *   was sideloaded and nowhere else.
 * - `centralized`: Centralized Deployment from the Microsoft 365 admin
 *   center (storeType and store "EXCatalog"), with the manifest's id.
 * - `appsource`: AppSource (storeType OMEX), with the add-in's AppSource
 *   asset id (WA…), its AppSource version and a store locale.
 * - `fileshare`: a shared-folder catalog (storeType FileSystem), the store
 *   being the share's UNC path, with the manifest's id.
 */
export type AddinDeployment =
  | { readonly kind: "sideload" }
  | { readonly kind: "centralized" }
  | { readonly kind: "appsource"; readonly assetId: string; readonly version: string; readonly locale: string }
  | { readonly kind: "fileshare"; readonly path: string };

export const DEFAULT_DEPLOYMENT: AddinDeployment = Object.freeze({ kind: "sideload" });

/** The attributes of `<we:reference>` for an add-in as deployed. */
export interface StoreReference {
  readonly id: string;
  readonly version: string;
  readonly store: string;
  readonly storeType: "Registry" | "EXCatalog" | "OMEX" | "FileSystem";
}

const ASSET_ID = /^WA\d{9}$/i;
const LOCALE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;
const UNC = /^\\\\[^\\/:*?"<>|]+\\[^/:*?"<>|]+$/;

/** The reference of the add-in as deployed; throws a RangeError naming what is wrong. */
export function storeReference(
  addin: AddinReference,
  deployment: AddinDeployment = DEFAULT_DEPLOYMENT,
): StoreReference {
  checkAddin(addin);
  switch (deployment.kind) {
    case "sideload":
      return { id: addin.id, version: addin.version, store: "developer", storeType: "Registry" };
    case "centralized":
      return { id: addin.id, version: addin.version, store: "EXCatalog", storeType: "EXCatalog" };
    case "appsource":
      if (!ASSET_ID.test(deployment.assetId)) {
        throw new RangeError(`AppSource asset id must be like WA104380862, got ${JSON.stringify(deployment.assetId)}`);
      }
      if (!VERSION.test(deployment.version)) {
        throw new RangeError(`AppSource version must be like 1.0.0.0, got ${JSON.stringify(deployment.version)}`);
      }
      if (!LOCALE.test(deployment.locale)) {
        throw new RangeError(`AppSource locale must be like en-US, got ${JSON.stringify(deployment.locale)}`);
      }
      return {
        id: deployment.assetId.toUpperCase(),
        version: deployment.version,
        store: deployment.locale,
        storeType: "OMEX",
      };
    case "fileshare":
      if (!UNC.test(deployment.path)) {
        throw new RangeError(
          `file share must be a UNC path like \\\\server\\share, got ${JSON.stringify(deployment.path)}`,
        );
      }
      return { id: addin.id, version: addin.version, store: deployment.path, storeType: "FileSystem" };
  }
}

/**
 * A deployment as typed on the command line: `sideload`, `centralized`,
 * `appsource:WA104380862@1.0.0.0[:en-US]` or `fileshare:\\server\share`.
 */
export function parseDeployment(text: string): AddinDeployment {
  if (text === "sideload" || text === "centralized") return { kind: text };
  const appsource = /^appsource:([^@:]+)@([^:]+)(?::(.+))?$/.exec(text);
  if (appsource) {
    const deployment: AddinDeployment = {
      kind: "appsource",
      assetId: appsource[1],
      version: appsource[2],
      locale: appsource[3] ?? "en-US",
    };
    storeReference(HPC_ADDIN, deployment);
    return deployment;
  }
  if (text.startsWith("fileshare:")) {
    const deployment: AddinDeployment = { kind: "fileshare", path: text.slice("fileshare:".length) };
    storeReference(HPC_ADDIN, deployment);
    return deployment;
  }
  throw new RangeError(
    `deployment must be sideload, centralized, appsource:ASSETID@VERSION[:LOCALE] or fileshare:\\\\server\\share, got ${JSON.stringify(text)}`,
  );
}
