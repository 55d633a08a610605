import { COMMON_PASSWORDS } from './common-passwords.js';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 1024;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_identity';

/** Checks a new password against SPEC §5 (8–1,024 characters, not common, not the e-mail or name). */
export function checkPassword(password: string, identity: { email?: string; name?: string } = {}): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'too_short';
  if (length > PASSWORD_MAX) return 'too_long';
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'common';
  const localPart = identity.email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && lower.includes(localPart)) return 'contains_identity';
  const name = identity.name?.toLowerCase().replace(/\s+/g, '');
  if (name && name.length >= 4 && lower.replace(/\s+/g, '').includes(name)) return 'contains_identity';
  return null;
}

export const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `Password must be at least ${PASSWORD_MIN} characters.`,
  too_long: `Password must be at most ${PASSWORD_MAX} characters.`,
  common: 'This password is too common; choose a less guessable one.',
  contains_identity: 'Password must not contain your e-mail name or your name.',
};
