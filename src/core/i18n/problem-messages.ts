import type { LocalizedText } from './i18n.js';

/** Titles of the problem types, in the three languages of the dashboard. */
export const problemTitles = {
  validation: {
    en: 'The request is not valid',
    ru: 'Запрос содержит ошибки',
    kk: 'Сұрау қате толтырылған',
  },
  unauthenticated: {
    en: 'Sign-in required',
    ru: 'Требуется вход в систему',
    kk: 'Жүйеге кіру қажет',
  },
  'invalid-credentials': {
    en: 'Wrong username or password',
    ru: 'Неверное имя пользователя или пароль',
    kk: 'Пайдаланушы аты немесе құпиясөз қате',
  },
  forbidden: {
    en: 'You do not have permission for this action',
    ru: 'Недостаточно прав для этого действия',
    kk: 'Бұл әрекетке құқығыңыз жоқ',
  },
  'region-forbidden': {
    en: 'This region is outside your area of responsibility',
    ru: 'Этот регион вне вашей зоны ответственности',
    kk: 'Бұл өңір сіздің жауапкершілік аймағыңыздан тыс',
  },
  csrf: {
    en: 'The request lacks a valid CSRF token',
    ru: 'Запрос без действительного CSRF-токена',
    kk: 'Сұрауда жарамды CSRF-токен жоқ',
  },
  'uri-too-long': {
    en: 'The address is too long',
    ru: 'Слишком длинный адрес запроса',
    kk: 'Сұрау мекенжайы тым ұзын',
  },
  'not-found': {
    en: 'Not found',
    ru: 'Не найдено',
    kk: 'Табылмады',
  },
  conflict: {
    en: 'The request conflicts with the current state',
    ru: 'Запрос противоречит текущему состоянию',
    kk: 'Сұрау ағымдағы күйге қайшы',
  },
  'invalid-transition': {
    en: 'This action is not possible in the current status',
    ru: 'Это действие невозможно в текущем статусе',
    kk: 'Бұл әрекет ағымдағы мәртебеде мүмкін емес',
  },
  'rate-limited': {
    en: 'Too many requests; try again later',
    ru: 'Слишком много запросов; повторите позже',
    kk: 'Сұраулар тым көп; кейінірек қайталаңыз',
  },
  'payload-too-large': {
    en: 'The request body is too large',
    ru: 'Тело запроса слишком велико',
    kk: 'Сұрау денесі тым үлкен',
  },
  'unsupported-media-type': {
    en: 'Unsupported content type',
    ru: 'Неподдерживаемый тип содержимого',
    kk: 'Қолдау көрсетілмейтін мазмұн түрі',
  },
  'not-ready': {
    en: 'The service is not ready',
    ru: 'Сервис не готов',
    kk: 'Қызмет дайын емес',
  },
  internal: {
    en: 'Internal error; it has been logged',
    ru: 'Внутренняя ошибка; она зарегистрирована',
    kk: 'Ішкі қате; ол тіркелді',
  },
} satisfies Record<string, LocalizedText>;

export type ProblemId = keyof typeof problemTitles;
