import { describe, expect, test } from "vitest";
import type { ModelOutcome } from "../../../src/apply/events.js";
import { renderApplyMarkdown } from "../../../src/report/apply/apply-markdown.js";
import type { SummaryEvent } from "../../../src/report/apply/apply-model.js";
import { MARKDOWN_LIMIT } from "../../../src/report/markdown.js";
import { FOLD_OVER } from "../../../src/report/markdown-report.js";
import { finishRun } from "../apply-events.js";

const summary = finishRun.at(-1) as SummaryEvent;
const footer = { version: "0.1.0", planId: "3f9a0c1b2d4e", manifestPath: "reload.config.yaml", baseUrl: "https://acme.eu-1.celonis.cloud" };
const ok: ModelOutcome = { address: "", action: "full", result: "succeeded", loadStatus: "SUCCESS", loadId: "x", message: null, durationMs: 1000 };

describe("renderApplyMarkdown", () => {
  test("the counts, then what needs attention in its own table, then the rest, then the footer", () => {
    expect(renderApplyMarkdown(summary, { footer })).toMatchInlineSnapshot(`
      "### ❌ reloadctl apply: 2 succeeded, 1 warning, 1 failed, 1 skipped · 2m 14s

      **Needs attention**

      |  | model | action | result | load status | duration | message |
      |---|---|---|---|---|---|---|
      | ❌ | logistics/returns | complete | **failed** | ERROR | 55s | Table RET: column X missing |
      | ⚠️ | logistics/shipments | from cache | succeeded | WARNING | 41s | Some rows rejected (counted as success) |

      **2 succeeded, 1 skipped**

      |  | model | action | result | load status | duration | message |
      |---|---|---|---|---|---|---|
      | ✅ | finance/p2p | partial | succeeded | SUCCESS | 1m 12s |  |
      | ✅ | finance/o2c | complete | succeeded | SUCCESS | 2m 13s |  |
      | ⏭️ | finance/ar | skip | skipped |  |  | fresh: last SUCCESS 42m ago, maxAge 6h |

      <sub>reloadctl 0.1.0 · plan \`3f9a0c1b2d4e\` · manifest \`reload.config.yaml\` · \`https://acme.eu-1.celonis.cloud\`</sub>"
    `);
  });

  test("80 models: the failures come first, on the first screen; the successes fold into one <details>", () => {
    const models: ModelOutcome[] = Array.from({ length: 80 }, (_, i) => ({ ...ok, address: `pool${i % 4}/model-${i}` }));
    models[7] = { ...ok, address: "pool3/model-7", result: "failed", loadStatus: "ERROR", message: "Table RET: column X missing" };
    models[41] = { ...ok, address: "pool1/model-41", result: "timed_out", loadStatus: "RUNNING", message: "did not end within 2h" };
    models[77] = { ...ok, address: "pool1/model-77", loadStatus: "WARNING", message: "Some rows rejected" };
    const md = renderApplyMarkdown({ ...summary, models, succeeded: 78, failed: 1, timedOut: 1, warnings: 1, skipped: 0 }, { footer });
    const lines = md.split("\n");
    expect(lines[0]).toBe("### ❌ reloadctl apply: 77 succeeded, 1 warning, 1 failed, 1 timed out · 2m 14s");
    expect(lines.slice(0, 10).filter((l) => /^\| (❌|⚠️) /.test(l))).toEqual([
      "| ❌ | pool3/model-7 | complete | **failed** | ERROR | 1s | Table RET: column X missing |",
      "| ❌ | pool1/model-41 | complete | **timed out** | RUNNING | 1s | did not end within 2h |",
      "| ⚠️ | pool1/model-77 | complete | succeeded | WARNING | 1s | Some rows rejected (counted as success) |",
    ]);
    expect(md).toContain("<details><summary>77 succeeded, 0 skipped</summary>");
    expect(md.match(/^\| ✅ /gm)).toHaveLength(77);
    expect(lines.at(-1)).toBe("<sub>reloadctl 0.1.0 · plan `3f9a0c1b2d4e` · manifest `reload.config.yaml` · `https://acme.eu-1.celonis.cloud`</sub>");
  });

  test(`up to ${FOLD_OVER} rows nothing is folded`, () => {
    const models = Array.from({ length: FOLD_OVER }, (_, i) => ({ ...ok, address: `p/m${i}` }));
    expect(renderApplyMarkdown({ ...summary, models }, { footer })).not.toContain("<details>");
  });

  test("when too big for a comment, keeps the failures, cuts the rest and says how many rows were left out", () => {
    const models: ModelOutcome[] = Array.from({ length: 3000 }, (_, i) => ({ ...ok, address: `finance/model-${i}` }));
    models[2500] = { ...ok, address: "finance/broken|one", result: "failed", loadStatus: "ERROR", message: "Table *X* missing" };
    const md = renderApplyMarkdown({ ...summary, models, succeeded: 2999, failed: 1, skipped: 0, warnings: 0 }, { footer });
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(md).toContain("| ❌ | finance/broken\\|one | complete | **failed** | ERROR | 1s | Table \\*X\\* missing |");
    const kept = md.match(/^\| ✅ /gm)?.length ?? 0;
    expect(kept).toBeGreaterThan(100);
    expect(md).toContain(`| … and ${2999 - kept} more |`);
    expect(md).toContain(`_Left out to stay within GitHub's 65,536-character limit: ${2999 - kept} of 3000 models. \`reloadctl apply --json\` (or \`--results FILE\`) shows everything._`);
    expect(md.trimEnd().split("\n").at(-1)).toContain("plan `3f9a0c1b2d4e`");
  });

  test("the footer never shows a runner's absolute path", () => {
    const md = renderApplyMarkdown(summary, { footer: { ...footer, manifestPath: "/home/runner/work/repo/reload.config.yaml" } });
    expect(md).not.toContain("/home/runner");
    expect(md).toContain("manifest `reload.config.yaml`");
  });
});
