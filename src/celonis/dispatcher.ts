// The production connection pool: keep-alive sockets with a cap, through the proxy the
// environment names. Use it only with undici's own fetch (same copy), never Node's global fetch.
import { Agent, EnvHttpProxyAgent, type Dispatcher } from "undici";
import { UserError } from "../shared/errors.js";
import { isLoopbackHost } from "../shared/loopback.js";

export const DEFAULT_CONNECTIONS = 32;

const POOL_OPTIONS = { keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000 } as const;

/**
 * `baseUrl` is where the requests go. A loopback one is never proxied: it names this machine (a
 * proxy would reach its own), and plain http, allowed only there, must not carry the key to a
 * proxy across the network.
 */
export function createDispatcher(env: NodeJS.ProcessEnv, opts: { baseUrl?: string; connections?: number } = {}): Dispatcher {
  const connections = opts.connections ?? DEFAULT_CONNECTIONS;
  const httpsProxy = envAnyCase(env, "HTTPS_PROXY");
  const httpProxy = envAnyCase(env, "HTTP_PROXY");
  const hostname = opts.baseUrl !== undefined && URL.canParse(opts.baseUrl) ? new URL(opts.baseUrl).hostname : null;
  const loopback = hostname !== null && isLoopbackHost(hostname);
  // `localhost` is this machine by definition, not by a resolver's say: it is never looked up.
  if (loopback && hostname.toLowerCase() === "localhost") return new Agent({ ...POOL_OPTIONS, connections, connect: { lookup: lookupLocalhost } });
  if (loopback || (httpsProxy === null && httpProxy === null)) return new Agent({ ...POOL_OPTIONS, connections });
  try {
    // Every value is passed explicitly ("" for unset) so undici never falls back to process.env.
    return new EnvHttpProxyAgent({
      ...POOL_OPTIONS,
      connections,
      httpProxy: httpProxy ?? "",
      httpsProxy: httpsProxy ?? "",
      noProxy: envAnyCase(env, "NO_PROXY") ?? "",
    });
  } catch {
    // The value is not shown: proxy URLs often carry credentials.
    throw new UserError("HTTPS_PROXY / HTTP_PROXY is not a valid proxy URL.", "Expected something like http://proxy.example:3128");
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | { address: string; family: number }[], family?: number) => void;

/** A `lookup` for net.connect that answers `localhost` with 127.0.0.1 itself (and refuses any other name). */
export function lookupLocalhost(hostname: string, options: { all?: boolean } | number | LookupCallback, callback?: LookupCallback): void {
  const cb = (typeof options === "function" ? options : callback)!;
  const all = typeof options === "object" && options.all === true;
  if (hostname.toLowerCase() !== "localhost") {
    cb(Object.assign(new Error(`not looked up: ${hostname}`), { code: "ENOTFOUND" }), "");
    return;
  }
  if (all) cb(null, [{ address: "127.0.0.1", family: 4 }]);
  else cb(null, "127.0.0.1", 4);
}

/** The variable in lower case (the curl convention), else upper, else any other casing; null if unset or empty. */
export function envAnyCase(env: NodeJS.ProcessEnv, name: string): string | null {
  const candidates = [env[name.toLowerCase()], env[name.toUpperCase()]];
  for (const [k, v] of Object.entries(env)) if (k.toUpperCase() === name.toUpperCase()) candidates.push(v);
  return candidates.find((v): v is string => typeof v === "string" && v.trim() !== "")?.trim() ?? null;
}
