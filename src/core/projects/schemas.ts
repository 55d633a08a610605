import { z } from 'zod';
import { Currency, DateString, Id, Instant, PageQuery } from '../common/schemas.js';

export const ProjectStatus = z.enum(['planning', 'active', 'on_hold', 'completed', 'cancelled']);
export type ProjectStatus = z.infer<typeof ProjectStatus>;
export const Methodology = z.enum(['waterfall', 'kanban', 'scrum', 'hybrid']);

export const Project = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  status: ProjectStatus,
  methodology: Methodology,
  startDate: DateString,
  endDate: DateString,
  currency: Currency,
  calendarId: Id.nullable(),
  archivedAt: Instant.nullable(),
  createdAt: Instant,
  updatedAt: Instant,
  version: z.number().int(),
});
export type Project = z.infer<typeof Project>;

const editable = {
  name: z.string().trim().min(1).max(200),
  description: z.string().max(20_000),
  status: ProjectStatus,
  methodology: Methodology,
  startDate: DateString,
  endDate: DateString,
  currency: Currency,
  calendarId: Id.nullable(),
};

export const ProjectCreate = z.object({
  ...editable,
  description: editable.description.default(''),
  status: editable.status.default('planning'),
  methodology: editable.methodology.default('hybrid'),
  currency: editable.currency.default('CNY'),
  calendarId: editable.calendarId.default(null),
});
export type ProjectCreate = z.infer<typeof ProjectCreate>;

export const ProjectPatch = z.object({ ...editable, archived: z.boolean(), version: z.number().int().min(1) }).partial();
export type ProjectPatch = z.infer<typeof ProjectPatch>;

export const ProjectSort = z.enum(['name', '-name', 'startDate', '-startDate', 'endDate', '-endDate', 'updatedAt', '-updatedAt']);
export type ProjectSort = z.infer<typeof ProjectSort>;

export const ProjectListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  status: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined;
      const parts = value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
      for (const part of parts) {
        if (!ProjectStatus.safeParse(part).success) {
          ctx.addIssue({ code: 'custom', message: `unknown status "${part}"` });
          return z.NEVER;
        }
      }
      return parts as ProjectStatus[];
    }),
  archived: z.enum(['false', 'true', 'all']).default('false'),
  sort: ProjectSort.default('-updatedAt'),
});
export type ProjectListQuery = z.infer<typeof ProjectListQuery>;
