// `validate` on a TTY: the same lines as the text view, coloured with Ink.
import { Box, Text, useStdout } from "ink";
import type { Manifest } from "../../manifest/types.js";
import type { ManifestError } from "../../shared/errors.js";
import { InkLine } from "../InkLines.js";
import { wrapLine, type Line } from "../lines.js";
import { problemBlocks, summaryLine, validLine } from "./validate-lines.js";

export interface ValidateViewProps {
  error?: ManifestError;
  manifest?: Manifest;
  /** false draws no colour (NO_COLOR, --no-color). */
  color?: boolean;
  /** Columns; default: the terminal's. */
  width?: number;
}

/** A message wraps at words, continuing indented; a code-frame line is cut at the edge, since wrapping would misplace its caret. */
function Wrapped({ line, width, color }: { line: Line; width: number; color: boolean }) {
  return (
    <>
      {wrapLine(line, width, 2).map((part, i) => (
        <InkLine key={i} line={part} width={width} color={color} />
      ))}
    </>
  );
}

export function ValidateView({ error, manifest, color = true, width }: ValidateViewProps) {
  const { stdout } = useStdout();
  const w = width ?? (stdout.columns || 100);
  if (!error) return manifest ? <Wrapped line={validLine(manifest)} width={w} color={color} /> : null;
  return (
    <Box flexDirection="column">
      {problemBlocks(error).map((block, i) => (
        <Box key={i} flexDirection="column">
          <Wrapped line={block.heading} width={w} color={color} />
          {block.frame.map((line, j) => (
            <InkLine key={j} line={line} width={w} color={color} />
          ))}
        </Box>
      ))}
      <Text> </Text>
      <Wrapped line={summaryLine(error)} width={w} color={color} />
    </Box>
  );
}
