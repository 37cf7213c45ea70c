/** A thrown value as one line for the pane (Office.js errors carry a code and a message). */
export function describeError(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return typeof code === "string" && code && !e.message.includes(code) ? `${e.message} (${code})` : e.message;
  }
  return String(e);
}
