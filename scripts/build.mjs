// `npm run build`: tsc into a fresh folder beside dist/, the Ink views bundled there
// (scripts/bundle-ui.js), then each file moved into dist/ by a rename
// (atomic), and the files of an older build that this one has not made removed. A CLI started
// meanwhile (by another suite's end-to-end tests, in this same checkout) reads each file whole:
// never a half-written one, nor a dist/ that a clean step removed.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");

/** Every file under `dir`, as paths relative to it. */
const filesIn = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));

const fresh = mkdtempSync(join(root, ".build-"));
try {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--outDir", fresh], { cwd: root, stdio: "inherit" });
  execFileSync(process.execPath, [join(root, "scripts", "bundle-ui.js"), fresh], { cwd: root, stdio: "inherit" });
  const built = new Set(filesIn(fresh));
  for (const file of built) {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    renameSync(join(fresh, file), join(dist, file));
  }
  for (const file of filesIn(dist)) if (!built.has(file)) rmSync(join(dist, file));
} catch (err) {
  // tsc has printed its errors; anything else is said in one line.
  if (typeof err?.status !== "number") console.error(`build: ${err?.message ?? err}`);
  process.exitCode = typeof err?.status === "number" ? err.status : 1;
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
