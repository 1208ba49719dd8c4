import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadManifest } from "../../src/manifest/load-manifest.js";
import { createLogger } from "../../src/watch/log.js";
import { createManifestKeeper } from "../../src/watch/manifest-keeper.js";
import { checkForWatch } from "../../src/watch/watch-rules.js";
import { ManifestError } from "../../src/shared/errors.js";
import type { LogLine } from "./support.js";

const POOL = "11111111-1111-4111-8111-000000000001";
const MODEL = "22222222-2222-4222-8222-000000000001";
const OTHER = "22222222-2222-4222-8222-000000000002";
const manifestText = (maxAge: string, extra = "") => `version: 1
defaults:
  maxAge: ${maxAge}
pools:
  fin:
    id: ${POOL}
    models:
      o2c:
        id: ${MODEL}
${extra}`;

let dir: string;
let lines: LogLine[];
const log = () => createLogger({ format: "json", write: (l) => void lines.push(JSON.parse(l) as LogLine), now: () => 0 });
const write = (text: string) => writeFileSync(join(dir, "reload.config.yaml"), text);
const NONE = { select: [], exclude: [] };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "reloadctl-keeper-"));
  lines = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function keeperFor(text: string) {
  write(text);
  const initial = await loadManifest("reload.config.yaml", { cwd: dir });
  return createManifestKeeper({ initial, cwd: dir, selection: NONE, log: log() });
}

describe("the manifest keeper", () => {
  it("keeps the manifest it has while the file is unchanged, and says nothing", async () => {
    const keeper = await keeperFor(manifestText("1h"));
    const first = await keeper();
    expect(await keeper()).toBe(first);
    expect(first.models[0]?.maxAgeMs).toBe(3_600_000);
    expect(lines).toEqual([]);
  });

  it("takes a valid change, and says so", async () => {
    const keeper = await keeperFor(manifestText("1h"));
    write(manifestText("10m"));
    expect((await keeper()).models[0]?.maxAgeMs).toBe(600_000);
    expect(lines).toEqual([expect.objectContaining({ level: "info", msg: "manifest changed: in effect from this tick", manifest: "reload.config.yaml" })]);
  });

  it("says that a change of targets takes effect only on a restart", async () => {
    const withTarget = (url: string) => manifestText("1h").replace("version: 1\n", `version: 1\ntargets:\n  main:\n    url: ${url}\n`);
    const keeper = await keeperFor(withTarget("https://a.example"));
    write(withTarget("https://b.example"));
    await keeper();
    expect(lines.map((l) => l.msg)).toEqual(["the manifest's connection or targets changed: they take effect when watch restarts", "manifest changed: in effect from this tick"]);
  });

  it("refuses a broken change with its located problems, once, and keeps the last good one; a later fix is taken", async () => {
    const keeper = await keeperFor(manifestText("1h"));
    write(manifestText("soon"));
    expect((await keeper()).models[0]?.maxAgeMs).toBe(3_600_000);
    expect(await keeper()).toMatchObject({ models: [{ maxAgeMs: 3_600_000 }] }); // the same broken text: not logged again
    expect(lines).toEqual([
      expect.objectContaining({ level: "error", msg: "manifest change refused: the last good one keeps running", problems: [expect.stringMatching(/^reload\.config\.yaml:3:11: .*duration/)] }),
    ]);
    write(manifestText("10m"));
    expect((await keeper()).models[0]?.maxAgeMs).toBe(600_000);
    expect(lines.at(-1)).toMatchObject({ level: "info", msg: "manifest changed: in effect from this tick" });
  });

  it("refuses a change that adds a model without maxAge, and keeps running when the file goes away", async () => {
    const keeper = await keeperFor(manifestText("1h"));
    write(manifestText("1h", `      p2p:\n        id: ${OTHER}\n        maxAge: 0s\n`));
    expect((await keeper()).models).toHaveLength(1);
    expect(lines.at(-1)).toMatchObject({ level: "error", problems: [expect.stringMatching(/^reload\.config\.yaml:10:7: fin\/p2p has no maxAge: watch would reload it at every tick/)] });
    rmSync(join(dir, "reload.config.yaml"));
    expect((await keeper()).models).toHaveLength(1);
    expect(lines.at(-1)).toMatchObject({ level: "error", msg: "cannot read the manifest: the last good one keeps running" });
  });
});

describe("checkForWatch", () => {
  it("refuses a manifest without any maxAge, each model located, and lets a selection leave such models out", async () => {
    write(manifestText("0s", `      p2p:\n        id: ${OTHER}\n        maxAge: 2h\n`));
    const m = await loadManifest("reload.config.yaml", { cwd: dir });
    const err = (() => {
      try {
        checkForWatch(m, NONE);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ManifestError);
    expect((err as ManifestError).problems.map((p) => `${p.line}:${p.column} ${p.message.split(":")[0]}`)).toEqual(["8:7 fin/o2c has no maxAge"]);
    expect(checkForWatch(m, { select: [], exclude: ["fin/o2c"] }).map((x) => x.address)).toEqual(["fin/p2p"]);
  });
});
