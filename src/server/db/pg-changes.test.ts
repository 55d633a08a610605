import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, settledKey, type TestDatabase } from '../test/databases.js';
import { readsOnly } from './pg-changes.js';

describe('which query texts cannot write', () => {
  it('plain selects and with-queries that only read; everything else may write', () => {
    for (const text of ['select 1', '  SELECT * from deals', 'with s as (select updated_at from deals) select * from s']) {
      expect(readsOnly(text), text).toBe(true);
    }
    for (const text of [
      'insert into deals values (1)',
      'update deals set title = $1',
      'delete from deals',
      'begin',
      'commit',
      'rollback',
      'savepoint a',
      'with d as (delete from deals returning id) select * from d',
      'WITH u AS (UPDATE deals SET title = $1 RETURNING id) SELECT id FROM u',
      'truncate deals',
      'create table t (n int)',
    ]) {
      expect(readsOnly(text), text).toBe(false);
    }
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('PostgreSQL change notices', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase('postgres');
  });
  afterAll(() => database?.drop());

  it('every table carries the trigger that notifies listeners of a change', async () => {
    const { rows } = await sql<{ name: string; triggered: boolean }>`select t.table_name as name,
        exists (select 1 from pg_trigger g join pg_class c on c.oid = g.tgrelid
                where c.relname = t.table_name and g.tgname = 'qd_data_changed') as triggered
      from information_schema.tables t where t.table_schema = current_schema() and t.table_type = 'BASE TABLE'`.execute(database.db);
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter((row) => !row.triggered).map((row) => row.name)).toEqual([]);
  });

  it('reuses nothing while the listening connection is down, and listens again by itself', async () => {
    const before = await settledKey(database);
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and query ilike 'listen%' and pid <> pg_backend_pid()`);
    // Down: every reading is new, so nothing read before (or meanwhile) can be taken for current.
    let sawDown = false;
    for (let i = 0; i < 100 && !sawDown; i++) {
      const first = database.dataKey();
      const second = database.dataKey();
      sawDown = first !== second;
      if (!sawDown) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(sawDown).toBe(true);
    // Back within its retry, with a key unlike any before (a write may have been missed meanwhile).
    const after = await settledKey(database);
    expect(after).not.toBe(before);
    await admin.query("insert into workspaces (id, name, created_at) values ('n1', 'n1', '2026-01-01T00:00:00.000Z')");
    await admin.end();
    for (let i = 0; i < 200 && database.dataKey() === after; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(database.dataKey()).not.toBe(after);
  });
});
