// The localhost certificate for the dev server (webpack.config.js) and `npm start`:
// office-addin-dev-certs' certificate, trusted where it can add its CA to the system's store,
// and otherwise generated and used untrusted (Linux without sudo: the browser shows a warning
// once; Office refuses the add-in until the CA is trusted by hand).
"use strict";
const { existsSync, readFileSync } = require("node:fs");

function devCerts() {
  return {
    main: require("office-addin-dev-certs"),
    defaults: require("office-addin-dev-certs/lib/defaults.js"),
    generate: require("office-addin-dev-certs/lib/generate.js"),
    verify: require("office-addin-dev-certs/lib/verify.js"),
  };
}

function firstLine(err) {
  return (err instanceof Error ? err.message : String(err)).split("\n")[0];
}

/**
 * The certificate to serve https://localhost with: `{ ca, cert, key, caPath, trusted, reason }`.
 * `install` tries to trust the CA first (which may ask for a sudo password); without it an
 * already trusted certificate is used, else the generated one, as is.
 */
async function localhostCertificate({ install = true } = {}) {
  const { main, defaults, generate, verify } = devCerts();
  const paths = {
    ca: defaults.caCertificatePath,
    cert: defaults.localhostCertificatePath,
    key: defaults.localhostKeyPath,
  };
  let trusted = false;
  let reason = "";
  try {
    if (install) await main.ensureCertificatesAreInstalled();
    trusted = install || verify.verifyCertificates();
    if (!trusted) reason = "its CA is not in this system's trust store";
  } catch (err) {
    reason = firstLine(err);
  }
  if (!existsSync(paths.ca) || !existsSync(paths.cert) || !existsSync(paths.key)) {
    await generate.generateCertificates(paths.ca, paths.cert, paths.key);
  }
  return {
    ca: readFileSync(paths.ca),
    cert: readFileSync(paths.cert),
    key: readFileSync(paths.key),
    caPath: paths.ca,
    trusted,
    reason,
  };
}

/** How to trust the CA by hand, for the message when it is not trusted. */
function trustInstructions(caPath, port) {
  return [
    `  Debian/Ubuntu: sudo cp ${caPath} /usr/local/share/ca-certificates/office-addin-dev-ca.crt && sudo update-ca-certificates`,
    `  Chrome/Chromium: Settings › Privacy and security › Security › Manage certificates › Authorities › Import ${caPath}`,
    `  or open https://localhost:${port}/ once and accept the warning (enough for the preview, not for Office).`,
  ].join("\n");
}

module.exports = { localhostCertificate, trustInstructions };
