import { inspect } from "node:util";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/celonis/errors.js";
import { makeRedactor, MIN_KEY_PART } from "../../src/celonis/redact.js";
import { BASE, KEY, makeClient, MODEL_PATH, REF, rejectionOf, useMswServer } from "./support.js";

const server = useMswServer();
const POOLS = `${BASE}/integration/api/pools`;

/** Every way an error may be printed or serialised. */
function everythingAbout(err: unknown): string {
  const e = err as Error;
  const props = Object.getOwnPropertyNames(e).map((k) => `${k}=${String((e as unknown as Record<string, unknown>)[k])}`);
  return [String(e), e.message, e.stack ?? "", JSON.stringify(e), inspect(e, { depth: 10, showHidden: true }), ...props].join("\n");
}

function expectKeyless(err: unknown): void {
  expect(err).toBeInstanceOf(ApiError);
  const text = everythingAbout(err);
  expect(text).not.toContain(KEY);
  expect(text).not.toContain(encodeURIComponent(KEY));
}

describe("the key never leaves the client", () => {
  it.each([
    ["a problem body", 401, { title: `Bad key ${KEY}`, status: 401, detail: `Key ${KEY} is invalid`, errorCode: KEY }],
    ["a message body", 403, { message: `No permission for ${KEY}`, shortMessage: KEY, reference: `ref-${KEY}` }],
    ["field errors", 400, { errors: [{ attribute: "authorization", error: `Bearer ${KEY} rejected`, errorCode: KEY }] }],
  ])("even when the service echoes it in %s", async (_what, status, body) => {
    server.use(http.get(POOLS, () => HttpResponse.json(body, { status })));
    const { client } = makeClient();
    const err = (await rejectionOf(client.listPools())) as ApiError;
    expectKeyless(err);
    expect(err.serviceMessage).toContain("***");
  });

  it("in a plain-text echo of the request header", async () => {
    server.use(http.post(`${MODEL_PATH}/load`, ({ request }) => new HttpResponse(`bad header: ${request.headers.get("authorization")}`, { status: 400 })));
    const { client } = makeClient();
    const err = (await rejectionOf(client.triggerLoad(REF, "full"))) as ApiError;
    expectKeyless(err);
    expect(err.message).toBe("400 Bad Request: bad header: Bearer ***");
  });

  it("in a URL-encoded echo", async () => {
    const key = "abc/def+ghi=";
    server.use(http.get(POOLS, () => new HttpResponse(`denied for token=${encodeURIComponent(key)}`, { status: 401 })));
    const { client } = makeClient({ key });
    const err = (await rejectionOf(client.listPools())) as ApiError;
    expect(everythingAbout(err)).not.toContain(encodeURIComponent(key));
  });

  it("in retried failures, their onRetry reports and the final error", async () => {
    server.use(http.get(POOLS, () => HttpResponse.json({ message: `overloaded, key ${KEY}` }, { status: 503, statusText: `Busy ${KEY}` })));
    const { client, retries } = makeClient({ retry: { maxAttempts: 3 } });
    const err = await rejectionOf(client.listPools());
    expectKeyless(err);
    expect(retries).toHaveLength(2);
    expect(JSON.stringify(retries)).not.toContain(KEY);
  });

  it("in a redirect whose location carries it", async () => {
    server.use(http.get(POOLS, () => new HttpResponse(null, { status: 302, headers: { location: `https://sso.example/?t=${KEY}` } })));
    const { client } = makeClient();
    expectKeyless(await rejectionOf(client.listPools()));
  });

  it("in network errors and timeouts", async () => {
    server.use(
      http.get(POOLS, () => HttpResponse.error()),
      http.post(`${MODEL_PATH}/load`, () => new Promise<Response>(() => {})),
    );
    const { client, retries } = makeClient({ retry: { maxAttempts: 2 }, requestTimeoutMs: 20 });
    expectKeyless(await rejectionOf(client.listPools()));
    expectKeyless(await rejectionOf(client.triggerLoad(REF, "full")));
    expect(JSON.stringify(retries)).not.toContain(KEY);
  });

  it("in an unreadable success body", async () => {
    server.use(http.get(`${MODEL_PATH}/last-load`, () => new HttpResponse(`{"dataLoadId": "${KEY}"`, { status: 200 })));
    const { client } = makeClient();
    expectKeyless(await rejectionOf(client.lastLoad(REF)));
  });

  it("in what a successful answer says: a load's message, table names, pool and model names", async () => {
    server.use(
      http.get(`${MODEL_PATH}/last-load`, () =>
        HttpResponse.json({ id: "l1", status: "ERROR", loadType: "COMPLETE", startDate: "2026-11-28T10:00:00Z", endDate: "2026-11-28T10:01:00Z", message: `failed with key ${KEY}` }),
      ),
      http.get(`${MODEL_PATH}/tables`, () => HttpResponse.json([{ id: "t1", dataModelId: "model-1", name: `T ${KEY}`, alias: KEY }])),
      http.get(POOLS, () => HttpResponse.json([{ id: "pool-1", name: `pool of ${encodeURIComponent(KEY)}` }])),
    );
    const { client } = makeClient();
    const answers = [await client.lastLoad(REF), await client.listTables(REF), await client.listPools()];
    const text = JSON.stringify(answers);
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(encodeURIComponent(KEY));
    expect(answers[0]).toMatchObject({ id: "l1", status: "ERROR", message: "failed with key ***" });
    expect(answers[1]).toMatchObject([{ id: "t1", name: "T ***", alias: "***" }]);
  });

  it("and is not a property of the client", async () => {
    const { client } = makeClient();
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(KEY);
    expect(JSON.stringify(client)).not.toContain(KEY);
  });
});

