#!/usr/bin/env node
import { main } from "../dist/cli/main.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    // main() renders every error itself; reaching here is a bug in reloadctl.
    process.stderr.write(`reloadctl: internal error: ${err?.stack ?? err}\nPlease report this.\n`);
    process.exitCode = 70;
  },
);
