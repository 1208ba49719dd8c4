// The unit tests only (no e2e: those run the built CLI, which a mutant of src/ never reaches):
// what `npm run mutation` runs against each mutant. Otherwise the same settings as vitest.config.ts.
import { configDefaults, defineConfig } from "vitest/config";
import base from "./vitest.config.js";

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    exclude: [...configDefaults.exclude, "test/e2e/**", "**/*.e2e.test.ts"],
    reporters: ["default"],
  },
});
