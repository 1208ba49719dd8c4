// A response body over the client's bound is an error at once: never held in memory whole, never
// asked for again.
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import type { ApiError } from "../../src/celonis/errors.js";
import { CLIENT_DEFAULTS } from "../../src/celonis/client.js";
import { makeClient, MODEL_PATH, REF, rejectionOf, useMswServer } from "./support.js";

const server = useMswServer();
const TABLES = `${MODEL_PATH}/tables`;
const table = (i: number) => ({ id: `t${i}`, dataModelId: "model-1", name: `T${i}`, alias: null, aliasOrName: `T${i}` });

describe("response bodies have a size bound", () => {
  it("a listing larger than the bound (by its content-length) is refused after one request", async () => {
    let requests = 0;
    server.use(http.get(TABLES, () => (requests++, HttpResponse.json(Array.from({ length: 200 }, (_, i) => table(i))))));
    const { client } = makeClient({ maxBodyBytes: 2_000 });
    const err = (await rejectionOf(client.listTables(REF))) as ApiError;
    expect(err.message).toMatch(/the service sent a body larger than 0 MB; it was not read/);
    expect(err.retryable).toBe(false);
    expect(requests).toBe(1);
  });

  it("a streamed body with no length stops being read at the bound", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode("[".repeat(1_000)));
      },
    });
    server.use(http.get(TABLES, () => new HttpResponse(endless, { status: 200, headers: { "content-type": "application/json" } })));
    const { client } = makeClient({ maxBodyBytes: 10_000 });
    const err = (await rejectionOf(client.listTables(REF))) as ApiError;
    expect(err.message).toMatch(/larger than/);
    expect(pulled).toBeLessThan(20);
  });

  it("a body under the bound is read as usual; the default bound is 32 MB", async () => {
    server.use(http.get(TABLES, () => HttpResponse.json([table(1)])));
    const { client } = makeClient({ maxBodyBytes: 2_000 });
    expect(await client.listTables(REF)).toHaveLength(1);
    expect(CLIENT_DEFAULTS.maxBodyBytes).toBe(32 * 1024 * 1024);
  });
});
