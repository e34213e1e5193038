/**
 * Jaro–Winkler similarity (Winkler 1990, the U.S. Census record-linkage measure): transpositions and a shared
 * prefix count less against a pair than other edits, which suits names whose typos fall late in the word.
 */

// Scratch flags reused across calls: names are short, and allocating two arrays per comparison costs more than the
// comparison itself on the matcher's hot path. Grown when a longer string arrives.
let matchedA = new Uint8Array(64);
let matchedB = new Uint8Array(64);

export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const lengthA = a.length;
  const lengthB = b.length;
  if (lengthA === 0 || lengthB === 0) return 0;
  if (lengthA > matchedA.length || lengthB > matchedB.length) {
    matchedA = new Uint8Array(Math.max(lengthA, lengthB) * 2);
    matchedB = new Uint8Array(matchedA.length);
  }
  matchedA.fill(0, 0, lengthA);
  matchedB.fill(0, 0, lengthB);
  const window = Math.max(0, (Math.max(lengthA, lengthB) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < lengthA; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(lengthB - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (matchedB[j] === 1 || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      matchedA[i] = 1;
      matchedB[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let halfTranspositions = 0;
  let k = 0;
  for (let i = 0; i < lengthA; i++) {
    if (matchedA[i] !== 1) continue;
    while (matchedB[k] !== 1) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) halfTranspositions++;
    k++;
  }
  const transpositions = halfTranspositions / 2;
  return (matches / lengthA + matches / lengthB + (matches - transpositions) / matches) / 3;
}

/** Jaro plus Winkler's bonus of 0.1 per shared leading character, up to four. */
export function jaroWinkler(a: string, b: string): number {
  const similarity = jaro(a, b);
  let prefix = 0;
  const limit = Math.min(4, a.length, b.length);
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return similarity + prefix * 0.1 * (1 - similarity);
}

/**
 * Whether two strings are at most one edit apart (a letter replaced, dropped, added, or two neighbours swapped:
 * Damerau's four kinds of single typing error, which cover some 80 % of misspellings).
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const lengthA = a.length;
  const lengthB = b.length;
  if (Math.abs(lengthA - lengthB) > 1) return false;
  let i = 0;
  while (i < lengthA && i < lengthB && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (lengthA === lengthB) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return lengthA > lengthB ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
