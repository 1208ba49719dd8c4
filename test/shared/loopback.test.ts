import { describe, expect, it } from "vitest";
import { isLoopbackHost } from "../../src/shared/loopback.js";
import { isPlausibleEnvName } from "../../src/shared/env-name.js";

describe("isLoopbackHost", () => {
  it.each(["localhost", "LOCALHOST", "127.0.0.1", "127.255.255.254", "127.0.0.5", "::1", "[::1]"])("allows %s", (h) => {
    expect(isLoopbackHost(h)).toBe(true);
  });
  it.each(["localhost.", "localhost.evil.com", "128.0.0.1", "127.0.0.256", "127.0.0", "127.0.0.01", "0.0.0.0", "10.0.0.1", "::2", "evil127.0.0.1"])("refuses %s", (h) => {
    expect(isLoopbackHost(h)).toBe(false);
  });
});

describe("isPlausibleEnvName", () => {
  it.each(["CELONIS_API_TOKEN", "MY_RELOAD_KEY", "TOKEN", "CELONIS_TOKEN_2"])("takes %s for a variable's name", (n) => {
    expect(isPlausibleEnvName(n)).toBe(true);
  });
  it.each(["ODk2NjE0OGQtZjVhMi00ZmJlLTg0MmMtMzExNTVjZTRjYTAw", "A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D6", "ABCDEFGHIJKLMNOPQRSTUVWX", "my_token", "1ABC"])("takes %s for a possible key", (n) => {
    expect(isPlausibleEnvName(n)).toBe(false);
  });
});
