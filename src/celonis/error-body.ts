// Reading an error body, whatever its shape (celonis-api.md lists those seen in the wild):
// `{title,status,detail,errorCode}`, `{message,shortMessage,reference}`,
// `{errors:[{attribute,error,errorCode}]}`, plain text, empty, or an HTML page from a proxy.

export interface ErrorBody {
  /** The most specific human text, or null when the body has none worth showing. */
  message: string | null;
  reference: string | null;
  errorCode: string | null;
}

const MAX_TEXT = 500;
const EMPTY: ErrorBody = { message: null, reference: null, errorCode: null };

/**
 * The body's texts, each masked by `redact` *before* it is cut to MAX_TEXT: a cut first could
 * leave part of a key that no longer matches it.
 */
export function parseErrorBody(text: string, redact: (text: string) => string = (t) => t): ErrorBody {
  const trimmed = text.trim();
  if (trimmed === "") return EMPTY;
  const tidy = (t: string): string => cut(redact(t.replace(/\s+/g, " ").trim()));
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return { ...EMPTY, message: looksLikeMarkup(trimmed) ? null : tidy(trimmed) };
  }
  if (typeof json === "string") return { ...EMPTY, message: tidy(json) };
  if (!isRecord(json)) return EMPTY;
  const textOf = (value: unknown): string | null => {
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
    if (typeof value !== "string") return null;
    const t = tidy(value);
    return t === "" ? null : t;
  };
  return {
    message: mostSpecificText(json, textOf, tidy),
    reference: textOf(json.reference) ?? textOf(json.requestId) ?? textOf(json.traceId),
    errorCode: textOf(json.errorCode) ?? firstFieldErrorCode(json.errors, textOf) ?? textOf(json.code),
  };
}

type TextOf = (value: unknown) => string | null;

function mostSpecificText(body: Record<string, unknown>, textOf: TextOf, tidy: (t: string) => string): string | null {
  return (
    textOf(body.detail) ??
    textOf(body.message) ??
    fieldErrors(body.errors, textOf, tidy) ??
    textOf(body.shortMessage) ??
    textOf(body.error_description) ??
    textOf(body.title) ??
    textOf(body.error)
  );
}

function fieldErrors(errors: unknown, textOf: TextOf, tidy: (t: string) => string): string | null {
  if (!Array.isArray(errors)) return null;
  const lines = errors
    .map((e): string | null => {
      if (typeof e === "string") return tidy(e);
      if (!isRecord(e)) return null;
      const what = textOf(e.error) ?? textOf(e.message) ?? textOf(e.detail);
      const where = textOf(e.attribute) ?? textOf(e.field);
      return what && where ? `${where}: ${what}` : what;
    })
    .filter((l): l is string => l !== null && l !== "");
  return lines.length > 0 ? tidy(lines.join("; ")) : null;
}

function firstFieldErrorCode(errors: unknown, textOf: TextOf): string | null {
  if (!Array.isArray(errors)) return null;
  for (const e of errors) if (isRecord(e) && textOf(e.errorCode)) return textOf(e.errorCode);
  return null;
}

function cut(oneLine: string): string {
  return oneLine.length > MAX_TEXT ? `${oneLine.slice(0, MAX_TEXT - 1)}…` : oneLine;
}

function looksLikeMarkup(text: string): boolean {
  return /^<(!doctype|html|\?xml|head|body|[a-z]+[\s>])/i.test(text) || /<\/(html|body|head)>/i.test(text);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
