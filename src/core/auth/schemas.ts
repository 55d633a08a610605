import { z } from 'zod';
import { Id, Locale, TimeZone } from '../common/schemas.js';
import { PASSWORD_MAX } from './password-rules.js';

export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email('expected an e-mail address'))
  .transform((value) => value.toLowerCase());

/** Length and commonness are checked by `checkPassword` so the answer names the rule. */
export const Password = z
  .string()
  .min(1)
  .max(PASSWORD_MAX * 4);

export const WorkspaceRole = z.enum(['owner', 'admin', 'member', 'guest']);
export type WorkspaceRole = z.infer<typeof WorkspaceRole>;

export const SignupBody = z.object({
  email: Email,
  password: Password,
  name: z.string().trim().min(1).max(100),
  workspaceName: z.string().trim().min(1).max(100),
  locale: Locale.default('en'),
  timeZone: TimeZone.default('UTC'),
  demo: z.boolean().default(true),
});

export const LoginBody = z.object({
  email: Email,
  password: z
    .string()
    .min(1)
    .max(PASSWORD_MAX * 4),
});

export const AcceptInvitationBody = z.object({
  token: z.string().min(10).max(200),
  email: Email,
  password: Password,
  name: z.string().trim().min(1).max(100),
  locale: Locale.default('en'),
  timeZone: TimeZone.default('UTC'),
});

export const ChangePasswordBody = z.object({
  currentPassword: z
    .string()
    .min(1)
    .max(PASSWORD_MAX * 4),
  newPassword: Password,
});

export const SetupState = z.object({
  needsSetup: z.boolean(),
  signupMode: z.enum(['first-user', 'open', 'invite']),
});

export const Me = z.object({
  user: z.object({
    id: Id,
    email: z.string(),
    name: z.string(),
    locale: Locale,
    timeZone: z.string(),
    version: z.number().int(),
  }),
  workspace: z.object({ id: Id, name: z.string() }),
  role: WorkspaceRole,
});
export type Me = z.infer<typeof Me>;

export const MePatch = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  locale: Locale.optional(),
  timeZone: TimeZone.optional(),
  version: z.number().int().min(1).optional(),
});
