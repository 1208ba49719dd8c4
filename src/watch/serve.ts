// watch's own HTTP endpoint: /metrics for Prometheus, /healthz (the loop is alive), /readyz
// (the last tick reached the API). The only server in reloadctl besides the simulator.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { UserError } from "../shared/errors.js";
import type { WatchMetrics } from "./metrics.js";

export interface ListenAddress {
  host: string;
  port: number;
}

/** `HOST:PORT` (`127.0.0.1:9464`, `0.0.0.0:9464`, `[::1]:9464`); port 0 picks a free one. */
export function parseListen(text: string): ListenAddress {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]\s]+)):(\d{1,5})$/.exec(text.trim());
  const port = m ? Number(m[3]) : NaN;
  if (!m || port > 65_535) {
    throw new UserError(`--listen must be HOST:PORT; got "${text}"`, "e.g. --listen 127.0.0.1:9464 (loopback), or --listen 0.0.0.0:9464 in a container");
  }
  return { host: (m[1] ?? m[2])!, port };
}

export interface Health {
  alive: boolean;
  ready: boolean;
}

export interface MetricsServer {
  /** `http://HOST:PORT` as bound. */
  url: string;
  close(): Promise<void>;
}

export async function serveMetrics(at: ListenAddress, metrics: WatchMetrics, health: () => Health): Promise<MetricsServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" }).end("method not allowed\n");
      return;
    }
    const text = (status: number, body: string) => res.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(req.method === "HEAD" ? undefined : body);
    switch (path) {
      case "/metrics":
        metrics.expose().then(
          (m) => res.writeHead(200, { "content-type": m.contentType }).end(req.method === "HEAD" ? undefined : m.text),
          (err: unknown) => text(500, `metrics failed: ${err instanceof Error ? err.message : String(err)}\n`),
        );
        return;
      case "/healthz":
        return void (health().alive ? text(200, "ok\n") : text(503, "the loop has not ticked for too long\n"));
      case "/readyz": {
        const h = health();
        return void (h.ready ? text(200, "ok\n") : text(503, "not ready: the last tick did not reach the API, or watch is stopping\n"));
      }
      default:
        return void text(404, "not found: /metrics, /healthz, /readyz\n");
    }
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      const why = err.code === "EADDRINUSE" ? "the address is in use" : err.code === "EADDRNOTAVAIL" ? "no such address on this machine" : err.code === "EACCES" ? "permission denied" : err.message;
      reject(new UserError(`cannot listen on ${at.host}:${at.port}: ${why}`, "pick another address with --listen HOST:PORT"));
    };
    server.once("error", onError);
    server.listen(at.port, at.host, () => {
      server.off("error", onError);
      resolve();
    });
  });
  const bound = server.address() as AddressInfo;
  const host = bound.family === "IPv6" ? `[${bound.address}]` : bound.address;
  return {
    url: `http://${host}:${bound.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
