import type { Role } from '../auth/permissions.js';
import type { Locale } from '../i18n/i18n.js';

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  regions: string[];
  locale: Locale;
  agencyId: string | null;
}

const regionSlugs: Record<string, string> = {
  'KZ-10': 'abai',
  'KZ-11': 'akmola',
  'KZ-15': 'aktobe',
  'KZ-19': 'almaty-region',
  'KZ-23': 'atyrau',
  'KZ-27': 'west-kz',
  'KZ-31': 'zhambyl',
  'KZ-33': 'zhetysu',
  'KZ-35': 'karaganda',
  'KZ-39': 'kostanay',
  'KZ-43': 'kyzylorda',
  'KZ-47': 'mangystau',
  'KZ-55': 'pavlodar',
  'KZ-59': 'north-kz',
  'KZ-61': 'turkistan',
  'KZ-62': 'ulytau',
  'KZ-63': 'east-kz',
  'KZ-71': 'astana',
  'KZ-75': 'almaty',
  'KZ-79': 'shymkent',
};

const user = (
  username: string,
  displayName: string,
  role: Role,
  regions: string[],
  locale: Locale = 'ru',
  agencyId: string | null = null,
): DemoUser => ({
  username,
  displayName,
  role,
  regions,
  locale,
  agencyId,
});

/** One user of every role, national and regional, plus a prosecutor for each of the 20 regions. */
export function demoUsers(): DemoUser[] {
  return [
    user('admin', 'Администратор системы', 'admin', ['*'], 'en'),
    user('prosecutor', 'Ерлан Сагинтаев', 'prosecutor', ['*']),
    user('auditor', 'Сауле Искакова', 'auditor', ['*']),
    user('analyst', 'Асель Нурланова', 'analyst', ['*'], 'kk'),
    user('analyst.almaty', 'Данияр Касымов', 'analyst', ['KZ-75']),
    user('analyst.astana', 'Айгерим Омарова', 'analyst', ['KZ-71'], 'kk'),
    user('analyst.south', 'Руслан Бекетов', 'analyst', ['KZ-79', 'KZ-61', 'KZ-31']),
    user('duty.astana', 'Темирлан Абенов', 'duty_officer', ['KZ-71']),
    user('duty.almaty', 'Ольга Ким', 'duty_officer', ['KZ-75']),
    user('duty.karaganda', 'Мирас Тулегенов', 'duty_officer', ['KZ-35'], 'kk'),
    user('liaison.shymkent', 'Жанна Мусина', 'agency_liaison', ['KZ-79'], 'ru', 'police-KZ-79'),
    user('liaison.almaty', 'Арман Калиев', 'agency_liaison', ['KZ-75'], 'ru', 'police-KZ-75'),
    user('liaison.afm', 'Динара Есенова', 'agency_liaison', ['*'], 'ru', 'afm'),
    ...Object.entries(regionSlugs).map(([code, slug]) =>
      user(`prosecutor.${slug}`, `Прокурор (${slug})`, 'prosecutor', [code]),
    ),
  ];
}
