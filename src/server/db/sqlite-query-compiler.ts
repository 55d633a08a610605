import {
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type LimitNode,
  type OffsetNode,
  type OperationNode,
  type QueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  ValueNode,
} from 'kysely';

/** A whole number written into the query text, or null when `node` is anything else. */
function wholeNumber(node: OperationNode): number | null {
  if (!ValueNode.is(node)) return null;
  const { value } = node;
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
}

/**
 * Kysely's SQLite compiler, with LIMIT and OFFSET numbers written into the SQL instead of bound. SQLite's
 * planner reads a bound LIMIT's value, so a statement with `limit ?` is parsed and planned again each time
 * its parameters are bound — every run, as better-sqlite3 binds on each call (measured: 15 → 22 µs for a
 * 51-row page; 9 % of a deal list page). Written out, each distinct number is its own cached statement.
 */
export class SqliteLiteralLimitCompiler extends SqliteQueryCompiler {
  protected override visitLimit(node: LimitNode): void {
    const n = wholeNumber(node.limit);
    if (n === null) super.visitLimit(node);
    else this.append(`limit ${n}`);
  }

  protected override visitOffset(node: OffsetNode): void {
    const n = wholeNumber(node.offset);
    if (n === null) super.visitOffset(node);
    else this.append(`offset ${n}`);
  }
}

/** Kysely's SQLite dialect over a driver of this server's (group commit on the main connection, the reader threads), with `SqliteLiteralLimitCompiler`. */
export class SqliteDialect implements Dialect {
  constructor(private readonly driver: Driver) {}
  createDriver(): Driver {
    return this.driver;
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteLiteralLimitCompiler();
  }
  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's own dialects take any database here.
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
