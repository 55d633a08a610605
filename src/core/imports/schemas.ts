import { z } from 'zod';
import { ACCOUNT_FIELDS, CONTACT_FIELDS } from './customer-rows.js';
import { IMPORT_FIELDS } from './presets.js';

export const ImportKind = z.enum(['deals', 'accounts', 'contacts']);
export type ImportKind = z.infer<typeof ImportKind>;

export const PresetName = z.enum(['salesforce', 'hubspot', 'pipedrive', 'generic']);

/** A field → header mapping: which header fills which field ('' leaves the field empty). */
const fieldMapping = <F extends string>(fields: readonly [F, ...F[]]) => z.partialRecord(z.enum(fields), z.string().max(200));

/** `mapping`: which header fills which field (overrides the preset), and `stages`: source stage name → stage key. */
export const ImportMapping = fieldMapping(IMPORT_FIELDS).and(
  z.object({ stages: z.record(z.string().max(200), z.string().max(64)).optional() }),
);
export type ImportMapping = z.infer<typeof ImportMapping>;
export const AccountImportMapping = fieldMapping(ACCOUNT_FIELDS);
export const ContactImportMapping = fieldMapping(CONTACT_FIELDS);

/** A JSON query parameter checked against `schema` (400 with the first problem). */
function jsonParam<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .max(10_000)
    .optional()
    .transform((text, ctx): z.infer<T> | undefined => {
      if (text === undefined || text === '') return undefined;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'mapping must be JSON' });
        return z.NEVER;
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: `mapping: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
        return z.NEVER;
      }
      return parsed.data;
    });
}

const dryRun = z.enum(['true', 'false']).default('false');

export const ImportQuery = z.object({
  /** `auto`: the preset whose header names the file's headers match best. */
  preset: z.enum([...PresetName.options, 'auto']).default('generic'),
  /** true: check every row and report, write nothing. */
  dryRun,
  /** JSON: `{"title":"Deal Name","amount":"Value","stages":{"Demo booked":"proposal"}}`. */
  mapping: jsonParam(ImportMapping),
});
export type ImportQuery = z.infer<typeof ImportQuery>;

export const AccountImportQuery = z.object({
  dryRun,
  /** JSON: `{"name":"Company name","region":"Country/Region"}`. */
  mapping: jsonParam(AccountImportMapping),
});
export type AccountImportQuery = z.infer<typeof AccountImportQuery>;

export const ContactImportQuery = z.object({
  dryRun,
  /** JSON: `{"name":"Full Name","account":"Company"}`. */
  mapping: jsonParam(ContactImportMapping),
});
export type ContactImportQuery = z.infer<typeof ContactImportQuery>;

export const ImportResult = z.object({
  dryRun: z.boolean(),
  /** The preset the columns were read by (the detected one for `preset=auto`; `generic` for accounts and contacts). */
  preset: PresetName,
  /** Data rows read (blank rows not counted). */
  total: z.number().int(),
  accepted: z.number().int(),
  /** Rows refused, by spreadsheet row number (the header is row 1); the first 10,000. */
  rejected: z.array(z.object({ row: z.number().int(), reason: z.string() })),
  rejectedTotal: z.number().int(),
  /** Deals (or accounts, or contacts) written; 0 in a dry run. */
  created: z.number().int(),
  accountsCreated: z.number().int(),
  contactsCreated: z.number().int(),
  /** The header each field was read from (auto-guessed from the preset, or the mapping's). */
  columns: z.record(z.string(), z.string()),
  /** Headers no field took. */
  unmappedHeaders: z.array(z.string()),
  /** The file's header row, and its first data rows as text (for a mapping screen). */
  headers: z.array(z.string()),
  samples: z.array(z.array(z.string())),
  /** Deals: the file's distinct stage values (the first 200), how many rows carry each, and the stage key each goes to (null: unknown). */
  stageValues: z.array(z.object({ value: z.string(), count: z.number().int(), stage: z.string().nullable() })),
});
export type ImportResult = z.infer<typeof ImportResult>;

/** The mapping a workspace last imported with for a kind of file and a preset (remembered for the next import). */
export const SavedMapping = z.object({
  kind: ImportKind,
  preset: PresetName,
  /** Field → header, and for deals `stages`: file stage → stage key. Empty when none is saved. */
  mapping: z.record(z.string(), z.unknown()),
  updatedAt: z.string().nullable(),
});
export type SavedMapping = z.infer<typeof SavedMapping>;

export const SavedMappingQuery = z.object({ kind: ImportKind, preset: PresetName.default('generic') });

const MAPPING_OF = { deals: ImportMapping, accounts: AccountImportMapping, contacts: ContactImportMapping } as const;

/** Saves a mapping: it must be one the kind's import accepts (the same schema as its `mapping` parameter). */
export const SavedMappingPut = z
  .object({ kind: ImportKind, preset: PresetName.default('generic'), mapping: z.record(z.string().max(200), z.unknown()) })
  .superRefine((value, ctx) => {
    const parsed = MAPPING_OF[value.kind].safeParse(value.mapping);
    if (!parsed.success) ctx.addIssue({ code: 'custom', path: ['mapping'], message: parsed.error.issues[0]?.message ?? 'invalid mapping' });
    else if (JSON.stringify(value.mapping).length > 10_000)
      ctx.addIssue({ code: 'custom', path: ['mapping'], message: 'mapping too large' });
  });
export type SavedMappingPut = z.infer<typeof SavedMappingPut>;
