// The flags of `reloadctl sim`, parsed with node:util parseArgs into simulator options.
import { parseArgs } from "node:util";
import { parseDuration } from "../shared/duration.js";
import { isFetchBlockedPort } from "../shared/bad-ports.js";
import { UserError } from "../shared/errors.js";
import type { ModelFault, SimOptions } from "./types.js";

export const SIM_HELP = `Usage: reloadctl sim [options]

Serve a simulated Celonis tenant on a loopback port: the pool and data model listings and the
four data model load endpoints (tables, last-load, load, load/partial-sync). Loads run through
RUNNING to an outcome, and can be made to fail, answer errors, or lose connections.

Options:
  --port N              port to listen on (default 0: a free port)
  --host H              loopback address to bind (default 127.0.0.1)
  --key KEY             the API key clients must send (default: random, printed)
  --fixture FILE        the tenant, as JSON (default: the demo tenant, examples/tenant.fixture.json)
  --load-time DURATION  how long every load runs, e.g. 500ms, 2s, 1m (default: per the fixture)
  --latency DURATION    added to every request, e.g. 50ms, 1s (a bare number is milliseconds)
  --rate-limit N/s      at most N requests per second, then 429 with x-ratelimit-reset
  --page-size N         page the pool and model listings, N items a page (?page=0,1,…), in an
                        envelope {content, page, pageSize, totalCount, totalPages}; default: bare arrays
  --fail-rate X         share of loads that end ERROR, 0 to 1
  --error-rate X        share of requests answered 500, 502 or 503, 0 to 1
  --drop-rate X         share of triggers whose connection drops after the load started, 0 to 1
  --warn-rate X         share of loads that end WARNING, 0 to 1
  --hang-rate X         share of loads that never end, 0 to 1
  --fault MODEL:F[,F…]  faults of one data model, by id or by its POOL/MODEL address in the
                        manifest (-c), repeatable; F is one of
                          error | warning | canceled   how its loads end
                          hang                         its loads never end
                          drop                         the next trigger starts a load, then drops the connection
                          trigger=STATUS               the next trigger is answered STATUS (e.g. 503) and starts nothing
                          started=STATUS               the next trigger starts its load, then is answered STATUS (e.g. 500)
                          older=DURATION               the next trigger starts nothing; last-load shows a finished load
                                                       with a new id that started DURATION before it
                          slow-reads=DURATION          after its next trigger, its last-load answers only after DURATION
                          limit-header=X               its answers carry x-ratelimit-limit: X (e.g. 0.02), remaining 0
                          echo-key[=STATUS]xN          its next N requests are answered STATUS (default 400) echoing
                                                       the Authorization header (a 3xx: in Location)
                          429xN | 5xxxN                its next N requests answer 429 / 503
                          late=DURATION                a new load shows in last-load only after DURATION
                          load-time=DURATION           how long its loads run
  -c, --config FILE     the manifest whose addresses --fault may name (default ./reload.config.yaml)
  --seed N              seed of the random faults, so a run can be repeated (default 1)
  -v, --verbose         log every request to stderr
  -h, --help            show this help

Clients send "Authorization: Bearer KEY" (USER_KEY) or "Authorization: AppKey KEY" (APP_KEY).
It prints the URL and key to export, and serves until Ctrl-C (SIGINT) or SIGTERM.

Example:
  reloadctl sim --port 8089 --key demo-key --load-time 3s
  # in another shell:
  export CELONIS_URL=http://127.0.0.1:8089 CELONIS_API_TOKEN=demo-key
  reloadctl plan
`;

export interface SimFlags {
  options: SimOptions & { port: number; host: string };
  verbose: boolean;
  /** For the banner. */
  fixtureLabel: string;
  behaviorLabel: string;
  /** Where --fault's POOL/MODEL addresses are looked up. */
  manifestPath: string;
}

const HINT = "run `reloadctl sim --help` for the options";

