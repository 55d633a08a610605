import { hash, verify } from '@node-rs/argon2';
import { checkPassword, PASSWORD_MESSAGES } from '../../../core/auth/password-rules.js';
import { AppError } from '../../http/errors.js';

/** argon2id (the library's default algorithm), 19 MiB, t = 2: OWASP's minimum. */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

/** Always does the work of one verification, so an unknown account answers as slowly as a known one. */
let dummyHash: Promise<string> | null = null;
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hash('dummy password for timing', OPTIONS);
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

export function assertAcceptablePassword(password: string, identity: { email?: string; name?: string }): void {
  const problem = checkPassword(password, identity);
  if (problem) throw new AppError('WEAK_PASSWORD', PASSWORD_MESSAGES[problem], { rule: problem });
}
