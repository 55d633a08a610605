import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readRows } from './sqlite-group-commit.js';

describe('readRows', () => {
  const db = new SQLite(':memory:');
  db.exec("create table t (id integer, name text, score real); insert into t values (1, 'a', 0.5), (2, null, null)");

  it('gives the same objects as better-sqlite3 (types, nulls, a repeated column name: the later wins), again and again', () => {
    const text = 'select id, name, score, id * 10 as name from t order by id';
    const expected = db.prepare(text).all();
    const statement = db.prepare(text);
    expect(readRows(statement, [])).toEqual(expected);
    expect(readRows(statement, [])).toEqual([
      { id: 1, name: 10, score: 0.5 },
      { id: 2, name: 20, score: null },
    ]);
    expect(readRows(db.prepare('select * from t where id = ?'), [3])).toEqual([]);
  });

  it('never lets a column named __proto__ set the prototype', () => {
    const [row] = readRows<Record<string, unknown>>(db.prepare('select 1 as "__proto__", 2 as x'), []);
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(row.x).toBe(2);
  });
});
