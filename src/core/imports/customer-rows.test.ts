import { describe, expect, it } from 'vitest';
import { mapAccountRow, mapContactRow } from './customer-rows.js';

const accountColumns = { name: 0, industry: 1, owner: 2 };
const contactColumns = { firstName: 0, lastName: 1, email: 2, account: 3 };

describe('mapAccountRow', () => {
  it('reads a row, trimming cells and leaving unmapped fields empty', () => {
    expect(mapAccountRow(['  Acme Ltd ', 'Retail', 'olivia@example.com'], accountColumns, new Map())).toEqual({
      ok: true,
      value: { name: 'Acme Ltd', industry: 'Retail', region: '', size: '', owner: 'olivia@example.com', notes: '' },
    });
  });

  it('refuses a missing name, a name known to the workspace or to an earlier row (compared like nameKey)', () => {
    const taken = new Map<string, number | null>([
      ['acme ltd', null],
      ['globex', 4],
    ]);
    expect(mapAccountRow(['', 'Retail'], accountColumns, taken)).toEqual({ ok: false, reason: 'missing name' });
    expect(mapAccountRow(['ACME   Ltd'], accountColumns, taken)).toEqual({
      ok: false,
      reason: 'an account named "ACME   Ltd" exists already',
    });
    expect(mapAccountRow(['Globex'], accountColumns, taken)).toEqual({ ok: false, reason: 'same name as row 4' });
    expect(mapAccountRow(['x'.repeat(201)], accountColumns, taken)).toEqual({ ok: false, reason: 'name longer than 200 characters' });
  });
});

describe('mapContactRow', () => {
  it('joins first and last names: "First Last", or family name first without a space for Chinese names', () => {
    const western = mapContactRow(['Mei', 'Lin', '', ''], contactColumns, new Map());
    expect(western).toMatchObject({ ok: true, value: { name: 'Mei Lin', account: null, email: '' } });
    const chinese = mapContactRow(['晓明', '陈', 'chen@example.com', '华东物流'], contactColumns, new Map());
    expect(chinese).toMatchObject({ ok: true, value: { name: '陈晓明', email: 'chen@example.com', account: '华东物流' } });
    // A full-name column wins over first and last.
    expect(mapContactRow(['Mei', 'Lin', 'Mei Lin-Wong'], { firstName: 0, lastName: 1, name: 2 }, new Map())).toMatchObject({
      value: { name: 'Mei Lin-Wong' },
    });
  });

  it('refuses a missing name, a malformed e-mail, and a known e-mail (case-insensitive)', () => {
    const taken = new Map<string, number | null>([
      ['mei@example.com', null],
      ['wang@example.com', 3],
    ]);
    expect(mapContactRow(['', '', 'x@example.com'], contactColumns, taken)).toEqual({ ok: false, reason: 'missing name' });
    expect(mapContactRow(['A', 'B', 'a@b'], contactColumns, taken)).toEqual({ ok: false, reason: 'bad e-mail "a@b"' });
    expect(mapContactRow(['A', 'B', 'MEI@example.com'], contactColumns, taken)).toEqual({
      ok: false,
      reason: 'a contact with e-mail "MEI@example.com" exists already',
    });
    expect(mapContactRow(['A', 'B', 'wang@example.com'], contactColumns, taken)).toEqual({ ok: false, reason: 'same e-mail as row 3' });
  });
});
