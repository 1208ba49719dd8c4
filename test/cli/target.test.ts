import { describe, expect, it } from "vitest";
import { chooseTarget } from "../../src/cli/target.js";
import { parseManifest } from "../../src/manifest/parse-manifest.js";
import { UserError } from "../../src/shared/errors.js";

const manifest = (targets: string) =>
  parseManifest(
    `version: 1
connection:
  keyType: APP_KEY
  tokenEnv: SHARED_TOKEN
${targets}pools:
  p:
    name: Finance
    models:
      m:
        name: Order to Cash
`,
    "m.yaml",
  );
const TWO = `targets:
  dev:
    url: https://acme-dev.eu-1.celonis.cloud
    default: true
  prod:
    url: https://acme.eu-1.celonis.cloud
    keyType: USER_KEY
    tokenEnv: PROD_TOKEN
`;
const failure = (f: () => unknown): UserError => {
  try {
    f();
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error("expected a UserError");
};

describe("chooseTarget", () => {
  it("without targets: the manifest's connection, and no name", () => {
    expect(chooseTarget(manifest(""), undefined, {})).toEqual({ name: null, settings: { url: null, keyType: "APP_KEY", tokenEnv: "SHARED_TOKEN" } });
  });

  it("takes --target over RELOADCTL_TARGET over the default; a target's settings over connection's", () => {
    const m = manifest(TWO);
    expect(chooseTarget(m, undefined, {})).toEqual({ name: "dev", settings: { url: "https://acme-dev.eu-1.celonis.cloud", keyType: "APP_KEY", tokenEnv: "SHARED_TOKEN" } });
    expect(chooseTarget(m, undefined, { RELOADCTL_TARGET: "prod" })).toEqual({ name: "prod", settings: { url: "https://acme.eu-1.celonis.cloud", keyType: "USER_KEY", tokenEnv: "PROD_TOKEN" } });
    expect(chooseTarget(m, "dev", { RELOADCTL_TARGET: "prod" }).name).toBe("dev");
    expect(chooseTarget(m, undefined, { RELOADCTL_TARGET: " " }).name).toBe("dev");
  });

  it("names the targets when none is chosen and none is the default", () => {
    const e = failure(() => chooseTarget(manifest(TWO.replace("    default: true\n", "")), undefined, {}));
    expect(e.message).toBe("m.yaml has targets (dev, prod) and none is chosen");
    expect(e.hint).toBe("pass --target NAME (or set RELOADCTL_TARGET), or mark one target `default: true`");
  });

  it("refuses an unknown target, with the closest and the list", () => {
    const e = failure(() => chooseTarget(manifest(TWO), "prd", {}));
    expect([e.message, e.hint]).toEqual(['--target prd: m.yaml has no target "prd"', "did you mean prod? its targets: dev, prod"]);
    const env = failure(() => chooseTarget(manifest(TWO), undefined, { RELOADCTL_TARGET: "staging" }));
    expect([env.message, env.hint]).toEqual(['RELOADCTL_TARGET=staging: m.yaml has no target "staging"', "its targets: dev, prod"]);
  });

  it("refuses a target for a manifest that declares none", () => {
    expect(failure(() => chooseTarget(manifest(""), "prod", {})).message).toBe("--target prod: m.yaml declares no targets");
  });
});
