import type { BirthDate } from './identity.js';

/** Entry indexes under one key: a bare number while there is one, which most keys keep. */
export type Bucket = number | number[];

export function addToBucket<K>(map: Map<K, Bucket>, key: K, index: number): void {
  const bucket = map.get(key);
  if (bucket === undefined) map.set(key, index);
  else if (typeof bucket === 'number') {
    if (bucket !== index) map.set(key, [bucket, index]);
  } else if (bucket[bucket.length - 1] !== index) bucket.push(index);
}

const SWAP = 6_000_000;
const NO_DATE = 7_000_000;

/**
 * Date keys of a birth date (YYMMDD digits): six keys, each with one digit left out, and one for the year with the
 * unordered pair {day, month}. A date one digit off the true one shares the key that leaves that digit out; a
 * day–month swap shares the last key. Each key is a small integer (position × 10⁶ + the remaining digits).
 */
export function dateKeys(date: BirthDate): number[] {
  const digits = date.digits.slice(2);
  const keys: number[] = [];
  for (let position = 0; position < 6; position++) {
    let value = 0;
    for (let i = 0; i < 6; i++) value = value * 10 + (i === position ? 0 : digits.charCodeAt(i) - 48);
    keys.push(position * 1_000_000 + value);
  }
  const low = Math.min(date.month, date.day);
  const high = Math.max(date.month, date.day);
  keys.push(SWAP + (date.year % 100) * 10_000 + low * 100 + high);
  return keys;
}

/**
 * Name-and-date blocks: an entry is filed under every name word's block (the first four letters of its loose stem)
 * crossed with its date keys, or with "no date" when it has none. Blocks are numbered, so a lookup hashes the word
 * once and then small integers.
 */
export class NameDateIndex {
  private readonly blockIds = new Map<string, number>();
  private readonly byBlock: Map<number, Bucket>[] = [];

  add(block: string, date: BirthDate | null, index: number): void {
    let id = this.blockIds.get(block);
    if (id === undefined) {
      id = this.byBlock.length;
      this.blockIds.set(block, id);
      this.byBlock.push(new Map());
    }
    const keys = this.byBlock[id]!;
    if (date === null) addToBucket(keys, NO_DATE, index);
    else for (const key of dateKeys(date)) addToBucket(keys, key, index);
  }

  /** Adds to `out` the buckets sharing a key with the block and date (entries without a date always share). */
  lookup(block: string, keys: readonly number[] | null, out: Bucket[]): void {
    const id = this.blockIds.get(block);
    if (id === undefined) return;
    const byKey = this.byBlock[id]!;
    if (keys !== null) {
      for (const key of keys) {
        const bucket = byKey.get(key);
        if (bucket !== undefined) out.push(bucket);
      }
    }
    const undated = byKey.get(NO_DATE);
    if (undated !== undefined) out.push(undated);
  }
}
