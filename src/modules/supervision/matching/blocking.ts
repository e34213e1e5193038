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
const EXACT = 8_000_000;

/** Which date agreements a lookup needs: those that leave a pair able to reach the threshold. */
export interface DateReach {
  equal: boolean;
  swapped: boolean;
  oneDigit: boolean;
  /** An entry without a birth date. */
  undated: boolean;
}

/**
 * Date keys of a birth date (YYMMDD digits), each a small integer: six keys with one digit left out (position × 10⁶
 * + the remaining digits), which a date one digit off shares with the true one; one for the year with the unordered
 * pair {day, month}, which a day–month swap shares; and the exact date. An index files an entry under all of them;
 * a lookup asks only for those its reach needs (the one-digit keys hold the exact date's entries too).
 */
export function dateKeys(date: BirthDate, reach: DateReach = everyDate): number[] {
  const digits = date.digits.slice(2);
  const keys: number[] = [];
  if (reach.oneDigit) {
    for (let position = 0; position < 6; position++) {
      let value = 0;
      for (let i = 0; i < 6; i++) value = value * 10 + (i === position ? 0 : digits.charCodeAt(i) - 48);
      keys.push(position * 1_000_000 + value);
    }
  }
  if (reach.swapped) {
    const low = Math.min(date.month, date.day);
    const high = Math.max(date.month, date.day);
    keys.push(SWAP + (date.year % 100) * 10_000 + low * 100 + high);
  }
  const filing = reach === everyDate;
  if (filing || (reach.equal && !reach.oneDigit))
    keys.push(EXACT + (date.year % 100) * 10_000 + date.month * 100 + date.day);
  return keys;
}

const everyDate: DateReach = { equal: true, swapped: true, oneDigit: true, undated: true };

/**
 * Name-and-date blocks: an entry is filed under every name word's block (the first four letters of its loose stem)
 * crossed with its date keys, or with "no date" when it has none. Blocks are numbered, so a lookup hashes the word
 * once and then small integers.
 */
export class NameDateIndex {
  private readonly blockIds = new Map<string, number>();
  private readonly byBlock: Map<number, Bucket>[] = [];

  add(block: string, date: BirthDate | null, index: number): void {
    const id = this.blockIds.get(block);
    let keys = id === undefined ? undefined : this.byBlock[id];
    if (keys === undefined) {
      keys = new Map();
      this.blockIds.set(block, this.byBlock.length);
      this.byBlock.push(keys);
    }
    if (date === null) addToBucket(keys, NO_DATE, index);
    else for (const key of dateKeys(date)) addToBucket(keys, key, index);
  }

  /** Adds to `out` the buckets sharing a key with the block and date keys, and the undated entries if asked for. */
  lookup(block: string, keys: readonly number[] | null, undated: boolean, out: Bucket[]): void {
    const id = this.blockIds.get(block);
    const byKey = id === undefined ? undefined : this.byBlock[id];
    if (byKey === undefined) return;
    if (keys !== null) {
      for (const key of keys) {
        const bucket = byKey.get(key);
        if (bucket !== undefined) out.push(bucket);
      }
    }
    const bucket = undated ? byKey.get(NO_DATE) : undefined;
    if (bucket !== undefined) out.push(bucket);
  }
}
