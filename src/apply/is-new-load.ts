// "My load" is one that is not the load seen before the trigger: another id, or a later start.
// Reading the previous load's SUCCESS as our own is the classic bug this guards against.
import type { LastLoad } from "../celonis/api.js";

export type LoadMark = Pick<LastLoad, "id" | "startDate"> | null;

export function isNewLoad(load: LoadMark, before: LoadMark): boolean {
  if (load === null) return false;
  if (before === null) return true;
  if (load.id !== null && before.id !== null && load.id !== before.id) return true;
  const started = load.startDate === null ? NaN : Date.parse(load.startDate);
  const startedBefore = before.startDate === null ? NaN : Date.parse(before.startDate);
  return Number.isFinite(started) && Number.isFinite(startedBefore) && started > startedBefore;
}
