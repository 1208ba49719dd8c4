import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/watch/log.js";
import { makeRedactor } from "../../src/celonis/redact.js";

const NOW = Date.parse("2026-11-28T12:00:00.000Z");

describe("watch's log", () => {
  it("writes one JSON object per line, with time, level, message and fields", () => {
    const out: string[] = [];
    const log = createLogger({ format: "json", write: (l) => void out.push(l), now: () => NOW });
    log.info("load ended", { address: "fin/o2c", loadId: "L1", result: "succeeded", durationMs: 81_234, message: null, skipped: undefined });
    log.error("manifest change refused", { problems: ["a.yaml:3:11: bad", "a.yaml:9:7: worse"] });
    expect(out.every((l) => !l.includes("\n"))).toBe(true);
    expect(out.map((l) => JSON.parse(l))).toEqual([
      { time: "2026-11-28T12:00:00.000Z", level: "info", msg: "load ended", address: "fin/o2c", loadId: "L1", result: "succeeded", durationMs: 81_234, message: null },
      { time: "2026-11-28T12:00:00.000Z", level: "error", msg: "manifest change refused", problems: ["a.yaml:3:11: bad", "a.yaml:9:7: worse"] },
    ]);
  });

  it("writes lines for people on a terminal, problems under the line", () => {
    const out: string[] = [];
    const log = createLogger({ format: "text", write: (l) => void out.push(l), now: () => NOW });
    log.warn("load ended", { address: "fin/o2c", result: "failed", message: "Table RET: column X missing", waiting: ["a/1", "a/2"] });
    log.error("manifest change refused", { problems: ["a.yaml:3:11: bad"] });
    expect(out).toEqual([
      '2026-11-28 12:00:00 WARN  load ended address=fin/o2c result=failed message="Table RET: column X missing" waiting=a/1,a/2',
      "2026-11-28 12:00:00 ERROR manifest change refused\n    a.yaml:3:11: bad",
    ]);
  });

  it("never writes the key", () => {
    const out: string[] = [];
    const log = createLogger({ format: "json", write: (l) => void out.push(l), now: () => NOW, redact: makeRedactor("s3cr3t-key") });
    log.error("retrying", { reason: "401 for Bearer s3cr3t-key" });
    expect(out[0]).not.toContain("s3cr3t-key");
    expect(JSON.parse(out[0]!).reason).toBe("401 for Bearer ***");
  });
});
