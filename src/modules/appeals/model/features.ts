import { present } from '../../../core/lang/index.js';
import type { Token } from '../text/normalize.js';
import { stems } from '../text/stem.js';
import { lexiconHits } from './lexicon.js';

export const DEFAULT_BUCKETS = 1 << 17;

export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/** FNV-1a, 32 bit: fast, stable across runs and Node versions, good enough spread for feature hashing. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnvExtend(hash: number, text: string, start: number, end: number): number {
  let h = hash;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

const prefixHash = (prefix: string) => fnvExtend(FNV_OFFSET, prefix, 0, prefix.length);
const WORD = prefixHash('w:');
const CHAR = prefixHash('c:');
const KAZAKH_STEM = prefixHash('k:');
const RUSSIAN_STEM = prefixHash('r:');
const BIGRAM = prefixHash('b:');

const shorter = (a: string, b: string) => (b.length < a.length ? b : a);

/** Features of a token that go to the word block: the word and its two stems (see hashFeatures). */
export const WORD_FEATURES = 3;

/**
 * The features one token contributes: the word, its Kazakh and Russian stems (so that the inflected forms of a root
 * meet, text/stem.ts), its character 3- to 5-grams (robust to typos and spelling variants), and the bigram of its
 * shorter stem with the next word's. Pushes each feature's FNV-1a hash, exactly fnv1a(name) for the names that `tokenFeatures` lists,
 * without building the strings (this is the hot loop of screening).
 */
export function pushFeatureHashes(tokens: readonly Token[], index: number, out: number[]): void {
  const word = present(tokens[index], 'the token to hash').norm;
  const { kazakh, russian } = stems(word);
  out.push(fnvExtend(WORD, word, 0, word.length) >>> 0);
  out.push(fnvExtend(KAZAKH_STEM, kazakh, 0, kazakh.length) >>> 0);
  out.push(fnvExtend(RUSSIAN_STEM, russian, 0, russian.length) >>> 0);
  const root = shorter(kazakh, russian);
  const padded = `<${word}>`;
  for (let n = 3; n <= 5; n++) {
    for (let i = 0; i + n <= padded.length; i++) out.push(fnvExtend(CHAR, padded, i, i + n) >>> 0);
  }
  const next = tokens[index + 1];
  if (next) {
    const nextStems = stems(next.norm);
    const nextRoot = shorter(nextStems.kazakh, nextStems.russian);
    let h = fnvExtend(BIGRAM, root, 0, root.length);
    h = fnvExtend(h, '_', 0, 1);
    out.push(fnvExtend(h, nextRoot, 0, nextRoot.length) >>> 0);
  }
}

/** The same features by name, for explanations and tests. */
export function tokenFeatures(tokens: readonly Token[], index: number): string[] {
  const word = present(tokens[index], 'the token to describe').norm;
  const { kazakh, russian } = stems(word);
  const features = [`w:${word}`, `k:${kazakh}`, `r:${russian}`];
  const padded = `<${word}>`;
  for (let n = 3; n <= 5; n++) {
    for (let i = 0; i + n <= padded.length; i++) features.push(`c:${padded.slice(i, i + n)}`);
  }
  const next = tokens[index + 1];
  if (next) {
    const nextStems = stems(next.norm);
    features.push(`b:${shorter(kazakh, russian)}_${shorter(nextStems.kazakh, nextStems.russian)}`);
  }
  return features;
}

/** Counts of hashed slots, sorted: [slots, counts]. */
function countSlots(hashes: readonly number[], mask: number): [number[], number[]] {
  const slots = Int32Array.from(hashes, (hash) => hash & mask).sort();
  const indices: number[] = [];
  const counts: number[] = [];
  for (const slot of slots) {
    const last = indices.length - 1;
    if (last >= 0 && indices[last] === slot) counts[last] = (counts[last] ?? 0) + 1;
    else {
      indices.push(slot);
      counts.push(1);
    }
  }
  return [indices, counts];
}

/** One block of features weighted by sublinear TF·IDF and scaled to a given L2 norm. */
function weightBlock(
  indices: number[],
  counts: number[],
  idf: Float32Array | undefined,
  norm: number,
): Map<number, number> {
  // One count per slot (countSlots); a slot beyond the IDF table (one of other buckets) gives NaN, not a weight.
  const values = indices.map((slot, i) => (1 + Math.log(counts[i] ?? NaN)) * (idf ? (idf[slot] ?? NaN) : 1));
  const length = Math.sqrt(values.reduce((sum, value) => sum + value * value, 0)) || 1;
  return new Map(indices.map((slot, i) => [slot, ((values[i] ?? NaN) / length) * norm]));
}

