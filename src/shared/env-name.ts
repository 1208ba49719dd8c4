// `connection.tokenEnv` names the variable that holds the key. A value that does not look like a
// variable's name may be the key itself, pasted in the wrong place: never echo it.

const NAME = /^[A-Z_][A-Z0-9_]{0,63}$/;
/** What the schema lets through as a name; the plausibility test below is stricter. */
export const ENV_NAME_SHAPE = /^[A-Z_][A-Z0-9_]*$/;

export function isPlausibleEnvName(text: string): boolean {
  if (!NAME.test(text)) return false;
  // Keys are long runs of letters and digits; variable names are words joined by underscores.
  if (text.length >= 20 && !text.includes("_")) return false;
  const digits = text.replace(/[^0-9]/g, "").length;
  return digits / text.length < 0.3;
}
