/**
 * A stand-in for the `CustomFunctions` global that Excel's custom-functions
 * runtime provides, with the real runtime's shape:
 * `new CustomFunctions.Error(code, message)`, `ErrorCode.invalidValue = "#VALUE!"`, …
 * Importing this module installs it on `globalThis` (jest has no such global).
 */

export class CustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export const ERROR_CODES = Object.freeze({
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
});

export interface CustomFunctionsShim {
  readonly Error: typeof CustomFunctionsError;
  readonly ErrorCode: typeof ERROR_CODES;
  /** Every associate(id, fn) call, in order. */
  readonly associations: [string, unknown][];
  associate(id: string, fn: unknown): void;
}

export function makeCustomFunctionsShim(): CustomFunctionsShim {
  const associations: [string, unknown][] = [];
  return {
    Error: CustomFunctionsError,
    ErrorCode: ERROR_CODES,
    associations,
    associate(id: string, fn: unknown) {
      associations.push([id, fn]);
    },
  };
}

(globalThis as unknown as { CustomFunctions: CustomFunctionsShim }).CustomFunctions = makeCustomFunctionsShim();
