import { sql } from 'kysely';
import type { Db, Dialect } from '../../db/database.js';
import { digestTables } from '../../test/db-inspect.js';

/** Makes every insert into the audit log fail (or work again): a write whose audit row fails must keep nothing. */
export async function failAuditWrites(db: Db, dialect: Dialect, on: boolean): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`drop trigger if exists sales_audit_unavailable`.execute(db);
    if (on) {
      await sql`create trigger sales_audit_unavailable before insert on audit_log begin select raise(abort, 'audit unavailable'); end`.execute(
        db,
      );
    }
    return;
  }
  await sql`drop trigger if exists sales_audit_unavailable on audit_log`.execute(db);
  if (!on) return;
  await sql`create or replace function sales_audit_unavailable() returns trigger language plpgsql as $$ begin raise exception 'audit unavailable'; end $$`.execute(
    db,
  );
  await sql`create trigger sales_audit_unavailable before insert on audit_log for each row execute function sales_audit_unavailable()`.execute(
    db,
  );
}

/** Digests of the sales tables (what a refused or failed write must leave as it was). */
export async function salesDigest(db: Db): Promise<Record<string, string>> {
  const all = await digestTables(db);
  const keep = ['accounts', 'contacts', 'stages', 'deals', 'deal_stage_history', 'activities', 'audit_log'];
  return Object.fromEntries(Object.entries(all).filter(([name]) => keep.includes(name)));
}
