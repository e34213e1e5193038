import { type Job, maskName, raiseAlert, systemActor } from '../../../core/index.js';
import type { SupervisionContext } from '../supervision.settings.js';
import { endOverdueFlights } from '../flights/flights.repository.js';

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

export async function checkSilences(platform: Pick<SupervisionContext, 'bus'>, now = new Date()): Promise<number> {
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
    await endOverdueFlights(sql, now);
    // A drone is expected to send only while it flies: it is silent when a flight has run longer than its interval
    // without a word from it, and such a silence (a drone lost or jammed on a mission) matters more than a camera's.
    const sources = await sql.query<{ id: string; kind: string; region: string; last_message_at: Date | null; expected_every_seconds: number; flight_purpose: string | null }>(
      `with flying as (
         select distinct on (drone_id) drone_id, purpose, planned_start from drone_flights
         where ended_at is null and planned_start <= $1 and planned_end > $1 order by drone_id, planned_start desc)
       update supervision_sources s set silent_since = $1
       from (select s2.id, f.purpose as flight_purpose from supervision_sources s2 left join flying f on f.drone_id = s2.id
             where s2.active and (s2.kind <> 'drone' or f.drone_id is not null)
               -- a drone's silence is judged afresh on each flight
               and (s2.silent_since is null or (s2.kind = 'drone' and s2.silent_since < f.planned_start))
               and greatest(coalesce(s2.last_message_at, s2.created_at), coalesce(f.planned_start, '-infinity')) < $1::timestamptz - make_interval(secs => s2.expected_every_seconds)) q
       where s.id = q.id
       returning s.id, s.kind, s.region, s.last_message_at, s.expected_every_seconds, q.flight_purpose`,
      [now],
    );
    for (const source of sources) {
      const inFlight = source.flight_purpose === null ? '' : ` during its flight (${source.flight_purpose})`;
      await raiseAlert(sql, systemActor, {
        module: 'supervision', kind: 'source_silent', severity: source.kind === 'drone' ? 'medium' : 'low', region: source.region,
        subject: { type: 'source', id: source.id, label: source.id },
        title: `${source.kind === 'drone' ? 'Drone lost' : 'Source silent'}: ${source.kind} ${source.id}`,
        summary: `No message${inFlight} since ${source.last_message_at ? new Date(source.last_message_at).toISOString() : 'registration'}; expected at least every ${String(source.expected_every_seconds)} s.`,
        evidence: { sourceId: source.id, lastMessageAt: source.last_message_at, expectedEverySeconds: source.expected_every_seconds, flightPurpose: source.flight_purpose },
        topics: ['rule:source_silent'], dedupeKey: `supervision:source_silent:${source.id}`,
      });
      raised++;
    }
    return raised;
  });
}
