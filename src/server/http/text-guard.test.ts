import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { findNulCharacter } from './text-guard.js';

describe('findNulCharacter', () => {
  it('finds U+0000 in values and keys of parsed input, at any depth, and names the path', () => {
    expect(findNulCharacter('a\u0000b')).toBe('');
    expect(findNulCharacter({ name: 'ok', items: [{ title: 'x' }, { title: 'y\u0000' }] })).toBe('items.1.title');
    expect(findNulCharacter(JSON.parse('{"k\\u0000": 1}'))).toBe('k\u0000');
    expect(findNulCharacter(Object.assign(Object.create(null), { q: '\u0000' }))).toBe('q');
    expect(findNulCharacter({ name: 'Tab\there 😀 \u0001 中文', n: 5, none: null })).toBeNull();
  });

  it('does not walk into streams or buffers (an uploaded file is not text input)', () => {
    // A stream's own fields are not the user's text, whatever they hold.
    expect(findNulCharacter({ file: Object.assign(Readable.from([]), { path: 'a\u0000b' }) })).toBeNull();
    expect(findNulCharacter({ file: Object.assign(Buffer.from([0, 1, 2]), { label: 'a\u0000b' }) })).toBeNull();
    expect(findNulCharacter({ file: { path: 'a\u0000b' } })).toBe('file.path');
  });
});
