// The production path over real sockets: undici's fetch with createDispatcher's pool, against a
// node:http server on a loopback port started here.
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";
import { Agent, EnvHttpProxyAgent } from "undici";
import dns from "node:dns";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createCelonisClient, type CelonisClient } from "../../src/celonis/client.js";
import { createDispatcher, envAnyCase } from "../../src/celonis/dispatcher.js";
import { ApiError } from "../../src/celonis/errors.js";
import { VERSION } from "../../src/version.js";
import { rejectionOf } from "./support.js";

const KEY = "real-socket-key-42";
const REF = { poolId: "pool-1", modelId: "model-1" };

interface Seen {
  method: string;
  url: string;
  auth: string | undefined;
  userAgent: string | undefined;
  body: string;
}

let server: Server;
let baseUrl: string;
let connections = 0;
const seen: Seen[] = [];
const sockets = new Set<Socket>();

async function listen(s: Server): Promise<number> {
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  return (s.address() as AddressInfo).port;
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString()));
  req.on("end", () => {
    seen.push({ method: req.method ?? "", url: req.url ?? "", auth: req.headers.authorization, userAgent: req.headers["user-agent"], body });
    if (req.headers.authorization !== `Bearer ${KEY}`) {
      res.writeHead(401, { "content-type": "application/json" }).end('{"message":"Invalid credentials","reference":"T-401"}');
    } else if (req.url === "/integration/api/pools") {
      res.writeHead(200, { "content-type": "application/json" }).end('[{"id":"p1","name":"Finance"}]');
    } else if (req.url?.endsWith("/load") && req.url.includes("/data-models/drop/")) {
      // The request was received in full; the answer never comes.
      req.socket.destroy();
    } else if (req.url?.endsWith("/load") || req.url?.endsWith("/partial-sync")) {
      res.writeHead(200).end();
    } else {
      res.writeHead(404).end();
    }
  });
}

beforeAll(async () => {
  server = createServer(handle);
  server.on("connection", (socket) => {
    connections++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  baseUrl = `http://127.0.0.1:${await listen(server)}`;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const clients: CelonisClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  seen.length = 0;
});

function realClient(overrides: { baseUrl?: string; key?: string; env?: NodeJS.ProcessEnv } = {}): CelonisClient {
  const client = createCelonisClient({
    baseUrl: overrides.baseUrl ?? baseUrl,
    key: overrides.key ?? KEY,
    keyType: "USER_KEY",
    dispatcher: createDispatcher(overrides.env ?? {}, { baseUrl: overrides.baseUrl ?? baseUrl }),
    sleep: async () => {},
    retry: { maxAttempts: 3 },
  });
  clients.push(client);
  return client;
}

describe("through undici over real sockets", () => {
  it("connects `localhost` to 127.0.0.1 itself, never asking a resolver (which could send the key elsewhere)", async () => {
    const lookup = vi.spyOn(dns, "lookup");
    try {
      const client = realClient({ baseUrl: baseUrl.replace("127.0.0.1", "localhost") });
      expect(await client.listPools()).toEqual([{ id: "p1", name: "Finance" }]);
      expect(lookup.mock.calls.filter(([host]) => String(host).startsWith("localhost"))).toEqual([]);
    } finally {
      lookup.mockRestore();
    }
  });

  it("reuses one kept-alive socket for sequential requests", async () => {
    const client = realClient();
    const before = connections;
    // undici hands a socket back to its pool a turn after the body ends; the client's callers
    // (polls, one model after another) are never faster than that.
    const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
    for (let i = 0; i < 3; i++) {
      expect(await client.listPools()).toEqual([{ id: "p1", name: "Finance" }]);
      await turn();
    }
    await client.triggerLoad(REF, "full");
    await turn();
    await client.partialSync(REF, ["t1"]);
    expect(connections - before).toBe(1);
    expect(seen.map((s) => `${s.method} ${s.url} ${s.body}`)).toEqual([
      "GET /integration/api/pools ",
      "GET /integration/api/pools ",
      "GET /integration/api/pools ",
      "POST /integration/api/v1/data-pools/pool-1/data-models/model-1/load ",
      'POST /integration/api/v1/data-pools/pool-1/data-models/model-1/load/partial-sync ["t1"]',
    ]);
    expect(seen[0]).toMatchObject({ auth: `Bearer ${KEY}`, userAgent: `reloadctl/${VERSION}` });
  });

  it("a socket destroyed after the trigger was received: not re-sent, mayHaveReachedServer", async () => {
    const client = realClient();
    const err = (await rejectionOf(client.triggerLoad({ poolId: "pool-1", modelId: "drop" }, "full"))) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ kind: "network", status: null, method: "POST", retryable: false, mayHaveReachedServer: true, errorCode: "UND_ERR_SOCKET" });
    expect(seen.filter((s) => s.method === "POST")).toHaveLength(1);
    expect(client.stats()).toEqual({ requests: 1, retries: 0, rateLimited: 0 });
  });

  it("a refused connection: the trigger was never sent, so it is tried again, then reported as not sent", async () => {
    const closed = createServer();
    const port = await listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const client = realClient({ baseUrl: `http://127.0.0.1:${port}` });
    const err = (await rejectionOf(client.triggerLoad(REF, "full"))) as ApiError;
    expect(err).toMatchObject({ kind: "network", retryable: true, mayHaveReachedServer: false, errorCode: "ECONNREFUSED" });
    expect(err.message).toBe(`POST /integration/api/v1/data-pools/pool-1/data-models/model-1/load: connection refused (ECONNREFUSED) talking to 127.0.0.1:${port}`);
    // And says what to check.
    expect(err.hint).toBe(`Nothing answers at 127.0.0.1:${port}: check the host and port in CELONIS_URL (else connection.url); for the simulator, that \`reloadctl sim\` still runs on that port.`);
    expect(client.stats()).toEqual({ requests: 3, retries: 2, rateLimited: 0 });
  });

  it("a wrong key gets the service's 401, without the key in the error", async () => {
    const client = realClient({ key: "wrong-key-123" });
    const err = (await rejectionOf(client.listPools())) as ApiError;
    expect(err.message).toBe("401 Unauthorized: Invalid credentials (reference T-401)");
    expect(JSON.stringify(err) + String(err.stack)).not.toContain("wrong-key-123");
  });

  it("close() closes the dispatcher the client created, and not one it was given", async () => {
    const own = createCelonisClient({ baseUrl, key: KEY, keyType: "USER_KEY" });
    await own.close();
    const given = new Agent();
    const borrowing = createCelonisClient({ baseUrl, key: KEY, keyType: "USER_KEY", dispatcher: given });
    await borrowing.close();
    expect(given.closed).toBe(false);
    await given.close();
  });
});

