import type { ErrorObject } from "ajv";
import { validate } from "./schema-validator.generated.js";

export interface ManifestShapeValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** The schema's standalone validator (allErrors, verbose): no ajv compile at start-up. */
export const validateManifestShape = validate as unknown as ManifestShapeValidator;
