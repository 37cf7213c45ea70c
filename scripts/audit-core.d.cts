export interface AuditRun {
  status?: number | null;
  stdout?: string;
  stderr?: string;
  timedOut?: boolean;
  spawnError?: { code?: string; message?: string };
}

export interface AuditDecision {
  exitCode: 0 | 1;
  outcome: "passed" | "failed" | "skipped";
  message: string;
}

export function decide(run: AuditRun): AuditDecision;
