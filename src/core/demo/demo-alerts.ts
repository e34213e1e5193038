import { maskIin, maskName } from '../alerts/mask.js';
import type { RaiseAlertInput, Severity } from '../alerts/alerts.types.js';
import { regions, type Region } from '../geo/regions.js';
import { demoPerson } from './people.js';
import type { Rng } from './rng.js';

type Template = (rng: Rng, region: Region) => Omit<RaiseAlertInput, 'region'>;

const personSubject = (rng: Rng, type: string) => {
  const person = demoPerson(rng);
  return {
    type,
    id: `${type}-${rng.int(100_000, 999_999)}`,
    label: `${maskName(person.fullName)}, ИИН ${maskIin(person.iin)}`,
    personal: { fullName: person.fullName, iin: person.iin, birthDate: person.birthDate },
  };
};

const appealTopics: [string, string, Severity, string[]][] = [
  ['violence', 'Обращение сообщает о домашнем насилии', 'critical', ['бьёт', 'избивает', 'синяки', 'ұрады']],
  ['threat', 'Обращение содержит угрозу убийством', 'critical', ['убью', 'өлтіремін', 'угрожает ножом']],
  ['self_harm', 'Риск суицида у заявителя', 'critical', ['не хочу жить', 'өзімді өлтіремін']],
  ['corruption', 'Сообщение о вымогательстве взятки', 'high', ['требует деньги', 'пара', 'взятку', 'откат']],
  ['bullying', 'Систематическая травля в школе', 'high', ['травят', 'унижают', 'буллинг', 'қорлайды']],
  ['fraud', 'Вербовка дропов через объявление', 'high', ['карта на твоё имя', 'лёгкий заработок', 'аренда карты']],
  ['drugs', 'Реклама закладок в мессенджере', 'high', ['закладки', 'кладмен', 'соль', 'курьер']],
];

const templates: Template[] = [
  (rng) => {
    const [topic, title, severity, words] = rng.pick(appealTopics);
    const probability = Number((0.72 + rng.next() * 0.26).toFixed(2));
    return {
      module: 'appeals', kind: `appeal.${topic}`, severity, title,
      subject: personSubject(rng, 'applicant'),
      summary: `Модель отнесла обращение к категории «${topic}» с вероятностью ${probability}: решающие слова ${words.slice(0, 2).map((word) => `«${word}»`).join(', ')}.`,
      evidence: { label: topic, probability, keyPhrases: words.slice(0, 3), language: rng.pick(['ru', 'kk', 'kk-latn', 'mixed']), appealId: `EO-${rng.int(1_000_000, 9_999_999)}` },
    };
  },
  (rng) => ({
    module: 'antifraud', kind: 'call.spoofing', severity: rng.pick(['medium', 'high'] as const),
    title: 'Подмена номера: звонки от имени банка',
    subject: { type: 'number', id: `A-${rng.int(1000, 9999)}`, label: `+7 7** *** ** ${rng.int(10, 99)}` },
    summary: `За час ${rng.int(40, 300)} вызовов с подменённым номером банка на абонентов региона; 92 % сброшены до 20 секунд.`,
    evidence: { calls: rng.int(40, 300), spoofedAs: 'bank hotline', window: '1h' },
  }),
  (rng) => ({
    module: 'money', kind: 'drop_card', severity: 'high',
    title: 'Карта-дроп: веерные поступления',
    subject: { type: 'card', id: `CARD-${rng.int(1000, 9999)}`, label: `440043******${rng.int(1000, 9999)}` },
    summary: `На карту поступили переводы от ${rng.int(12, 40)} отправителей за сутки и сразу выведены; типичная схема дропа.`,
    evidence: { inbound: rng.int(12, 40), totalKzt: rng.int(800_000, 9_000_000), outboundWithinMinutes: rng.int(5, 40) },
  }),
];

/** Regions weighted by population, so the demo inbox looks like the country. */
export function demoAlertInputs(rng: Rng, count: number): RaiseAlertInput[] {
  const weighted = regions.map((region) => [region, region.population] as const);
  return Array.from({ length: count }, () => {
    const region = rng.weighted(weighted);
    return { ...rng.pick(templates)(rng, region), region: region.code };
  });
}
