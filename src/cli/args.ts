import { UsageError } from "./io";

/** Refuses arguments beyond the `count` a command takes. */
export function expectArgs(args: readonly string[], count: number, usage: string): void {
  if (args.length > count) throw new UsageError(`unexpected argument ${JSON.stringify(args[count])}: ${usage}`);
}

/** Splits `--name value` options from positional arguments. */
export function takeOption(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined) throw new UsageError(`${name} needs a value`);
  args.splice(i, 2);
  return value;
}
