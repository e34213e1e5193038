import { type Job, maskName, raiseAlert, systemActor } from '../../../core/index.js';
import type { SupervisionContext } from '../supervision.settings.js';
import { endOverdueFlights } from '../flights/flights.repository.js';
import { markSilentSources } from '../sources/sources.repository.js';
import { markMissedCheckins, markSilentBracelets } from './probation.repository.js';

/**
 * What does not arrive: a bracelet that fell silent, a person who missed a check-in, a source that stopped sending
 * (a drone only during a flight; flights whose planned end passed are ended here too).
 * Each raises one alert per silence; the next ping or message ends it.
 */
export function silenceJob(platform: Pick<SupervisionContext, 'bus'>): Job {
  return {
    name: 'supervision.silence',
    everyMs: 60_000,
    run: async () => {
      await checkSilences(platform);
    },
  };
}

export async function checkSilences(
  platform: Pick<SupervisionContext, 'bus'>,
  now = new Date(),
): Promise<number> {
  return platform.bus.tx(async (sql) => {
    let raised = 0;
    const bracelets = await markSilentBracelets(sql, now);
    for (const person of bracelets) {
      const since = person.last_ping_at ? new Date(person.last_ping_at).toISOString() : 'registration';
      await raiseAlert(sql, systemActor, {
        module: 'supervision',
        kind: 'bracelet_silent',
        severity: 'high',
        region: person.region,
        subject: {
          type: 'probationer',
          id: person.id,
          label: maskName(person.full_name),
          personal: { fullName: person.full_name, ...(person.iin ? { iin: person.iin } : {}) },
        },
        title: 'Bracelet silent (probation)',
        summary: `Bracelet ${person.bracelet_id} has sent nothing since ${since}, longer than the ${String(person.silence_minutes)} minutes allowed: it may be removed, broken or out of coverage.`,
        evidence: {
          braceletId: person.bracelet_id,
          lastPingAt: person.last_ping_at,
          silenceMinutes: person.silence_minutes,
        },
        topics: ['rule:bracelet_silent'],
        dedupeKey: `supervision:bracelet_silent:${person.id}`,
      });
      raised++;
    }
    const checkins = await markMissedCheckins(sql, now);
    for (const person of checkins) {
      await raiseAlert(sql, systemActor, {
        module: 'supervision',
        kind: 'checkin_missed',
        severity: 'medium',
        region: person.region,
        subject: {
          type: 'probationer',
          id: person.id,
          label: maskName(person.full_name),
          personal: { fullName: person.full_name, ...(person.iin ? { iin: person.iin } : {}) },
        },
        title: 'Missed check-in (probation)',
        summary: `No check-in for more than ${String(person.checkin_every_days)} days (last: ${person.last_checkin_at ? new Date(person.last_checkin_at).toISOString().slice(0, 10) : 'none since registration'}).`,
        evidence: { checkinEveryDays: person.checkin_every_days, lastCheckinAt: person.last_checkin_at },
        topics: ['rule:checkin_missed'],
      });
      raised++;
    }
    await endOverdueFlights(sql, now);
    // A drone is expected to send only while it flies, so its silence counts only on a flight; and such a silence (a
    // drone lost or jammed on a mission) matters more than a camera's.
    const sources = await markSilentSources(sql, now);
    for (const source of sources) {
      const inFlight = source.flight_purpose === null ? '' : ` during its flight (${source.flight_purpose})`;
      await raiseAlert(sql, systemActor, {
        module: 'supervision',
        kind: 'source_silent',
        severity: source.kind === 'drone' ? 'medium' : 'low',
        region: source.region,
        subject: { type: 'source', id: source.id, label: source.id },
        title: `${source.kind === 'drone' ? 'Drone lost' : 'Source silent'}: ${source.kind} ${source.id}`,
        summary: `No message${inFlight} since ${source.last_message_at ? new Date(source.last_message_at).toISOString() : 'registration'}; expected at least every ${String(source.expected_every_seconds)} s.`,
        evidence: {
          sourceId: source.id,
          lastMessageAt: source.last_message_at,
          expectedEverySeconds: source.expected_every_seconds,
          flightPurpose: source.flight_purpose,
        },
        topics: ['rule:source_silent'],
        dedupeKey: `supervision:source_silent:${source.id}`,
      });
      raised++;
    }
    return raised;
  });
}
