import type SQLite from 'better-sqlite3';

/** Functions every connection to the database file has (the main one and the readers). */
export function addSqlFunctions(sqlite: SQLite.Database): void {
  // SQLite's lower() folds ASCII only, PostgreSQL's all of Unicode: fold like JavaScript so searches agree.
  sqlite.function('lower', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value));
}

/**
 * Kysely prepares every query anew; better-sqlite3 statements can be reused. A connection's statements
 * cached by SQL text (bounded), so that a hot query is parsed and planned once.
 */
export function statementCache(sqlite: SQLite.Database, max = 500): (text: string) => SQLite.Statement {
  const cache = new Map<string, SQLite.Statement>();
  return (text) => {
    let statement = cache.get(text);
    if (!statement) {
      statement = sqlite.prepare(text);
      if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      cache.set(text, statement);
    }
    return statement;
  };
}
