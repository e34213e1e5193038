/**
 * Kazakhstan keeps one time zone, UTC+5, since 1 March 2024. A fixed offset, rather than the runtime's time-zone
 * database, so that curfews are judged the same on every machine whatever its tzdata.
 */
const OFFSET_MINUTES = 5 * 60;

/** Minutes since local midnight. */
export function localMinutes(at: Date): number {
  return (((at.getUTCHours() * 60 + at.getUTCMinutes() + OFFSET_MINUTES) % 1440) + 1440) % 1440;
}

/** `HH:MM[:SS]` as minutes since midnight. */
export function minutesOf(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** Whether a local time falls in a window that may wrap midnight (22:00–06:00). */
export function withinWindow(at: Date, from: string, to: string): boolean {
  const now = localMinutes(at);
  const start = minutesOf(from);
  const end = minutesOf(to);
  return start <= end ? now >= start && now < end : now >= start || now < end;
}

export const localClock = (at: Date) => {
  const minutes = localMinutes(at);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};
