// The redactor in plain values (the client's tests show every path out passes through it).
import { describe, expect, it } from "vitest";
import { MIN_KEY_PART, makeRedactor, maskParts, redactDeep } from "../../src/celonis/redact.js";

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

// One decision of the part masker each (StrykerJS: stryker.survivors.md). A key of distinct
// characters, so a part of it matches the key in one place only.
describe("maskParts", () => {
  const KEY = "ABCDEFGHIJKLMNOP"; // 16 characters: prefix "ABCDEF…", suffix "…KLMNOP"

  it("masks a prefix of exactly MIN_KEY_PART characters, not one of MIN_KEY_PART - 1", () => {
    expect(MIN_KEY_PART).toBe(6);
    expect(maskParts("x ABCDEF y", KEY)).toBe("x *** y");
    expect(maskParts("x ABCDE y", KEY)).toBe("x ABCDE y");
  });

  it("masks a suffix of exactly MIN_KEY_PART characters, not one of MIN_KEY_PART - 1", () => {
    expect(maskParts("x KLMNOP y", KEY)).toBe("x *** y");
    expect(maskParts("x LMNOP y", KEY)).toBe("x LMNOP y");
  });

  it("masks a prefix at offset 0 and a suffix at the very end of the text", () => {
    expect(maskParts("ABCDEFGH tail", KEY)).toBe("*** tail");
    expect(maskParts("head IJKLMNOP", KEY)).toBe("head ***");
  });

  it("masks a suffix at offset 0 and a prefix at the very end of the text", () => {
    expect(maskParts("KLMNOP tail", KEY)).toBe("*** tail");
    expect(maskParts("head ABCDEFG", KEY)).toBe("head ***");
  });

  it("extends a prefix as far as the text follows the key, and no further", () => {
    expect(maskParts("ABCDEFGHIJ-KL", KEY)).toBe("***-KL");
    expect(maskParts("ABCDEFGHIJKLMNOPQ", KEY)).toBe("***Q");
  });

  it("extends a suffix back as far as the text follows the key, and no further", () => {
    expect(maskParts("EF-GHIJKLMNOP", KEY)).toBe("EF-***");
    expect(maskParts("0ABCDEFGHIJKLMNOP", KEY)).toBe("0***");
  });

  it("masks the text's own order of parts: a suffix before a prefix", () => {
    expect(maskParts("KLMNOP and ABCDEF", KEY)).toBe("*** and ***");
    expect(maskParts("ABCDEF and KLMNOP", KEY)).toBe("*** and ***");
  });

  it("masks a part that appears twice, and every one of overlapping occurrences once", () => {
    expect(maskParts("ABCDEF, ABCDEF.", KEY)).toBe("***, ***.");
    // "aaaaaa" occurs at 0, 1 and 2 of "aaaaaaaa": one mask over all of them
    expect(maskParts("aaaaaaaa-", "aaaaaaab")).toBe("***-");
  });

  it("masks a prefix and a suffix that overlap in the text once, and one inside another once", () => {
    // prefix "ABCDEFGHIJ" (0..10) and suffix "GHIJKLMNOP" cannot both match one text unless it is
    // the key; a repeating key can: prefix "abcabcab" and suffix "cabcabc" overlap in "abcabcabc"
    expect(maskParts("<abcabcabc>", "abcabcabcX")).toBe("<***>");
    expect(maskParts("<abcabcabcab>", "abcabcabc")).toBe("<***>");
  });

  it("masks a prefix and a suffix that touch each as its own part", () => {
    expect(maskParts("<ABCDEFKLMNOP>", KEY)).toBe("<******>");
  });

  it("masks a key shorter than MIN_KEY_PART only whole", () => {
    expect(maskParts("xabcyy abc", "abc")).toBe("x***yy ***");
    expect(maskParts("ab", "abc")).toBe("ab");
  });

  it("leaves a text shorter than a part of the key as it is", () => {
    expect(maskParts("ABC", KEY)).toBe("ABC");
    expect(maskParts("", KEY)).toBe("");
  });
});
