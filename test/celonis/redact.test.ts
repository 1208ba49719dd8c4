// The redactor in plain values (the client's tests show every path out passes through it).
import { describe, expect, it } from "vitest";
import { makeRedactor, redactDeep } from "../../src/celonis/redact.js";

describe("makeRedactor", () => {
  it("replaces every occurrence of the key", () => {
    expect(makeRedactor("s3cret")("a s3cret b s3cret")).toBe("a *** b ***");
  });

  it("replaces the key's URL-encoded form too", () => {
    expect(makeRedactor("k/y=+")("?t=k%2Fy%3D%2B and k/y=+")).toBe("?t=*** and ***");
  });

  it("leaves text without the key as it is", () => {
    expect(makeRedactor("s3cret")("nothing here")).toBe("nothing here");
  });

  it("changes nothing for an empty key", () => {
    expect(makeRedactor("")("any text")).toBe("any text");
  });
});

describe("redactDeep", () => {
  const redact = makeRedactor("s3cret");

  it("redacts a string", () => {
    expect(redactDeep("key s3cret", redact)).toBe("key ***");
  });

  it("redacts every string in arrays and objects, at any depth", () => {
    const answer = { message: "bad key s3cret", tables: [{ name: "T s3cret" }, "s3cret"], count: 2, ok: false, none: null };
    expect(redactDeep(answer, redact)).toEqual({ message: "bad key ***", tables: [{ name: "T ***" }, "***"], count: 2, ok: false, none: null });
  });

  it("leaves what is not a string as it is", () => {
    expect(redactDeep(42, redact)).toBe(42);
    expect(redactDeep(null, redact)).toBeNull();
    expect(redactDeep(undefined, redact)).toBeUndefined();
  });
});
