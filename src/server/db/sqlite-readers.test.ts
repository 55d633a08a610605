import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connect } from './connect.js';
import { packBlobs, unpackBlobs } from './sqlite-reader-messages.js';
import { ReaderUnavailable, readersDb, SqliteReaders } from './sqlite-readers.js';

describe('SQLite reader threads', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-readers-'));
  const file = path.join(dir, 'readers.sqlite');
  let main: SQLite.Database;
  let readers: SqliteReaders;

  beforeAll(() => {
    main = new SQLite(file);
    main.pragma('journal_mode = WAL');
    main.exec('create table t (id integer primary key, name text not null, body blob)');
    const insert = main.prepare('insert into t (id, name, body) values (?, ?, ?)');
    for (let i = 1; i <= 300; i++) insert.run(i, `Name ${i}`, Buffer.from(`{"n":${i}}`));
    readers = new SqliteReaders(file, 2);
  });
  afterAll(async () => {
    await readers.close();
    main.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers a select with the rows the main connection reads, blobs as their bytes', async () => {
    const text = 'select id, name, body from t where id % ? = 0 order by name';
    const want = main.prepare(text).all(7) as { id: number; name: string; body: Buffer }[];
    const got = (await readers.all(text, [7])) as { id: number; name: string; body: Uint8Array }[];
    expect(got.map((r) => [r.id, r.name, Buffer.from(r.body).toString()])).toEqual(want.map((r) => [r.id, r.name, r.body.toString()]));
    expect(got).toHaveLength(42);
  });

  it('sends the blobs of a reply in one buffer: every blob back as a Buffer, with empty and missing ones', async () => {
    const text = `select id, body, case when id % 3 = 0 then x'' when id % 3 = 1 then null else cast(name as blob) end as other,
      length(body) as n from t where id <= ? order by id`;
    const want = main.prepare(text).all(30) as Record<string, unknown>[];
    const got = await readers.all(text, [30]);
    expect(got).toEqual(want);
    const blobs = (got as Record<string, unknown>[]).flatMap((row) => [row.body, row.other]).filter((v) => v !== null);
    expect(blobs.length).toBe(50);
    for (const blob of blobs) expect(Buffer.isBuffer(blob)).toBe(true);
    // Packed and unpacked by hand: the places, and rows without blobs untouched.
    const rows: Record<string, unknown>[] = [
      { a: Buffer.from('xy'), b: 1, c: null },
      { a: Buffer.alloc(0), b: 'z', c: Buffer.from('é') },
    ];
    const bytes = packBlobs(rows);
    expect(rows).toEqual([
      { a: [0, 2], b: 1, c: null },
      { a: [2, 0], b: 'z', c: [2, 2] },
    ]);
    expect(unpackBlobs(rows, bytes).map((row) => [String(row.a), row.b, row.c === null ? null : String(row.c)])).toEqual([
      ['xy', 1, null],
      ['', 'z', 'é'],
    ]);
    expect(packBlobs([{ n: 1 }])).toBeNull();
  });

  it('answers many reads at once, each with its own rows', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => readers.all('select count(*) as n from t where id <= ?', [i * 5])),
    );
    expect(answers.map((rows) => (rows[0] as { n: number }).n)).toEqual(Array.from({ length: 40 }, (_, i) => Math.min(i * 5, 300)));
  });

  it('sees what the main connection committed before the read was asked', async () => {
    await readers.all('select 1', []);
    main.prepare('update t set name = ? where id = 1').run('Renamed');
    expect(await readers.all('select name from t where id = 1', [])).toEqual([{ name: 'Renamed' }]);
    main.exec('begin');
    main.prepare('update t set name = ? where id = 1').run('Uncommitted');
    expect(await readers.all('select name from t where id = 1', [])).toEqual([{ name: 'Renamed' }]);
    main.exec('rollback');
  });

  it('folds case like the main connection (lower() as in JavaScript)', async () => {
    expect(await readers.all('select lower(?) as v', ['ÄÖÜ Straße İ'])).toEqual([{ v: 'ÄÖÜ Straße İ'.toLowerCase() }]);
  });

  it('refuses a write and a bad query with the database error, and keeps answering', async () => {
    await expect(readers.all('delete from t', [])).rejects.toThrow(/only reads/);
    await expect(readers.all('select nope from t', [])).rejects.toMatchObject({ message: 'no such column: nope', code: 'SQLITE_ERROR' });
    expect(await readers.all('select count(*) as n from t', [])).toEqual([{ n: 300 }]);
    expect(main.prepare('select count(*) as n from t').get()).toEqual({ n: 300 });
  });

  it('serves a query builder that reads and refuses transactions', async () => {
    const mainDb = connect(file);
    const db = readersDb(new SqliteReaders(file, 1), mainDb.db);
    const { rows } = await sql<{ n: number }>`select count(*) as n from t where name like ${'Name 2%'}`.execute(db);
    // Name 2, Name 20–29, Name 200–299.
    expect(rows).toEqual([{ n: 111 }]);
    await expect(db.transaction().execute(async () => undefined)).rejects.toThrow(/only read/);
    await db.destroy();
    await mainDb.close();
  });

  it('reads on the main connection when no reader can start, and stops starting them after three failures', async () => {
    const mainDb = connect(file);
    const missing = new SqliteReaders(path.join(dir, 'missing.sqlite'), 1);
    const db = readersDb(missing, mainDb.db);
    const warnings: string[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation((text: string) => void warnings.push(text));
    try {
      for (let i = 0; i < 5; i++) {
        const { rows } = await sql<{ n: number }>`select count(*) as n from t`.execute(db);
        expect(rows).toEqual([{ n: 300 }]);
      }
    } finally {
      warn.mockRestore();
    }
    expect(warnings.map((w) => w.replace(/:.*/, ''))).toEqual([1, 2, 3].map((n) => `SQLite reader failed (${n})`));
    await expect(missing.all('select 1', [])).rejects.toBeInstanceOf(ReaderUnavailable);
    await db.destroy();
    await mainDb.close();
  });

  it('refuses reads once closed', async () => {
    const closing = new SqliteReaders(file, 1);
    expect(await closing.all('select 1 as one', [])).toEqual([{ one: 1 }]);
    await closing.close();
    await expect(closing.all('select 1 as one', [])).rejects.toThrow(/closed/);
  });
});
