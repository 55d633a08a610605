import type { CheckIn } from './schemas';

/**
 * Attained value of a `custom` goal: the latest reading on or before `today` (a check-in's value
 * is the level reached, not an increment). Several check-ins on one date: the one created last.
 * Null when there is none yet.
 */
export function latestCheckInValue(checkIns: readonly Pick<CheckIn, 'value' | 'date' | 'createdAt'>[], today: string): number | null {
  let latest: Pick<CheckIn, 'value' | 'date' | 'createdAt'> | null = null;
  for (const checkIn of checkIns) {
    if (checkIn.date > today) continue;
    if (latest === null || checkIn.date > latest.date || (checkIn.date === latest.date && checkIn.createdAt >= latest.createdAt)) {
      latest = checkIn;
    }
  }
  return latest === null ? null : latest.value;
}
