import type { LocalizedText } from '../i18n/i18n.js';

/**
 * Names of every module of the platform, installed here or not: alerts raised by integrations or by another
 * deployment may carry any of these ids, and people should read a name, not an id.
 */
export const moduleCatalogue: { id: string; name: LocalizedText }[] = [
  { id: 'forecasting', name: { kk: 'Қылмыстық қатерлерді болжау орталығы', ru: 'Центр прогнозирования криминальных угроз', en: 'Forecasting centre' } },
  { id: 'appeals', name: { kk: 'Өтініштердің тәуекелін тексеру', ru: 'Скрининг рисков в обращениях', en: 'Appeals risk screening' } },
  { id: 'supervision', name: { kk: 'Цифрлық қадағалау', ru: 'Цифровой надзор', en: 'Digital supervision' } },
  { id: 'antifraud', name: { kk: 'AntiFraud: қоңыраулар', ru: 'AntiFraud: звонки', en: 'AntiFraud calls' } },
  { id: 'money', name: { kk: 'Ақша ізімен', ru: 'По следам денег', en: 'Follow the money' } },
  { id: 'drug-ads', name: { kk: 'Есірткі жарнамасы туралы хабарлар', ru: 'Сообщения о рекламе наркотиков', en: 'Drug-ad reports' } },
  { id: 'investor-consent', name: { kk: 'Инвесторларды қорғау: прокурордың келісімі', ru: 'Защита инвесторов: согласие прокурора', en: 'Investor consent' } },
  { id: 'legal-help', name: { kk: 'Құқықтық көмек', ru: 'Правовая помощь', en: 'Legal help' } },
];
