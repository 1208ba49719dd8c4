import { describe, expect, test } from "vitest";
import { renderPlanMarkdown } from "../../../src/report/plan/plan-markdown.js";
import { MARKDOWN_LIMIT } from "../../../src/report/markdown.js";
import { NOW, allSkipPlan, largePlan, mixedPlan, model, planDoc } from "../fixtures.js";

describe("renderPlanMarkdown", () => {
  test("the counts, what needs attention, the rest with why, all resolved tables in one <details>, the footer", () => {
    expect(renderPlanMarkdown(mixedPlan(), { now: NOW })).toMatchInlineSnapshot(`
      "### reloadctl plan: 4 to reload (2 complete, 1 from cache, 1 partial), 2 skipped

      Expected ≈ 1h 02m at parallelism 4, 2 loads of unknown duration counted as the median; starts first: \`logistics/shipments\`, \`logistics/returns\`, \`finance/o2c\`, then 1 more.

      **Needs attention: the last load failed, warned or is still running**

      |  | model | action | tables | last load | why |
      |---|---|---|---|---|---|
      | ❌ | logistics/returns | complete reload | all | ERROR, 3h ago: Table RET: column X missing | last load ERROR |
      | ⚠️ | logistics/pickups | skip (running) |  | RUNNING, started 5m ago | a load is running (onRunning: skip) |

      **3 to reload, 1 skipped**

      |  | model | action | tables | last load | why |
      |---|---|---|---|---|---|
      | ~ | finance/o2c | complete reload | all | SUCCESS, 29h ago | every run (no maxAge) |
      | ~ | finance/p2p | partial reload | 3 of 41 | SUCCESS, 2h ago | every run (no maxAge) |
      | ⏭️ | finance/ar | skip (fresh) |  | SUCCESS, 42m ago | fresh: within maxAge 6h |
      | ~ | logistics/shipments | reload from cache | from cache | never loaded | never loaded |

      <details><summary>Resolved tables of 1 partial reload</summary>

      | model | table | id |
      |---|---|---|
      | finance/p2p | EKKO | \`7a1f2c3d-0000-4000-8000-000000000001\` |
      | finance/p2p | PO Items (EKPO) | \`9b2c11aa-0000-4000-8000-000000000002\` |
      | finance/p2p | Vendor Master (LFA1) | \`11de90bb-0000-4000-8000-000000000003\` |

      </details>

      <sub>reloadctl 0.1.0 · plan \`3f9a0c1b2d4e\` · manifest \`reload.config.yaml\` · \`https://acme.eu-1.celonis.cloud\`</sub>"
    `);
  });

  test("names looked up show under the address with the ids they resolved to", () => {
    const doc = planDoc([model({ address: "finance/o2c", poolName: "Finance", modelName: "Order | Cash" }), model({ address: "finance/ar" })]);
    const rows = renderPlanMarkdown(doc, { now: NOW }).split("\n").filter((l) => l.startsWith("| ~ | finance/"));
    expect(rows).toEqual([
      "| ~ | finance/o2c<br><sub>Finance → `0f1d6c9e…` / Order \\| Cash → `5b7c2e11…`</sub> | complete reload | all | never loaded | never loaded |",
      "| ~ | finance/ar | complete reload | all | never loaded | never loaded |",
    ]);
  });

  test("the footer names the target a plan of several tenants was made against", () => {
    const doc = { ...planDoc([model({ address: "finance/o2c" })]), target: "prod" };
    expect(renderPlanMarkdown(doc, { now: NOW }).trimEnd().split("\n").at(-1)).toBe(
      "<sub>reloadctl 0.1.0 · plan `3f9a0c1b2d4e` · manifest `reload.config.yaml` · target `prod` · `https://acme.eu-1.celonis.cloud`</sub>",
    );
  });

  test("heading for a plan that reloads nothing", () => {
    expect(renderPlanMarkdown(allSkipPlan(), { now: NOW }).split("\n")[0]).toBe(
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
    const row = renderPlanMarkdown(doc, { now: NOW }).split("\n").find((l) => l.startsWith("| ❌"));
    expect(row).toBe("| ❌ | finance/a\\|b\\_\\*c\\* | complete reload | all | ERROR: \\<script\\>x\\</script\\> \\| \\`y\\` | last load ERROR |");
  });

  test("drops the resolved tables first to stay under GitHub's comment limit, and says so", () => {
    const md = renderPlanMarkdown(largePlan(300, 10), { now: NOW });
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(md.match(/^\| ~ \| finance\/model-/gm)).toHaveLength(300);
    expect(md).not.toContain("Resolved tables");
    expect(md).toContain("_Left out to stay within GitHub's 65,536-character limit: the resolved tables. `reloadctl plan` shows everything._");
  });

  test("then cuts rows into “… and N more”, keeping the footer", () => {
    const md = renderPlanMarkdown(largePlan(1500, 1), { now: NOW });
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    const kept = md.match(/^\| ~ \| finance\/model-/gm)?.length ?? 0;
    expect(kept).toBeGreaterThan(100);
    expect(md).toContain(`| … and ${1500 - kept} more |`);
    expect(md).toContain(`Left out to stay within GitHub's 65,536-character limit: ${1500 - kept} of 1500 models, the resolved tables.`);
    expect(md.trimEnd().split("\n").at(-1)).toMatch(/^<sub>reloadctl 0\.1\.0 · plan `3f9a0c1b2d4e` · manifest `reload\.config\.yaml` · /);
  });

  test("folds the models that need no attention into one <details> past 20 rows, and says why each reloads", () => {
    const md = renderPlanMarkdown(largePlan(30, 1), { now: NOW });
    expect(md).toContain("<details><summary>30 to reload, 0 skipped</summary>");
    expect(md).toContain("| every run (no maxAge) |");
  });

  test("honours a smaller limit", () => {
    const full = renderPlanMarkdown(mixedPlan(), { now: NOW });
    const noTables = renderPlanMarkdown(mixedPlan(), { now: NOW, maxChars: full.length - 1 });
    expect(noTables.length).toBeLessThan(full.length);
    expect(noTables).not.toContain("Resolved tables");
    expect(noTables).toContain("the resolved tables");
    const fewerRows = renderPlanMarkdown(mixedPlan(), { now: NOW, maxChars: 1200 });
    expect(fewerRows.length).toBeLessThanOrEqual(1200);
    expect(fewerRows).toMatch(/… and \d more/);
  });
});
