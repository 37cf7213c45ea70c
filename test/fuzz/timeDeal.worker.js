// Computes one deal with the built core (lib/, which jest's globalSetup builds) in a
// worker thread, so that a test can stop a pathological computation at its deadline.
const { parentPort, workerData } = require("node:worker_threads");
const { performance } = require("node:perf_hooks");

const core = require(workerData.corePath);
const t0 = performance.now();
const result = core.computeDeal(workerData.deal);
parentPort.postMessage({
  ok: result.ok,
  rows: result.ok ? result.value.schedule.rows.length : 0,
  message: result.ok ? "" : result.error.message,
  ms: performance.now() - t0,
});
