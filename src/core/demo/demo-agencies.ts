import type { Sql } from '../db/db.js';
import { regions } from '../geo/regions.js';
import { insertAgency } from '../agencies/agencies.repository.js';

interface AgencySeed {
  id: string;
  kind: string;
  region: string | null;
  name: { kk: string; ru: string; en: string };
}

const national: AgencySeed[] = [
  {
    id: 'gp',
    kind: 'prosecutor',
    region: null,
    name: { kk: 'ҚР Бас прокуратурасы', ru: 'Генеральная прокуратура РК', en: 'Prosecutor General’s Office' },
  },
  {
    id: 'mvd',
    kind: 'police',
    region: null,
    name: {
      kk: 'ҚР Ішкі істер министрлігі',
      ru: 'Министерство внутренних дел РК',
      en: 'Ministry of Internal Affairs',
    },
  },
  {
    id: 'afm',
    kind: 'financial_monitoring',
    region: null,
    name: {
      kk: 'ҚР Қаржылық мониторинг агенттігі',
      ru: 'Агентство РК по финансовому мониторингу',
      en: 'Financial Monitoring Agency',
    },
  },
  {
    id: 'anticor',
    kind: 'anti_corruption',
    region: null,
    name: {
      kk: 'ҚР Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігі',
      ru: 'Агентство РК по противодействию коррупции',
      en: 'Anti-Corruption Agency',
    },
  },
  {
    id: 'edu',
    kind: 'education',
    region: null,
    name: { kk: 'ҚР Оқу-ағарту министрлігі', ru: 'Министерство просвещения РК', en: 'Ministry of Education' },
  },
];

/** The national bodies, and for each region its police department, prosecutor's office and akimat. */
export function demoAgencies(): AgencySeed[] {
  const regional = regions.flatMap((region): AgencySeed[] => [
    {
      id: `police-${region.code}`,
      kind: 'police',
      region: region.code,
      name: {
        kk: `${region.name.kk} полиция департаменті`,
        ru: `Департамент полиции: ${region.name.ru}`,
        en: `Police Department, ${region.name.en}`,
      },
    },
    {
      id: `prosecutor-${region.code}`,
      kind: 'prosecutor',
      region: region.code,
      name: {
        kk: `${region.name.kk} прокуратурасы`,
        ru: `Прокуратура: ${region.name.ru}`,
        en: `Prosecutor’s Office, ${region.name.en}`,
      },
    },
    {
      id: `akimat-${region.code}`,
      kind: 'akimat',
      region: region.code,
      name: {
        kk: `${region.name.kk} әкімдігі`,
        ru: `Акимат: ${region.name.ru}`,
        en: `Akimat, ${region.name.en}`,
      },
    },
  ]);
  return [...national, ...regional];
}

export async function insertAgencies(sql: Sql): Promise<number> {
  const agencies = demoAgencies();
  for (const agency of agencies)
    await insertAgency(sql, {
      id: agency.id,
      kind: agency.kind,
      region: agency.region,
      name_kk: agency.name.kk,
      name_ru: agency.name.ru,
      name_en: agency.name.en,
    });
  return agencies.length;
}
