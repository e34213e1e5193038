import type { LocalizedText } from '../i18n/i18n.js';

export interface Region {
  /** ISO 3166-2 code, the id used everywhere in the platform. */
  code: string;
  /** KATO (classifier of administrative-territorial objects) code of the region. */
  kato: string;
  name: LocalizedText;
  /** Resident population on 1 January 2023, Bureau of National Statistics. */
  population: number;
  populationYear: number;
}

const region = (
  code: string,
  kato: string,
  kk: string,
  ru: string,
  en: string,
  population: number,
): Region => ({
  code,
  kato,
  name: { kk, ru, en },
  population,
  populationYear: 2023,
});

/** The 20 first-level units since the 2022 reform: 17 oblasts and the cities of Astana, Almaty and Shymkent. */
export const regions: readonly Region[] = [
  region('KZ-10', '100000000', 'Абай облысы', 'Абайская область', 'Abai Region', 610_205),
  region('KZ-11', '110000000', 'Ақмола облысы', 'Акмолинская область', 'Akmola Region', 788_023),
  region('KZ-15', '150000000', 'Ақтөбе облысы', 'Актюбинская область', 'Aktobe Region', 928_161),
  region('KZ-19', '190000000', 'Алматы облысы', 'Алматинская область', 'Almaty Region', 1_505_968),
  region('KZ-23', '230000000', 'Атырау облысы', 'Атырауская область', 'Atyrau Region', 693_085),
  region(
    'KZ-27',
    '270000000',
    'Батыс Қазақстан облысы',
    'Западно-Казахстанская область',
    'West Kazakhstan Region',
    688_129,
  ),
  region('KZ-31', '310000000', 'Жамбыл облысы', 'Жамбылская область', 'Zhambyl Region', 1_218_170),
  region('KZ-33', '330000000', 'Жетісу облысы', 'Область Жетісу', 'Zhetysu Region', 698_729),
  region('KZ-35', '350000000', 'Қарағанды облысы', 'Карагандинская область', 'Karaganda Region', 1_134_854),
  region('KZ-39', '390000000', 'Қостанай облысы', 'Костанайская область', 'Kostanay Region', 832_237),
  region('KZ-43', '430000000', 'Қызылорда облысы', 'Кызылординская область', 'Kyzylorda Region', 833_676),
  region('KZ-47', '470000000', 'Маңғыстау облысы', 'Мангистауская область', 'Mangystau Region', 767_107),
  region('KZ-55', '550000000', 'Павлодар облысы', 'Павлодарская область', 'Pavlodar Region', 754_949),
  region(
    'KZ-59',
    '590000000',
    'Солтүстік Қазақстан облысы',
    'Северо-Казахстанская область',
    'North Kazakhstan Region',
    534_108,
  ),
  region('KZ-61', '610000000', 'Түркістан облысы', 'Туркестанская область', 'Turkistan Region', 2_119_320),
  region('KZ-62', '620000000', 'Ұлытау облысы', 'Область Ұлытау', 'Ulytau Region', 221_426),
  region(
    'KZ-63',
    '630000000',
    'Шығыс Қазақстан облысы',
    'Восточно-Казахстанская область',
    'East Kazakhstan Region',
    730_236,
  ),
  region('KZ-71', '710000000', 'Астана қаласы', 'город Астана', 'Astana', 1_354_507),
  region('KZ-75', '750000000', 'Алматы қаласы', 'город Алматы', 'Almaty', 2_161_797),
  region('KZ-79', '790000000', 'Шымкент қаласы', 'город Шымкент', 'Shymkent', 1_192_120),
];

const byCode = new Map(regions.map((item) => [item.code, item]));

export const regionCodes: readonly string[] = regions.map((item) => item.code);

export function findRegion(code: string): Region | undefined {
  return byCode.get(code);
}

export function isRegionCode(code: string): boolean {
  return byCode.has(code);
}
