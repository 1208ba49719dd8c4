import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SCHEMA_PATH } from "../../src/manifest/schema-path.js";
import { generateSchemaValidatorSource } from "../../src/manifest/schema-validator-source.js";

describe("the committed standalone validator", () => {
  it("is generated from the current schema (run with -u to regenerate)", async () => {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as object;
    await expect(generateSchemaValidatorSource(schema)).toMatchFileSnapshot(
      "../../src/manifest/schema-validator.generated.ts",
    );
  });
});
