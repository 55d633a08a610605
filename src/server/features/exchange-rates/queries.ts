import type { ExchangeRates } from '../../../core/forecast/exchange-rates';
import type { Db, Trx } from '../../db/database.js';

/** The workspace's exchange-rate table; version 0 and no base currency when it was never set. */
export async function loadExchangeRates(db: Db | Trx, workspaceId: string): Promise<ExchangeRates> {
  const table = await db.selectFrom('exchange_rate_tables').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (!table) return { baseCurrency: null, rates: [], version: 0, updatedAt: null };
  const rows = await db
    .selectFrom('exchange_rates')
    .select(['currency', 'rate', 'effective_date'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('currency')
    .orderBy('effective_date')
    .execute();
  return {
    baseCurrency: table.base_currency,
    rates: rows.map((r) => ({ currency: r.currency, rate: Number(r.rate), effectiveDate: r.effective_date })),
    version: table.version,
    updatedAt: table.updated_at,
  };
}
