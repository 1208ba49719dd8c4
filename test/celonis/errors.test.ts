import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { parseErrorBody } from "../../src/celonis/error-body.js";
import { ApiError, isAlreadyRunning } from "../../src/celonis/errors.js";
import { classifyNetworkError, networkHint } from "../../src/celonis/network-error.js";
import { BASE, makeClient, MODEL_PATH, REF, rejectionOf, useMswServer } from "./support.js";

const server = useMswServer();

describe("parseErrorBody", () => {
  it.each([
    [
      "problem details",
      '{"title":"Unauthorized","status":401,"detail":"The API key is invalid","errorCode":"AUTH_INVALID"}',
      { message: "The API key is invalid", reference: null, errorCode: "AUTH_INVALID" },
    ],
    ["problem details without detail", '{"title":"Not Found","status":404}', { message: "Not Found", reference: null, errorCode: null }],
    [
      "message, shortMessage and reference",
      '{"message":"Invalid credentials","shortMessage":"Unauthorized","reference":"SIM-401"}',
      { message: "Invalid credentials", reference: "SIM-401", errorCode: null },
    ],
    ["shortMessage alone", '{"shortMessage":"Forbidden","reference":"R-9"}', { message: "Forbidden", reference: "R-9", errorCode: null }],
    [
      "field errors",
      '{"errors":[{"attribute":"tableIds","error":"must not be empty","errorCode":"EMPTY"},{"attribute":"x","error":"unknown"}]}',
      { message: "tableIds: must not be empty; x: unknown", reference: null, errorCode: "EMPTY" },
    ],
    ["plain text", "  Service temporarily\n unavailable ", { message: "Service temporarily unavailable", reference: null, errorCode: null }],
    ["an empty body", "", { message: null, reference: null, errorCode: null }],
    ["HTML from a proxy", "<html><body><h1>502 Bad Gateway</h1></body></html>", { message: null, reference: null, errorCode: null }],
    ["a doctype page", "<!DOCTYPE html>\n<html>…", { message: null, reference: null, errorCode: null }],
    ["JSON that is not an object", "[1,2]", { message: null, reference: null, errorCode: null }],
    ["a JSON string", '"boom"', { message: "boom", reference: null, errorCode: null }],
  ])("reads %s", (_what, text, expected) => {
    expect(parseErrorBody(text)).toEqual(expected);
  });

  it("shortens a very long text", () => {
    const parsed = parseErrorBody("x".repeat(2000));
    expect(parsed.message?.length).toBe(500);
    expect(parsed.message?.endsWith("…")).toBe(true);
  });
});

describe("ApiError from an HTTP answer", () => {
  const failWith = (status: number, body: string | null, headers: Record<string, string> = {}) =>
    server.use(http.get(`${BASE}/integration/api/pools`, () => new HttpResponse(body, { status, headers })));

  it("reads like `401 Unauthorized: Invalid credentials (reference SIM-401)`", async () => {
    failWith(401, '{"message":"Invalid credentials","shortMessage":"Unauthorized","reference":"SIM-401"}', { "content-type": "application/json" });
    const { client } = makeClient();
    const err = (await rejectionOf(client.listPools())) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.name).toBe("ApiError");
    expect(err.message).toBe("401 Unauthorized: Invalid credentials (reference SIM-401)");
    expect(err).toMatchObject({
      kind: "http",
      status: 401,
      method: "GET",
      path: "/integration/api/pools",
      serviceMessage: "Invalid credentials",
      reference: "SIM-401",
      retryable: false,
      mayHaveReachedServer: false,
    });
    expect(err.hint).toMatch(/USER_KEY/);
    expect(client.stats().requests).toBe(1);
  });

  it("shows the detail and error code of a problem body", async () => {
    failWith(404, '{"title":"Not Found","status":404,"detail":"Data pool pool-x not found","errorCode":"POOL_NOT_FOUND"}');
    const { client } = makeClient();
    const err = (await rejectionOf(client.listPools())) as ApiError;
    expect(err.message).toBe("404 Not Found: Data pool pool-x not found");
    expect(err.errorCode).toBe("POOL_NOT_FOUND");
  });

  it("shows field errors", async () => {
    server.use(
      http.post(`${MODEL_PATH}/load/partial-sync`, () =>
        HttpResponse.json({ errors: [{ attribute: "tableIds[0]", error: "unknown table", errorCode: "UNKNOWN_TABLE" }] }, { status: 400 }),
      ),
    );
    const { client } = makeClient();
    const err = (await rejectionOf(client.partialSync(REF, ["nope"]))) as ApiError;
    expect(err.message).toBe("400 Bad Request: tableIds[0]: unknown table");
    expect(err.errorCode).toBe("UNKNOWN_TABLE");
  });

  it("falls back to the status text for an empty body or an HTML page", async () => {
    failWith(403, "");
    const { client } = makeClient();
    expect(((await rejectionOf(client.listPools())) as ApiError).message).toBe("403 Forbidden");
    failWith(418, "<html><body>junk</body></html>");
    expect(((await rejectionOf(client.listPools())) as ApiError).message).toBe("418 I'm a Teapot");
  });

  it("refuses to follow a redirect, pointing at the base URL", async () => {
    failWith(302, null, { location: "https://login.example/sso" });
    const { client } = makeClient();
    const err = (await rejectionOf(client.listPools())) as ApiError;
    expect(err.message).toBe("302 Found: redirected to https://login.example/sso");
    expect(err.hint).toMatch(/base URL/);
    expect(client.stats().requests).toBe(1);
  });
});

