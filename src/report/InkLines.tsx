// Lines of toned spans drawn with Ink: the same lines the text renderers paint with ANSI.
import { Box, Text } from "ink";
import type { Line, Span } from "./lines.js";
import { fitLine } from "./lines.js";

function SpanText({ span, color }: { span: Span; color: boolean }) {
  if (!color || span.tone === undefined) return <Text>{span.text}</Text>;
  if (span.tone === "dim") return <Text dimColor>{span.text}</Text>;
  if (span.tone === "bold") return <Text bold>{span.text}</Text>;
  return <Text color={span.tone}>{span.text}</Text>;
}

export function InkLine({ line, width, color }: { line: Line; width: number; color: boolean }) {
  const fitted = fitLine(line, width);
  // An empty <Text> takes no height; a space keeps blank lines in the layout.
  if (fitted.length === 0) return <Text> </Text>;
  return (
    <Text wrap={line.some((s) => s.whole) ? "wrap" : "truncate-end"}>
      {fitted.map((s, i) => (
        <SpanText key={i} span={s} color={color} />
      ))}
    </Text>
  );
}

export function InkLines({ lines, width, color }: { lines: Line[]; width: number; color: boolean }) {
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <InkLine key={i} line={line} width={width} color={color} />
      ))}
    </Box>
  );
}
