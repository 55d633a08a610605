import type { TFunction } from 'i18next';
import type { PasswordProblem } from '../../core/auth/password-rules';
import { isApiError } from './api';
import type { en } from './i18n/en';

type KnownKey = keyof (typeof en)['errors']['known'];

/** Server messages whose meaning is fixed, mapped to their translation (the server answers in English). */
const KNOWN_MESSAGES: Record<string, KnownKey> = {
  'The end date must not be before the start date.': 'endBeforeStart',
  'A project keeps at least one manager; make someone else manager first.': 'lastManager',
  'This user is already a member of the project.': 'alreadyMember',
  'The workspace keeps at least one owner.': 'lastOwner',
  'Only an owner can grant or take away the owner role.': 'ownerOnly',
  'The current password is wrong.': 'wrongCurrentPassword',
  'This invitation is for another e-mail address.': 'invitationOtherEmail',
  'This invitation has expired; ask for a new one.': 'invitationExpired',
  'An account with this e-mail already exists.': 'emailTaken',
  'An account with this e-mail already exists; sign in instead.': 'emailTakenSignIn',
  'Sign-up is closed on this server; ask a workspace admin for an invitation.': 'signupClosed',
  'This user is not in the workspace.': 'notWorkspaceUser',
  'This calendar does not exist in the workspace.': 'unknownCalendar',
  'Only the project managers and workspace admins can change this project.': 'managersOnly',
  'Only workspace owners and admins can do this.': 'adminsOnly',
  'Guests cannot create projects.': 'guestsCannotCreate',
};

const PASSWORD_PROBLEMS = ['too_short', 'too_long', 'common', 'contains_identity'] as const satisfies readonly PasswordProblem[];

/** "30 seconds", "15 minutes" in the current language. */
export function durationText(t: TFunction, seconds: number): string {
  return seconds < 90 ? t('time.seconds', { count: seconds }) : t('time.minutes', { count: Math.ceil(seconds / 60) });
}

export function retryAfterOf(error: unknown): number | null {
  if (!isApiError(error) || error.code !== 'RATE_LIMITED') return null;
  const details = error.details as { retryAfter?: unknown } | null | undefined;
  return typeof details?.retryAfter === 'number' ? details.retryAfter : 60;
}

export function passwordProblemOf(error: unknown): PasswordProblem | null {
  if (!isApiError(error) || error.code !== 'WEAK_PASSWORD') return null;
  const rule = (error.details as { rule?: unknown } | null | undefined)?.rule;
  return PASSWORD_PROBLEMS.find((problem) => problem === rule) ?? 'too_short';
}

/** The words to show for an error: translated when its code (or its fixed message) is known, else the server's own. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.unknown', { message: error instanceof Error ? error.message : String(error) });
  const known = KNOWN_MESSAGES[error.message];
  if (known) return t(`errors.known.${known}`);
  switch (error.code) {
    case 'NETWORK':
    case 'CSRF':
    case 'FORBIDDEN':
    case 'NOT_FOUND':
    case 'STALE_VERSION':
    case 'INTERNAL':
      return t(`errors.${error.code}`);
    case 'PRECONDITION_FAILED':
      return t('errors.STALE_VERSION');
    case 'UNAUTHENTICATED':
      return error.path === '/auth/login' ? t('errors.WRONG_CREDENTIALS') : t('errors.UNAUTHENTICATED');
    case 'RATE_LIMITED':
      return t('errors.RATE_LIMITED', { time: durationText(t, retryAfterOf(error) ?? 60) });
    case 'WEAK_PASSWORD':
      return t(`errors.password.${passwordProblemOf(error) ?? 'too_short'}`);
    case 'VALIDATION':
    case 'BAD_REQUEST':
      return t('errors.VALIDATION', { message: error.message });
    default:
      return error.message || t('errors.unknown', { message: error.code });
  }
}