/** A text's feature hashes, split into the two blocks that are weighted and normalised separately. */
export interface FeatureHashes {
  words: number[];
  chars: number[];
}

export function hashFeatures(tokens: readonly Token[]): FeatureHashes {
  const words: number[] = [];
  const chars: number[] = [];
  const scratch: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    scratch.length = 0;
    pushFeatureHashes(tokens, i, scratch);
    // The word and its stem first, then its character n-grams, then the bigram with the next word if there is one.
    const charsEnd = scratch.length - (i < tokens.length - 1 ? 1 : 0);
    for (const [k, hash] of scratch.entries()) {
      if (k < WORD_FEATURES || k >= charsEnd) words.push(hash);
      else chars.push(hash);
    }
  }
  for (const label of lexiconHits(tokens.map((token) => token.norm).join(' ')))
    words.push(fnv1a(`lex:${label}`));
  return { words, chars };
}

/**
 * Word features (words, bigrams, lexicon) and character n-grams are normalised as two blocks of equal weight, as
 * when a word and a character TF-IDF vectoriser are stacked: otherwise the many n-grams of a long text drown its words.
 */
export function weighFeatures(hashes: FeatureHashes, buckets: number, idf?: Float32Array): SparseVector {
  const mask = buckets - 1;
  const merged = weightBlock(...countSlots(hashes.words, mask), idf, Math.SQRT1_2);
  for (const [slot, value] of weightBlock(...countSlots(hashes.chars, mask), idf, Math.SQRT1_2))
    merged.set(slot, (merged.get(slot) ?? 0) + value);
  const indices = Int32Array.from([...merged.keys()].sort((a, b) => a - b));
  return { indices, values: Float32Array.from(indices, (slot) => merged.get(slot) ?? NaN) };
}

export function vectorize(tokens: readonly Token[], buckets: number, idf?: Float32Array): SparseVector {
  return weighFeatures(hashFeatures(tokens), buckets, idf);
}

/** Fewer words than this and a sentence joins the next (or, at the end, the previous) one. */
export const MIN_SENTENCE_TOKENS = 6;

/**
 * The text's sentences as token ranges [from, to), short ones merged, for scoring each on its own: in a long appeal
 * the one sentence that reports violence is diluted by the housing complaint around it when only the whole text is
 * scored. Empty when the text is a single sentence (its score is the text's).
 */
export function sentenceRanges(tokens: readonly Token[]): [number, number][] {
  const ranges: [number, number][] = [];
  let from = 0;
  for (let i = 1; i <= tokens.length; i++) {
    const boundary = i === tokens.length || (tokens[i]?.opensSentence ?? false);
    if (boundary && i - from >= MIN_SENTENCE_TOKENS) {
      ranges.push([from, i]);
      from = i;
    }
  }
  const last = ranges[ranges.length - 1];
  if (last && from < tokens.length) last[1] = tokens.length;
  return ranges.length > 1 ? ranges : [];
}

/** The vectors of the text's sentences (see sentenceRanges). */
export function sentenceVectors(
  tokens: readonly Token[],
  buckets: number,
  idf?: Float32Array,
): SparseVector[] {
  return sentenceRanges(tokens).map(([from, to]) => vectorize(tokens.slice(from, to), buckets, idf));
}

/**
 * The score a label gets from the text and its strongest sentence: the text's, raised by a learnt share of how far
 * the strongest sentence scores above it (0: the text alone; 1: whichever is higher).
 */
export function withStrongestSentence(
  textScore: number,
  sentenceScores: readonly number[],
  weight: number,
): number {
  if (weight === 0 || sentenceScores.length === 0) return textScore;
  const strongest = Math.max(...sentenceScores);
  return textScore + weight * Math.max(0, strongest - textScore);
}

/** Smoothed inverse document frequency per slot: log((n + 1) / (df + 1)) + 1, as scikit-learn computes it. */
export function inverseDocumentFrequency(documents: readonly FeatureHashes[], buckets: number): Float32Array {
  const df = new Uint32Array(buckets);
  const mask = buckets - 1;
  for (const { words, chars } of documents)
    for (const slot of new Set([...words, ...chars].map((hash) => hash & mask)))
      df[slot] = (df[slot] ?? 0) + 1;
  return Float32Array.from(df, (count) => Math.log((documents.length + 1) / (count + 1)) + 1);
}

/** IDF values fit in a byte at a resolution of 1/16 (they range from 1 to about 12). */
export function packIdf(idf: Float32Array): string {
  return Buffer.from(Uint8Array.from(idf, (value) => Math.min(255, Math.round(value * 16)))).toString(
    'base64',
  );
}

export function unpackIdf(packed: string): Float32Array {
  const bytes = Buffer.from(packed, 'base64');
  return Float32Array.from(bytes, (byte) => byte / 16);
}
