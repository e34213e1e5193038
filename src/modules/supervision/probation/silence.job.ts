import { raiseAlert } from '../../../core/alerts/alerts.service.js';
import { maskName } from '../../../core/alerts/mask.js';
import { systemActor } from '../../../core/auth/actor.js';
import type { Job } from '../../../core/modules/manifest.js';
import type { Platform } from '../../../core/platform.js';

/**
 * What does not arrive: a bracelet that fell silent, a person who missed a check-in, a source that stopped sending.
 * Each raises one alert per silence; the next ping or message ends it.
 */
export function silenceJob(platform: Pick<Platform, 'bus'>): Job {
  return {
    name: 'supervision.silence',
    everyMs: 60_000,
    run: async () => {
      await checkSilences(platform);
    },
  };
}

export async function checkSilences(platform: Pick<Platform, 'bus'>, now = new Date()): Promise<number> {
  return platform.bus.tx(async (sql) => {
    let raised = 0;
    const bracelets = await sql.query<{ id: string; full_name: string; iin: string | null; region: string; bracelet_id: string; last_ping_at: Date | null; silence_minutes: number }>(
      `update probation_persons set silent_alerted_at = $1
       where status = 'active' and bracelet_id is not null and silent_alerted_at is null
         and coalesce(last_ping_at, created_at) < $1::timestamptz - make_interval(mins => silence_minutes)
       returning id, full_name, iin, region, bracelet_id, last_ping_at, silence_minutes`,
      [now],
    );
    for (const person of bracelets) {
      const since = person.last_ping_at ? new Date(person.last_ping_at).toISOString() : 'registration';
      await raiseAlert(sql, systemActor, {
        module: 'supervision', kind: 'bracelet_silent', severity: 'high', region: person.region,
        subject: { type: 'probationer', id: person.id, label: maskName(person.full_name), personal: { fullName: person.full_name, ...(person.iin ? { iin: person.iin } : {}) } },
        title: 'Bracelet silent (probation)',
        summary: `Bracelet ${person.bracelet_id} has sent nothing since ${since}, longer than the ${String(person.silence_minutes)} minutes allowed: it may be removed, broken or out of coverage.`,
        evidence: { braceletId: person.bracelet_id, lastPingAt: person.last_ping_at, silenceMinutes: person.silence_minutes },
        topics: ['rule:bracelet_silent'], dedupeKey: `supervision:bracelet_silent:${person.id}`,
      });
      raised++;
    }
    const checkins = await sql.query<{ id: string; full_name: string; iin: string | null; region: string; checkin_every_days: number; last_checkin_at: Date | null }>(
      `update probation_persons set checkin_alerted_at = $1
       where status = 'active' and checkin_every_days is not null
         and coalesce(last_checkin_at, created_at) < $1::timestamptz - make_interval(days => checkin_every_days)
         and (checkin_alerted_at is null or checkin_alerted_at < coalesce(last_checkin_at, created_at))
       returning id, full_name, iin, region, checkin_every_days, last_checkin_at`,
      [now],
    );
    for (const person of checkins) {
      await raiseAlert(sql, systemActor, {
        module: 'supervision', kind: 'checkin_missed', severity: 'medium', region: person.region,
        subject: { type: 'probationer', id: person.id, label: maskName(person.full_name), personal: { fullName: person.full_name, ...(person.iin ? { iin: person.iin } : {}) } },
        title: 'Missed check-in (probation)',
        summary: `No check-in for more than ${String(person.checkin_every_days)} days (last: ${person.last_checkin_at ? new Date(person.last_checkin_at).toISOString().slice(0, 10) : 'none since registration'}).`,
        evidence: { checkinEveryDays: person.checkin_every_days, lastCheckinAt: person.last_checkin_at },
        topics: ['rule:checkin_missed'],
      });
      raised++;
    }
    const sources = await sql.query<{ id: string; kind: string; region: string; last_message_at: Date | null; expected_every_seconds: number }>(
      `update supervision_sources set silent_since = $1
       where active and silent_since is null and coalesce(last_message_at, created_at) < $1::timestamptz - make_interval(secs => expected_every_seconds)
       returning id, kind, region, last_message_at, expected_every_seconds`,
      [now],
    );
    for (const source of sources) {
      await raiseAlert(sql, systemActor, {
        module: 'supervision', kind: 'source_silent', severity: 'low', region: source.region,
        subject: { type: 'source', id: source.id, label: source.id },
        title: `Source silent: ${source.kind} ${source.id}`,
        summary: `No message since ${source.last_message_at ? new Date(source.last_message_at).toISOString() : 'registration'}; expected at least every ${String(source.expected_every_seconds)} s.`,
        evidence: { sourceId: source.id, lastMessageAt: source.last_message_at, expectedEverySeconds: source.expected_every_seconds },
        topics: ['rule:source_silent'], dedupeKey: `supervision:source_silent:${source.id}`,
      });
      raised++;
    }
    return raised;
  });
}
