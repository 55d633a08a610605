import { describe, expect, it } from 'vitest';
import { boardQuery, filtersFrom, hasFilters, NO_FILTERS, writeFilters } from './board-filters';

describe('board filters in the address', () => {
  it('reads amounts in major units as minor units of the currency, and skips what is malformed', () => {
    const params = new URLSearchParams('q=%E6%B8%AF&owner=u1,bad id,u2&min=1200.5&max=-3&from=2027-01-01&to=31/03/2027&tab=deals');
    expect(filtersFrom(params, 'CNY')).toEqual({
      q: '港',
      ownerIds: ['u1', 'u2'],
      amountMin: 120050,
      amountMax: null,
      closeFrom: '2027-01-01',
      closeTo: null,
    });
    // Yen has no minor unit: 1,200 yen is 1,200.
    expect(filtersFrom(new URLSearchParams('min=1200'), 'JPY').amountMin).toBe(1200);
  });

  it('writes them back beside the other parameters and drops the empty ones', () => {
    const filters = { ...NO_FILTERS, ownerIds: ['u1', 'u2'], amountMax: 99900, closeTo: '2027-03-31' };
    const written = writeFilters(new URLSearchParams('tab=deals&q=old'), filters, 'CNY');
    expect(written.toString()).toBe('tab=deals&owner=u1%2Cu2&max=999&to=2027-03-31');
    expect(filtersFrom(written, 'CNY')).toEqual(filters);
  });

  it('asks the server with its parameter names', () => {
    expect(boardQuery({ q: ' 港 ', ownerIds: ['u1'], amountMin: 0, amountMax: null, closeFrom: '2027-01-01', closeTo: null })).toEqual({
      q: '港',
      ownerId: 'u1',
      amountMin: 0,
      amountMax: undefined,
      expectedCloseFrom: '2027-01-01',
      expectedCloseTo: undefined,
    });
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, amountMin: 0 })).toBe(true);
  });
});
