import { describe, expect, test } from "vitest";
import { createStyle, oneLine, padEnd, shortId, stripAnsi, textWidth, truncate } from "../../src/report/style.js";
import { fitLine, lineText, paintLines, span, wrapLine } from "../../src/report/lines.js";

describe("createStyle", () => {
  test("is the identity without colour", () => {
    const s = createStyle(false);
    for (const tone of ["green", "yellow", "red", "cyan", "dim", "bold"] as const) expect(s[tone]("text")).toBe("text");
  });

  test("wraps in SGR codes with colour, and stripAnsi takes them off", () => {
    const s = createStyle(true);
    expect(s.green("ok")).toBe("\x1b[32mok\x1b[39m");
    expect(s.dim("x")).toBe("\x1b[2mx\x1b[22m");
    expect(stripAnsi(`${s.bold("a")}${s.red("b")}${s.cyan("c")}`)).toBe("abc");
  });
});

test("shortId keeps the first 8 characters and marks the cut", () => {
  expect(shortId("0f1d6c9e-3f6b-4b43-9d55-0c5a1c2b7e10")).toBe("0f1d6c9e…");
  expect(shortId("7a1f2c3d-0000", 6)).toBe("7a1f2c…");
  expect(shortId("abc")).toBe("abc");
});

test("truncate cuts to the width including the ellipsis", () => {
  expect(truncate("Vendor Master", 13)).toBe("Vendor Master");
  expect(truncate("Vendor Master", 8)).toBe("Vendor …");
  expect(truncate("abc", 1)).toBe("…");
  expect(truncate("abc", 0)).toBe("");
  expect(truncate("ÄÖÜ€€€", 4)).toBe("ÄÖÜ…");
});

test("oneLine flattens newlines and drops escape sequences from outside text", () => {
  expect(oneLine("Table RET:\n  column X\tmissing\x1b[2J\x07")).toBe("Table RET: column X missing");
});

describe("fitLine", () => {
  const line = [span("  ~ "), span("o2c", "bold"), span("  "), span("last SUCCESS 29h ago", "dim")];

  test("leaves a line that fits, minus trailing spaces", () => {
    expect(lineText(fitLine([...line, span("   ")], 80))).toBe("  ~ o2c  last SUCCESS 29h ago");
  });

  test("cuts the span at the edge and drops the rest", () => {
    const cut = fitLine(line, 15);
    expect(lineText(cut)).toBe("  ~ o2c  last …");
    expect(cut.at(-1)).toEqual({ text: "last …", tone: "dim" });
    expect(lineText(fitLine(line, 7))).toBe("  ~ o2…");
  });

  test("paintLines with colour false has no control codes", () => {
    expect(paintLines([line, [], line], { color: false, width: 12 })).toBe("  ~ o2c  la…\n\n  ~ o2c  la…");
  });
});

describe("widths in terminal cells", () => {
  test("a CJK character or an emoji takes two cells, a combining mark none", () => {
    expect(textWidth("漢字")).toBe(4);
    expect(textWidth("🚀 go")).toBe(5);
    expect(textWidth("e\u0301")).toBe(1);
  });

  test("truncate and padEnd count cells, and never split a character", () => {
    expect(truncate("売上データ", 5)).toBe("売上…");
    expect(textWidth(truncate("売上データ", 6))).toBeLessThanOrEqual(6);
    expect(truncate("👩‍👩‍👧 family", 3)).toBe("👩‍👩‍👧…");
    expect(padEnd("売上", 6)).toBe("売上  ");
  });

  test("fitLine and wrapLine keep a wide line within the width", () => {
    const line = [span("在庫/生産計画 "), span("データモデルの再読み込みに失敗しました")];
    expect(textWidth(lineText(fitLine(line, 20)))).toBeLessThanOrEqual(20);
    for (const l of wrapLine(line, 20, 2)) expect(textWidth(lineText(l))).toBeLessThanOrEqual(20);
  });

  test("stripAnsi removes every terminal sequence, hyperlinks too", () => {
    expect(stripAnsi("\x1b]8;;https://x.test\x07link\x1b]8;;\x07 \x1b[1;31mred\x1b[0m")).toBe("link red");
  });
});
