// Build step: bundles the Ink views' module (dist/report/ink-ui.js: Ink, React and the views) into
// one minified file in place, so a terminal's first frame loads one file instead of hundreds
// (measured: Ink's files alone take 0.5–1 s of a cold process; the bundle about a quarter of it).
import { readdir, rename, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "rolldown";

// The build's output folder (scripts/build.mjs passes the one it compiled into), else dist/.
const dir = process.argv[2] ? join(resolve(process.argv[2]), "report") : fileURLToPath(new URL("../dist/report/", import.meta.url));
const tmp = join(dir, ".ui-bundle");
await rm(tmp, { recursive: true, force: true });
await build({
  input: join(dir, "ink-ui.js"),
  platform: "node",
  logLevel: "silent",
  // React's production build: no development checks in a user's terminal.
  transform: { define: { "process.env.NODE_ENV": JSON.stringify("production") } },
  // Ink loads its devtools (a chunk of their own) only when DEV=true; they are not installed.
  external: ["react-devtools-core"],
  output: { dir: tmp, format: "esm", minify: true, entryFileNames: "[name].js", chunkFileNames: "ink-ui-[name]-[hash].js" },
});
for (const file of await readdir(tmp)) await rename(join(tmp, file), join(dir, file));
await rm(tmp, { recursive: true, force: true });
