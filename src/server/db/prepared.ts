import type { Compilable, CompiledQuery } from 'kysely';
import type { Db, Trx } from './database.js';

/** Stands for the i-th argument while a prepared query is compiled. */
const marker = (index: number) => `\u0000qd-arg-${index}\u0000`;

type Compiled = { sql: string; query: CompiledQuery['query']; slots: (number | { value: unknown })[] };

/**
 * A hot query built and compiled once per database, then run with new values: Kysely otherwise rebuilds
 * and recompiles the query tree on every call, which costs more than the database's own lookup.
 * `build` receives placeholder values (strings) for its arguments; they may only be used as values.
 */
export function prepared<Args extends unknown[], Row>(
  build: (db: Db | Trx, ...args: { [K in keyof Args]: string }) => Compilable<Row>,
): (db: Db | Trx, ...args: Args) => Promise<Row[]> {
  // One compiled form per dialect: the key is the adapter, shared by a database and its transactions.
  const byAdapter = new WeakMap<object, Compiled>();
  const arity = build.length - 1;
  return async (db, ...args) => {
    const adapter = db.getExecutor().adapter;
    let compiled = byAdapter.get(adapter);
    if (!compiled) {
      const markers = Array.from({ length: arity }, (_, i) => marker(i)) as { [K in keyof Args]: string };
      const query = build(db, ...markers).compile();
      const slots = query.parameters.map((value) => {
        const index = markers.indexOf(value as string);
        return index >= 0 ? index : { value };
      });
      compiled = { sql: query.sql, query: query.query, slots };
      byAdapter.set(adapter, compiled);
    }
    const parameters = compiled.slots.map((slot) => (typeof slot === 'number' ? args[slot] : slot.value));
    const result = await db.executeQuery<Row>({ sql: compiled.sql, query: compiled.query, parameters, queryId: { queryId: '' } });
    return result.rows;
  };
}
