import { fastpathTarget } from "../fastpathTarget";

// Shard 4 of the fast-path target: only `npm run fuzz` runs it (jest.fuzz.config.js), with FASTPATH_RUNS set.
fastpathTarget(4);
