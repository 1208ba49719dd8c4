import { afterEach, describe, expect, it } from "vitest";
import { WatchMetrics } from "../../src/watch/metrics.js";
import { parseListen, serveMetrics, type MetricsServer } from "../../src/watch/serve.js";
import { UserError } from "../../src/shared/errors.js";
import { Exposition } from "./exposition.js";

let server: MetricsServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe("the metrics endpoint", () => {
  it("serves /metrics in the Prometheus text format, and health as the loop says", async () => {
    const metrics = new WatchMetrics({ now: () => 0 });
    metrics.setModels([{ address: "fin/o2c", pool: "fin", maxAgeMs: 60_000 }]);
    const health = { alive: true, ready: false };
    server = await serveMetrics({ host: "127.0.0.1", port: 0 }, metrics, () => health);
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(new Exposition(await res.text()).value("reloadctl_model_loads_started_total", { address: "fin/o2c" })).toBe(0);
    const status = async (path: string, method = "GET") => (await fetch(`${server!.url}${path}`, { method })).status;
    expect([await status("/healthz"), await status("/readyz")]).toEqual([200, 503]);
    health.ready = true;
    health.alive = false;
    expect([await status("/healthz"), await status("/readyz")]).toEqual([503, 200]);
    expect([await status("/"), await status("/metrics", "POST"), await status("/readyz", "HEAD")]).toEqual([404, 405, 200]);
  });

  it("says clearly when it cannot listen", async () => {
    const metrics = new WatchMetrics({ now: () => 0 });
    server = await serveMetrics({ host: "127.0.0.1", port: 0 }, metrics, () => ({ alive: true, ready: true }));
    const port = Number(new URL(server.url).port);
    await expect(serveMetrics({ host: "127.0.0.1", port }, metrics, () => ({ alive: true, ready: true }))).rejects.toThrow(`cannot listen on 127.0.0.1:${port}: the address is in use`);
  });
});

describe("parseListen", () => {
  it("takes HOST:PORT, with IPv6 in brackets, and refuses anything else", () => {
    expect(parseListen("127.0.0.1:9464")).toEqual({ host: "127.0.0.1", port: 9464 });
    expect(parseListen("[::1]:0")).toEqual({ host: "::1", port: 0 });
    expect(parseListen("0.0.0.0:9464")).toEqual({ host: "0.0.0.0", port: 9464 });
    for (const bad of ["9464", "localhost", ":9464", "host:99999", "http://127.0.0.1:9464"]) expect(() => parseListen(bad), bad).toThrow(UserError);
  });
});
