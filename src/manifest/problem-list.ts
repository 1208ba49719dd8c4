import type { Problem } from "../shared/errors.js";
import type { PathSegment, Span } from "./locator.js";

export function dottedPath(path: readonly PathSegment[]): string {
  return path.join(".");
}

/** Collects located problems; hands them back in file order, each (place, message) once. */
export class ProblemList {
  private readonly items: Problem[] = [];

  constructor(private readonly file: string) {}

  add(span: Span, message: string, path: readonly PathSegment[]): void {
    this.items.push({ file: this.file, line: span.line, column: span.column, length: span.length, message, path: dottedPath(path) });
  }

  get size(): number {
    return this.items.length;
  }

  inFileOrder(): Problem[] {
    const seen = new Set<string>();
    return this.items
      .map((problem, index) => ({ problem, index }))
      .sort((a, b) => a.problem.line - b.problem.line || a.problem.column - b.problem.column || a.index - b.index)
      .map(({ problem }) => problem)
      .filter((problem) => {
        const id = `${problem.line}:${problem.column}:${problem.message}`;
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      });
  }
}
