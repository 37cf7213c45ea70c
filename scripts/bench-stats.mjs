// Timing helpers shared by the benchmark scripts.

/** Median of a list of numbers (the lower middle for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** { median, min, max } of a list of samples. */
export function summarizeSamples(samples) {
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), n: samples.length };
}

/** Milliseconds since an hrtime.bigint() start. */
export function msSince(t0) {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * Time per call in microseconds over `rounds` rounds of `batch` calls, after
 * `warmup` calls: wall-clock { median, min, max }, and `cpu`, the median of
 * the process's CPU time per call (user + system, all threads), which other
 * processes' load moves much less than the wall clock. `fn` receives a
 * running call number.
 */
export function measureUs(fn, { batch = 100, rounds = 31, warmup = 200 } = {}) {
  let n = 0;
  for (let i = 0; i < warmup; i++) fn(n++);
  const samples = [];
  const cpu = [];
  for (let r = 0; r < rounds; r++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn(n++);
    samples.push(Number(process.hrtime.bigint() - t0) / 1000 / batch);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / batch);
  }
  return { ...summarizeSamples(samples), cpu: median(cpu) };
}
