import { expect, test } from "vitest";
import type { ModelOutcome } from "../../../src/apply/events.js";
import { renderApplyMarkdown } from "../../../src/report/apply/apply-markdown.js";
import type { SummaryEvent } from "../../../src/report/apply/apply-model.js";
import { MARKDOWN_LIMIT } from "../../../src/report/markdown.js";
import { finishRun } from "../apply-events.js";

const summary = finishRun.at(-1) as SummaryEvent;

test("a job summary table: model, action, result, load status, duration, message", () => {
  expect(renderApplyMarkdown(summary)).toMatchInlineSnapshot(`
    "### reloadctl apply: 2 succeeded, 1 warning, 1 failed, 1 skipped · 2m 14s

    |  | model | action | result | load status | duration | message |
    |---|---|---|---|---|---|---|
    | ✔ | finance/p2p | partial | succeeded | SUCCESS | 1m 12s |  |
    | ⚠ | logistics/shipments | cache | succeeded | WARNING | 41s | Some rows rejected (counted as success) |
    | ✖ | logistics/returns | complete | **failed** | ERROR | 55s | Table RET: column X missing |
    | ✔ | finance/o2c | complete | succeeded | SUCCESS | 2m 13s |  |
    | · | finance/ar | skip | skipped |  |  | fresh: last SUCCESS 42m ago, maxAge 6h |"
  `);
});

test("when too big, keeps the failures and says how many rows were left out", () => {
  const ok: ModelOutcome = { address: "", action: "full", result: "succeeded", loadStatus: "SUCCESS", loadId: "x", message: null, durationMs: 1000 };
  const models: ModelOutcome[] = Array.from({ length: 3000 }, (_, i) => ({ ...ok, address: `finance/model-${i}` }));
  models[2500] = { ...ok, address: "finance/broken|one", result: "failed", loadStatus: "ERROR", message: "Table *X* missing" };
  const md = renderApplyMarkdown({ ...summary, models, succeeded: 2999, failed: 1, skipped: 0, warnings: 0 });
  expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
  expect(md.split("\n")[4]).toBe("| ✖ | finance/broken\\|one | complete | **failed** | ERROR | 1s | Table \\*X\\* missing |");
  const kept = md.match(/^\| ✔ /gm)?.length ?? 0;
  expect(md).toContain(`… and ${3000 - 1 - kept} more models`);
  expect(md).toContain(`Left out to fit GitHub's size limit: ${3000 - 1 - kept} of 3000 models.`);
});
