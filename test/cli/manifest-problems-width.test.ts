// A manifest's problems on a terminal, whichever command meets them: plan (and every command but
// validate's own view) lays them out as validate does, a wrapped message continuing under the
// message column, not under the file name.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Io } from "../../src/cli/io.js";
import { run } from "../../src/cli/main.js";
import { textWidth } from "../../src/report/style.js";
import { captured, capturedIo, type Captured } from "../helpers/streams.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "reloadctl-problems-"));
  const good = readFileSync(new URL("../../reload.config.yaml", import.meta.url), "utf8");
  writeFileSync(join(dir, "bad.yaml"), good.replace("reload: full", "reload: sometimes"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function stderrOf(args: string[], columns: number | null): Promise<string> {
  const tty = (): Captured<object> => captured(columns === null ? { isTTY: false } : { isTTY: true, columns });
  const stderr = tty();
  const io: Io = { ...capturedIo({ NO_COLOR: "1" }, { stdout: tty(), stderr }, dir), stdin: Object.assign(new PassThrough(), { isTTY: columns !== null }) };
  expect(await run(args, io)).toBe(1);
  return stderr.text();
}

const MESSAGE = '`reload` must be `full`, `cache` or `{ tables: [...] }`; got "sometimes"';

describe("plan-time manifest problems on a terminal", () => {
  it("at 60 columns: the message wraps at a word and goes on under its own column", async () => {
    const text = await stderrOf(["plan", "-c", "bad.yaml"], 60);
    const lines = text.split("\n");
    expect(lines.filter((l) => textWidth(l) > 60)).toEqual([]);
    const at = lines.findIndex((l) => l.startsWith("bad.yaml:"));
    const column = lines[at]!.indexOf("`reload`");
    expect(lines[at]).toMatch(/^bad\.yaml:\d+:17: `reload` must be/);
    // The continuation starts under the message's first character, not under the file name.
    expect(lines[at + 1]!.slice(0, column).trim()).toBe("");
    expect(lines[at + 1]![column]).not.toBe(" ");
    expect([lines[at], lines[at + 1]].map((l) => l!.trim()).join(" ").replace(/^bad\.yaml:\d+:17: /, "")).toBe(MESSAGE);
  });

  it.each([60, 80, 120])("at %i columns, exactly what validate's terminal view draws", async (columns) => {
    const plan = await stderrOf(["plan", "-c", "bad.yaml"], columns);
    const validate = await stderrOf(["validate", "-c", "bad.yaml"], columns);
    expect(plan).toBe(validate);
    expect(plan.split("\n").filter((l) => textWidth(l) > columns)).toEqual([]);
  });

  it("--format text on a terminal wraps as well; in a pipe or a log, nothing is wrapped or cut", async () => {
    expect(await stderrOf(["plan", "-c", "bad.yaml", "--format", "text"], 60)).toBe(await stderrOf(["plan", "-c", "bad.yaml"], 60));
    const piped = await stderrOf(["plan", "-c", "bad.yaml"], null);
    expect(piped).toMatch(new RegExp(`^bad\\.yaml:\\d+:17: ${MESSAGE.replace(/[[\]{}().*+?^$|\\]/g, "\\$&")}$`, "m"));
  });
});
