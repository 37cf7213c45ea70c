import { fastpathTarget } from "../fastpathTarget";

// Shard 2 of the fast-path target: only `npm run fuzz` runs it (jest.fuzz.config.js), with FASTPATH_RUNS set.
fastpathTarget(2);
