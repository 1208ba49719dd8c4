// Which tenant a command talks to: `--target NAME`, else RELOADCTL_TARGET, else the manifest's
// default target; without `targets`, the manifest's `connection`. CELONIS_URL and CELONIS_KEY_TYPE
// still win over whatever this picks (celonis/connection.ts).
import type { ConnectionSettings } from "../celonis/connection.js";
import type { Manifest } from "../manifest/types.js";
import { closest, editDistance } from "../shared/closest.js";
import { UserError } from "../shared/errors.js";

export interface ChosenTarget {
  /** null: the manifest has no targets. */
  name: string | null;
  settings: ConnectionSettings;
}

/** `flag` is `--target`'s value; `env` supplies RELOADCTL_TARGET. */
export function chooseTarget(manifest: Manifest, flag: string | undefined, env: NodeJS.ProcessEnv): ChosenTarget {
  const fromEnv = env.RELOADCTL_TARGET?.trim() || undefined;
  const asked = flag ?? fromEnv;
  const source = flag !== undefined ? `--target ${flag}` : `RELOADCTL_TARGET=${fromEnv}`;
  const names = manifest.targets.map((t) => t.name);
  if (manifest.targets.length === 0) {
    if (asked === undefined) return { name: null, settings: manifest.connection };
    throw new UserError(`${source}: ${manifest.path} declares no targets`, "add `targets:` to the manifest (`NAME: { url: …, tokenEnv: … }`), or leave out the target");
  }
  const listed = names.join(", ");
  if (asked !== undefined) {
    const target = manifest.targets.find((t) => t.name === asked);
    if (target === undefined) {
      const near = closest(asked, names, 1).filter((n) => editDistance(asked, n) <= 2);
      throw new UserError(`${source}: ${manifest.path} has no target "${asked}"`, `${near.length > 0 ? `did you mean ${near[0]}? ` : ""}its targets: ${listed}`);
    }
    return chosen(manifest, target.name);
  }
  const byDefault = manifest.targets.find((t) => t.isDefault);
  if (byDefault === undefined) {
    throw new UserError(`${manifest.path} has targets (${listed}) and none is chosen`, "pass --target NAME (or set RELOADCTL_TARGET), or mark one target `default: true`");
  }
  return chosen(manifest, byDefault.name);
}

function chosen(manifest: Manifest, name: string): ChosenTarget {
  const t = manifest.targets.find((x) => x.name === name)!;
  return {
    name,
    settings: { url: t.url, keyType: t.keyType ?? manifest.connection.keyType, tokenEnv: t.tokenEnv ?? manifest.connection.tokenEnv },
  };
}
