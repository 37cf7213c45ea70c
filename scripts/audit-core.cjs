// The decision of `npm run audit` (scripts/audit.mjs), as a pure function so
// that a unit test can feed it every answer npm gives (test/fuzz/audit.test.ts).
//
// Policy: fail (exit 1) on a high or critical advisory in the runtime
// dependencies; when the advisory service cannot be asked or its answer
// cannot be read, say the check was skipped and why, and pass (exit 0): CI
// must not go red because a remote service is away.

/** Error codes of a check that could not reach, or was refused by, the advisory service. */
const UNAVAILABLE =
  /^(E[0-9]{3}|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ESOCKETTIMEDOUT|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|EPROTO|CERT_|UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO)/;

/** Local problems that no retry fixes: the check fails. */
const LOCAL = new Set(["ENOLOCK", "EUSAGE", "EJSONPARSE"]);

const BLOCKING = ["critical", "high"];

function skipped(reason) {
  return { exitCode: 0, outcome: "skipped", message: `npm audit: check skipped: ${reason}` };
}

function oneLine(text, max = 200) {
  const line = String(text ?? "")
    .replace(/\s+/g, " ")
    .trim();
  return line.length > max ? `${line.slice(0, max - 3)}...` : line;
}

/** The first JSON object in npm's standard output (npm prints one; warnings go to stderr). */
function parseJson(stdout) {
  const text = String(stdout ?? "").trim();
  if (text === "") return undefined;
  try {
    const value = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Why npm could not audit, from its JSON error or its stderr: a code and a summary. */
function errorOf(json, stderr) {
  if (json) {
    const e = json.error && typeof json.error === "object" ? json.error : undefined;
    const code =
      (e && typeof e.code === "string" && e.code) ||
      (typeof json.code === "string" && json.code) ||
      (Number.isInteger(json.statusCode) ? `E${json.statusCode}` : undefined);
    const summary = (e && (e.summary || e.detail)) || json.message || "";
    if (code || summary) return { code: code || "", summary: oneLine(summary) };
  }
  const text = String(stderr ?? "");
  const code = /\b(E[0-9]{3}|E[A-Z_]{3,})\b/.exec(text);
  const status = /\b([45][0-9]{2}) [A-Z][A-Za-z ]+/.exec(text);
  if (code || status) return { code: code ? code[1] : `E${status[1]}`, summary: oneLine(text) };
  return undefined;
}

/**
 * What to do with one run of `npm audit --omit=dev --json`.
 * @param {{status?: number|null, stdout?: string, stderr?: string, timedOut?: boolean, spawnError?: {code?: string, message?: string}}} run
 * @returns {{exitCode: 0|1, outcome: "passed"|"failed"|"skipped", message: string}}
 */
function decide(run) {
  if (run.spawnError) {
    if (run.spawnError.code === "ETIMEDOUT" || run.timedOut) return skipped("npm audit did not answer in time");
    return skipped(`npm could not be run (${oneLine(run.spawnError.code || run.spawnError.message)})`);
  }
  if (run.timedOut) return skipped("npm audit did not answer in time");
  const json = parseJson(run.stdout);
  const counts = json && json.metadata && json.metadata.vulnerabilities;
  if (counts && typeof counts === "object" && BLOCKING.every((s) => Number.isInteger(counts[s]) && counts[s] >= 0)) {
    const vulns = json.vulnerabilities && typeof json.vulnerabilities === "object" ? json.vulnerabilities : {};
    const blocking = Object.entries(vulns)
      .filter(([, v]) => v && BLOCKING.includes(v.severity))
      .map(([name, v]) => `${name} (${v.severity})`)
      .sort();
    const total = counts.critical + counts.high;
    const others = ["moderate", "low", "info"]
      .filter((s) => Number.isInteger(counts[s]) && counts[s] > 0)
      .map((s) => `${counts[s]} ${s}`);
    if (total > 0) {
      return {
        exitCode: 1,
        outcome: "failed",
        message: `npm audit: ${counts.critical} critical and ${counts.high} high advisories in runtime dependencies: ${blocking.join(", ") || "see npm audit"}`,
      };
    }
    return {
      exitCode: 0,
      outcome: "passed",
      message: `npm audit: no high or critical advisories in runtime dependencies${others.length ? ` (${others.join(", ")}: not blocking)` : ""}`,
    };
  }
  const error = errorOf(json, run.stderr);
  if (error && LOCAL.has(error.code)) {
    return {
      exitCode: 1,
      outcome: "failed",
      message: `npm audit could not run: ${error.code} ${error.summary}`.trim(),
    };
  }
  if (error) {
    const why = UNAVAILABLE.test(error.code) ? "the advisory service is unavailable" : "npm audit failed";
    return skipped(`${why} (${[error.code, error.summary].filter(Boolean).join(": ")})`);
  }
  if (json === undefined) {
    return skipped(
      `npm audit gave no readable report (exit ${run.status ?? "unknown"}${run.stdout ? `, output: ${oneLine(run.stdout, 80)}` : ""})`,
    );
  }
  return skipped("npm audit's report has no advisory counts (metadata.vulnerabilities)");
}

module.exports = { decide };
