// `reloadctl watch`: the reconciler as a long-running loop, with metrics and health. This file
// only wires: the loop is in watch/, the planner in plan/, the executor in apply/.
import { parse } from "../args.js";
import { HELP } from "../help.js";
import type { Io } from "../io.js";
import { chooseTarget, openClient, openManifest, selectionOf } from "../session.js";
import { systemClock } from "../../apply/clock.js";
import { resolveConnection } from "../../celonis/connection.js";
import { makeRedactor } from "../../celonis/redact.js";
import { parseDuration, formatDurationSpec } from "../../shared/duration.js";
import { UserError } from "../../shared/errors.js";
import { VERSION } from "../../version.js";
import { createLogger, type LogFormat } from "../../watch/log.js";
import { createWatchLoop } from "../../watch/loop.js";
import { createManifestKeeper } from "../../watch/manifest-keeper.js";
import { WatchMetrics } from "../../watch/metrics.js";
import { parseListen, serveMetrics } from "../../watch/serve.js";
import { checkForWatch } from "../../watch/watch-rules.js";

export const WATCH_OPTIONS = {
  help: { type: "boolean", short: "h" },
  config: { type: "string", short: "c" },
  select: { type: "string", multiple: true },
  exclude: { type: "string", multiple: true },
  target: { type: "string" },
  interval: { type: "string" },
  "max-backoff": { type: "string" },
  grace: { type: "string" },
  listen: { type: "string" },
  "log-format": { type: "string" },
} as const;

export const WATCH_DEFAULTS = { interval: "5m", maxBackoff: "1h", grace: "10m", listen: "127.0.0.1:9464" } as const;

function duration(flag: string, text: string, min: number): number {
  const ms = parseDuration(text);
  if (ms === null) throw new UserError(`${flag} must be a duration like 90s, 5m, 1h30m; got "${text}"`);
  if (ms < min) throw new UserError(`${flag} must be at least ${formatDurationSpec(min)}; got "${text}"`);
  return ms;
}

function logFormat(text: string | undefined, io: Io): LogFormat {
  if (text === undefined) return io.stderr.isTTY ? "text" : "json";
  if (text === "json" || text === "text") return text;
  throw new UserError(`--log-format must be json or text; got "${text}"`, "json: one object per line (the default outside a terminal); text: lines for people");
}

export async function watchCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse("watch", args, WATCH_OPTIONS);
  if (values.help) return io.stdout.write(`${HELP.watch}\n`), 0;
  const intervalMs = duration("--interval", values.interval ?? WATCH_DEFAULTS.interval, 1_000);
  const maxBackoffMs = duration("--max-backoff", values["max-backoff"] ?? WATCH_DEFAULTS.maxBackoff, 1_000);
  const graceMs = duration("--grace", values.grace ?? WATCH_DEFAULTS.grace, 0);
  const listen = parseListen(values.listen ?? WATCH_DEFAULTS.listen);
  const format = logFormat(values["log-format"], io);
  if (values.config === "-") {
    throw new UserError("watch reads its manifest again at every tick, so it cannot read it from stdin", "pass a file: reloadctl watch -c FILE");
  }
  const selection = selectionOf(values);
  const manifest = await openManifest(values.config, io);
  checkForWatch(manifest, selection);
  const target = chooseTarget(manifest, values.target, io.env);
  const key = resolveConnection(io.env, target.settings).key;
  const log = createLogger({ format, write: (line) => void io.stderr.write(`${line}\n`), now: systemClock.now, redact: makeRedactor(key) });

  const client = await openClient(manifest, io, target);
  const metrics = new WatchMetrics({ now: systemClock.now, apiCounts: () => client.stats() });
  const keeper = createManifestKeeper({ initial: manifest, cwd: io.cwd, selection, log });
  const loop = createWatchLoop({ api: client, clock: systemClock, intervalMs, maxBackoffMs, graceMs, manifest: keeper, selection, log, metrics, stop: io.interrupt });
  let server;
  try {
    server = await serveMetrics(listen, metrics, () => loop.health());
  } catch (err) {
    await client.close();
    throw err;
  }
  log.info("watch started", {
    version: VERSION,
    manifest: manifest.path,
    target: target.name,
    baseUrl: client.baseUrl,
    interval: formatDurationSpec(intervalMs),
    maxBackoff: formatDurationSpec(maxBackoffMs),
    grace: formatDurationSpec(graceMs),
    metrics: `${server.url}/metrics`,
  });
  const onStop = () => log.info("stop requested: no new loads (a second signal exits at once)");
  io.interrupt.addEventListener("abort", onStop, { once: true });
  try {
    await loop.run();
  } finally {
    io.interrupt.removeEventListener("abort", onStop);
    await server.close();
    await client.close();
  }
  log.info("watch exited");
  return 0;
}
