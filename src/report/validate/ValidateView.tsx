// `validate` on a TTY: the same lines as the text view, coloured with Ink.
import { Box, Text } from "ink";
import type { Manifest } from "../../manifest/types.js";
import type { ManifestError } from "../../shared/errors.js";
import type { Line, Span } from "../lines.js";
import { problemBlocks, summaryLine, validLine } from "./validate-lines.js";

export interface ValidateViewProps {
  error?: ManifestError;
  manifest?: Manifest;
  /** false draws no colour (NO_COLOR, --no-color). */
  color?: boolean;
}

function SpanText({ span, color }: { span: Span; color: boolean }) {
  if (!color || span.tone === undefined) return <Text>{span.text}</Text>;
  if (span.tone === "dim") return <Text dimColor>{span.text}</Text>;
  if (span.tone === "bold") return <Text bold>{span.text}</Text>;
  return <Text color={span.tone}>{span.text}</Text>;
}

/** A message wraps; a code-frame line is cut at the edge, since wrapping would misplace its caret. */
function LineText({ line, color, cut = false }: { line: Line; color: boolean; cut?: boolean }) {
  return (
    <Text wrap={cut ? "truncate-end" : "wrap"}>
      {line.map((s, i) => (
        <SpanText key={i} span={s} color={color} />
      ))}
    </Text>
  );
}

export function ValidateView({ error, manifest, color = true }: ValidateViewProps) {
  if (!error) return manifest ? <LineText line={validLine(manifest)} color={color} /> : null;
  return (
    <Box flexDirection="column">
      {problemBlocks(error).map((block, i) => (
        <Box key={i} flexDirection="column">
          <LineText line={block.heading} color={color} />
          {block.frame.map((line, j) => (
            <LineText key={j} line={line} color={color} cut />
          ))}
        </Box>
      ))}
      <Text> </Text>
      <LineText line={summaryLine(error)} color={color} />
    </Box>
  );
}
