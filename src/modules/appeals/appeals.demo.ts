import { randomUUID } from 'node:crypto';
import { demoPerson, type Platform, regions, type Rng, systemActor } from '../../core/index.js';
import { actOnAppeal, ingestAppeal, type AppealAction } from './appeals.service.js';
import { backdateAppeal } from './appeals.repository.js';
import { slaHours } from './appeals.sla.js';
import type { ModelRegistry } from './models/models.service.js';
import { loadKzgov, loadSeedCorpus } from './model/corpus.js';
import { isHeldOut } from './model/split.js';

/**
 * The demo world's appeals: held-out texts of the seed corpus (the model never saw them) and ordinary complaints,
 * spread over six weeks and the regions by population, screened by the active model as they would be at intake.
 */
export async function seedDemoAppeals(
  platform: Platform,
  rng: Rng,
  registry: ModelRegistry,
  count = 240,
): Promise<number> {
  const pool = [
    ...loadSeedCorpus().filter((example) => isHeldOut(example.id)),
    ...loadKzgov()
      .filter((example) => isHeldOut(example.id) && example.lang === 'ru')
      .slice(0, 200),
  ];
  if (pool.length === 0) return 0;
  const weighted = regions.map((region) => [region, region.population] as const);
  const connector = {
    ...systemActor,
    type: 'api_key' as const,
    id: 'demo-eotinish',
    name: 'eotinish:demo connector',
  };
  const analyst = {
    ...systemActor,
    type: 'user' as const,
    id: 'demo-analyst',
    name: 'analyst (demo)',
    role: 'analyst' as const,
  };
  let made = 0;
  for (let i = 0; i < count; i++) {
    const example = rng.pick(pool);
    const region = rng.weighted(weighted);
    const person = demoPerson(rng);
    const ageMinutes = rng.int(10, 42 * 24 * 60);
    const submittedAt = new Date(Date.now() - ageMinutes * 60_000 - rng.int(1, 30) * 60_000);
    await platform.bus.tx(async (sql) => {
      const result = await ingestAppeal(
        sql,
        connector,
        {
          externalId: `ЖТ-${String(2_400_000 + i * 37 + rng.int(0, 36))}`,
          submittedAt: submittedAt.toISOString(),
          channel: rng.weighted([
            ['eotinish', 80],
            ['egov', 10],
            ['reception', 5],
            ['email', 5],
          ] as const),
          region: region.code,
          text: example.text,
          applicant: rng.chance(0.9)
            ? {
                name: person.fullName,
                iin: person.iin,
                phone: `+7 70${rng.int(0, 9)} ${rng.int(100, 999)} ${rng.int(10, 99)} ${rng.int(10, 99)}`,
              }
            : undefined,
        },
        await registry.active(sql),
        randomUUID(),
      );
      await backdateAppeal(sql, result.id, ageMinutes);
      // An office at work: most appeals past their first-action term have been dealt with; a few are overdue.
      const slaMinutes = slaHours[result.riskLevel] * 60;
      if (ageMinutes > slaMinutes && rng.chance(0.85)) {
        const path = demoPath(rng, result.labels.length > 0);
        for (const [action, input] of path)
          await actOnAppeal(sql, analyst, result.id, action, input, randomUUID());
      }
    });
    made++;
  }
  return made;
}

type Step = [AppealAction, { note?: string; agency?: string }];

function demoPath(rng: Rng, risky: boolean): Step[] {
  if (!risky)
    return [
      ['route', { agency: 'akimat', note: 'По компетенции' }],
      ['close', { note: 'Ответ заявителю направлен' }],
    ];
  return rng.weighted<Step[]>([
    [
      [
        ['confirm', {}],
        ['route', { agency: 'police', note: 'Материал передан в полицию' }],
        ['close', { note: 'Зарегистрировано в ЕРДР, заявитель уведомлён' }],
      ],
      5,
    ],
    [
      [
        ['confirm', {}],
        ['escalate', { note: 'Требуется решение прокурора' }],
      ],
      2,
    ],
    [
      [
        ['confirm', {}],
        ['route', { agency: 'police' }],
      ],
      2,
    ],
    [[['close', { note: 'Ложное срабатывание: обычное обращение' }]], 1],
  ]);
}
