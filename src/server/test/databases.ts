import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connect } from '../db/connect.js';
import type { DbContext, Dialect } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { newId } from '../ids.js';

/** The databases the route suite runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testDialects(): Dialect[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** The route suite's databases with no reader threads, and SQLite once more with two (for routes that read through them). */
export function testDialectsAndReaders(): (readonly [Dialect, number])[] {
  return [...testDialects().map((dialect) => [dialect, 0] as const), ['sqlite', 2] as const];
}

export type TestDatabase = DbContext & { url: string; drop: () => Promise<void> };

/**
 * A fresh, migrated database: a temporary SQLite file, or a new PostgreSQL database dropped afterwards.
 * `readers`: SQLite reader threads for lists and searches (as the server starts with; none by default).
 */
export async function freshDatabase(dialect: Dialect, options: { readers?: number } = {}): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-test-'));
    const url = path.join(dir, 'test.sqlite');
    const ctx = connect(url, options);
    await migrateToLatest(ctx.db);
    return {
      ...ctx,
      url,
      drop: async () => {
        await ctx.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `qd_test_${newId()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const target = new URL(adminUrl);
  target.pathname = `/${name}`;
  const url = target.toString();
  const ctx = connect(url);
  await migrateToLatest(ctx.db);
  return {
    ...ctx,
    url,
    drop: async () => {
      await ctx.close();
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      await again.query(`drop database if exists "${name}" with (force)`);
      await again.end();
    },
  };
}

/** The key once two readings agree (on PostgreSQL, once the change notices are listened to). */
export async function settledKey(database: TestDatabase): Promise<string> {
  for (let i = 0; i < 500; i++) {
    const key = database.dataKey();
    if (database.dataKey() === key) return key;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the data key never settled');
}
