import type SQLite from 'better-sqlite3';

/** Functions every connection to the database file has (the main one and the readers). */
export function addSqlFunctions(sqlite: SQLite.Database): void {
  // SQLite's lower() folds ASCII only, PostgreSQL's all of Unicode: fold like JavaScript so searches agree.
  sqlite.function('lower', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value));
}
