// The machine's time zone changes nothing: the suite runs in one pinned zone (vitest.config.ts),
// so this runs the built reader of last-load in child processes under other zones, UTC included.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ROOT } from "./harness.js";

const run = promisify(execFile);
const LAST_LOAD = join(ROOT, "dist", "celonis", "last-load.js");

/** What the built parseLastLoad makes of `body` in a process whose zone is `tz`. */
async function parsedUnder(tz: string, body: unknown): Promise<unknown> {
  if (!existsSync(LAST_LOAD)) throw new Error("the CLI is not built: run `npm run build` (npm test does it first)");
  const script = `import { parseLastLoad } from ${JSON.stringify(pathToFileURL(LAST_LOAD).href)};
process.stdout.write(JSON.stringify([new Date("2026-11-28T17:00:00Z").getTimezoneOffset(), parseLastLoad(200, process.argv[1])]));`;
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script, JSON.stringify(body)], { env: { PATH: process.env.PATH, TZ: tz } });
  const [offset, parsed] = JSON.parse(stdout) as [number, unknown];
  return { offset, parsed };
}

describe("dates from the service (e2e)", () => {
  it.each([
    ["UTC", 0],
    ["America/St_Johns", 210],
    ["Pacific/Kiritimati", -840],
  ])("reads a date without a zone as UTC on a machine in %s", async (tz, offset) => {
    const body = { dataLoadId: "L1", loadStatus: "SUCCESS", startDate: "2026-11-28T17:00:00", endDate: "2026-11-28T17:05:00.5+01:00" };
    expect(await parsedUnder(tz, body)).toEqual({
      offset, // the child really ran in that zone
      parsed: { id: "L1", status: "SUCCESS", loadType: null, startDate: "2026-11-28T17:00:00.000Z", endDate: "2026-11-28T16:05:00.500Z", message: null },
    });
  });
});
