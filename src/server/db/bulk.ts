import { PostgresAdapter, sql } from 'kysely';
import type { Trx } from './database.js';

/**
 * Before a bulk write on PostgreSQL: plan every statement of this transaction afresh. The foreign-key
 * checks of rows inserted after thousands of others reuse a plan cached while the referenced table was
 * small (a sequential scan), which makes a 100,000-row import quadratic; fresh plans see the table as it
 * is and look the key up in its index. (SQLite plans each statement itself.)
 */
export async function prepareBulkWrite(trx: Trx): Promise<void> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter) await sql`set local plan_cache_mode = force_custom_plan`.execute(trx);
}
