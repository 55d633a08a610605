import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/errors.js';

export type Limit = { key: string; max: number; windowSeconds: number };

/** Sign-in attempts per account and per IP address, counted in the database (shared by all instances). */
export const loginLimits = (email: string, ip: string): Limit[] => [
  { key: `login:account:${email}`, max: 5, windowSeconds: 15 * 60 },
  { key: `login:ip:${ip}`, max: 30, windowSeconds: 15 * 60 },
];

/**
 * Counts one attempt against every limit before the password is checked, in one atomic statement per
 * limit, and throws 429 with Retry-After when a limit is used up. Counting first (rather than after a
 * failure) is what stops guesses sent all at once from each passing the check before any is counted.
 */
export async function reserveAttempt(db: Db, limits: Limit[], now: number): Promise<void> {
  const at = new Date(now).toISOString();
  for (const limit of limits) {
    const expired = new Date(now - limit.windowSeconds * 1000).toISOString();
    const row = await db
      .insertInto('rate_limits')
      .values({ key: limit.key, window_start: at, count: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          window_start: sql<string>`case when rate_limits.window_start <= ${expired} then ${at} else rate_limits.window_start end`,
          count: sql<number>`case when rate_limits.window_start <= ${expired} then 1 else rate_limits.count + 1 end`,
        }),
      )
      .returning(['window_start', 'count'])
      .executeTakeFirstOrThrow();
    if (Number(row.count) > limit.max) {
      const ends = Date.parse(row.window_start) + limit.windowSeconds * 1000;
      const retryAfter = Math.max(1, Math.ceil((ends - now) / 1000));
      throw new AppError(
        'RATE_LIMITED',
        `Too many failed sign-ins; try again in ${retryAfter} seconds.`,
        { retryAfter },
        { 'retry-after': String(retryAfter) },
      );
    }
  }
}

/** A successful attempt does not count: forget the account's failures, give the IP its attempt back. */
export async function releaseAttempt(db: Db, limits: Limit[]): Promise<void> {
  const [account, ...others] = limits;
  await db.deleteFrom('rate_limits').where('key', '=', account.key).execute();
  for (const limit of others) {
    await db
      .updateTable('rate_limits')
      .set({ count: sql<number>`count - 1` })
      .where('key', '=', limit.key)
      .where('count', '>', 0)
      .execute();
  }
}