describe("createDispatcher", () => {
  it("is a plain keep-alive Agent without proxy variables", () => {
    const d = createDispatcher({});
    expect(d).toBeInstanceOf(Agent);
    void d.close();
  });

  it.each([["HTTPS_PROXY"], ["https_proxy"], ["HTTP_PROXY"], ["Http_Proxy"]])("uses the environment's proxy when %s is set", (name) => {
    const d = createDispatcher({ [name]: "http://proxy.example:3128" });
    expect(d).toBeInstanceOf(EnvHttpProxyAgent);
    void d.close();
  });

  it("refuses a proxy URL it cannot use, without showing it", () => {
    expect(() => createDispatcher({ HTTPS_PROXY: "::not a url user:s3cret@" })).toThrow(expect.objectContaining({ name: "UserError" }));
    try {
      createDispatcher({ HTTPS_PROXY: "::not a url user:s3cret@" });
    } catch (err) {
      expect(String(err)).not.toContain("s3cret");
    }
  });

  it("reads a variable in any case, lower case first", () => {
    expect(envAnyCase({ no_proxy: "a", NO_PROXY: "b" }, "NO_PROXY")).toBe("a");
    expect(envAnyCase({ No_Proxy: "c" }, "NO_PROXY")).toBe("c");
    expect(envAnyCase({ NO_PROXY: "  " }, "NO_PROXY")).toBeNull();
  });

  describe("through a proxy", () => {
    let proxy: Server;
    let proxyUrl: string;
    const proxied: string[] = [];
    const tunnels = new Set<Socket>();

    beforeAll(async () => {
      proxy = createServer((req, res) => {
        // Absolute-form request: forward it.
        proxied.push(`${req.method} ${req.url}`);
        const target = new URL(req.url ?? "");
        const upstream = httpRequest({ host: target.hostname, port: target.port, path: target.pathname + target.search, method: req.method, headers: req.headers }, (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        });
        req.pipe(upstream);
      });
      proxy.on("connect", (req: IncomingMessage, client: Socket, head: Buffer) => {
        proxied.push(`CONNECT ${req.url}`);
        tunnels.add(client);
        const [host, port] = (req.url ?? "").split(":");
        if (host === "forbidden.invalid") {
          client.end("HTTP/1.1 403 Forbidden\r\n\r\n");
          return;
        }
        if (host !== "127.0.0.1") {
          client.end("HTTP/1.1 502 Bad Gateway\r\n\r\n");
          return;
        }
        const upstream = connect(Number(port), host, () => {
          client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
          upstream.write(head);
          upstream.pipe(client);
          client.pipe(upstream);
        });
        upstream.on("error", () => client.destroy());
        client.on("error", () => upstream.destroy());
      });
      proxyUrl = `http://127.0.0.1:${await listen(proxy)}`;
    });

    afterAll(async () => {
      proxy.closeAllConnections();
      for (const t of tunnels) t.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    });

    it("never sends a loopback base URL through a proxy: it names this machine, and may be plain http", async () => {
      proxied.length = 0;
      const client = realClient({ env: { HTTP_PROXY: proxyUrl, https_proxy: proxyUrl } });
      expect(await client.listPools()).toEqual([{ id: "p1", name: "Finance" }]);
      expect(seen.at(-1)?.auth).toBe(`Bearer ${KEY}`);
      expect(proxied).toEqual([]);
    });

    it("sends requests for other hosts through HTTPS_PROXY, as a CONNECT tunnel", async () => {
      proxied.length = 0;
      const client = realClient({ baseUrl: "https://celonis.invalid", env: { HTTPS_PROXY: proxyUrl } });
      await expect(client.listPools()).rejects.toMatchObject({ name: "ApiError" });
      expect(proxied[0]).toBe("CONNECT celonis.invalid:443");
    });

    it("says a proxy's 403 is the proxy's, with what to check, and does not try again", async () => {
      proxied.length = 0;
      const client = realClient({ baseUrl: "https://forbidden.invalid", env: { HTTPS_PROXY: proxyUrl } });
      const err = (await rejectionOf(client.listPools())) as ApiError;
      expect(err.message).toBe("GET /integration/api/pools: the proxy refused to connect to the service (it answered 403) talking to forbidden.invalid");
      expect(err.hint).toMatch(/^The proxy in HTTPS_PROXY answered 403: check its address and credentials/);
      expect(err.retryable).toBe(false);
      expect(proxied).toEqual(["CONNECT forbidden.invalid:443"]);
    });
  });
});
