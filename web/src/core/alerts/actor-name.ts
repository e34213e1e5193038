import type { AlertComment } from '../../app/types';

/** History and comments name their author either as a string or as an object, depending on who acted. */
export function actorName(actor: AlertComment['author']): string | null {
  if (!actor) return null;
  if (typeof actor === 'string') return actor;
  return actor.displayName ?? actor.name ?? actor.id ?? null;
}
