// The validate view's door for the CLI: Ink and React load only when it runs.
import type { Manifest } from "../../manifest/types.js";
import type { ManifestError } from "../../shared/errors.js";

export type ValidateTtyInput = { manifest: Manifest; error?: undefined } | { error: ManifestError; manifest?: undefined };

type TtyStream = NodeJS.WritableStream & { columns?: number };

/** Draws the result once on a terminal stream. */
export async function renderValidateTty(input: ValidateTtyInput, stream: TtyStream, opts: { color?: boolean } = {}): Promise<void> {
  const [{ renderToString }, { createElement }, { ValidateView }] = await Promise.all([
    import("ink"),
    import("react"),
    import("./ValidateView.js"),
  ]);
  const columns = stream.columns !== undefined && stream.columns > 0 ? stream.columns : 100;
  stream.write(`${renderToString(createElement(ValidateView, { ...input, color: opts.color ?? true, width: columns }), { columns })}\n`);
}
