import type { Db } from '../../db/database.js';
import { AppError } from '../../http/errors.js';

export type Limit = { key: string; max: number; windowSeconds: number };

/** Failed sign-ins per account and per IP address, counted in the database (shared by all instances). */
export const loginLimits = (email: string, ip: string): Limit[] => [
  { key: `login:account:${email}`, max: 5, windowSeconds: 15 * 60 },
  { key: `login:ip:${ip}`, max: 30, windowSeconds: 15 * 60 },
];

/** Throws 429 with Retry-After when any limit is used up. */
export async function assertWithinLimits(db: Db, limits: Limit[], now: number): Promise<void> {
  for (const limit of limits) {
    const row = await db.selectFrom('rate_limits').selectAll().where('key', '=', limit.key).executeTakeFirst();
    if (!row) continue;
    const ends = Date.parse(row.window_start) + limit.windowSeconds * 1000;
    if (ends > now && row.count >= limit.max) {
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

export async function countFailure(db: Db, limits: Limit[], now: number): Promise<void> {
  for (const limit of limits) {
    const row = await db.selectFrom('rate_limits').selectAll().where('key', '=', limit.key).executeTakeFirst();
    const fresh = !row || Date.parse(row.window_start) + limit.windowSeconds * 1000 <= now;
    const values = {
      key: limit.key,
      window_start: fresh ? new Date(now).toISOString() : (row?.window_start as string),
      count: fresh ? 1 : (row?.count ?? 0) + 1,
    };
    await db
      .insertInto('rate_limits')
      .values(values)
      .onConflict((oc) => oc.column('key').doUpdateSet({ window_start: values.window_start, count: values.count }))
      .execute();
  }
}

export async function clearLimit(db: Db, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}
