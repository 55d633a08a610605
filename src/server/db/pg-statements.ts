import type pg from 'pg';
import { wrapClientQueries } from './pg-pool.js';

/**
 * Which queries run as named (server-side prepared) statements on PostgreSQL. A query text seen
 * `threshold` times gets a name, up to `capacity` names; each connection then parses and plans it once
 * instead of on every run (pgJDBC's prepareThreshold, for the same reason: on a 1 ms request the parse
 * and plan of each query is a large share of the database's work). The cap bounds what every
 * connection keeps prepared; texts that differ on every call (long `in` lists) rarely reach the threshold.
 */
export class StatementNamer {
  private readonly seen = new Map<string, number>();
  private readonly names = new Map<string, string>();

  constructor(
    private readonly threshold = 3,
    private readonly capacity = 256,
    /** Texts counted but not yet named are forgotten beyond this many, so counting cannot grow without bound. */
    private readonly tracked = 5_000,
  ) {}

  nameFor(text: string): string | undefined {
    const name = this.names.get(text);
    if (name || this.names.size >= this.capacity) return name;
    const count = (this.seen.get(text) ?? 0) + 1;
    if (count < this.threshold) {
      if (this.seen.size >= this.tracked) this.seen.clear();
      this.seen.set(text, count);
      return undefined;
    }
    this.seen.delete(text);
    const fresh = `qd_${this.names.size + 1}`;
    this.names.set(text, fresh);
    return fresh;
  }
}

/** Makes the pool's clients run the texts the namer names as named statements; everything else is unchanged. */
export function withNamedStatements(pool: pg.Pool, namer = new StatementNamer()): pg.Pool {
  return wrapClientQueries(pool, (query) => (text, ...rest) => {
    const name = typeof text === 'string' && Array.isArray(rest[0]) ? namer.nameFor(text) : undefined;
    return name ? query({ name, text, values: rest[0] }, ...rest.slice(1)) : query(text, ...rest);
  });
}
