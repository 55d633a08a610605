import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase, testDialects } from '../test/databases.js';
import { insertRows, insertTogether } from './bulk.js';
import type { AuditLogTable, WorkspaceTable } from './database.js';

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

describe.each(testDialects())('insertTogether on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(dialect);
  });
  afterAll(() => database?.drop());

  const audit = (workspaceId: string, id: string, entityId: string): AuditLogTable => ({
    workspace_id: workspaceId,
    id,
    at: '2026-11-29T08:00:00.000Z',
    actor_id: null,
    entity_type: 'workspace',
    entity_id: entityId,
    project_id: null,
    action: 'create',
    before_json: null,
    after_json: '{"name":"It\'s"}',
  });
  const workspaces = () => database.db.selectFrom('workspaces').select(['id', 'name']).orderBy('id').execute();
  const audits = () =>
    database.db.selectFrom('audit_log').select(['workspace_id', 'id', 'entity_id', 'after_json']).orderBy('id').execute();

  it('writes one row into each table, a row referring to another row of the same call (its foreign key)', async () => {
    await database.db.transaction().execute((trx) =>
      insertTogether(trx, [
        ['workspaces', { id: 't1', name: '华东 "one"', created_at: '2026-11-29T08:00:00.000Z' }],
        ['audit_log', audit('t1', 'a1', 't1')],
      ]),
    );
    // The same shape again (its text reused), then three rows.
    await database.db.transaction().execute((trx) =>
      insertTogether(trx, [
        ['workspaces', { id: 't2', name: 'two', created_at: '2026-11-29T08:00:01.000Z' }],
        ['audit_log', audit('t2', 'a2', 't2')],
      ]),
    );
    await database.db.transaction().execute((trx) =>
      insertTogether(trx, [
        ['workspaces', { id: 't3', name: 'three', created_at: '2026-11-29T08:00:02.000Z' }],
        ['audit_log', audit('t3', 'a3', 't3')],
        ['audit_log', audit('t1', 'a4', 't3')],
      ]),
    );
    expect(await workspaces()).toEqual([
      { id: 't1', name: '华东 "one"' },
      { id: 't2', name: 'two' },
      { id: 't3', name: 'three' },
    ]);
    expect(await audits()).toEqual([
      { workspace_id: 't1', id: 'a1', entity_id: 't1', after_json: '{"name":"It\'s"}' },
      { workspace_id: 't2', id: 'a2', entity_id: 't2', after_json: '{"name":"It\'s"}' },
      { workspace_id: 't3', id: 'a3', entity_id: 't3', after_json: '{"name":"It\'s"}' },
      { workspace_id: 't1', id: 'a4', entity_id: 't3', after_json: '{"name":"It\'s"}' },
    ]);
  });

  it('writes none of its rows when one of them is refused', async () => {
    const before = [await workspaces(), await audits()];
    const refused = database.db.transaction().execute((trx) =>
      insertTogether(trx, [
        ['workspaces', { id: 't4', name: 'four', created_at: '2026-11-29T08:00:03.000Z' }],
        ['audit_log', audit('no-such-workspace', 'a5', 't4')],
      ]),
    );
    await expect(refused).rejects.toThrow();
    expect([await workspaces(), await audits()]).toEqual(before);
  });

  it('runs the statements given before the rows first, in the same statement on PostgreSQL, numbering their parameters on', async () => {
    const names = ['t1', 't2', 't3', 'x4', 'x5', 'x6', 'x7', 'x8', 'x9', 'x10'];
    await database.db.transaction().execute((trx) => {
      // Eleven parameters: $10 and $11 must be renumbered whole, not as $1 followed by a digit.
      const rename = trx.updateTable('workspaces').set({ name: 'renamed' }).where('id', 'in', names).compile();
      const touchAudits = trx.updateTable('audit_log').set({ after_json: '{"touched":true}' }).where('workspace_id', '=', 't5').compile();
      return insertTogether(
        trx,
        [
          ['workspaces', { id: 't5', name: 'five', created_at: '2026-11-29T08:00:04.000Z' }],
          ['audit_log', audit('t5', 'a6', 't5')],
        ],
        [rename, touchAudits],
      );
    });
    expect(await workspaces()).toEqual([
      { id: 't1', name: 'renamed' },
      { id: 't2', name: 'renamed' },
      { id: 't3', name: 'renamed' },
      { id: 't5', name: 'five' },
    ]);
    // On PostgreSQL the update ran on the data as it was before the statement: the audit row it added is untouched.
    // On SQLite the update ran first, before the row existed: the same outcome.
    expect((await audits()).find((row) => row.id === 'a6')).toEqual({
      workspace_id: 't5',
      id: 'a6',
      entity_id: 't5',
      after_json: '{"name":"It\'s"}',
    });
  });
});
