// The key must never leave the client: every text that may carry service output, a URL or an
// error from below passes through here before it reaches an ApiError or an onRetry callback —
// and before any cut: a text cut first could end in part of the key that no longer matches it.

export const REDACTED = "***";

/**
 * A part of the key this long or longer, at the start or the end of the key, is masked too: a text
 * the service (or a cut) ended inside the key shows such a part. Shorter parts tell next to nothing.
 */
export const MIN_KEY_PART = 6;

/**
 * A function that replaces every occurrence of the key (and its URL-encoded form) with `***`, and
 * every run of at least MIN_KEY_PART characters that is a prefix or a suffix of it.
 */
export function makeRedactor(key: string): (text: string) => string {
  const forms = [...new Set([key, encodeURIComponent(key)])].filter((f) => f.length > 0);
  return (text) => forms.reduce((acc, form) => maskParts(acc.split(form).join(REDACTED), form), text);
}

/**
 * Masks each run of the text that is a prefix or a suffix of `key` at least MIN_KEY_PART long (or
 * the whole key, if shorter; the key is not empty). Each part is masked as one `***`; parts that
 * overlap, as one.
 */
export function maskParts(text: string, key: string): string {
  const min = Math.min(MIN_KEY_PART, key.length);
  const spans: [number, number][] = [];
  const head = key.slice(0, min);
  for (let i = text.indexOf(head); i >= 0; i = text.indexOf(head, i + 1)) {
    // the longest prefix of the key the text shows at i: the head at least
    let n = key.length;
    while (!text.startsWith(key.slice(0, n), i)) n--;
    spans.push([i, i + n]);
  }
  const tail = key.slice(-min);
  for (let j = text.indexOf(tail); j >= 0; j = text.indexOf(tail, j + 1)) {
    // the longest suffix of the key the text shows ending where this tail ends: the tail at least
    const end = j + min;
    let n = key.length;
    while (!text.endsWith(key.slice(-n), end)) n--;
    spans.push([end - n, end]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  for (const [s, e] of spans) {
    if (s >= at) out += text.slice(at, s) + REDACTED;
    at = Math.max(at, e);
  }
  return out + text.slice(at);
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
