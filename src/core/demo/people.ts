import type { Rng } from './rng.js';

const maleNames = [
  'Нурлан',
  'Ерлан',
  'Асхат',
  'Болат',
  'Даурен',
  'Ержан',
  'Айдос',
  'Санжар',
  'Мирас',
  'Темирлан',
  'Арман',
  'Серик',
  'Алексей',
  'Дмитрий',
  'Руслан',
];
const femaleNames = [
  'Айгерим',
  'Динара',
  'Гульнара',
  'Жанна',
  'Асель',
  'Мадина',
  'Сауле',
  'Айжан',
  'Камила',
  'Дана',
  'Елена',
  'Ольга',
  'Алия',
];
const surnames = [
  'Ахметов',
  'Жумабаев',
  'Сериков',
  'Нурланов',
  'Касымов',
  'Абенов',
  'Тулегенов',
  'Искаков',
  'Мусин',
  'Омаров',
  'Бекетов',
  'Сагинтаев',
  'Иванов',
  'Ким',
  'Есенов',
  'Калиев',
];
const fatherNames = ['Серик', 'Нурлан', 'Болат', 'Ерлан', 'Кайрат', 'Марат', 'Ахмет', 'Талгат'];

export interface DemoPerson {
  fullName: string;
  iin: string;
  birthDate: string;
  sex: 'male' | 'female';
}

/** IIN check digit (Order of the Ministry of Justice on the national register of individual identification numbers). */
export function iinCheckDigit(first11: string): number | null {
  const digits = Array.from(first11, Number);
  const weighted = (weights: number[]) =>
    digits.reduce((sum, digit, index) => sum + digit * (weights[index] ?? 0), 0) % 11;
  const first = weighted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (first !== 10) return first;
  const second = weighted([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return second === 10 ? null : second;
}

export function isValidIin(iin: string): boolean {
  return /^\d{12}$/.test(iin) && iinCheckDigit(iin.slice(0, 11)) === Number(iin[11]);
}

export function demoPerson(rng: Rng): DemoPerson {
  const sex = rng.chance(0.55) ? 'male' : 'female';
  const surname = rng.pick(surnames);
  const father = rng.pick(fatherNames);
  const fullName =
    sex === 'male'
      ? `${surname} ${rng.pick(maleNames)} ${father}ович`
      : `${surname}а ${rng.pick(femaleNames)} ${father}овна`;
  for (;;) {
    const year = rng.int(1960, 2008);
    const month = rng.int(1, 12);
    const day = rng.int(1, 28);
    const century = year >= 2000 ? (sex === 'male' ? 5 : 6) : sex === 'male' ? 3 : 4;
    const first11 = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${century}${String(rng.int(0, 9999)).padStart(4, '0')}`;
    const check = iinCheckDigit(first11);
    if (check === null) continue;
    return {
      fullName,
      iin: `${first11}${check}`,
      birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      sex,
    };
  }
}

export function demoStaffName(rng: Rng): string {
  const male = rng.chance(0.5);
  return male
    ? `${rng.pick(maleNames)} ${rng.pick(surnames)}`
    : `${rng.pick(femaleNames)} ${rng.pick(surnames)}а`;
}
