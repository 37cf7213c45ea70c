import fc from "fast-check";
import { decide } from "../../scripts/audit-core.cjs";

/** The decision of npm run audit, on the answers npm gives (recorded from npm 10–11). */

const report = (counts: Record<string, number>, vulnerabilities: Record<string, { severity: string }> = {}) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0, ...counts } },
  });

const npmError = (code: string, summary: string) => JSON.stringify({ error: { code, summary, detail: "" } });

describe("npm run audit's decision", () => {
  it("passes a clean report and says what is not blocking", () => {
    expect(decide({ status: 0, stdout: report({}) })).toMatchObject({ exitCode: 0, outcome: "passed" });
    const moderate = decide({ status: 1, stdout: report({ moderate: 2, low: 1 }) });
    expect(moderate).toMatchObject({ exitCode: 0, outcome: "passed" });
    expect(moderate.message).toContain("2 moderate, 1 low");
  });

  it("fails on a high or critical advisory, naming the packages", () => {
    const r = decide({
      status: 1,
      stdout: report(
        { high: 1, critical: 1 },
        { jszip: { severity: "high" }, exceljs: { severity: "critical" }, x: { severity: "low" } },
      ),
    });
    expect(r).toMatchObject({ exitCode: 1, outcome: "failed" });
    expect(r.message).toBe(
      "npm audit: 1 critical and 1 high advisories in runtime dependencies: exceljs (critical), jszip (high)",
    );
  });

  it.each([
    [
      "the registry refuses the bulk endpoint",
      {
        status: 1,
        stdout: JSON.stringify({
          message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
          statusCode: 405,
          body: "",
        }),
      },
      "E405",
    ],
    [
      "403",
      {
        status: 1,
        stdout: npmError("E403", "403 Forbidden - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk"),
      },
      "E403",
    ],
    ["400", { status: 1, stdout: npmError("E400", "400 Bad Request") }, "E400"],
    [
      "DNS",
      {
        status: 1,
        stdout: npmError("ENOTFOUND", "request to https://registry.npmjs.org failed, reason: getaddrinfo ENOTFOUND"),
      },
      "ENOTFOUND",
    ],
    ["refused", { status: 1, stdout: npmError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:443") }, "ECONNREFUSED"],
    ["network timeout", { status: 1, stdout: npmError("ETIMEDOUT", "network timeout") }, "ETIMEDOUT"],
    [
      "no JSON, only stderr",
      { status: 1, stdout: "", stderr: "npm error code ENOTFOUND\nnpm error network request failed" },
      "ENOTFOUND",
    ],
    [
      "a 503 on stderr",
      { status: 1, stdout: "", stderr: "npm warn audit 503 Service Unavailable - POST https://..." },
      "E503",
    ],
  ])("skips, saying why, when %s", (_what, run, code) => {
    const r = decide(run);
    expect(r).toMatchObject({ exitCode: 0, outcome: "skipped" });
    expect(r.message).toMatch(/^npm audit: check skipped: the advisory service is unavailable/);
    expect(r.message).toContain(code);
  });

  it("skips when npm does not answer in time, cannot be run, or prints no report", () => {
    expect(decide({ timedOut: true })).toMatchObject({
      exitCode: 0,
      message: "npm audit: check skipped: npm audit did not answer in time",
    });
    expect(decide({ spawnError: { code: "ETIMEDOUT" } }).message).toContain("did not answer in time");
    expect(decide({ spawnError: { code: "ENOENT", message: "spawn npm ENOENT" } }).message).toContain(
      "npm could not be run (ENOENT)",
    );
    expect(decide({ status: 0, stdout: "" }).message).toContain("no readable report");
    expect(decide({ status: 0, stdout: "<html>proxy</html>" }).message).toContain("no readable report");
    expect(decide({ status: 0, stdout: "{}" }).message).toContain("no advisory counts");
    expect(
      decide({ status: 0, stdout: JSON.stringify({ metadata: { vulnerabilities: { high: "1" } } }) }).outcome,
    ).toBe("skipped");
  });

  it("fails on a local problem no retry fixes", () => {
    expect(
      decide({ status: 1, stdout: npmError("ENOLOCK", "This command requires an existing lockfile.") }),
    ).toMatchObject({ exitCode: 1, outcome: "failed" });
  });

  it("never throws, and never passes a report it cannot read as clean", () => {
    const counter = { runs: 0 };
    fc.assert(
      fc.property(
        fc.record(
          {
            status: fc.option(fc.integer({ min: 0, max: 255 })),
            stdout: fc.oneof(
              fc.string(),
              fc.json(),
              fc.jsonValue().map((v) => JSON.stringify({ metadata: { vulnerabilities: v } })),
            ),
            stderr: fc.string(),
            timedOut: fc.boolean(),
          },
          { requiredKeys: [] },
        ),
        (run) => {
          counter.runs++;
          const r = decide(run);
          expect([0, 1]).toContain(r.exitCode);
          expect(r.message).toMatch(/^npm audit/);
          if (r.outcome === "passed") expect(r.message).toContain("no high or critical");
        },
      ),
      { numRuns: 300 },
    );
    expect(counter.runs).toBe(300);
  });
});