describe("isAlreadyRunning", () => {
  const apiError = (status: number, serviceMessage: string | null, errorCode: string | null = null) =>
    new ApiError({ kind: "http", status, method: "POST", path: "/x", message: "m", serviceMessage, errorCode, retryable: false, mayHaveReachedServer: false });

  it.each([
    [apiError(409, null), true],
    [apiError(400, "A data model load is already running"), true],
    [apiError(423, "Data model load in progress"), true],
    [apiError(400, null, "LOAD_IN_PROGRESS"), true],
    [apiError(400, "tableIds must not be empty"), false],
    [apiError(400, "Query running out of memory"), false],
    [apiError(400, "Data model is currently being loaded"), true],
    [apiError(423, null), false],
    [apiError(500, "load is running"), false],
    [new Error("409"), false],
    [new ApiError({ kind: "network", status: null, method: "POST", path: "/x", message: "running", retryable: false, mayHaveReachedServer: true }), false],
  ])("%#: %s", (err, expected) => {
    expect(isAlreadyRunning(err)).toBe(expected);
  });

  it("recognises a 409 from the service", async () => {
    server.use(http.post(`${MODEL_PATH}/load`, () => HttpResponse.json({ title: "Conflict", detail: "A load is running" }, { status: 409 })));
    const { client } = makeClient();
    const err = await rejectionOf(client.triggerLoad(REF, "full"));
    expect(isAlreadyRunning(err)).toBe(true);
    expect(err).toMatchObject({ retryable: false, mayHaveReachedServer: false });
  });
});

describe("networkHint: what to check when no service answered", () => {
  const hint = (code: string) => networkHint(classifyNetworkError(Object.assign(new Error("fetch failed"), { cause: { code } })), "acme.eu-1.celonis.cloud");
  it.each([
    ["ENOTFOUND", /^No host acme\.eu-1\.celonis\.cloud is known here: check its spelling in CELONIS_URL/],
    ["EAI_AGAIN", /check its spelling in CELONIS_URL .* DNS works here/],
    ["ECONNREFUSED", /^Nothing answers at acme\.eu-1\.celonis\.cloud: check the host and port/],
    ["ETIMEDOUT", /cannot be reached from here: a firewall, a VPN, or a proxy/],
    ["UND_ERR_CONNECT_TIMEOUT", /cannot be reached from here/],
    ["ECONNRESET", /^The connection was cut/],
    ["UNABLE_TO_VERIFY_LEAF_SIGNATURE", /TLS certificate was not accepted; a corporate proxy may need NODE_EXTRA_CA_CERTS/],
    ["CERT_HAS_EXPIRED", /TLS certificate/],
  ])("%s", (code, expected) => {
    expect(hint(code)).toMatch(expected);
  });
  it("a port fetch refuses (undici's \"bad port\", no code): never sent, and the hint says to use the service's port", async () => {
    const { fetch } = await import("undici");
    const err: unknown = await fetch("http://127.0.0.1:1/").then(() => null, (e: unknown) => e);
    const failure = classifyNetworkError(err);
    expect(failure).toMatchObject({ code: "BAD_PORT", neverSent: true, description: "bad port (fetch refuses to connect to it)" });
    expect(networkHint(failure, "127.0.0.1:1")).toMatch(/^fetch never connects to the port of 127\.0\.0\.1:1, .*"bad ports".*: set CELONIS_URL \(else connection\.url\) to the service's own port/);
  });
  it("has nothing to add without a cause", () => {
    expect(networkHint(null, "h")).toBeNull();
    expect(hint("E_SOMETHING_ELSE")).toBeNull();
  });
});
