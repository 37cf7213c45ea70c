#!/usr/bin/env node
"use strict";
// The CLI is TypeScript compiled to lib/ by `npm run build:cli` (run on install by `prepare`).
let main;
try {
  ({ main } = require("../lib/cli/main.js"));
} catch {
  process.stderr.write("hpc-deal: the CLI is not built yet; run `npm run build:cli` (or `npm install`) first.\n");
  process.exit(70);
}
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
