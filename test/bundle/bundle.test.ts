/**
 * The built functions bundle, as Excel's runtime loads it: in a bare
 * JavaScript sandbox (node:vm) whose only host global is `CustomFunctions`.
 */
import { readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { buildAddin, webpackConfigModule } from "../support/buildAddin";
import { CustomFunctionsError, makeCustomFunctionsShim } from "../support/customFunctionsShim";
import { serial, workedCheckTerms } from "../support/deals";

// A production webpack build: ~25 s on a quiet 2-core machine, several times that under load.
jest.setTimeout(300_000);

const { OUTPUTS } = webpackConfigModule();

describe("the production build", () => {
  let dist: string;
  let functionsJs: string;

  beforeAll(async () => {
    dist = await buildAddin();
    functionsJs = readFileSync(path.join(dist, OUTPUTS.functionsScript), "utf8");
  });

  afterAll(() => {
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  it("loads with nothing but a CustomFunctions global, and registers every function once", () => {
    const shim = makeCustomFunctionsShim();
    const touched = new Set<string>();
    const watched = new Proxy(shim, {
      get(target, key, receiver) {
        touched.add(String(key));
        return Reflect.get(target, key, receiver);
      },
    });
    vm.runInNewContext(functionsJs, { CustomFunctions: watched }, { filename: OUTPUTS.functionsScript });
    expect([...touched]).toEqual(["associate"]); // no Error/ErrorCode needed until an error is returned
    const metadata = JSON.parse(readFileSync(path.join(dist, OUTPUTS.functionsMetadata), "utf8")) as {
      functions: { id: string }[];
    };
    const ids = metadata.functions.map((f) => f.id);
    expect(shim.associations.map(([id]) => id).sort()).toEqual([...ids].sort());
    for (const [, fn] of shim.associations) expect(typeof fn).toBe("function");
  });

  it("computes the worked check inside the sandbox, and returns errors as CustomFunctions.Error", () => {
    const shim = makeCustomFunctionsShim();
    vm.runInNewContext(functionsJs, { CustomFunctions: shim });
    const fn = Object.fromEntries(shim.associations) as Record<string, (...args: unknown[]) => unknown>;
    const terms = workedCheckTerms();
    expect(fn.CONTRACTVALUE(terms)).toBe(3500064000);
    expect(JSON.parse(JSON.stringify(fn.PREPAYREMAINING(terms, [[serial("2031-01-01")]])))).toEqual([[147916666.67]]);
    const table = fn.HOSTINGCASHFLOW(terms) as unknown[][];
    expect(table).toHaveLength(151);
    const bad = fn.CONTRACTVALUE([["Capacity (MW)", -5]]);
    expect(bad).toBeInstanceOf(CustomFunctionsError);
    expect((bad as CustomFunctionsError).code).toBe("#VALUE!");
    expect((bad as CustomFunctionsError).message).toContain("capacityMW must be a number of MW > 0, got -5");
  });

  it("ships the metadata the JSDoc generates", async () => {
    const generated = await generateCustomFunctionsMetadata(
      path.resolve(__dirname, "../../src/functions/functions.ts"),
    );
    expect(JSON.parse(readFileSync(path.join(dist, OUTPUTS.functionsMetadata), "utf8"))).toEqual(
      JSON.parse(generated.metadataJson),
    );
  });

  it("never bundles hyperformula, and the functions never reach for the network", () => {
    for (const file of readdirSync(dist).filter((f) => f.endsWith(".js"))) {
      expect([file, /hyperformula/i.test(readFileSync(path.join(dist, file), "utf8"))]).toEqual([file, false]);
    }
    for (const file of readdirSync(dist).filter((f) => f.endsWith(".js.map"))) {
      const sources = (JSON.parse(readFileSync(path.join(dist, file), "utf8")) as { sources: string[] }).sources;
      expect(sources.filter((s) => /hyperformula/i.test(s))).toEqual([]);
    }
    for (const name of ["fetch", "XMLHttpRequest", "WebSocket", "EventSource", "importScripts"]) {
      expect([name, new RegExp(`\\b${name}\\b`).test(functionsJs)]).toEqual([name, false]);
    }
  });

  it("ships no production bundle that reaches for the network (office.js comes from the CDN, not from us)", () => {
    const bundles = readdirSync(dist).filter((f) => f.endsWith(".js"));
    expect(bundles).toEqual(expect.arrayContaining([OUTPUTS.functionsScript, OUTPUTS.taskpaneScript]));
    for (const file of bundles) {
      const code = readFileSync(path.join(dist, file), "utf8");
      for (const name of ["fetch", "XMLHttpRequest", "WebSocket"]) {
        expect([file, name, new RegExp(`\\b${name}\\b`).test(code)]).toEqual([file, name, false]);
      }
    }
  });

  it("writes the page that loads office.js, then the functions, then the pane", () => {
    const html = readFileSync(path.join(dist, OUTPUTS.taskpanePage), "utf8");
    const office = html.indexOf("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    const functions = html.indexOf(`src=${OUTPUTS.functionsScript}`);
    const pane = html.indexOf(`src=${OUTPUTS.taskpaneScript}`);
    expect(office).toBeGreaterThan(-1);
    expect(functions).toBeGreaterThan(office);
    expect(pane).toBeGreaterThan(functions);
    expect(html).toContain("HPC Hosting Deals");
  });
});