/** Throws UserError for any bad flag. */
export function parseSimFlags(argv: string[]): SimFlags | "help" {
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        key: { type: "string" },
        fixture: { type: "string" },
        "load-time": { type: "string" },
        latency: { type: "string" },
        "rate-limit": { type: "string" },
        "page-size": { type: "string" },
        "fail-rate": { type: "string" },
        "error-rate": { type: "string" },
        "drop-rate": { type: "string" },
        "warn-rate": { type: "string" },
        "hang-rate": { type: "string" },
        fault: { type: "string", multiple: true },
        config: { type: "string", short: "c" },
        seed: { type: "string" },
        verbose: { type: "boolean", short: "v" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (err) {
    // parseArgs explains in its first sentence; the rest is advice about `--` that does not apply here.
    const first = (err as Error).message.split(/\.\s/)[0] ?? "bad arguments";
    throw new UserError(first.replace(/\.$/, ""), HINT);
  }
  if (values["help"]) return "help";
  const str = (name: string): string | undefined => values[name] as string | undefined;

  const port = str("port") === undefined ? 0 : integer("--port", str("port") ?? "", 0, 65_535);
  if (port !== 0 && isFetchBlockedPort(port)) {
    throw new UserError(
      `--port ${port} is a port that fetch refuses to connect to (a "bad port" of the Fetch standard): reloadctl could not reach the simulator there`,
      "choose another port, or --port 0 for a free one",
    );
  }
  const host = str("host") ?? "127.0.0.1";
  if (!isLoopback(host)) throw new UserError(`--host must be a loopback address (127.0.0.1, ::1, localhost); got "${host}"`, "the simulator only serves this machine");
  const key = str("key");
  if (key !== undefined && !/^\S+$/.test(key)) throw new UserError("--key must be non-empty and without spaces", HINT);

  const options: SimFlags["options"] = { port, host };
  if (key !== undefined) options.key = key;
  const fixture = str("fixture");
  if (fixture !== undefined) options.fixture = fixture;
  const loadTime = str("load-time");
  if (loadTime !== undefined) options.loadDurationMs = durationMs("--load-time", loadTime);
  const latency = str("latency");
  if (latency !== undefined) options.latencyMs = /^\d+$/.test(latency) ? integer("--latency", latency, 0, 600_000) : durationMs("--latency", latency);
  const rateLimit = str("rate-limit");
  if (rateLimit !== undefined) {
    const m = /^(\d+(?:\.\d+)?)(?:\/s)?$/.exec(rateLimit);
    const perSecond = m ? Number(m[1]) : Number.NaN;
    if (!(perSecond > 0)) throw new UserError(`--rate-limit must be requests per second like 20/s; got "${rateLimit}"`, HINT);
    options.rateLimit = { perSecond };
  }
  const pageSize = str("page-size");
  if (pageSize !== undefined) options.pageSize = integer("--page-size", pageSize, 1, 100_000);
  const global: NonNullable<SimOptions["global"]> = {};
  const failRate = str("fail-rate");
  if (failRate !== undefined) global.failRate = rate("--fail-rate", failRate);
  const errorRate = str("error-rate");
  if (errorRate !== undefined) global.errorRate5xx = rate("--error-rate", errorRate);
  const dropRate = str("drop-rate");
  if (dropRate !== undefined) global.dropRate = rate("--drop-rate", dropRate);
  const warnRate = str("warn-rate");
  if (warnRate !== undefined) global.warnRate = rate("--warn-rate", warnRate);
  const hangRate = str("hang-rate");
  if (hangRate !== undefined) global.hangRate = rate("--hang-rate", hangRate);
  const faults = (values["fault"] as string[] | undefined) ?? [];
  if (faults.length > 0) options.faults = Object.fromEntries(faults.map(parseFault));
  if (Object.keys(global).length > 0) options.global = global;
  const seed = str("seed");
  if (seed !== undefined) options.seed = integer("--seed", seed, 0, 2 ** 32 - 1);

  const behavior = [
    options.loadDurationMs === undefined ? "loads take their fixture's time" : `loads take ${loadTime}`,
    options.latencyMs ? `latency ${options.latencyMs}ms` : "no added latency",
    options.rateLimit ? `rate limit ${options.rateLimit.perSecond}/s` : "no rate limit",
    ...(options.pageSize ? [`listings paged by ${options.pageSize}`] : []),
    ...Object.entries(global).map(([k, v]) => `${k} ${v}`),
    `seed ${options.seed ?? 1}`,
  ];
  return {
    options,
    verbose: values["verbose"] === true,
    fixtureLabel: fixture ?? "the demo tenant (examples/tenant.fixture.json)",
    behaviorLabel: behavior.join(" · "),
    manifestPath: str("config") ?? "reload.config.yaml",
  };
}

function integer(flag: string, text: string, min: number, max: number): number {
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(n >= min && n <= max)) throw new UserError(`${flag} must be a whole number from ${min} to ${max}; got "${text}"`, HINT);
  return n;
}

