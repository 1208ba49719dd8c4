import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { simMain } from "../../src/sim/cli.js";

class Capture extends Writable {
  text = "";
  private waiters: { re: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    this.waiters = this.waiters.filter((w) => {
      const m = this.text.match(w.re);
      if (m) w.resolve(m);
      return !m;
    });
    done();
  }
  /** Resolves once the output matches. */
  until(re: RegExp): Promise<RegExpMatchArray> {
    const m = this.text.match(re);
    return m ? Promise.resolve(m) : new Promise((resolve) => this.waiters.push({ re, resolve }));
  }
}

function io(signal?: AbortSignal) {
  return { stdout: new Capture(), stderr: new Capture(), env: {}, ...(signal ? { signal } : {}) };
}

describe("reloadctl sim", () => {
  it.each([["--help"], ["-h"]])("%s prints the usage and every flag, and returns 0", async (flag) => {
    const out = io();
    expect(await simMain([flag], out)).toBe(0);
    expect(out.stdout.text).toMatch(/^Usage: reloadctl sim \[options\]/);
    for (const f of ["--port", "--host", "--key", "--fixture", "--load-time", "--latency", "--rate-limit", "--page-size", "--fail-rate", "--seed"]) {
      expect(out.stdout.text).toContain(f);
    }
    expect(out.stderr.text).toBe("");
  });

  it.each([
    [["--bogus"], "error: Unknown option '--bogus'"],
    [["extra"], "error: Unexpected argument 'extra'"],
    [["--port"], "error: Option '--port <value>' argument missing"],
    [["--port", "http"], 'error: --port must be a whole number from 0 to 65535; got "http"'],
    [["--port", "6000"], 'error: --port 6000 is a port that fetch refuses to connect to (a "bad port" of the Fetch standard): reloadctl could not reach the simulator there\n       choose another port, or --port 0 for a free one'],
    [["--port", "70000"], "--port must be a whole number from 0 to 65535"],
    [["--host", "0.0.0.0"], '--host must be a loopback address (127.0.0.1, ::1, localhost); got "0.0.0.0"'],
    [["--load-time", "soon"], '--load-time must be a duration like 500ms, 2s or 1m30s; got "soon"'],
    [["--latency=-5"], '--latency must be a duration like 500ms, 2s or 1m30s; got "-5"'],
    [["--latency", "soon"], '--latency must be a duration like 500ms, 2s or 1m30s; got "soon"'],
    [["--latency", "-5"], "error: Option '--latency' argument is ambiguous\n"],
    [["--rate-limit", "fast"], '--rate-limit must be requests per second like 20/s; got "fast"'],
    [["--page-size", "0"], '--page-size must be a whole number from 1 to 100000; got "0"'],
    [["--fail-rate", "1.5"], '--fail-rate must be a number from 0 to 1; got "1.5"'],
    [["--seed", "x"], "--seed must be a whole number"],
    [["--key", "a b"], "--key must be non-empty and without spaces"],
    [["--fixture", "/nonexistent/tenant.json"], "error: invalid simulator fixture /nonexistent/tenant.json: 1 problem\n  file not found\n       a complete example to start from: "],
  ])("%j returns 1 with a message and no stack", async (argv, message) => {
    const out = io();
    expect(await simMain(argv, out)).toBe(1);
    expect(out.stderr.text).toContain(message);
    expect(out.stderr.text).not.toMatch(/^\s+at /m);
    expect(out.stdout.text).toBe("");
  });

  it("serves until stopped, printing the URL and key to export, then returns 0", async () => {
    const stop = new AbortController();
    const out = io(stop.signal);
    const running = simMain(["--port", "0", "--key", "cli-test-key", "--load-time", "500ms", "--rate-limit", "50/s", "-v"], out);

    const [, url] = await out.stdout.until(/^reloadctl sim listening on (http:\/\/127\.0\.0\.1:\d+)$/m);
    expect(out.stdout.text).toContain(`export CELONIS_URL=${url} CELONIS_API_TOKEN=cli-test-key\n`);
    expect(out.stdout.text).toMatch(/tenant: the demo tenant \(examples\/tenant\.fixture\.json\): 3 pools, \d+ data models/);
    expect(out.stdout.text).toContain("loads take 500ms · no added latency · rate limit 50/s · seed 1");

    const res = await fetch(`${url}/integration/api/pools`, { headers: { authorization: "AppKey cli-test-key" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-ratelimit-limit")).toBe("50");
    await out.stderr.until(/GET \/integration\/api\/pools 200 \d+ms\n/);

    stop.abort();
    expect(await running).toBe(0);
    expect(out.stderr.text).toContain("reloadctl sim: stopped after 1 request and 0 loads");
    await expect(fetch(`${url}/integration/api/pools`)).rejects.toThrow();
  });

  it("says so when the port is taken", async () => {
    const stop = new AbortController();
    const first = io(stop.signal);
    const running = simMain(["--key", "k"], first);
    const [, port] = await first.stdout.until(/listening on http:\/\/127\.0\.0\.1:(\d+)/);
    const second = io();
    expect(await simMain(["--port", port ?? ""], second)).toBe(1);
    expect(second.stderr.text).toContain(`error: port ${port} on 127.0.0.1 is already in use`);
    stop.abort();
    expect(await running).toBe(0);
  });

  it("quotes a key the shell would split", async () => {
    const stop = new AbortController();
    const out = io(stop.signal);
    const running = simMain(["--key", "it's$key"], out);
    await out.stdout.until(/export .*\n/);
    expect(out.stdout.text).toContain(`CELONIS_API_TOKEN='it'\\''s$key'`);
    stop.abort();
    await running;
  });
});

describe("--fault and the fault rates", () => {
  it("turns each fault word into the model's fault", async () => {
    const { parseFault, parseSimFlags } = await import("../../src/sim/cli-flags.js");
    expect(parseFault("m-1:error,429x2,5xx,drop,trigger=503,late=2s,load-time=500ms")).toEqual([
      "m-1",
      { outcome: "ERROR", status429Times: 2, errorTimes: 1, dropAfterTrigger: true, triggerStatus: 503, appearDelayMs: 2_000, loadDurationMs: 500 },
    ]);
    expect(parseFault("m-2:hang,warning")).toEqual(["m-2", { hang: true, outcome: "WARNING" }]);
    expect(parseFault("m-4:started=500,older=1h,slow-reads=2m,limit-header=0.02,echo-key=302x3")).toEqual([
      "m-4",
      { triggerStartedStatus: 500, olderLoadMs: 3_600_000, slowReadsMs: 120_000, rateLimitHeader: "0.02", echoKeyTimes: 3, echoKeyStatus: 302 },
    ]);
    expect(parseFault("m-5:echo-key")).toEqual(["m-5", { echoKeyTimes: 1 }]);
    expect(() => parseFault("m-3:sometimes")).toThrow(/unknown fault "sometimes"/);
    expect(() => parseFault("no-colon")).toThrow(/MODEL_ID:FAULT/);
    const flags = parseSimFlags(["--fault", "a:hang", "--fault", "b:canceled", "--warn-rate", "0.5", "--hang-rate", "0.1"]);
    if (flags === "help") throw new Error("expected flags");
    expect(flags.options.faults).toEqual({ a: { hang: true }, b: { outcome: "CANCELED" } });
    expect(flags.options.global).toMatchObject({ warnRate: 0.5, hangRate: 0.1 });
  });
});

describe("--latency", () => {
  it("takes a duration like --load-time does, or a bare number of milliseconds", async () => {
    const { parseSimFlags } = await import("../../src/sim/cli-flags.js");
    const latency = (text: string) => {
      const flags = parseSimFlags(["--latency", text]);
      if (flags === "help") throw new Error("expected flags");
      return flags.options.latencyMs;
    };
    expect(latency("250ms")).toBe(250);
    expect(latency("2s")).toBe(2_000);
    expect(latency("1m")).toBe(60_000);
    expect(latency("40")).toBe(40);
  });
});
