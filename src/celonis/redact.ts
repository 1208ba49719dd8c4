// The key must never leave the client: every text that may carry service output, a URL or an
// error from below passes through here before it reaches an ApiError or an onRetry callback.

export const REDACTED = "***";

/** A function that replaces every occurrence of the key (and its URL-encoded form) with `***`. */
export function makeRedactor(key: string): (text: string) => string {
  const forms = [...new Set([key, encodeURIComponent(key)])].filter((f) => f.length > 0);
  if (forms.length === 0) return (text) => text;
  return (text) => forms.reduce((acc, form) => acc.split(form).join(REDACTED), text);
}
