import type { AlertComment } from '../../app/types';

/** History and comments name who acted; an empty name (a record from an older version) shows as nobody. */
export function actorName(actor: AlertComment['author']): string | null {
  return actor || null;
}
