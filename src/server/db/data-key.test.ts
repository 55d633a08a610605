import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase, testDialects } from '../test/databases.js';

/** `dataKey` must change with every write (this server's, a rolled-back one, another process's) and with nothing else. */
describe.each(testDialects())('the data key on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(dialect);
  });
  afterAll(() => database?.drop());

  const addWorkspace = (id: string) =>
    database.db.insertInto('workspaces').values({ id, name: id, created_at: new Date().toISOString() }).execute();

  // On PostgreSQL the key is the cluster's snapshot: other databases of the cluster (the other test files,
  // running meanwhile) move it too, so only SQLite can show here that reads leave it alone.
  const alone = dialect === 'sqlite';

  it('changes with a write, a rolled-back write and another process’s write (and, alone, stays the same across reads)', async () => {
    const k1 = await database.dataKey();
    await database.db.selectFrom('workspaces').selectAll().execute();
    if (alone) expect(await database.dataKey()).toBe(k1);

    await addWorkspace('w1');
    const k2 = await database.dataKey();
    expect(k2).not.toBe(k1);

    await expect(
      database.db.transaction().execute(async (trx) => {
        await trx.insertInto('workspaces').values({ id: 'w2', name: 'w2', created_at: new Date().toISOString() }).execute();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const k3 = await database.dataKey();
    expect(k3).not.toBe(k2);
    if (alone) expect(await database.dataKey()).toBe(k3);

    // Another process writes the same database (once this server's open commit group has had its turn).
    await new Promise((resolve) => setImmediate(resolve));
    if (dialect === 'sqlite') {
      const other = new SQLite(database.url);
      other.prepare("insert into workspaces (id, name, created_at) values ('w3', 'w3', '2026-01-01T00:00:00.000Z')").run();
      other.close();
    } else {
      const other = new pg.Client({ connectionString: database.url });
      await other.connect();
      await other.query("insert into workspaces (id, name, created_at) values ('w3', 'w3', '2026-01-01T00:00:00.000Z')");
      await other.end();
    }
    expect(await database.dataKey()).not.toBe(k3);
  });
});
