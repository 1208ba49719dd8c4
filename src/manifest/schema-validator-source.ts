// Build-time only (not compiled into dist/, so ajv is a devDependency): turns the JSON Schema into
// standalone validation code (ajv/dist/standalone), so the CLI never
// pays for ajv's compiler at start-up. The output is committed as schema-validator.generated.ts;
// test/manifest/schema-validator-sync.test.ts fails when it is stale and rewrites it with `-u`.
import { Ajv2020, type Options as Ajv2020Options } from "ajv/dist/2020.js";
import standalone from "ajv/dist/standalone/index.js";

type StandaloneCode = typeof standalone.default;
// CommonJS: Node hands over the function itself as the default export; the types describe `{ default }`.
const standaloneCode: StandaloneCode =
  (standalone as unknown as { default?: StandaloneCode }).default ?? (standalone as unknown as StandaloneCode);

export const GENERATED_HEADER = [
  "// @ts-nocheck",
  "// GENERATED from schemas/reload.config.schema.json by src/manifest/schema-validator-source.ts. Do not edit.",
  "// Regenerate: npx vitest run -u test/manifest/schema-validator-sync.test.ts",
].join("\n");

/** Keywords for editors (VS Code, yaml-language-server) that validate nothing: annotations to ajv. */
export const EDITOR_KEYWORDS = ["defaultSnippets", "enumDescriptions", "markdownDescription", "patternErrorMessage"];

/** ajv 2020 in strict mode that knows the editor keywords: for the generator and the schema's tests. */
export function strictAjv(options: Ajv2020Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, ...options });
  ajv.addVocabulary(EDITOR_KEYWORDS);
  return ajv;
}

export function generateSchemaValidatorSource(schema: object): string {
  const ajv = strictAjv({ verbose: true, code: { source: true, esm: true, lines: true } });
  const validate = ajv.compile(schema);
  const code = standaloneCode(ajv, validate);
  if (/\brequire\(/.test(code)) {
    // Runtime helpers come as CommonJS require() even in ESM output; keep the schema free of
    // keywords that need them (minLength: use a pattern instead).
    throw new Error("standalone validator needs an ajv runtime helper (require); change the schema");
  }
  return `${GENERATED_HEADER}\n${code.trimEnd()}\n`;
}
