import { z } from 'zod';
import { Id, Instant, PageQuery } from '../common/schemas.js';

export const Contact = z.object({
  id: Id,
  accountId: Id.nullable(),
  accountName: z.string().nullable(),
  name: z.string(),
  title: z.string(),
  phone: z.string(),
  email: z.string(),
  wechat: z.string(),
  notes: z.string(),
  createdAt: Instant,
  updatedAt: Instant,
  version: z.number().int(),
});
export type Contact = z.infer<typeof Contact>;

/** An e-mail address, or '' for none; stored as given, compared lower-cased. */
export const OptionalEmail = z.union([z.literal(''), z.string().trim().max(254).pipe(z.email('expected an e-mail address'))]);

const editable = {
  accountId: Id.nullable(),
  name: z.string().trim().min(1).max(200),
  title: z.string().trim().max(200),
  phone: z.string().trim().max(50),
  email: OptionalEmail,
  wechat: z.string().trim().max(100),
  notes: z.string().max(20_000),
};

export const ContactCreate = z.object({
  ...editable,
  accountId: editable.accountId.default(null),
  title: editable.title.default(''),
  phone: editable.phone.default(''),
  email: editable.email.default(''),
  wechat: editable.wechat.default(''),
  notes: editable.notes.default(''),
});
export type ContactCreate = z.infer<typeof ContactCreate>;

export const ContactPatch = z.object({ ...editable, version: z.number().int().min(1) }).partial();
export type ContactPatch = z.infer<typeof ContactPatch>;

export const ContactCreated = Contact.extend({
  duplicates: z.array(z.object({ id: Id, name: z.string(), reason: z.enum(['same-name', 'same-email']) })),
});

export const ContactSort = z.enum(['name', '-name', 'updatedAt', '-updatedAt']);

export const ContactListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  accountId: Id.optional(),
  sort: ContactSort.default('name'),
});
export type ContactListQuery = z.infer<typeof ContactListQuery>;
