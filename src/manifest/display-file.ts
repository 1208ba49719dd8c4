/** How a manifest path shows in messages: stdin has no name of its own. */
export function displayFile(path: string): string {
  return path === "-" ? "<stdin>" : path;
}
