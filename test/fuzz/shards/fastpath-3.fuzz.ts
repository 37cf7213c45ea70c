import { fastpathTarget } from "../fastpathTarget";

// Shard 3 of the fast-path target: only `npm run fuzz` runs it (jest.fuzz.config.js), with FASTPATH_RUNS set.
fastpathTarget(3);
