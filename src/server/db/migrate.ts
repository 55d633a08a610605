import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Db } from './database.js';
import { isPostgres } from './dialect.js';
import * as foundation from './migrations/2026-11-28T2300-foundation.js';
import * as memberCapacityDouble from './migrations/2026-11-28T2345-member-capacity-double.js';
import * as plan from './migrations/2026-11-29T0000-plan.js';
import * as sales from './migrations/2026-11-29T0001-sales.js';
import * as calendarDayNames from './migrations/2026-11-29T0100-calendar-day-names.js';
import * as goals from './migrations/2026-11-29T0100-goals.js';
import * as searchStatistics from './migrations/2026-11-29T0300-search-statistics.js';
import * as importMappings from './migrations/2026-11-29T0330-import-mappings.js';
import * as accountSearchIndex from './migrations/2026-11-29T0600-account-search-index.js';
import * as dealStageEnteredMs from './migrations/2026-11-29T2100-deal-stage-entered-ms.js';
import * as accountNameKeyTrigrams from './migrations/2026-11-29T2130-account-name-key-trigrams.js';
import { ensureChangeNotices } from './pg-changes.js';

/** Forward-only, append-only: add new migrations at the end, never edit a landed one. */
const migrations: Record<string, Migration> = {
  '2026-11-28T2300-foundation': foundation,
  '2026-11-28T2345-member-capacity-double': memberCapacityDouble,
  '2026-11-29T0000-plan': plan,
  '2026-11-29T0001-sales': sales,
  '2026-11-29T0100-calendar-day-names': calendarDayNames,
  '2026-11-29T0100-goals': goals,
  '2026-11-29T0300-search-statistics': searchStatistics,
  '2026-11-29T0330-import-mappings': importMappings,
  '2026-11-29T0600-account-search-index': accountSearchIndex,
  '2026-11-29T2100-deal-stage-entered-ms': dealStageEnteredMs,
  '2026-11-29T2130-account-name-key-trigrams': accountNameKeyTrigrams,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
  if (isPostgres(db)) await ensureChangeNotices(db);
}
