import { Writable } from "node:stream";
import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { parseManifest } from "../../../src/manifest/parse-manifest.js";
import { ValidateView } from "../../../src/report/validate/ValidateView.js";
import { renderValidateTty } from "../../../src/report/validate/tty.js";
import { VALID, problemsOf } from "../../manifest/support.js";

const stripAnsi = (text: string): string => text.replace(/\x1b\[[0-9;]*m/g, "");

describe("ValidateView", () => {
  it("shows the problems with their frames and the count", () => {
    const { error } = problemsOf(VALID.replace("        reload: full", "        reload: sometimes").replace("  timeout: 2h", "  timeout: 2 hours"));
    const { lastFrame } = render(<ValidateView error={error} color={false} />);
    expect(lastFrame()).toMatchInlineSnapshot(`
      "reload.config.yaml:9:12: \`timeout\` must be a duration like 6h or 1h30m; got "2 hours"
         8 |   poolParallelism: 2
       > 9 |   timeout: 2 hours
           |            ^^^^^^^
      reload.config.yaml:17:17: \`reload\` must be \`full\`, \`cache\` or \`{ tables: [...] }\`; got "sometimes"
         16 |         id: 5b7c2e11-8a4d-4a7e-9d0c-2f6e3a9b1c44
       > 17 |         reload: sometimes
            |                 ^^^^^^^^^

      2 problems in reload.config.yaml."
    `);
  });

  it("says a valid manifest is valid", () => {
    const { lastFrame } = render(<ValidateView manifest={parseManifest(VALID, "reload.config.yaml")} color={false} />);
    expect(lastFrame()).toBe("reload.config.yaml is valid: 2 pools, 3 models.");
  });

  it("draws the same text in colour", () => {
    const { error } = problemsOf(VALID.replace("        reload: full", "        reload: sometimes"));
    const plain = render(<ValidateView error={error} color={false} />).lastFrame();
    const coloured = render(<ValidateView error={error} />).lastFrame() ?? "";
    expect(stripAnsi(coloured)).toBe(plain);
  });
});

describe("renderValidateTty", () => {
  it("draws the view once on the stream, at its width", async () => {
    let written = "";
    const sink = new Writable({
      write(chunk, _encoding, done) {
        written += String(chunk);
        done();
      },
    });
    const stream = Object.assign(sink, { columns: 80 });
    await renderValidateTty({ manifest: parseManifest(VALID, "reload.config.yaml") }, stream, { color: false });
    expect(written).toBe("reload.config.yaml is valid: 2 pools, 3 models.\n");
  });

  it("wraps a long problem at a word on a narrow terminal, keeping FILE:LINE:COL: whole at its start", async () => {
    const { error } = problemsOf(VALID.replace("        reload: full", "        reload: sometimes"));
    let written = "";
    const sink = new Writable({
      write(chunk, _encoding, done) {
        written += String(chunk);
        done();
      },
    });
    await renderValidateTty({ error }, Object.assign(sink, { columns: 60 }), { color: false });
    const lines = written.split("\n");
    expect(lines[0]).toMatch(/^reload\.config\.yaml:17:17: `reload` must be/);
    expect(lines.every((line) => line.length <= 60)).toBe(true);
    expect(written.replace(/\s+/g, " ")).toContain('reload.config.yaml:17:17: `reload` must be `full`, `cache` or `{ tables: [...] }`; got "sometimes"');
  });
});
