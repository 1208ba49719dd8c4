// GitHub Actions workflow commands (`::error file=…::message`), escaped as GitHub's own toolkit
// does: in the message %, CR and LF; in a property also `:` and `,`, which would end it.

export type AnnotationLevel = "error" | "warning" | "notice";

export interface AnnotationProperties {
  file?: string;
  line?: number;
  col?: number;
  endColumn?: number;
  title?: string;
}

export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** One workflow command line, without its newline. */
export function workflowCommand(level: AnnotationLevel, props: AnnotationProperties, message: string): string {
  const order: (keyof AnnotationProperties)[] = ["file", "line", "col", "endColumn", "title"];
  const parts = order.filter((k) => props[k] !== undefined).map((k) => `${k}=${escapeProperty(String(props[k]))}`);
  return `::${level}${parts.length > 0 ? ` ${parts.join(",")}` : ""}::${escapeData(message)}`;
}
