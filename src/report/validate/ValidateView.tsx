// `validate` on a TTY: the same lines as the text view, coloured with Ink.
import { Box, useStdout } from "ink";
import type { Manifest } from "../../manifest/types.js";
import type { ManifestError } from "../../shared/errors.js";
import { InkLine } from "../InkLines.js";
import { wrapLine } from "../lines.js";
import { problemLines, validLine } from "./validate-lines.js";

export interface ValidateViewProps {
  error?: ManifestError;
  manifest?: Manifest;
  /** false draws no colour (NO_COLOR, --no-color). */
  color?: boolean;
  /** Columns; default: the terminal's. */
  width?: number;
}

export function ValidateView({ error, manifest, color = true, width }: ValidateViewProps) {
  const { stdout } = useStdout();
  const w = width ?? (stdout.columns || 100);
  const lines = error ? problemLines(error, w) : manifest ? wrapLine(validLine(manifest), w, 2) : [];
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <InkLine key={i} line={line} width={w} color={color} />
      ))}
    </Box>
  );
}
