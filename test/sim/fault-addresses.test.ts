// `reloadctl sim --fault POOL/MODEL:…`: a model by the address a user knows, from the manifest.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveFaultAddresses } from "../../src/sim/fault-addresses.js";
import { parseFault } from "../../src/sim/cli-flags.js";
import { PACKAGE_ROOT } from "../../src/version.js";

const MANIFEST = join(PACKAGE_ROOT, "examples", "finance-only.yaml");

describe("--fault by address", () => {
  it("takes POOL/MODEL from the manifest, beside faults given by id", () => {
    const faults = Object.fromEntries(["finance/o2c:error,429x2", "3e5f7a9b-1c2d-4e8f-9a0b-6c4d2e1f3a85:hang"].map(parseFault));
    expect(resolveFaultAddresses(faults, MANIFEST)).toEqual({
      "5b7c2e11-8a4d-4a7e-9d0c-2f6e3a9b1c44": { outcome: "ERROR", status429Times: 2 },
      "3e5f7a9b-1c2d-4e8f-9a0b-6c4d2e1f3a85": { hang: true },
    });
  });

  it("names the addresses there are when one is not in the manifest", () => {
    expect(() => resolveFaultAddresses(Object.fromEntries([parseFault("finance/o2x:hang")]), MANIFEST)).toThrow(
      expect.objectContaining({ message: `--fault finance/o2x: no model finance/o2x in ${MANIFEST}`, hint: "its addresses: finance/o2c, finance/p2p, finance/ar" }),
    );
  });

  it("says where it looked when the manifest is missing", () => {
    expect(() => resolveFaultAddresses(Object.fromEntries([parseFault("finance/o2c:hang")]), "/nonexistent/m.yaml")).toThrow(
      /--fault finance\/o2c: a POOL\/MODEL address is looked up in the manifest \/nonexistent\/m\.yaml, but it is not found/,
    );
  });

  it("needs no manifest when every fault names an id", () => {
    const faults = Object.fromEntries([parseFault("m-1:hang")]);
    expect(resolveFaultAddresses(faults, "/nonexistent/m.yaml")).toBe(faults);
  });
});
