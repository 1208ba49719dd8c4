// What a failed file operation means, in words rather than errno codes.

/** The reason `err` gives for not reading or writing `path`, e.g. "no such file". */
export function fileErrorReason(err: unknown, op: "read" | "write"): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case "ENOENT":
      return op === "read" ? "no such file" : "its directory does not exist";
    case "EISDIR":
    case "ENOTEMPTY":
    case "EEXIST":
      return "it is a directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOTDIR":
      return "a part of the path is not a directory";
    case "ELOOP":
      return "a symlink loop (a link that leads back to itself)";
    case "ENAMETOOLONG":
      return "the path is too long";
    case "EROFS":
      return "the file system is read-only";
    case "ENOSPC":
      return "no space left on the device";
    default:
      return code ?? (err instanceof Error ? err.message : String(err));
  }
}
