import { describe, expect, it } from "vitest";
import { authorizationHeader, isLoopbackHost, resolveConnection } from "../../src/celonis/connection.js";
import { UserError } from "../../src/shared/errors.js";

const MANIFEST = { url: "https://acme.eu-1.celonis.cloud", keyType: "USER_KEY" as const, tokenEnv: "CELONIS_API_TOKEN" };
const KEY = "k3y-VALUE-never-shown";
const ENV = { CELONIS_API_TOKEN: KEY };

function userErrorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error("expected a UserError");
}

describe("resolveConnection", () => {
  it("takes the manifest's URL, key type and token variable", () => {
    expect(resolveConnection(ENV, MANIFEST)).toEqual({
      baseUrl: "https://acme.eu-1.celonis.cloud",
      key: KEY,
      keyType: "USER_KEY",
      tokenEnv: "CELONIS_API_TOKEN",
    });
  });

  it("prefers CELONIS_URL and CELONIS_KEY_TYPE from the environment", () => {
    const c = resolveConnection({ ...ENV, CELONIS_URL: "https://other.us-1.celonis.cloud/", CELONIS_KEY_TYPE: "APP_KEY" }, MANIFEST);
    expect(c).toMatchObject({ baseUrl: "https://other.us-1.celonis.cloud", keyType: "APP_KEY" });
  });

  it("reads the key from the variable the manifest names", () => {
    const c = resolveConnection({ MY_TOKEN: ` ${KEY}\n` }, { ...MANIFEST, tokenEnv: "MY_TOKEN" });
    expect(c).toMatchObject({ key: KEY, tokenEnv: "MY_TOKEN" });
  });

  it("normalises trailing slashes away, keeping a path prefix", () => {
    expect(resolveConnection(ENV, { ...MANIFEST, url: "https://acme.eu-1.celonis.cloud/prefix//" }).baseUrl).toBe(
      "https://acme.eu-1.celonis.cloud/prefix",
    );
    expect(resolveConnection(ENV, { ...MANIFEST, url: "HTTPS://ACME.eu-1.celonis.cloud:443/" }).baseUrl).toBe("https://acme.eu-1.celonis.cloud");
  });

  it("refuses a page's URL pasted from the browser, naming the team's address to use instead", () => {
    const err = userErrorOf(() => resolveConnection({ ...ENV, CELONIS_URL: "https://acme.eu-1.celonis.cloud/integration/ui/pools" }, MANIFEST));
    expect(err.message).toBe(
      "CELONIS_URL has the path of a page or API route (/integration/ui/pools): set it to the team's address only, https://acme.eu-1.celonis.cloud.",
    );
    expect(err.hint).toContain("CELONIS_URL=https://acme.eu-1.celonis.cloud");
    const fromManifest = userErrorOf(() => resolveConnection(ENV, { ...MANIFEST, url: "https://acme.eu-1.celonis.cloud/integration/api/pools" }));
    expect(fromManifest.message).toMatch(/^connection\.url has the path/);
    expect(fromManifest.hint).toContain("url: https://acme.eu-1.celonis.cloud");
  });

  it("refuses a missing URL with a hint", () => {
    const err = userErrorOf(() => resolveConnection(ENV, { ...MANIFEST, url: null }));
    expect(err.message).toMatch(/CELONIS_URL/);
    expect(err.hint).toMatch(/https:\/\//);
  });

  it("refuses a missing or empty key, naming the variable and never a value", () => {
    for (const env of [{}, { CELONIS_API_TOKEN: "" }, { CELONIS_API_TOKEN: "   " }]) {
      const err = userErrorOf(() => resolveConnection(env, MANIFEST));
      expect(err.message).toMatch(/CELONIS_API_TOKEN/);
    }
  });

  it("refuses a key that cannot go in a header without quoting it", () => {
    const err = userErrorOf(() => resolveConnection({ CELONIS_API_TOKEN: "abc def-secret" }, MANIFEST));
    expect(err.message).toMatch(/CELONIS_API_TOKEN/);
    expect(`${err.message} ${err.hint ?? ""}`).not.toContain("secret");
  });

  it("refuses an unknown key type", () => {
    const err = userErrorOf(() => resolveConnection({ ...ENV, CELONIS_KEY_TYPE: "ADMIN" }, MANIFEST));
    expect(err.message).toMatch(/CELONIS_KEY_TYPE/);
    expect(err.hint).toMatch(/USER_KEY.*APP_KEY/);
  });

  it("accepts a key type in lower case", () => {
    expect(resolveConnection({ ...ENV, CELONIS_KEY_TYPE: "app_key" }, MANIFEST).keyType).toBe("APP_KEY");
  });

  it.each([
    ["http://localhost:8080", "http://localhost:8080"],
    ["http://LOCALHOST/", "http://localhost"],
    ["http://127.0.0.1:9000/", "http://127.0.0.1:9000"],
    ["http://127.0.0.5:9000", "http://127.0.0.5:9000"],
    ["http://127.255.255.254", "http://127.255.255.254"],
    ["http://[::1]:7000/", "http://[::1]:7000"],
    ["https://10.0.0.1:8443", "https://10.0.0.1:8443"],
    ["https://acme.eu-1.celonis.cloud", "https://acme.eu-1.celonis.cloud"],
  ])("allows %s", (url, expected) => {
    expect(resolveConnection({ ...ENV, CELONIS_URL: url }, MANIFEST).baseUrl).toBe(expected);
  });

  it.each([
    ["plain http to a remote host", "http://acme.eu-1.celonis.cloud"],
    ["plain http to a private address", "http://10.0.0.1"],
    ["plain http to a host merely starting with 127", "http://127.example.com"],
    ["plain http to a host named like localhost", "http://localhost.evil.example"],
    ["plain http to 0.0.0.0", "http://0.0.0.0:8080"],
    ["another scheme", "ftp://acme.eu-1.celonis.cloud"],
    ["a file URL", "file:///etc/passwd"],
    ["not a URL", "acme.eu-1.celonis.cloud"],
    ["credentials in the URL", "https://user:pa55@acme.eu-1.celonis.cloud"],
    ["a query", "https://acme.eu-1.celonis.cloud/?token=x"],
  ])("refuses %s", (_what, url) => {
    const err = userErrorOf(() => resolveConnection({ ...ENV, CELONIS_URL: url }, MANIFEST));
    expect(err.message).toMatch(/CELONIS_URL/);
    expect(err.message).not.toContain("pa55");
  });

  it("names connection.url when the URL came from the manifest", () => {
    expect(userErrorOf(() => resolveConnection(ENV, { ...MANIFEST, url: "http://example.com" })).message).toMatch(/connection\.url/);
  });
});

describe("isLoopbackHost", () => {
  it.each([
    ["localhost", true],
    ["127.0.0.1", true],
    ["127.0.0.5", true],
    ["[::1]", true],
    ["::1", true],
    ["128.0.0.1", false],
    ["127.0.0", false],
    ["[::2]", false],
    ["example.com", false],
  ])("%s → %s", (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe("authorizationHeader", () => {
  it("sends a user key as Bearer and an application key as AppKey", () => {
    expect(authorizationHeader("USER_KEY", "abc")).toBe("Bearer abc");
    expect(authorizationHeader("APP_KEY", "abc")).toBe("AppKey abc");
  });
});
