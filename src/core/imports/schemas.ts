import { z } from 'zod';
import { IMPORT_FIELDS } from './presets.js';

const fieldMapping = z.partialRecord(z.enum(IMPORT_FIELDS), z.string().max(200));

/** `mapping`: which header fills which field (overrides the preset), and `stages`: source stage name → stage key. */
export const ImportMapping = fieldMapping.and(z.object({ stages: z.record(z.string().max(200), z.string().max(64)).optional() }));
export type ImportMapping = z.infer<typeof ImportMapping>;

export const ImportQuery = z.object({
  preset: z.enum(['salesforce', 'hubspot', 'pipedrive', 'generic']).default('generic'),
  /** true: check every row and report, write nothing. */
  dryRun: z.enum(['true', 'false']).default('false'),
  /** JSON: `{"title":"Deal Name","amount":"Value","stages":{"Demo booked":"proposal"}}`. */
  mapping: z
    .string()
    .max(10_000)
    .optional()
    .transform((text, ctx) => {
      if (text === undefined || text === '') return undefined;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'mapping must be JSON' });
        return z.NEVER;
      }
      const parsed = ImportMapping.safeParse(value);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: `mapping: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
        return z.NEVER;
      }
      return parsed.data;
    }),
});
export type ImportQuery = z.infer<typeof ImportQuery>;

export const ImportResult = z.object({
  dryRun: z.boolean(),
  /** Data rows read (blank rows not counted). */
  total: z.number().int(),
  accepted: z.number().int(),
  /** Rows refused, by spreadsheet row number (the header is row 1); the first 10,000. */
  rejected: z.array(z.object({ row: z.number().int(), reason: z.string() })),
  rejectedTotal: z.number().int(),
  /** Deals written (0 in a dry run). */
  created: z.number().int(),
  accountsCreated: z.number().int(),
  contactsCreated: z.number().int(),
  /** The header each field was read from (auto-guessed from the preset, or the mapping's). */
  columns: z.record(z.string(), z.string()),
  /** Headers no field took. */
  unmappedHeaders: z.array(z.string()),
});
export type ImportResult = z.infer<typeof ImportResult>;
