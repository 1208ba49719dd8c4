// Validates JUnit XML against the vendored common schema (test/fixtures/junit-schema), offline.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { validateXML } from "xmllint-wasm";

const XSD = readFileSync(join(import.meta.dirname, "..", "fixtures", "junit-schema", "JUnit.xsd"), "utf8");

/** The schema validator's verdict: [] when valid, else libxml2's messages. */
export async function junitSchemaErrors(xml: string): Promise<string[]> {
  const r = await validateXML({ xml: [{ fileName: "report.xml", contents: xml }], schema: [{ fileName: "JUnit.xsd", contents: XSD }] });
  return r.valid ? [] : r.errors.map((e) => e.rawMessage);
}
