import { fastpathTarget } from "./fastpathTarget";

// The fast path against decimal.js (fastpathTarget.ts): the first shard, and all of it without FASTPATH_RUNS.
fastpathTarget(1);