/** The longest part of `key` found in `text` (0 when none). */
function longestLeak(text: string, key: string): number {
  for (let len = key.length; len > 0; len--) {
    for (let i = 0; i + len <= key.length; i++) if (text.includes(key.slice(i, i + len))) return len;
  }
  return 0;
}

describe("the key is masked before any cut, and so are parts of it", () => {
  const LONG_KEY = "kA9xQ2mZ7pL4wR8tV1nB6cY3hJ5dF0gS2kA9xQ2mZ7pL4wR8tV1nB6cY3hJ5dFz"; // 64 characters
  const pad = (n: number) => "p".repeat(n);
  const leakOf = (err: unknown) => longestLeak(everythingAbout(err), LONG_KEY);

  it("a key straddling the 500-character cut of a message, a reference or an errorCode", async () => {
    for (let n = 430; n <= 505; n++) {
      const echo = `${pad(n)}${LONG_KEY} and more`;
      server.use(http.get(POOLS, () => HttpResponse.json({ detail: echo, reference: echo, errorCode: echo }, { status: 400 })));
      const { client } = makeClient({ key: LONG_KEY });
      const err = await rejectionOf(client.listPools());
      expect(leakOf(err), `key at ${n}`).toBeLessThan(MIN_KEY_PART);
    }
  });

  it("a key straddling the 200-character cut of a Location header", async () => {
    for (let n = 150; n <= 205; n++) {
      server.use(http.get(POOLS, () => new HttpResponse(null, { status: 302, headers: { location: `https://sso.example/${pad(n)}${LONG_KEY}x` } })));
      const { client } = makeClient({ key: LONG_KEY });
      const err = await rejectionOf(client.listPools());
      expect(leakOf(err), `key at ${n}`).toBeLessThan(MIN_KEY_PART);
    }
  });

  it("a part of the key the service itself cut: any prefix or suffix of MIN_KEY_PART characters or more", async () => {
    for (let len = MIN_KEY_PART; len < LONG_KEY.length; len++) {
      const body = { message: `bad header ${LONG_KEY.slice(0, len)}`, reference: `${LONG_KEY.slice(-len)} ref`, errorCode: LONG_KEY.slice(0, len) };
      server.use(http.get(POOLS, () => HttpResponse.json(body, { status: 400 })));
      const { client } = makeClient({ key: LONG_KEY });
      const err = await rejectionOf(client.listPools());
      expect(leakOf(err), `${len} characters`).toBeLessThan(MIN_KEY_PART);
    }
  });

  it("masks whole keys, prefixes and suffixes, and leaves other text alone", () => {
    const redact = makeRedactor(LONG_KEY);
    expect(redact(`a ${LONG_KEY} b`)).toBe("a *** b");
    expect(redact(`a ${LONG_KEY.slice(0, 20)}…`)).toBe("a ***…");
    expect(redact(`…${LONG_KEY.slice(30)} b`)).toBe("…*** b");
    expect(redact(`x${LONG_KEY.slice(0, MIN_KEY_PART - 1)}x`)).toBe(`x${LONG_KEY.slice(0, MIN_KEY_PART - 1)}x`);
    expect(redact("nothing to see here")).toBe("nothing to see here");
    expect(redact(`${LONG_KEY.slice(0, 8)} and ${LONG_KEY.slice(-8)}`)).toBe("*** and ***");
  });
});
