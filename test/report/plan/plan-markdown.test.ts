import { describe, expect, test } from "vitest";
import { renderPlanMarkdown } from "../../../src/report/plan/plan-markdown.js";
import { MARKDOWN_LIMIT } from "../../../src/report/markdown.js";
import { NOW, allSkipPlan, largePlan, mixedPlan, model, planDoc } from "../fixtures.js";

const SHA = "3f9a0c1bd2e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0";

describe("renderPlanMarkdown", () => {
  test("a table of models, table lists in <details>, the hashes at the foot", () => {
    expect(renderPlanMarkdown(mixedPlan(), { now: NOW, planSha256: SHA })).toMatchInlineSnapshot(`
      "### reloadctl plan: 4 to reload, 2 skipped

      Expected ≈ 1h 02m at parallelism 4, 2 loads of unknown duration counted as the median; starts first: \`logistics/shipments\`, \`logistics/returns\`, \`finance/o2c\`, then 1 more.

      |  | model | action | tables | last load |
      |---|---|---|---|---|
      | ~ | finance/o2c | complete reload | all | SUCCESS, 29h ago |
      | ~ | finance/p2p | partial reload | 3 of 41 | SUCCESS, 2h ago |
      | = | finance/ar | skip (fresh) |  | SUCCESS, 42m ago |
      | ~ | logistics/shipments | reload from cache | from cache | never loaded |
      | ~ | logistics/returns | complete reload | all | ERROR, 3h ago: Table RET: column X missing |
      | = | logistics/pickups | skip (running) |  | RUNNING, started 5m ago |

      <details><summary>finance/p2p: 3 tables</summary>

      | table | id |
      |---|---|
      | EKKO | \`7a1f2c3d-0000-4000-8000-000000000001\` |
      | PO Items (EKPO) | \`9b2c11aa-0000-4000-8000-000000000002\` |
      | Vendor Master (LFA1) | \`11de90bb-0000-4000-8000-000000000003\` |

      </details>

      Plan \`3f9a0c1b2d4e\` (sha256 \`3f9a0c1b…\`) · manifest \`reload.config.yaml\` @ sha256 \`81be5d0a…\` · \`https://acme.eu-1.celonis.cloud\`"
    `);
  });

  test("heading for a plan that reloads nothing", () => {
    expect(renderPlanMarkdown(allSkipPlan(), { now: NOW, planSha256: SHA }).split("\n")[0]).toBe(
      "### reloadctl plan: nothing to reload, 2 skipped",
    );
  });

  test("escapes pipes and markdown in names and messages", () => {
    const doc = planDoc([
      model({
        address: "finance/a|b_*c*",
        lastLoad: { id: null, status: "ERROR", loadType: null, startDate: null, endDate: null, message: "<script>x</script> | `y`" },
      }),
    ]);
    const row = renderPlanMarkdown(doc, { now: NOW, planSha256: SHA }).split("\n").find((l) => l.startsWith("| ~"));
    expect(row).toBe("| ~ | finance/a\\|b\\_\\*c\\* | complete reload | all | ERROR: \\<script\\>x\\</script\\> \\| \\`y\\` |");
  });

  test("folds table lists first to stay under GitHub's comment limit, and says so", () => {
    const doc = largePlan(300, 10);
    const md = renderPlanMarkdown(doc, { now: NOW, planSha256: SHA });
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(md.match(/^\| ~ \| finance\/model-/gm)).toHaveLength(300);
    const shown = md.match(/<details>/g)?.length ?? 0;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(300);
    expect(md).toContain(`_Left out to fit GitHub's comment limit: the table lists of ${300 - shown} partial reloads.`);
  });

  test("then folds rows into “… and N more models”", () => {
    const doc = largePlan(1500, 1);
    const md = renderPlanMarkdown(doc, { now: NOW, planSha256: SHA });
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(md).not.toContain("<details>");
    const kept = md.match(/^\| ~ \| finance\/model-/gm)?.length ?? 0;
    expect(kept).toBeGreaterThan(100);
    expect(md).toContain(`|  | … and ${1500 - kept} more models |  |  |  |`);
    expect(md).toContain(`Left out to fit GitHub's comment limit: ${1500 - kept} of 1500 models and the table lists of 1500 partial reloads.`);
    expect(md.trimEnd().split("\n").at(-1)).toMatch(/^Plan `3f9a0c1b2d4e` \(sha256 `3f9a0c1b…`\)/);
  });

  test("honours a smaller limit", () => {
    const full = renderPlanMarkdown(mixedPlan(), { now: NOW, planSha256: SHA });
    const noDetails = renderPlanMarkdown(mixedPlan(), { now: NOW, planSha256: SHA, maxChars: full.length - 1 });
    expect(noDetails.length).toBeLessThan(full.length);
    expect(noDetails).not.toContain("<details>");
    expect(noDetails).toContain("the table list of 1 partial reload");
    const fewerRows = renderPlanMarkdown(mixedPlan(), { now: NOW, planSha256: SHA, maxChars: 700 });
    expect(fewerRows.length).toBeLessThanOrEqual(700);
    expect(fewerRows).toMatch(/… and \d more models/);
  });
});
