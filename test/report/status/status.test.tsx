import { afterEach, describe, expect, test } from "vitest";
import { cleanup, render } from "ink-testing-library";
import { renderStatusText } from "../../../src/report/status/status-text.js";
import { renderStatusMarkdown } from "../../../src/report/status/status-markdown.js";
import { MARKDOWN_LIMIT } from "../../../src/report/markdown.js";
import { createStyle, stripAnsi, textWidth } from "../../../src/report/style.js";
import { NOW, statusDoc, statusRow } from "../fixtures.js";

afterEach(() => cleanup());

describe("renderStatusText", () => {
  test("a table of last loads; never loaded and unreadable models in their own rows", () => {
    const text = renderStatusText(statusDoc(), { now: NOW, color: false });
    expect(text).not.toContain("\x1b");
    expect(text).toMatchInlineSnapshot(`
      "reloadctl status · reload.config.yaml → https://acme.eu-1.celonis.cloud

      address            status        load type   started  ended    duration  message
      finance/o2c        SUCCESS       complete    30h ago  29h ago  1h 02m
      finance/p2p        WARNING       partial     2h ago   2h ago   1m 12s    Some rows rejected
      finance/ar         never loaded
      logistics/returns  ERROR         from cache  3h ago   3h ago   55s       Table RET: column X missing
      logistics/pickups  RUNNING       complete    5m ago            5m 03s
      logistics/gone     not read                                              404: Data model not found

      Status: 6 models · 1 SUCCESS, 1 WARNING, 1 ERROR, 1 never loaded, 1 not read, 1 RUNNING."
    `);
  });

  test("a pool or model named in the manifest shows the name it was looked up by and the id it resolved to", () => {
    const doc = statusDoc();
    doc.models = [statusRow({ address: "finance/o2c", poolName: "Finance", modelName: "Order to Cash" }), statusRow({ address: "finance/ar" })];
    const lines = renderStatusText(doc, { now: NOW, color: false }).split("\n");
    const at = lines.findIndex((l) => l.startsWith("finance/o2c"));
    expect(lines[at + 1]).toBe('    "Finance" → 0f1d6c9e… · "Order to Cash" → 5b7c2e11…');
    expect(lines[at + 2]).toMatch(/^finance\/ar /);
  });

  test("a model that could not be read is red in its row, and the others still show", () => {
    const colored = renderStatusText(statusDoc(), { now: NOW, color: true });
    const red = createStyle(true).red;
    const row = colored.split("\n").find((l) => l.includes("logistics/gone"))!;
    expect(row).toContain(red("not read"));
    expect(row).toContain(red("404: Data model not found"));
    expect(stripAnsi(colored)).toBe(renderStatusText(statusDoc(), { now: NOW, color: false }));
  });

  test("at 60, 80 and 120 columns every row keeps its duration and its whole message (a WARNING's too)", () => {
    const at = (width: number) => renderStatusText(statusDoc(), { now: NOW, color: false, width }).split("\n");
    for (const width of [60, 80, 120]) {
      const lines = at(width);
      expect(lines.every((l) => textWidth(l) <= width)).toBe(true);
      expect(lines.join("\n")).not.toContain("…");
      const text = lines.join("\n");
      for (const duration of ["1h 02m", "1m 12s", "55s", "5m 03s"]) expect(text).toContain(duration);
      for (const message of ["Some rows rejected", "Table RET: column X missing", "404: Data model not found"]) expect(text).toContain(message);
    }
    // Narrow: the ended and load type columns go first; the message goes on its own line, under
    // the address (the header names no message column then).
    expect(at(60).slice(3, 8)).toEqual([
      "address            status        started  duration",
      "finance/o2c        SUCCESS       30h ago  1h 02m",
      "finance/p2p        WARNING       2h ago   1m 12s",
      "  Some rows rejected",
      "finance/ar         never loaded",
    ]);
    expect(at(80).slice(2, 5)).toEqual([
      "address            status        load type   started  ended    duration",
      "finance/o2c        SUCCESS       complete    30h ago  29h ago  1h 02m",
      "finance/p2p        WARNING       partial     2h ago   2h ago   1m 12s",
    ]);
    expect(at(80)[5]).toBe("  Some rows rejected");
  });

  test("a message continues under the message column while 20 cells remain there", () => {
    const doc = statusDoc();
    doc.models = [statusRow({ address: "logistics/gone", error: { status: 404, message: "Data model not found in the pool it was declared in" } })];
    const lines = renderStatusText(doc, { now: NOW, color: false, width: 100 }).split("\n");
    const row = lines.findIndex((l) => l.startsWith("logistics/gone"));
    const column = lines[row]!.indexOf("404:");
    expect(column).toBeGreaterThan(40);
    expect(lines[row + 1]!.length - lines[row + 1]!.trimStart().length).toBe(column);
    expect(`${lines[row]!.slice(column)} ${lines[row + 1]!.trim()}`).toBe("404: Data model not found in the pool it was declared in");
  });
});

describe("renderStatusMarkdown", () => {
  test("the counts, what needs attention first, the rest, the footer", () => {
    expect(renderStatusMarkdown(statusDoc(), { now: NOW, version: "0.1.0" })).toMatchInlineSnapshot(`
      "### reloadctl status: 6 models · 1 SUCCESS, 1 WARNING, 1 ERROR, 1 never loaded, 1 not read, 1 RUNNING

      **Needs attention**

      |  | model | status | load type | started | ended | duration | message |
      |---|---|---|---|---|---|---|---|
      | ❌ | logistics/returns | ERROR | from cache | 3h ago | 3h ago | 55s | Table RET: column X missing |
      | ❌ | logistics/gone | **not read** |  |  |  |  | 404: Data model not found |
      | ⚠️ | finance/p2p | WARNING | partial | 2h ago | 2h ago | 1m 12s | Some rows rejected |

      **3 more models**

      |  | model | status | load type | started | ended | duration | message |
      |---|---|---|---|---|---|---|---|
      | ✅ | finance/o2c | SUCCESS | complete | 30h ago | 29h ago | 1h 02m |  |
      | · | finance/ar | never loaded |  |  |  |  |  |
      | ⏳ | logistics/pickups | RUNNING | complete | 5m ago |  | 5m 03s |  |

      <sub>reloadctl 0.1.0 · manifest \`reload.config.yaml\` · \`https://acme.eu-1.celonis.cloud\`</sub>"
    `);
  });

  test("stays under the comment limit, folding the rest and saying what was left out", () => {
    const doc = statusDoc();
    doc.models = Array.from({ length: 5000 }, (_, i) => statusRow({ address: `finance/model-${i}` }));
    const md = renderStatusMarkdown(doc, { now: NOW, version: "0.1.0" });
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(md).toContain("<details><summary>5000 more models</summary>");
    expect(md).toMatch(/\| … and \d+ more \|/);
    expect(md).toMatch(/_Left out to stay within GitHub's 65,536-character limit: \d+ of 5000 models\. `reloadctl status` shows everything\._/);
  });
});
