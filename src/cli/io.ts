import { readFile, stat } from "node:fs/promises";
import { LIMITS } from "../core";

/** What the CLI needs from its process: injectable so tests can run it in-process. */
export interface CliIO {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly readInput: (path: string) => Promise<string>;
}

/** A problem with the command line or its input: exit code 2, message on stderr. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > LIMITS.maxDealFileBytes) throw new UsageError(tooBig("standard input"));
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function tooBig(what: string): string {
  return `${what} is larger than ${LIMITS.maxDealFileBytes.toLocaleString("en-US")} bytes: a deal file is a few kilobytes`;
}

/** Reads a deal file, or standard input for "-". */
export async function readDealText(path: string): Promise<string> {
  if (path === "-") return readStdin();
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new UsageError(`cannot read ${path}: no such file`);
  }
  if (size > LIMITS.maxDealFileBytes) throw new UsageError(tooBig(path));
  try {
    return await readFile(path, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export const processIO: CliIO = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readInput: readDealText,
};
