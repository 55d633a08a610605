import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

let lastNow = -1;
let lastRandom: number[] = [];

/**
 * Opaque, time-ordered identifier (ULID-like, lower-case Crockford base32, 26 characters). Within one
 * millisecond the random part counts up (ULID's monotonic mode), so ids sort in creation order: the
 * audit history and keyset pages rely on that.
 */
export function newId(now = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  let digits = now === lastNow ? increment(lastRandom) : null;
  if (!digits) {
    const bytes = randomBytes(16);
    digits = Array.from(bytes, (b) => b & 31);
  }
  lastNow = now;
  lastRandom = digits;
  return time + digits.map((d) => ALPHABET[d]).join('');
}

/** The base-32 digits plus one, or null when they are all at the top (then a fresh random part is drawn). */
function increment(digits: number[]): number[] | null {
  const next = [...digits];
  for (let i = next.length - 1; i >= 0; i--) {
    if (next[i] < 31) {
      next[i]++;
      return next;
    }
    next[i] = 0;
  }
  return null;
}

/** A secret for cookies, tokens and invitation links: 32 random bytes, base64url. */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}
