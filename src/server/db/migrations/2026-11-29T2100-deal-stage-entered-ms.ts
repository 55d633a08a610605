import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * PostgreSQL: `deals.stage_entered_ms`, the instant of `stage_entered_at` in milliseconds since 1970, kept
 * by the database (a stored generated column) so that a board's `days` per card is integer arithmetic:
 * parsing the text on every card was 15 % of the board's query. The expression reads the one form this
 * server writes (`toISOString`: `YYYY-MM-DDTHH:MM:SS.sssZ`) with integer arithmetic, as a generated column
 * must be immutable (days from the civil date as in H. Hinnant's `days_from_civil`); any other form gives
 * NULL and the board parses that text instead. SQLite's board reads the text with `unixepoch`, fast enough.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  const part = (from: number, length: number) => sql.raw(`substr(stage_entered_at, ${from}, ${length})::int`);
  const [y, m, d] = [part(1, 4), part(6, 2), part(9, 2)];
  const year = sql`(${y} - (${m} <= 2)::int)`;
  const era = sql`(${year} / 400)`;
  const yoe = sql`(${year} - ${era} * 400)`;
  const doy = sql`((153 * ((${m} + 9) % 12) + 2) / 5 + ${d} - 1)`;
  const days = sql`(${era}::bigint * 146097 + ${yoe} * 365 + ${yoe} / 4 - ${yoe} / 100 + ${doy} - 719468)`;
  const ms = sql`${days} * 86400000 + ${part(12, 2)} * 3600000 + ${part(15, 2)} * 60000 + ${part(18, 2)} * 1000 + ${part(21, 3)}`;
  await sql`alter table deals add column stage_entered_ms bigint generated always as (
    case when stage_entered_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$' then ${ms} end) stored`.execute(db);
}
