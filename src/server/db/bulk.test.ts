import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase, testDialects } from '../test/databases.js';
import { insertRows } from './bulk.js';
import type { WorkspaceTable } from './database.js';

describe.each(testDialects())('insertRows on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(dialect);
  });
  afterAll(() => database?.drop());

  const read = () => database.db.selectFrom('workspaces').selectAll().orderBy('id').execute();

  it('writes every row as given, each value to its own column whatever the order of its keys', async () => {
    const rows: WorkspaceTable[] = [
      { id: 'w1', name: 'It\'s "quoted"; drop table workspaces; --', created_at: '2026-11-29T00:00:00.000Z' },
      { created_at: '2026-11-29T00:00:01.000Z', name: '杭州 🚀 \\ back', id: 'w2' },
      { id: 'w3', name: '', created_at: '2026-11-29T00:00:02.000Z' },
    ];
    await database.db.transaction().execute((trx) => insertRows(trx, 'workspaces', rows));
    expect(await read()).toEqual([...rows].sort((a, b) => (a.id < b.id ? -1 : 1)).map((row) => expect.objectContaining(row)));
    // The same shape again (its text reused) with other values; then another row count.
    const more = rows.map((row) => ({ ...row, id: `${row.id}b`, name: `${row.name} again` }));
    await database.db.transaction().execute((trx) => insertRows(trx, 'workspaces', more));
    await database.db.transaction().execute((trx) => insertRows(trx, 'workspaces', [{ ...rows[0], id: 'w9' }]));
    expect((await read()).map((row) => row.id)).toEqual(['w1', 'w1b', 'w2', 'w2b', 'w3', 'w3b', 'w9']);
    expect((await read()).find((row) => row.id === 'w2b')?.name).toBe('杭州 🚀 \\ back again');
  });

  it('writes nothing of a batch with a bad row (one statement), and an empty batch is no statement at all', async () => {
    const before = await read();
    const batch: WorkspaceTable[] = [
      { id: 'x1', name: 'fine', created_at: '2026-11-29T00:00:00.000Z' },
      { id: 'w1', name: 'duplicate key', created_at: '2026-11-29T00:00:00.000Z' },
    ];
    await expect(database.db.transaction().execute((trx) => insertRows(trx, 'workspaces', batch))).rejects.toThrow();
    await database.db.transaction().execute((trx) => insertRows(trx, 'workspaces', []));
    expect(await read()).toEqual(before);
  });
});
