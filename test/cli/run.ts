/** hpc-deal run in-process (what bin/hpc-deal.js runs, without a process per call). */
import { readDealText, type CliIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `hpc-deal argv…`; files are read from disk as the CLI reads them, "-" reads `stdin`. */
export async function hpcDeal(argv: readonly string[], stdin = ""): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    out: (text) => {
      stdout += text;
    },
    err: (text) => {
      stderr += text;
    },
    readInput: async (path) => (path === "-" ? stdin : readDealText(path)),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
