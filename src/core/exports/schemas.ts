import { z } from 'zod';
import { AccountListQuery } from '../accounts/schemas.js';
import { ActivityType } from '../activities/schemas.js';
import { DateString } from '../common/schemas.js';
import { ContactListQuery } from '../contacts/schemas.js';
import { DealFilters, DealSort } from '../deals/schemas.js';

export const ExportFormat = z.enum(['csv', 'xlsx']);
export type ExportFormat = z.infer<typeof ExportFormat>;

const format = { format: ExportFormat.default('csv') };

/** The deal list's filters and sort, and the file format. */
export const DealExportQuery = DealFilters.extend({ ...format, sort: DealSort.default('-updatedAt') });
export type DealExportQuery = z.infer<typeof DealExportQuery>;

export const AccountExportQuery = AccountListQuery.omit({ limit: true, cursor: true }).extend(format);
export type AccountExportQuery = z.infer<typeof AccountExportQuery>;

export const ContactExportQuery = ContactListQuery.omit({ limit: true, cursor: true }).extend(format);
export type ContactExportQuery = z.infer<typeof ContactExportQuery>;

export const ActivityExportQuery = z.object({
  ...format,
  type: ActivityType.optional(),
  from: DateString.optional(),
  to: DateString.optional(),
});
export type ActivityExportQuery = z.infer<typeof ActivityExportQuery>;

/** Minor units → the number a spreadsheet shows (12,500.00 for 1,250,000 fen). */
export const majorUnits = (minor: number, digits: number): number => minor / 10 ** digits;
