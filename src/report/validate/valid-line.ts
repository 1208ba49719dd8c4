// validate's one line for a valid manifest. It measures nothing, so it loads no width tables:
// a CI step that validates stays a quick start.
import { displayFile } from "../../manifest/display-file.js";
import type { Manifest } from "../../manifest/types.js";
import { span, type Line } from "../paint.js";

const count = (n: number, one: string): string => `${n} ${one}${n === 1 ? "" : "s"}`;

/** `reload.config.yaml is valid: 3 pools, 7 models.` */
export function validLine(manifest: Manifest): Line {
  return [
    span(displayFile(manifest.path), "cyan"),
    span(" is "),
    span("valid", "green"),
    span(`: ${count(manifest.pools.length, "pool")}, ${count(manifest.models.length, "model")}.`),
  ];
}
