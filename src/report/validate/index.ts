export { renderProblemsJson, renderValidJson, renderValidText } from "./problems.js";
export { renderProblemsText } from "./problems-text.js";
export type { ProblemsJson, ValidJson } from "./problems.js";
