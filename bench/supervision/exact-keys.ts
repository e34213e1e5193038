import type { Identifiers, Match, WatchlistEntry } from '../../src/modules/supervision/matching/matcher.js';

/**
 * The floor: what exact lookups alone find. IIN as given, plate upper-cased without spaces, and the full name's
 * words lower-cased and sorted with the birth date: no transliteration, no look-alike letters, no typos.
 */
export class ExactKeyIndex {
  private readonly byKey = new Map<string, string[]>();

  constructor(entries: readonly WatchlistEntry[]) {
    for (const entry of entries) {
      for (const key of this.keys(entry.iin, entry.fullName, entry.birthDate, entry.plate)) {
        const list = this.byKey.get(key);
        if (list) list.push(entry.entryId);
        else this.byKey.set(key, [entry.entryId]);
      }
    }
  }

  private keys(iin?: string, name?: string, birthDate?: string, plate?: string): string[] {
    const keys: string[] = [];
    if (iin) keys.push(`i:${iin}`);
    if (plate) keys.push(`p:${plate.toUpperCase().replace(/[\s-]/g, '')}`);
    if (name && birthDate) keys.push(`n:${name.toLowerCase().split(/\s+/).sort().join(' ')}|${birthDate}`);
    return keys;
  }

  match(identifiers: Identifiers): Match[] {
    const ids = new Set<string>();
    for (const key of this.keys(
      identifiers.iin,
      identifiers.name,
      identifiers.birthDate,
      identifiers.plate,
    )) {
      for (const id of this.byKey.get(key) ?? []) ids.add(id);
    }
    return [...ids].map((entryId) => ({ entryId, score: 1, reasons: ['exact key'] }));
  }
}
