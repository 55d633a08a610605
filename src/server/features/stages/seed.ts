import type { Locale } from '../../../core/common/schemas.js';
import type { Trx } from '../../db/database.js';
import { insertDefaultStages } from './queries.js';

/** Every new workspace gets the default stages of SPEC §4.1, named in the owner's language. */
export async function seedStages(trx: Trx, workspaceId: string, locale: Locale): Promise<void> {
  await insertDefaultStages(trx, workspaceId, locale);
}
