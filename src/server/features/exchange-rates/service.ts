import type { ExchangeRates, ExchangeRatesPut } from '../../../core/forecast/exchange-rates';
import { nowIso } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { assertCurrent, assertUpdated, type Expected } from '../../http/concurrency.js';
import { AppError } from '../../http/errors.js';
import { newId } from '../../ids.js';
import { recordAudit } from '../audit/record.js';
import { loadExchangeRates } from './queries.js';

export function getExchangeRates(db: Db, auth: Auth): Promise<ExchangeRates> {
  return loadExchangeRates(db, auth.workspaceId);
}

const sorted = (rates: ExchangeRatesPut['rates']) =>
  [...rates].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : a.effectiveDate < b.effectiveDate ? -1 : 1));

/**
 * Replaces the workspace's exchange-rate table (base currency and every rate) in one transaction with
 * its audit row. A stale `version` answers 409 (`If-Match`: 412); the same table again changes nothing.
 */
export async function putExchangeRates(db: Db, auth: Auth, input: ExchangeRatesPut, expected: Expected): Promise<ExchangeRates> {
  return db.transaction().execute(async (trx) => {
    const current = await loadExchangeRates(trx, auth.workspaceId);
    assertCurrent(current.version, expected);
    const rates = sorted(input.rates);
    if (current.baseCurrency === input.baseCurrency && JSON.stringify(current.rates) === JSON.stringify(rates)) return current;
    const now = nowIso();
    const next: ExchangeRates = { baseCurrency: input.baseCurrency, rates, version: current.version + 1, updatedAt: now };
    if (current.version === 0) {
      try {
        await trx
          .insertInto('exchange_rate_tables')
          .values({ workspace_id: auth.workspaceId, base_currency: next.baseCurrency as string, updated_at: now, version: next.version })
          .execute();
      } catch (error) {
        // Two first writes raced: the other one won.
        const code = (error as { code?: unknown }).code;
        if (code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
          throw new AppError('STALE_VERSION', 'Someone else set the exchange rates meanwhile; reload and try again.');
        }
        throw error;
      }
    } else {
      const result = await trx
        .updateTable('exchange_rate_tables')
        .set({ base_currency: next.baseCurrency as string, updated_at: now, version: next.version })
        .where('workspace_id', '=', auth.workspaceId)
        .where('version', '=', current.version)
        .executeTakeFirst();
      assertUpdated(result, 'exchange-rate table');
    }
    await trx.deleteFrom('exchange_rates').where('workspace_id', '=', auth.workspaceId).execute();
    if (rates.length > 0) {
      await trx
        .insertInto('exchange_rates')
        .values(
          rates.map((r) => ({
            workspace_id: auth.workspaceId,
            id: newId(),
            currency: r.currency,
            rate: r.rate,
            effective_date: r.effectiveDate,
          })),
        )
        .execute();
    }
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'exchange_rates',
      entityId: auth.workspaceId,
      action: current.version === 0 ? 'create' : 'update',
      before: current.version === 0 ? null : current,
      after: next,
    });
    return next;
  });
}
