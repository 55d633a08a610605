import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommitDriver } from './sqlite-group-commit.js';
import { SqliteDialect } from './sqlite-query-compiler.js';

type Schema = { t: { id: number; v: string }; parent: { id: number }; child: { id: number; parent_id: number } };

describe('SQLite group commit', () => {
  let dir: string;
  let file: string;
  let raw: SQLite.Database;
  let driver: GroupCommitDriver;
  let db: Kysely<Schema>;
  /** A second, independent connection: what it sees is committed. */
  let observer: SQLite.Database;
  const committedRows = () => (observer.prepare('select id from t order by id').all() as { id: number }[]).map((r) => r.id);

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-group-'));
    file = path.join(dir, 'db.sqlite');
    raw = new SQLite(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
    raw.exec("create table t (id integer primary key, v text not null check (v <> 'bad'))");
    raw.exec('create table parent (id integer primary key)');
    raw.exec('create table child (id integer primary key, parent_id integer not null references parent(id) deferrable initially deferred)');
    driver = new GroupCommitDriver({
      prepare: (text) => raw.prepare(text),
      get inTransaction() {
        return raw.inTransaction;
      },
      close: () => raw.close(),
    });
    db = new Kysely<Schema>({ dialect: new SqliteDialect(driver) });
    observer = new SQLite(file, { readonly: true });
  });

  afterEach(async () => {
    observer.close();
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const insertInTransaction = (id: number, v = 'ok') =>
    db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ id, v }).execute();
      // An await between statements, as real services have: others queue up meanwhile.
      await new Promise((resolve) => setImmediate(resolve));
      return id;
    });

  it('commits concurrent transactions together, and each answers only once its rows are committed', async () => {
    const seenAtAnswer: boolean[] = [];
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        insertInTransaction(i + 1).then((id) => {
          seenAtAnswer.push(committedRows().includes(id));
        }),
      ),
    );
    expect(committedRows()).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(seenAtAnswer).toEqual(Array(40).fill(true));
    expect(driver.stats.transactions).toBe(40);
    // Forty transactions, far fewer disk flushes (the first runs alone, the rest queue behind it).
    expect(driver.stats.commits).toBeLessThan(10);
  });

  it('rolls back a failing transaction alone; the rest of its group is committed', async () => {
    const results = await Promise.allSettled([
      insertInTransaction(1),
      insertInTransaction(2, 'bad'),
      insertInTransaction(3),
      db.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ id: 4, v: 'ok' }).execute();
        throw new Error('changed my mind');
      }),
      insertInTransaction(5),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect(committedRows()).toEqual([1, 3, 5]);
  });

  it('commits the open group before a write outside any transaction, and runs plain reads inside it', async () => {
    const first = insertInTransaction(1);
    const second = insertInTransaction(2);
    const plainWrite = db.insertInto('t').values({ id: 3, v: 'ok' }).execute();
    await Promise.all([first, second, plainWrite]);
    expect(committedRows()).toEqual([1, 2, 3]);
    const rows = await db.selectFrom('t').select('id').orderBy('id').execute();
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it('fails every transaction of a group whose COMMIT fails, and keeps none of them', async () => {
    await db.insertInto('parent').values({ id: 1 }).execute();
    // A deferred foreign key is checked at COMMIT: the third transaction poisons the group it joins.
    const results = await Promise.allSettled([
      insertInTransaction(1),
      insertInTransaction(2),
      db.transaction().execute(async (trx) => {
        await trx.insertInto('child').values({ id: 1, parent_id: 99 }).execute();
      }),
      insertInTransaction(3),
    ]);
    const rejected = results.filter((r) => r.status === 'rejected').length;
    expect(rejected).toBeGreaterThanOrEqual(1);
    // Whatever was answered as committed is on disk, and whatever failed is not.
    const committed = committedRows();
    results.forEach((result, i) => {
      if (i === 2) return;
      const id = [1, 2, -1, 3][i];
      expect(committed.includes(id)).toBe(result.status === 'fulfilled');
    });
    expect(observer.prepare('select count(*) as n from child').get()).toEqual({ n: 0 });
    // The driver recovers: the next transaction commits normally.
    await insertInTransaction(10);
    expect(committedRows()).toContain(10);
  });

  it('does not keep a finished transaction waiting while plain reads keep arriving', async () => {
    const done: string[] = [];
    const reads = Array.from({ length: 400 }, (_, i) =>
      db
        .selectFrom('t')
        .select('id')
        .execute()
        .then(() => done.push(`read ${i}`)),
    );
    const write = insertInTransaction(1).then(() => done.push('write'));
    // More reads queue up behind the transaction while it runs.
    const more = Array.from({ length: 400 }, (_, i) =>
      new Promise((resolve) => setImmediate(resolve))
        .then(() => db.selectFrom('t').select('id').execute())
        .then(() => done.push(`late read ${i}`)),
    );
    await Promise.all([...reads, write, ...more]);
    expect(committedRows()).toEqual([1]);
    // The commit came after at most a group's worth of hand-overs, not after every read.
    expect(done.indexOf('write')).toBeLessThan(400 + 64 + 1);
    expect(done.indexOf('write')).toBeLessThan(done.length - 300);
  });

  it('keeps a group to a bounded size under constant load', async () => {
    await Promise.all(Array.from({ length: 300 }, (_, i) => insertInTransaction(i + 1)));
    expect(committedRows()).toHaveLength(300);
    expect(driver.stats.transactions).toBe(300);
    expect(driver.stats.commits).toBeGreaterThanOrEqual(Math.ceil(300 / 64));
  });
});
