// Stops the preview's server and removes its build (see globalSetup.mjs).
import { rmSync } from "node:fs";

export default async function globalTeardown() {
  const state = globalThis.__HPC_PREVIEW__;
  if (!state) return;
  await new Promise((resolve) => state.server.close(() => resolve()));
  rmSync(state.outDir, { recursive: true, force: true });
}
