// Apply events fan out to renderers; a late subscriber (an Ink view mounting) gets the past replayed.
import type { ApplyEvent } from "../apply/events.js";

export interface EventBus {
  emit(e: ApplyEvent): void;
  subscribe(fn: (e: ApplyEvent) => void): () => void;
}

export function createEventBus(): EventBus {
  const past: ApplyEvent[] = [];
  const subscribers = new Set<(e: ApplyEvent) => void>();
  return {
    emit(e) {
      past.push(e);
      for (const fn of subscribers) fn(e);
    },
    subscribe(fn) {
      for (const e of past) fn(e);
      subscribers.add(fn);
      return () => subscribers.delete(fn);
    },
  };
}
