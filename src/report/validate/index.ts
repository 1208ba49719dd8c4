export { renderProblemsJson, renderProblemsText, renderValidJson, renderValidText } from "./problems.js";
export type { ProblemsJson, ValidJson } from "./problems.js";
