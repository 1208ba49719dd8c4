// The key must never leave the client: every text that may carry service output, a URL or an
// error from below passes through here before it reaches an ApiError or an onRetry callback.

export const REDACTED = "***";

/** A function that replaces every occurrence of the key (and its URL-encoded form) with `***`. */
export function makeRedactor(key: string): (text: string) => string {
  const forms = [...new Set([key, encodeURIComponent(key)])].filter((f) => f.length > 0);
  if (forms.length === 0) return (text) => text;
  return (text) => forms.reduce((acc, form) => acc.split(form).join(REDACTED), text);
}

/** The value with the key redacted from every string in it: for what the service answered, which may echo it. */
export function redactDeep<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === "string") return redact(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactDeep(item, redact)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, redact)])) as T;
  }
  return value;
}
