import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from './connect.js';

describe('SQLite LIMIT and OFFSET written into the query', () => {
  const database = connect(':memory:');
  const db = database.db;
  afterAll(() => database.close());

  it('writes whole numbers into the text and binds anything else', () => {
    const page = db.selectFrom('users').select('id').where('name', '=', 'x').orderBy('id').limit(51).offset(100).compile();
    expect(page.sql).toBe('select "id" from "users" where "name" = ? order by "id" limit 51 offset 100');
    expect(page.parameters).toEqual(['x']);
    // Not a safe whole number: left to the driver as a parameter, never written into the text.
    for (const odd of [2.5, 2 ** 60, '3; drop table users', -0.5]) {
      const compiled = db
        .selectFrom('users')
        .select('id')
        .limit(odd as number)
        .compile();
      expect(compiled.sql).toBe('select "id" from "users" limit ?');
      expect(compiled.parameters).toEqual([odd]);
    }
    const expression = db.selectFrom('users').select('id').limit(sql<number>`1 + 1`).compile();
    expect(expression.sql).toBe('select "id" from "users" limit 1 + 1');
  });

  it('pages as before', async () => {
    await sql`create table t (n integer)`.execute(db);
    for (let n = 1; n <= 10; n++) await sql`insert into t values (${n})`.execute(db);
    const page = async (limit: number, offset: number) =>
      (
        await db
          .selectFrom('t' as never)
          .select(sql<number>`n`.as('n'))
          .orderBy(sql`n`)
          .limit(limit)
          .offset(offset)
          .execute()
      ).map((row) => row.n);
    expect(await page(3, 0)).toEqual([1, 2, 3]);
    expect(await page(3, 3)).toEqual([4, 5, 6]);
    expect(await page(5, 8)).toEqual([9, 10]);
  });
});
