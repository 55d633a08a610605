import { describe, expect, it } from 'vitest';
import { latestCheckInValue } from './check-ins';

describe('latestCheckInValue', () => {
  const checkIns = [
    { value: 10, date: '2025-01-10', createdAt: '2025-01-10T09:00:00.000Z' },
    { value: 30, date: '2025-02-01', createdAt: '2025-02-01T09:00:00.000Z' },
    { value: 25, date: '2025-02-01', createdAt: '2025-02-01T17:00:00.000Z' }, // a correction the same day
    { value: 99, date: '2025-03-01', createdAt: '2025-01-05T09:00:00.000Z' }, // dated in the future
  ];

  it.each([
    ['2025-01-09', null],
    ['2025-01-10', 10],
    ['2025-02-15', 25],
    ['2025-03-01', 99],
  ])('as of %s → %s', (today, value) => {
    expect(latestCheckInValue(checkIns, today)).toBe(value);
  });
});
