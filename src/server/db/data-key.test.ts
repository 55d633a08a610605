import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, settledKey, type TestDatabase, testDialects } from '../test/databases.js';

/** Polls until the key differs from `before` (another process's write arrives as a notice on PostgreSQL). */
async function keyAfter(database: TestDatabase, before: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const key = database.dataKey();
    if (key !== before) return key;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the data key did not change');
}

/** `dataKey` must change with every write (this server's, a rolled-back one, another process's) and with nothing else. */
describe.each(testDialects())('the data key on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(dialect);
  });
  afterAll(() => database?.drop());

  const addWorkspace = (id: string) =>
    database.db.insertInto('workspaces').values({ id, name: id, created_at: new Date().toISOString() }).execute();

  it('changes with a write, a rolled-back write and another process’s write, and stays the same across reads', async () => {
    const k1 = await settledKey(database);
    await database.db.selectFrom('workspaces').selectAll().execute();
    await database.db
      .with('w', (db) => db.selectFrom('workspaces').select('id'))
      .selectFrom('w')
      .selectAll()
      .execute();
    expect(database.dataKey()).toBe(k1);

    // This server's write: changed as soon as the write is answered, before anything else runs.
    await addWorkspace('w1');
    const k2 = database.dataKey();
    expect(k2).not.toBe(k1);

    await expect(
      database.db.transaction().execute(async (trx) => {
        await trx.insertInto('workspaces').values({ id: 'w2', name: 'w2', created_at: new Date().toISOString() }).execute();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const k3 = await settledKey(database);
    expect(k3).not.toBe(k2);

    // Another process writes the same database (once this server's open commit group has had its turn).
    await new Promise((resolve) => setImmediate(resolve));
    if (dialect === 'sqlite') {
      const other = new SQLite(database.url);
      other.prepare("insert into workspaces (id, name, created_at) values ('w3', 'w3', '2026-01-01T00:00:00.000Z')").run();
      other.close();
      expect(database.dataKey()).not.toBe(k3);
    } else {
      const other = new pg.Client({ connectionString: database.url });
      await other.connect();
      await other.query("update workspaces set name = 'changed by another server' where id = 'w1'");
      await other.end();
      await keyAfter(database, k3);
    }
  });
});
