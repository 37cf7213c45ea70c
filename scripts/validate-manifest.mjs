#!/usr/bin/env node
// npm run validate [-- --production] [-- path/to/manifest.xml]
//
// Validates the add-in manifest with Microsoft's Office manifest validator
// (office-addin-manifest), which posts the file to an online service
// (validationgateway.omex.office.net). Offline, or when the service is down,
// that cannot run: this script then says so and exits 0 with "skipped"
// (after checking, offline, that the file parses as an add-in manifest).
// A manifest the service rejects exits 1.
//
// It calls the library rather than the office-addin-manifest binary: the
// same code, without depending on the binary's execute bit. Usage data: the
// installed office-addin-usage-data versions (2.x, 3.x) no longer report
// anything (every call is a no-op) and never prompt, so nothing to turn off.
import { createRequire } from "node:module";
import { resolve } from "node:path";

const require = createRequire(import.meta.url);
const { OfficeAddinManifest, validateManifest } = require("office-addin-manifest");

const SERVICE = "validationgateway.omex.office.net";
const TIMEOUT_MS = Number(process.env.MANIFEST_VALIDATION_TIMEOUT_MS) || 30_000;
const UNREACHABLE_STATUSES = new Set([407, 408, 429, 500, 502, 503, 504]);

const args = process.argv.slice(2);
const production = args.includes("--production");
const manifestPath = resolve(args.find((a) => !a.startsWith("--")) ?? "manifest.xml");

function skipped(reason) {
  console.log(`Manifest validation skipped: ${reason}`);
  console.log(`The Office manifest validator needs the network (https://${SERVICE}); run \`npm run validate\` online.`);
  process.exit(0);
}

function list(title, items) {
  for (const item of items ?? []) {
    const where = item.line ? ` (line ${item.line}${item.column ? `, column ${item.column}` : ""})` : "";
    console.log(`${title}: ${item.title ?? ""}${item.title && item.content ? " - " : ""}${item.content ?? ""}${where}`);
  }
}

let info;
try {
  info = await OfficeAddinManifest.readManifestFile(manifestPath);
} catch (err) {
  console.error(`The manifest could not be read: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
console.log(`Manifest ${manifestPath}: ${info.displayName} ${info.version} (${info.officeAppType}), parsed locally.`);

const timeout = new Promise((resolveTimeout) => setTimeout(() => resolveTimeout("timeout"), TIMEOUT_MS).unref());
let validation;
try {
  validation = await Promise.race([validateManifest(manifestPath, production), timeout]);
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  if (/Unable to contact the manifest validation service/i.test(message)) {
    skipped(
      `the validation service is unreachable (${message.split("\n").slice(1).join(" ").trim() || "no network"}).`,
    );
  }
  console.error(`Manifest validation failed: ${message}`);
  process.exit(1);
}
if (validation === "timeout") skipped(`the validation service did not answer within ${TIMEOUT_MS / 1000} s.`);

if (validation.status && validation.status !== 200) {
  if (UNREACHABLE_STATUSES.has(validation.status)) {
    skipped(`the validation service answered ${validation.status} ${validation.statusText ?? ""}.`);
  }
  console.error(`The validation service refused the manifest: ${validation.status} ${validation.statusText ?? ""}`);
  process.exit(1);
}

const report = validation.report ?? {};
list("Note", report.notes);
list("Warning", report.warnings);
list("Error", report.errors);
if (validation.isValid) {
  console.log("The manifest is valid.");
  process.exit(0);
}
console.error("The manifest is not valid.");
process.exit(1);
