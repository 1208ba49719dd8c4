import { LineCounter, parseDocument } from "yaml";
import { expect } from "vitest";
import type { PathSegment } from "../../src/manifest/locator.js";
import { parseManifest } from "../../src/manifest/parse-manifest.js";
import { YamlLocator } from "../../src/manifest/yaml-locator.js";
import { ManifestError } from "../../src/shared/errors.js";
import type { Problem } from "../../src/shared/errors.js";

/** What `yaml` itself makes of a text: the reference for the fast reader. */
export function readWithYaml(text: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  return {
    clean: doc.errors.length === 0 && doc.warnings.length === 0,
    value: doc.errors.length === 0 ? doc.toJS() : undefined,
    locator: new YamlLocator(doc, lineCounter, text),
  };
}

/** Every path to a map entry or list item in a value, depth first. */
export function allPaths(value: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => [[...prefix, i], ...allPaths(item, [...prefix, i])]);
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...allPaths(item, [...prefix, key])]);
  }
  return [];
}

/** The ManifestError a text raises; fails the test when it parses. */
export function problemsOf(text: string, file = "reload.config.yaml"): { error: ManifestError; problems: readonly Problem[] } {
  try {
    parseManifest(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(ManifestError);
    return { error: error as ManifestError, problems: (error as ManifestError).problems };
  }
  throw new Error("expected the manifest to have problems, but it parsed");
}

/** `LINE:COL message` for compact, exact assertions. */
export function brief(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${p.line}:${p.column} ${p.message}`);
}

export const VALID = `# yaml-language-server: $schema=./node_modules/reloadctl/schemas/reload.config.schema.json
version: 1
connection:
  url: https://acme.eu-1.celonis.cloud
  keyType: USER_KEY
defaults:
  parallelism: 4
  poolParallelism: 2
  timeout: 2h
  maxAge: 0s
pools:
  finance:
    id: 0f1d6c9e-3f6b-4b43-9d55-0c5a1c2b7e10
    models:
      o2c:
        id: 5b7c2e11-8a4d-4a7e-9d0c-2f6e3a9b1c44
        reload: full
        tags: [nightly]
      p2p:
        id: 9a8b4f2e-6c1d-4e7a-b3f5-8d2c0e9a1b67
        reload:
          tables: [EKKO, EKPO, "Vendor Master"]
        maxAge: 6h
  logistics:
    id: 4c2a77e1-5d93-4b0f-a8e6-3f1c9b2d7e58
    models:
      shipments:
        id: 6d1e8b3c-2f4a-4c9d-8e7b-1a5f0c3d9e26
        reload: cache
`;
