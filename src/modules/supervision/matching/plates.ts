/**
 * Licence plates as recognisers read them. Kazakh plates use Latin letters, Russian plates the twelve Cyrillic
 * letters that look Latin (ГОСТ Р 50577-2018: А В Е К М Н О Р С Т У Х); recognisers and people mix the two scripts.
 * The canonical form is upper case, Latin, without spaces or separators, and without a trailing RUS / leading KZ
 * flag code.
 *
 * Recogniser confusions (ANPR literature and vendors' confusion matrices agree on these; each group reads as one
 * shape in a low-resolution or dirty plate): 0/O/D/Q, 1/I, 2/Z, 5/S, 6/G, 8/B. 4/A and 7/T are left out: they are
 * rarer, and A is so common on plates that folding it would join many different plates.
 */

// prettier-ignore
const lookAlikes: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X',
};

const confusionGroups = ['0ODQ', '1I', '2Z', '5S', '6G', '8B'];
const confusionOf = new Map<string, string>(
  confusionGroups.flatMap((group) =>
    Array.from(group, (char) => [char, group.charAt(0)] as [string, string]),
  ),
);

/**
 * Plate layouts (D digit, L letter): Kazakhstan since 2012 (123 ABC 02, 123 AB 02), Kazakhstan 1993–2012
 * (A 123 BCD, the first letter the region) and Russia (А 123 ВС 77, region of two or three digits).
 */
const layouts = ['DDDLLLDD', 'DDDLLDD', 'LDDDLLL', 'LDDDLLDD', 'LDDDLLDDD'];

export function canonicalPlate(raw: string): string {
  const text = raw
    .toUpperCase()
    .trim()
    .replace(/^KZ[\s-]+|[\s-]+KZ$/g, '');
  let out = '';
  for (const char of text) {
    const latin = lookAlikes[char] ?? char;
    if (/[A-Z0-9\u0400-\u04FF]/.test(latin)) out += latin;
  }
  // The RUS under a Russian region code, not the letters of an old Kazakh plate (A 123 RUS).
  if (out.endsWith('RUS') && /^LDDDLLDDD?$/.test(layoutOf(out.slice(0, -3)))) out = out.slice(0, -3);
  return out;
}

/** The plate with every confusable character replaced by its group's first member: plates one misread apart share it. */
export function plateSkeleton(canonical: string): string {
  let out = '';
  for (const char of canonical) out += confusionOf.get(char) ?? char;
  return out;
}

function layoutOf(canonical: string): string {
  let out = '';
  for (const char of canonical) out += char >= '0' && char <= '9' ? 'D' : 'L';
  return out;
}

export function isPlateLayout(canonical: string): boolean {
  return layouts.includes(layoutOf(canonical));
}

export interface PlateComparison {
  score: number;
  reasons: string[];
}

/**
 * Exact canonical agreement is strong (0.99: plates are cloned and misregistered, never certain). One confusion is
 * medium: 0.93 when the reading breaks the plate layout and the listed plate fits it (a digit read where only a
 * letter can stand), 0.9 when both readings are well-formed plates. Two confusions (0.7) stay below the threshold.
 */
export function comparePlates(observedRaw: string, listedRaw: string): PlateComparison | null {
  const observed = canonicalPlate(observedRaw);
  const listed = canonicalPlate(listedRaw);
  if (observed === '' || listed === '') return null;
  if (observed === listed) {
    const plain = (text: string) => text.toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
    const note = plain(observedRaw) === plain(listedRaw) ? '' : ' (Cyrillic/Latin look-alikes)';
    return { score: 0.99, reasons: [`plate matches${note}`] };
  }
  if (observed.length !== listed.length || plateSkeleton(observed) !== plateSkeleton(listed)) return null;
  const swaps: string[] = [];
  for (let i = 0; i < observed.length; i++) {
    if (observed[i] !== listed[i]) swaps.push(`${listed.charAt(i)} read as ${observed.charAt(i)}`);
  }
  if (swaps.length === 1) {
    const repaired = !isPlateLayout(observed) && isPlateLayout(listed);
    const why = repaired ? ', and the reading does not fit a plate layout' : '';
    return {
      score: repaired ? 0.93 : 0.9,
      reasons: [`plate ${observed} ≈ ${listed} (one recogniser confusion: ${swaps[0] ?? ''}${why})`],
    };
  }
  if (swaps.length === 2) {
    return {
      score: 0.7,
      reasons: [`plate ${observed} ≈ ${listed} (two recogniser confusions: ${swaps.join(', ')})`],
    };
  }
  return null;
}
