import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { replaceFile, writeFileForUser } from "../../src/shared/replace-file.js";

const dir = () => mkdtempSync(join(tmpdir(), "replace-file-"));

describe("replaceFile", () => {
  it("replaces a regular file, leaving nothing beside it", async () => {
    const d = dir();
    writeFileSync(join(d, "a.json"), "old");
    await replaceFile(join(d, "a.json"), "new");
    expect(readFileSync(join(d, "a.json"), "utf8")).toBe("new");
    expect(readdirSync(d)).toEqual(["a.json"]);
  });

  it("follows a symlink, and a dangling one, to write its target: the link stays a link", async () => {
    const d = dir();
    writeFileSync(join(d, "target.json"), "old");
    symlinkSync(join(d, "target.json"), join(d, "link.json"));
    symlinkSync("later.json", join(d, "dangling.json"));
    await replaceFile(join(d, "link.json"), "new");
    await replaceFile(join(d, "dangling.json"), "made");
    expect(lstatSync(join(d, "link.json")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(d, "target.json"), "utf8")).toBe("new");
    expect(readlinkSync(join(d, "dangling.json"))).toBe("later.json");
    expect(readFileSync(join(d, "later.json"), "utf8")).toBe("made");
  });

  it("writes a device directly (never renaming over it), and refuses a directory", async () => {
    await replaceFile("/dev/null", "gone");
    expect(lstatSync("/dev/null").isCharacterDevice()).toBe(true);
    const d = dir();
    mkdirSync(join(d, "sub"));
    await expect(replaceFile(join(d, "sub"), "x")).rejects.toMatchObject({ code: "EISDIR" });
  });

  it("the reports apply writes go the same way, and a full device is an error in words", async () => {
    await expect(writeFileForUser("/dev/full", "x", { what: "JUnit report", hint: "h" })).rejects.toThrow("cannot write the JUnit report to /dev/full: no space left on the device");
  });

  it("says the path as the user gave it, with the hint; without `what`, the path alone", async () => {
    const err = await writeFileForUser("/dev/full", "x", { what: "plan", shown: "full.json", hint: "give --out a file path in a directory that exists" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ message: "cannot write the plan to full.json: no space left on the device", hint: "give --out a file path in a directory that exists" });
    await expect(writeFileForUser("/dev/full", "x", { hint: "h" })).rejects.toThrow("cannot write /dev/full: no space left on the device");
  });
});
