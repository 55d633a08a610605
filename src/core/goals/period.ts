import { addCalendarDays } from '../calendar/civil-date';

/**
 * A goal's period as instants: from the start of `startDate` to the start of the day after
 * `dueDate`, in `timeZone` (activities are logged at instants; the period is in calendar dates).
 */
export function periodInstants(startDate: string, dueDate: string, timeZone: string): { from: string; to: string } {
  const after = addCalendarDays(dueDate, 1);
  // A period running to the last representable day ends after every instant there is.
  return { from: startOfDay(startDate, timeZone), to: after.length > 10 ? '9999-12-31T23:59:59.999Z~' : startOfDay(after, timeZone) };
}

/** The UTC offset of `timeZone` at instant `ms`, in milliseconds (east positive). */
function offsetAt(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant (ISO, UTC) at which `date` begins in `timeZone` (the first moment of that day, also across a DST change). */
export function startOfDay(date: string, timeZone: string): string {
  const midnightUtc = Date.parse(`${date}T00:00:00.000Z`);
  let guess = midnightUtc - offsetAt(midnightUtc, timeZone);
  // Once more with the offset in force at the guess (the day may start on the other side of a change).
  guess = midnightUtc - offsetAt(guess, timeZone);
  return new Date(guess).toISOString();
}
