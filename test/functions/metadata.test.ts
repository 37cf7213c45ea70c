/**
 * The function metadata (functions.json) as the build generates it from the
 * JSDoc of src/functions/functions.ts, with the same generator the webpack
 * plugin runs.
 */
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as entryPoints from "../../src/functions/functions";

interface Parameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}

const FUNCTIONS_FILE = path.resolve(__dirname, "../../src/functions/functions.ts");

/** What each function is meant to declare: parameters (name, matrix?, optional?) and its result. */
const INTENDED: Record<string, { params: [string, "matrix" | "scalar", boolean][]; result: "matrix" | "number" }> = {
  HOSTINGCASHFLOW: {
    params: [
      ["terms", "matrix", false],
      ["tranches", "matrix", true],
      ["capex", "matrix", true],
    ],
    result: "matrix",
  },
  PREPAYREMAINING: {
    params: [
      ["terms", "matrix", false],
      ["date", "matrix", false],
      ["tranches", "matrix", true],
      ["capex", "matrix", true],
    ],
    result: "matrix",
  },
  CONTRACTVALUE: {
    params: [
      ["terms", "matrix", false],
      ["tranches", "matrix", true],
      ["capex", "matrix", true],
    ],
    result: "number",
  },
  ANNUALREVENUE: {
    params: [
      ["terms", "matrix", false],
      ["tranches", "matrix", true],
      ["capex", "matrix", true],
    ],
    result: "number",
  },
  DEALNPV: {
    params: [
      ["terms", "matrix", false],
      ["rate", "scalar", true],
      ["tranches", "matrix", true],
      ["capex", "matrix", true],
    ],
    result: "number",
  },
  DEALSUMMARY: {
    params: [
      ["terms", "matrix", false],
      ["tranches", "matrix", true],
      ["capex", "matrix", true],
      ["figure", "scalar", true],
    ],
    result: "matrix",
  },
  MININGCOMPARISON: {
    params: [
      ["terms", "matrix", false],
      ["mining", "matrix", false],
      ["tranches", "matrix", true],
      ["capex", "matrix", true],
      ["rate", "scalar", true],
    ],
    result: "matrix",
  },
  BREAKEVENHASHPRICE: {
    params: [
      ["terms", "matrix", false],
      ["mining", "matrix", false],
      ["tranches", "matrix", true],
      ["capex", "matrix", true],
      ["rate", "scalar", true],
    ],
    result: "number",
  },
  MININGSUMMARY: {
    params: [
      ["terms", "matrix", false],
      ["mining", "matrix", false],
      ["tranches", "matrix", true],
      ["capex", "matrix", true],
      ["figure", "scalar", true],
      ["rate", "scalar", true],
    ],
    result: "matrix",
  },
  PERIODS: {
    params: [
      ["terms", "matrix", false],
      ["tranches", "matrix", true],
      ["capex", "matrix", true],
      ["period", "scalar", true],
      ["fiscalYearEnd", "scalar", true],
    ],
    result: "matrix",
  },
  RUNRATE: {
    params: [
      ["terms", "matrix", false],
      ["date", "scalar", false],
      ["tranches", "matrix", true],
      ["capex", "matrix", true],
    ],
    result: "number",
  },
  // The deals: one repeating parameter (terms, tranches, capex, terms, …), checked in portfolio.test.ts.
  PORTFOLIOCASHFLOW: { params: [["deals", "matrix", false]], result: "matrix" },
  PORTFOLIOPERIODS: {
    params: [
      ["period", "scalar", true],
      ["fiscalYearEnd", "scalar", true],
      ["deals", "matrix", false],
    ],
    result: "matrix",
  },
  PORTFOLIORUNRATE: {
    params: [
      ["date", "scalar", false],
      ["deals", "matrix", false],
    ],
    result: "number",
  },
  PORTFOLIOSUMMARY: {
    params: [
      ["figure", "scalar", true],
      ["rate", "scalar", true],
      ["deals", "matrix", false],
    ],
    result: "matrix",
  },
  PORTFOLIOBYDEAL: {
    params: [
      ["period", "scalar", true],
      ["fiscalYearEnd", "scalar", true],
      ["deals", "matrix", false],
    ],
    result: "matrix",
  },
  SENSITIVITY: {
    params: [
      ["figure", "scalar", false],
      ["inputA", "scalar", false],
      ["valuesA", "matrix", false],
      ["inputB", "scalar", false],
      ["valuesB", "matrix", false],
      ["terms", "matrix", false],
      ["tranches", "matrix", true],
      ["capex", "matrix", true],
      ["mining", "matrix", true],
    ],
    result: "matrix",
  },
};

describe("the generated function metadata", () => {
  let functions: FunctionMetadata[];
  let associate: { functionName: string; id: string }[];

  beforeAll(async () => {
    const generated = await generateCustomFunctionsMetadata(FUNCTIONS_FILE);
    expect(generated.errors).toEqual([]);
    functions = (JSON.parse(generated.metadataJson) as { functions: FunctionMetadata[] }).functions;
    associate = generated.associate;
  });

  it("declares exactly the HPC functions, with uppercase ids and names", () => {
    expect(functions.map((f) => f.id)).toEqual(Object.keys(INTENDED));
    for (const f of functions) expect(f.name).toBe(f.id);
  });

  it.each(Object.entries(INTENDED))("%s has the intended parameters, optionality and result shape", (id, intended) => {
    const f = functions.find((fn) => fn.id === id) as FunctionMetadata;
    expect(f.parameters.map((p) => [p.name, p.dimensionality ?? "scalar", p.optional === true])).toEqual(
      intended.params,
    );
    for (const p of f.parameters) expect(p.type).toBe("any"); // coercion and messages are the adapter's
    if (intended.result === "matrix") expect(f.result).toEqual({ dimensionality: "matrix" });
    else expect(f.result).toEqual({ type: "number" });
  });

  it("is non-volatile, non-streaming: no options at all", () => {
    for (const f of functions) expect(f.options).toBeUndefined();
  });

  it("describes every function and parameter for the function wizard", () => {
    for (const f of functions) {
      expect(f.description?.length).toBeGreaterThan(40);
      expect(f.description?.length).toBeLessThanOrEqual(255);
      for (const p of f.parameters) {
        expect([f.id, p.name, (p.description ?? "").length > 20]).toEqual([f.id, p.name, true]);
        expect(p.description?.length).toBeLessThanOrEqual(255);
      }
    }
  });

  it("associates every id with a function the entry module exports", () => {
    expect(associate.map((a) => a.id)).toEqual(Object.keys(INTENDED));
    for (const { functionName } of associate) {
      expect(typeof (entryPoints as Record<string, unknown>)[functionName]).toBe("function");
    }
  });
});
