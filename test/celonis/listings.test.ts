// The pool and model listings: a bare array or a paged envelope (celonis-api.md leaves both open),
// every page followed through the same request path as any other read.
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/celonis/errors.js";
import { BASE, makeClient, rejectionOf, useMswServer } from "./support.js";

const server = useMswServer();
const POOLS = `${BASE}/integration/api/pools`;
const pool = (n: number) => ({ id: `p${n}`, name: `Pool ${n}` });
const pools = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => pool(from + i));

/** Answers each request with the next body, and records the query it asked with. */
function pagesOf(bodies: unknown[], seen: string[]) {
  return ({ request }: { request: Request }) => {
    seen.push(new URL(request.url).search);
    const body = bodies[seen.length - 1];
    return body === undefined ? HttpResponse.json({ message: "no such page" }, { status: 404 }) : HttpResponse.json(body);
  };
}

describe("listings", () => {
  it("takes a bare array as the whole list, in one request", async () => {
    const seen: string[] = [];
    server.use(http.get(POOLS, pagesOf([pools(1, 3)], seen)));
    const { client } = makeClient();
    expect(await client.listPools()).toEqual(pools(1, 3));
    expect(seen).toEqual([""]);
  });

  it("follows a Spring-style page (content, number, size, last) to its last page", async () => {
    const seen: string[] = [];
    const bodies = [
      { content: pools(1, 2), number: 0, size: 2, last: false },
      { content: pools(3, 4), number: 1, size: 2, last: false },
      { content: pools(5, 5), number: 2, size: 2, last: true },
    ];
    server.use(http.get(POOLS, pagesOf(bodies, seen)));
    const { client } = makeClient();
    expect(await client.listPools()).toEqual(pools(1, 5));
    expect(seen).toEqual(["", "?page=1&pageSize=2", "?page=2&pageSize=2"]);
  });

  it("follows `items` with a total count, and `data` with hasMore", async () => {
    const seen: string[] = [];
    server.use(
      http.get(POOLS, pagesOf([{ items: pools(1, 3), page: 0, pageSize: 3, totalCount: 4 }, { items: pools(4, 4), page: 1, pageSize: 3, totalCount: 4 }], seen)),
      http.get(`${POOLS}/:poolId/data-models`, () => HttpResponse.json({ data: [{ id: "m1", name: "O2C" }], hasMore: false })),
    );
    const { client } = makeClient();
    expect(await client.listPools()).toEqual(pools(1, 4));
    expect(seen).toEqual(["", "?page=1&pageSize=3"]);
    expect(await client.listModels("p1")).toEqual([{ id: "m1", name: "O2C", poolId: "p1" }]);
  });

  it("follows totalPages, as the simulator's --page-size answers", async () => {
    const seen: string[] = [];
    const bodies = [
      { content: pools(1, 2), page: 0, pageSize: 2, totalCount: 3, totalPages: 2 },
      { content: pools(3, 3), page: 1, pageSize: 2, totalCount: 3, totalPages: 2 },
    ];
    server.use(http.get(`${POOLS}/:poolId/data-models`, pagesOf(bodies, seen)));
    const { client } = makeClient();
    expect((await client.listModels("pool 1")).map((m) => m.id)).toEqual(["p1", "p2", "p3"]);
    expect(seen).toEqual(["", "?page=1&pageSize=2"]);
  });

  it("stops at an empty page even when the envelope claims more", async () => {
    const seen: string[] = [];
    server.use(http.get(POOLS, pagesOf([{ content: pools(1, 1), last: false, size: 1 }, { content: [], last: false, size: 1 }], seen)));
    const { client } = makeClient();
    expect(await client.listPools()).toEqual(pools(1, 1));
    expect(seen).toHaveLength(2);
  });

  it("retries a page that answered 503 like any read, and counts every page as a request", async () => {
    let calls = 0;
    server.use(
      http.get(POOLS, ({ request }) => {
        calls++;
        const second = new URL(request.url).searchParams.get("page") === "1";
        if (second && calls === 2) return HttpResponse.json({ message: "busy" }, { status: 503 });
        return HttpResponse.json(second ? { content: pools(2, 2), page: 1, last: true } : { content: pools(1, 1), page: 0, size: 1, last: false });
      }),
    );
    const { client, retries } = makeClient();
    expect(await client.listPools()).toEqual(pools(1, 2));
    expect(retries.map((r) => [r.path, r.reason])).toEqual([["/integration/api/pools?page=1&pageSize=1", "503 Service Unavailable"]]);
    expect(client.stats().requests).toBe(3);
  });

  it.each([
    ["an envelope without a list", { total: 3 }],
    ["an item without a name", [{ id: "p1" }]],
    ["a page whose item is not an object", { content: ["p1"], last: true }],
  ])("refuses %s as the service's error, naming the request", async (_what, body) => {
    server.use(http.get(POOLS, () => HttpResponse.json(body)));
    const { client } = makeClient();
    const err = await rejectionOf(client.listPools());
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ kind: "http", status: 200, retryable: false, path: "/integration/api/pools" });
  });
});
