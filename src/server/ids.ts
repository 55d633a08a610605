import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

let lastNow = -1;
let lastTime = '';
/** The random part's 16 base-32 digits (0–31), counted up within one millisecond. */
const digits = new Uint8Array(16);

/**
 * Opaque, time-ordered identifier (ULID-like, lower-case Crockford base32, 26 characters). Within one
 * millisecond the random part counts up (ULID's monotonic mode), so ids sort in creation order: the
 * audit history and keyset pages rely on that.
 */
export function newId(now = Date.now()): string {
  if (now !== lastNow || !increment()) {
    if (now !== lastNow) {
      let time = '';
      let t = now;
      for (let i = 0; i < 10; i++) {
        time = ALPHABET[t % 32] + time;
        t = Math.floor(t / 32);
      }
      lastTime = time;
    }
    const bytes = randomBytes(16);
    for (let i = 0; i < 16; i++) digits[i] = bytes[i] & 31;
  }
  lastNow = now;
  let id = lastTime;
  for (let i = 0; i < 16; i++) id += ALPHABET[digits[i]];
  return id;
}

/** The random digits plus one; false when they were all at the top (then a fresh random part is drawn). */
function increment(): boolean {
  for (let i = digits.length - 1; i >= 0; i--) {
    if (digits[i] < 31) {
      digits[i]++;
      return true;
    }
    digits[i] = 0;
  }
  return false;
}

/** A secret for cookies, tokens and invitation links: 32 random bytes, base64url. */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}
