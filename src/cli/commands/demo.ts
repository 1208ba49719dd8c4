// `reloadctl demo` (npm start): the simulator on a free loopback port, then plan and apply of the
// bundled reload.config.yaml against it, through the same code paths users run.
import { join } from "node:path";
import { parse } from "../args.js";
import { HELP } from "../help.js";
import type { Io } from "../io.js";
import { resolveFormat, useColor } from "../output.js";
import { openManifest } from "../session.js";
import { makePlan, showPlan } from "./plan.js";
import { runPlan } from "./apply.js";
import { serializePlan, sha256 } from "../../plan/plan-file.js";
import { startSimulator } from "../../sim/server.js";
import { PACKAGE_ROOT } from "../../version.js";

export async function demoCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse("demo", args, {
    help: { type: "boolean", short: "h" },
    format: { type: "string" },
    json: { type: "boolean" },
    "no-color": { type: "boolean" },
  });
  if (values.help) return io.stdout.write(`${HELP.demo}\n`), 0;
  const format = resolveFormat(values, io);
  const color = useColor(values, io, format);
  const sim = await startSimulator({ port: 0 });
  try {
    io.stderr.write(`Celonis simulator (demo tenant) listening on ${sim.url}\n\n`);
    const env = { ...io.env, CELONIS_URL: sim.url, CELONIS_API_TOKEN: sim.key, CELONIS_KEY_TYPE: "USER_KEY" };
    const demoIo: Io = { ...io, env, cwd: PACKAGE_ROOT };
    const manifest = await openManifest(join(PACKAGE_ROOT, "reload.config.yaml"), demoIo);
    const doc = await makePlan({ ...manifest, path: "reload.config.yaml", connection: { ...manifest.connection, tokenEnv: "CELONIS_API_TOKEN" } }, demoIo, { select: [], exclude: [] });
    if (format === "json") io.stdout.write(`${JSON.stringify({ type: "plan", plan: doc })}\n`);
    else await showPlan(doc, io, { format, color, savedTo: null, planSha256: sha256(serializePlan(doc)) });
    if (format !== "json") io.stdout.write("\n");
    return await runPlan(doc, { ...manifest, connection: { ...manifest.connection, tokenEnv: "CELONIS_API_TOKEN" } }, demoIo, { format, color, failFast: false });
  } finally {
    await sim.close();
  }
}
