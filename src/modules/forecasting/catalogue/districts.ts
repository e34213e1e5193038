import type { LocalizedText } from '../../../core/index.js';

/**
 * A second-level administrative unit: a district (аудан / район) of a city or an oblast, or a city of regional
 * significance. Only the largest units of each region are listed, so a region's units may sum to less than its
 * population.
 */
export interface District {
  /** `<region>-NN`, e.g. `KZ-75-01`. Numbers are stable: new units get new numbers, never reused ones. */
  code: string;
  /** ISO 3166-2 code of the region (see `src/core/geo/regions.ts`). */
  region: string;
  name: LocalizedText;
  /** Estimated resident population at the start of 2023, rounded to thousands. Approximate, for scaling only. */
  population: number;
}

const unit = (
  region: string,
  nn: string,
  kk: string,
  ru: string,
  en: string,
  thousands: number,
): District => ({
  code: `${region}-${nn}`,
  region,
  name: { kk, ru, en },
  population: thousands * 1000,
});

// Order within a region: for the three cities, their districts in Russian alphabetical order; for oblasts, the
// regional centre first, then other cities of regional significance, then districts (each in Russian alphabetical
// order). Boundaries are those after the 2022 reform (Abai, Zhetysu and Ulytau regions; Nura district of Astana).
export const districts: readonly District[] = [
  // Abai Region
  unit('KZ-10', '01', 'Семей қаласы', 'город Семей', 'Semey', 325),
  unit('KZ-10', '02', 'Аягөз ауданы', 'Аягозский район', 'Ayagoz District', 72),
  unit('KZ-10', '03', 'Бородулиха ауданы', 'Бородулихинский район', 'Borodulikha District', 35),
  unit('KZ-10', '04', 'Жарма ауданы', 'Жарминский район', 'Zharma District', 38),
  unit('KZ-10', '05', 'Үржар ауданы', 'Урджарский район', 'Urzhar District', 50),

  // Akmola Region
  unit('KZ-11', '01', 'Көкшетау қаласы', 'город Кокшетау', 'Kokshetau', 165),
  unit('KZ-11', '02', 'Степногорск қаласы', 'город Степногорск', 'Stepnogorsk', 65),
  unit('KZ-11', '03', 'Бурабай ауданы', 'Бурабайский район', 'Burabay District', 70),
  unit('KZ-11', '04', 'Целиноград ауданы', 'Целиноградский район', 'Tselinograd District', 110),
  unit('KZ-11', '05', 'Шортанды ауданы', 'Шортандинский район', 'Shortandy District', 30),

  // Aktobe Region
  unit('KZ-15', '01', 'Ақтөбе қаласы', 'город Актобе', 'Aktobe', 560),
  unit('KZ-15', '02', 'Алға ауданы', 'Алгинский район', 'Alga District', 42),
  unit('KZ-15', '03', 'Мәртөк ауданы', 'Мартукский район', 'Martuk District', 30),
  unit('KZ-15', '04', 'Мұғалжар ауданы', 'Мугалжарский район', 'Mugalzhar District', 70),
  unit('KZ-15', '05', 'Хромтау ауданы', 'Хромтауский район', 'Khromtau District', 45),

  // Almaty Region
  unit('KZ-19', '01', 'Қонаев қаласы', 'город Конаев', 'Konaev', 70),
  unit('KZ-19', '02', 'Еңбекшіқазақ ауданы', 'Енбекшиказахский район', 'Enbekshikazakh District', 290),
  unit('KZ-19', '03', 'Жамбыл ауданы', 'Жамбылский район', 'Zhambyl District', 145),
  unit('KZ-19', '04', 'Іле ауданы', 'Илийский район', 'Ile District', 250),
  unit('KZ-19', '05', 'Қарасай ауданы', 'Карасайский район', 'Karasay District', 320),
  unit('KZ-19', '06', 'Талғар ауданы', 'Талгарский район', 'Talgar District', 230),

  // Atyrau Region
  unit('KZ-23', '01', 'Атырау қаласы', 'город Атырау', 'Atyrau', 390),
  unit('KZ-23', '02', 'Жылыой ауданы', 'Жылыойский район', 'Zhylyoi District', 80),
  unit('KZ-23', '03', 'Индер ауданы', 'Индерский район', 'Inder District', 33),
  unit('KZ-23', '04', 'Құрманғазы ауданы', 'Курмангазинский район', 'Kurmangazy District', 52),
  unit('KZ-23', '05', 'Махамбет ауданы', 'Махамбетский район', 'Makhambet District', 33),

  // West Kazakhstan Region
  unit('KZ-27', '01', 'Орал қаласы', 'город Уральск', 'Oral', 330),
  unit('KZ-27', '02', 'Ақжайық ауданы', 'Акжаикский район', 'Akzhaik District', 40),
  unit('KZ-27', '03', 'Бәйтерек ауданы', 'Байтерекский район', 'Baiterek District', 60),
  unit('KZ-27', '04', 'Бөрлі ауданы', 'Бурлинский район', 'Burli District', 55),
  unit('KZ-27', '05', 'Теректі ауданы', 'Теректинский район', 'Terekti District', 45),

  // Zhambyl Region
  unit('KZ-31', '01', 'Тараз қаласы', 'город Тараз', 'Taraz', 430),
  unit('KZ-31', '02', 'Байзақ ауданы', 'Байзакский район', 'Baizak District', 100),
  unit('KZ-31', '03', 'Қордай ауданы', 'Кордайский район', 'Kordai District', 130),
  unit('KZ-31', '04', 'Меркі ауданы', 'Меркенский район', 'Merke District', 85),
  unit('KZ-31', '05', 'Шу ауданы', 'Шуский район', 'Shu District', 115),

  // Zhetysu Region
  unit('KZ-33', '01', 'Талдықорған қаласы', 'город Талдыкорган', 'Taldykorgan', 185),
  unit('KZ-33', '02', 'Алакөл ауданы', 'Алакольский район', 'Alakol District', 70),
  unit('KZ-33', '03', 'Қаратал ауданы', 'Каратальский район', 'Karatal District', 48),
  unit('KZ-33', '04', 'Панфилов ауданы', 'Панфиловский район', 'Panfilov District', 125),
  unit('KZ-33', '05', 'Сарқан ауданы', 'Саркандский район', 'Sarkand District', 40),

  // Karaganda Region
  unit('KZ-35', '01', 'Қарағанды қаласы', 'город Караганда', 'Karaganda', 500),
  unit('KZ-35', '02', 'Балқаш қаласы', 'город Балхаш', 'Balkhash', 78),
  unit('KZ-35', '03', 'Саран қаласы', 'город Сарань', 'Saran', 48),
  unit('KZ-35', '04', 'Теміртау қаласы', 'город Темиртау', 'Temirtau', 185),
  unit('KZ-35', '05', 'Бұқар жырау ауданы', 'район Бухар-Жырау', 'Bukhar-Zhyrau District', 60),

  // Kostanay Region
  unit('KZ-39', '01', 'Қостанай қаласы', 'город Костанай', 'Kostanay', 260),
  unit('KZ-39', '02', 'Арқалық қаласы', 'город Аркалык', 'Arkalyk', 38),
  unit('KZ-39', '03', 'Лисаков қаласы', 'город Лисаковск', 'Lisakovsk', 40),
  unit('KZ-39', '04', 'Рудный қаласы', 'город Рудный', 'Rudny', 125),
  unit('KZ-39', '05', 'Қостанай ауданы', 'Костанайский район', 'Kostanay District', 75),

  // Kyzylorda Region
  unit('KZ-43', '01', 'Қызылорда қаласы', 'город Кызылорда', 'Kyzylorda', 320),
  unit('KZ-43', '02', 'Арал ауданы', 'Аральский район', 'Aral District', 80),
  unit('KZ-43', '03', 'Жаңақорған ауданы', 'Жанакорганский район', 'Zhanakorgan District', 80),
  unit('KZ-43', '04', 'Қазалы ауданы', 'Казалинский район', 'Kazaly District', 80),
  unit('KZ-43', '05', 'Шиелі ауданы', 'Шиелийский район', 'Shieli District', 85),

  // Mangystau Region
  unit('KZ-47', '01', 'Ақтау қаласы', 'город Актау', 'Aktau', 215),
  unit('KZ-47', '02', 'Жаңаөзен қаласы', 'город Жанаозен', 'Zhanaozen', 160),
  unit('KZ-47', '03', 'Бейнеу ауданы', 'Бейнеуский район', 'Beineu District', 75),
  unit('KZ-47', '04', 'Қарақия ауданы', 'Каракиянский район', 'Karakiya District', 50),
  unit('KZ-47', '05', 'Мұнайлы ауданы', 'Мунайлинский район', 'Munaily District', 165),

  // Pavlodar Region
  unit('KZ-55', '01', 'Павлодар қаласы', 'город Павлодар', 'Pavlodar', 365),
  unit('KZ-55', '02', 'Ақсу қаласы', 'город Аксу', 'Aksu', 70),
  unit('KZ-55', '03', 'Екібастұз қаласы', 'город Экибастуз', 'Ekibastuz', 150),
  unit('KZ-55', '04', 'Баянауыл ауданы', 'Баянаульский район', 'Bayanaul District', 20),
  unit('KZ-55', '05', 'Павлодар ауданы', 'Павлодарский район', 'Pavlodar District', 30),

  // North Kazakhstan Region
  unit('KZ-59', '01', 'Петропавл қаласы', 'город Петропавловск', 'Petropavl', 220),
  unit('KZ-59', '02', 'Айыртау ауданы', 'Айыртауский район', 'Aiyrtau District', 30),
  unit(
    'KZ-59',
    '03',
    'Ғабит Мүсірепов атындағы аудан',
    'район имени Габита Мусрепова',
    'Gabit Musrepov District',
    38,
  ),
  unit('KZ-59', '04', 'Қызылжар ауданы', 'Кызылжарский район', 'Kyzylzhar District', 45),
  unit('KZ-59', '05', 'Тайынша ауданы', 'Тайыншинский район', 'Taiynsha District', 38),

  // Turkistan Region
  unit('KZ-61', '01', 'Түркістан қаласы', 'город Туркестан', 'Turkistan', 230),
  unit('KZ-61', '02', 'Кентау қаласы', 'город Кентау', 'Kentau', 100),
  unit('KZ-61', '03', 'Мақтаарал ауданы', 'Мактааральский район', 'Maktaaral District', 150),
  unit('KZ-61', '04', 'Ордабасы ауданы', 'Ордабасинский район', 'Ordabasy District', 130),
  unit('KZ-61', '05', 'Сайрам ауданы', 'Сайрамский район', 'Sairam District', 330),
  unit('KZ-61', '06', 'Сарыағаш ауданы', 'Сарыагашский район', 'Saryagash District', 210),
  unit('KZ-61', '07', 'Төлеби ауданы', 'Толебийский район', 'Tolebi District', 130),

  // Ulytau Region
  unit('KZ-62', '01', 'Жезқазған қаласы', 'город Жезказган', 'Zhezkazgan', 88),
  unit('KZ-62', '02', 'Қаражал қаласы', 'город Каражал', 'Karazhal', 16),
  unit('KZ-62', '03', 'Сәтбаев қаласы', 'город Сатпаев', 'Satbayev', 68),
  unit('KZ-62', '04', 'Жаңаарқа ауданы', 'Жанааркинский район', 'Zhanaarka District', 28),
  unit('KZ-62', '05', 'Ұлытау ауданы', 'Улытауский район', 'Ulytau District', 12),

  // East Kazakhstan Region
  unit('KZ-63', '01', 'Өскемен қаласы', 'город Усть-Каменогорск', 'Oskemen', 350),
  unit('KZ-63', '02', 'Риддер қаласы', 'город Риддер', 'Ridder', 55),
  unit('KZ-63', '03', 'Алтай ауданы', 'район Алтай', 'Altai District', 65),
  unit('KZ-63', '04', 'Глубокое ауданы', 'Глубоковский район', 'Glubokoe District', 55),
  unit('KZ-63', '05', 'Шемонаиха ауданы', 'Шемонаихинский район', 'Shemonaikha District', 40),

  // Astana
  unit('KZ-71', '01', 'Алматы ауданы', 'район Алматы', 'Almaty District', 345),
  unit('KZ-71', '02', 'Байқоңыр ауданы', 'район Байконур', 'Baikonur District', 260),
  unit('KZ-71', '03', 'Есіл ауданы', 'район Есиль', 'Yesil District', 228),
  unit('KZ-71', '04', 'Нұра ауданы', 'район Нура', 'Nura District', 148),
  unit('KZ-71', '05', 'Сарыарқа ауданы', 'район Сарыарка', 'Saryarka District', 366),

  // Almaty
  unit('KZ-75', '01', 'Алатау ауданы', 'Алатауский район', 'Alatau District', 330),
  unit('KZ-75', '02', 'Алмалы ауданы', 'Алмалинский район', 'Almaly District', 214),
  unit('KZ-75', '03', 'Әуезов ауданы', 'Ауэзовский район', 'Auezov District', 305),
  unit('KZ-75', '04', 'Бостандық ауданы', 'Бостандыкский район', 'Bostandyk District', 380),
  unit('KZ-75', '05', 'Жетісу ауданы', 'Жетысуский район', 'Zhetysu District', 166),
  unit('KZ-75', '06', 'Медеу ауданы', 'Медеуский район', 'Medeu District', 232),
  unit('KZ-75', '07', 'Наурызбай ауданы', 'Наурызбайский район', 'Nauryzbay District', 180),
  unit('KZ-75', '08', 'Түрксіб ауданы', 'Турксибский район', 'Turksib District', 258),

  // Shymkent
  unit('KZ-79', '01', 'Абай ауданы', 'Абайский район', 'Abay District', 290),
  unit('KZ-79', '02', 'Әл-Фараби ауданы', 'Аль-Фарабийский район', 'Al-Farabi District', 205),
  unit('KZ-79', '03', 'Еңбекші ауданы', 'Енбекшинский район', 'Enbekshi District', 255),
  unit('KZ-79', '04', 'Қаратау ауданы', 'Каратауский район', 'Karatau District', 270),
  unit('KZ-79', '05', 'Тұран ауданы', 'Туранский район', 'Turan District', 165),
];

const byCode = new Map(districts.map((item) => [item.code, item]));

/** The listed units of a region, in catalogue order; empty for an unknown region. */
export function districtsOf(region: string): District[] {
  return districts.filter((item) => item.region === region);
}

export function findDistrict(code: string): District | undefined {
  return byCode.get(code);
}
