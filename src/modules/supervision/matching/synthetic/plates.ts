/** Plates of the three layouts plates.ts knows, and the ways recognisers and people write them back. */
import type { Rng } from '../../../../core/index.js';

const latin = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
// ГОСТ Р 50577-2018: Russian plates use only the Cyrillic letters that look Latin.
const russian = 'АВЕКМНОРСТУХ';
// prettier-ignore
const toLatin: Record<string, string> = { А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X' };
// prettier-ignore
const confusions: Record<string, string> = { '0': 'O', O: '0', D: '0', Q: '0', '1': 'I', I: '1', '2': 'Z', Z: '2', '5': 'S', S: '5', '6': 'G', G: '6', '8': 'B', B: '8' };

const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => String(rng.int(0, 9))).join('');
const letters = (rng: Rng, alphabet: string, n: number) =>
  Array.from({ length: n }, () => rng.pick(Array.from(alphabet))).join('');

/** A plate as registered, with spaces: 123 ABC 02 (Kazakhstan since 2012), A 123 BCD (1993–2012), А 123 ВС 77 (Russia). */
export function randomPlate(rng: Rng): string {
  const layout = rng.weighted([
    ['kz', 0.7],
    ['kz-old', 0.15],
    ['ru', 0.15],
  ] as const);
  switch (layout) {
    case 'kz':
      return `${digits(rng, 3)} ${letters(rng, latin, rng.chance(0.8) ? 3 : 2)} ${String(rng.int(1, 20)).padStart(2, '0')}`;
    case 'kz-old':
      return `${letters(rng, latin, 1)} ${digits(rng, 3)} ${letters(rng, latin, 3)}`;
    case 'ru':
      return `${letters(rng, russian, 1)} ${digits(rng, 3)} ${letters(rng, russian, 2)} ${String(rng.int(1, 199)).padStart(2, '0')}`;
  }
}

export type PlateVariant = 'as-listed' | 'spacing' | 'script' | 'confusion';

/** The plate as a camera or a clerk might send it: respaced, in the other script, or with one recogniser confusion. */
export function plateVariant(plate: string, rng: Rng): { plate: string; variant: PlateVariant } {
  const variant = rng.weighted([
    ['as-listed', 0.15],
    ['spacing', 0.3],
    ['script', 0.15],
    ['confusion', 0.4],
  ] as const);
  const compact = plate.replace(/\s/g, '');
  switch (variant) {
    case 'as-listed':
      return { plate, variant };
    case 'spacing':
      return { plate: rng.chance(0.5) ? compact : plate.replace(/\s/g, '-').toLowerCase(), variant };
    case 'script':
      return { plate: Array.from(plate, (char) => toLatin[char] ?? char).join(''), variant };
    case 'confusion': {
      const latinPlate = Array.from(compact, (char) => toLatin[char] ?? char).join('');
      const positions = Array.from(latinPlate).flatMap((char, i) => (confusions[char] ? [i] : []));
      if (positions.length === 0) return { plate: compact, variant: 'spacing' };
      const at = rng.pick(positions);
      return {
        plate:
          latinPlate.slice(0, at) +
          (confusions[latinPlate.charAt(at)] ?? latinPlate.charAt(at)) +
          latinPlate.slice(at + 1),
        variant,
      };
    }
  }
}
