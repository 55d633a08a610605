const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How long a stage stay lasted (until `leftAt`, or until `now` for the current one): whole days, else whole hours. */
export function stayLength(
  enteredAt: string,
  leftAt: string | null,
  now: number,
): { unit: 'days' | 'hours' | 'lessThanHour'; count: number } {
  const end = leftAt === null ? now : Date.parse(leftAt);
  const ms = Math.max(0, end - Date.parse(enteredAt));
  if (ms >= DAY) return { unit: 'days', count: Math.floor(ms / DAY) };
  if (ms >= HOUR) return { unit: 'hours', count: Math.floor(ms / HOUR) };
  return { unit: 'lessThanHour', count: 0 };
}