function durationMs(flag: string, text: string): number {
  const ms = /^\d+ms$/.test(text) ? Number(text.slice(0, -2)) : parseDuration(text);
  if (ms === null) throw new UserError(`${flag} must be a duration like 500ms, 2s or 1m30s; got "${text}"`, HINT);
  return ms;
}

function rate(flag: string, text: string): number {
  const n = /^\d*\.?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(n >= 0 && n <= 1)) throw new UserError(`${flag} must be a number from 0 to 1; got "${text}"`, HINT);
  return n;
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** `MODEL_ID:error,429x2,late=2s` → the model's fault. */
export function parseFault(text: string): [string, ModelFault] {
  const at = text.lastIndexOf(":");
  const modelId = text.slice(0, at);
  if (at <= 0 || at === text.length - 1) throw new UserError(`--fault must be MODEL_ID:FAULT[,FAULT…]; got "${text}"`, HINT);
  const fault: ModelFault = {};
  for (const part of text.slice(at + 1).split(",")) {
    const [name = "", value] = part.split("=");
    const times = /^(429|5xx)(?:x(\d+))?$/.exec(name);
    const echo = /^echo-key(?:=(\d+))?(?:x(\d+))?$/.exec(part);
    if (name === "error" || name === "warning" || name === "canceled") fault.outcome = name === "canceled" ? "CANCELED" : name === "error" ? "ERROR" : "WARNING";
    else if (name === "hang") fault.hang = true;
    else if (name === "drop") fault.dropAfterTrigger = true;
    else if (name === "trigger" && value !== undefined) fault.triggerStatus = integer("--fault trigger", value, 400, 599);
    else if (name === "started" && value !== undefined) fault.triggerStartedStatus = integer("--fault started", value, 200, 599);
    else if (name === "older" && value !== undefined) fault.olderLoadMs = durationMs("--fault older", value);
    else if (name === "slow-reads" && value !== undefined) fault.slowReadsMs = durationMs("--fault slow-reads", value);
    else if (name === "limit-header" && value !== undefined && /^\S+$/.test(value)) fault.rateLimitHeader = value;
    else if (echo) {
      fault.echoKeyTimes = Number(echo[2] ?? 1);
      if (echo[1] !== undefined) fault.echoKeyStatus = integer("--fault echo-key", echo[1], 300, 599);
    }
    else if (name === "late" && value !== undefined) fault.appearDelayMs = durationMs("--fault late", value);
    else if (name === "load-time" && value !== undefined) fault.loadDurationMs = durationMs("--fault load-time", value);
    else if (times?.[1] === "429") fault.status429Times = Number(times[2] ?? 1);
    else if (times?.[1] === "5xx") fault.errorTimes = Number(times[2] ?? 1);
    else throw new UserError(`--fault: unknown fault "${part}" for ${modelId}`, HINT);
  }
  return [modelId, fault];
}

