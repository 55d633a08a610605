import { describe, expect, it } from 'vitest';
import { periodInstants, startOfDay } from './period';

describe('startOfDay', () => {
  it.each([
    ['2027-01-04', 'UTC', '2027-01-04T00:00:00.000Z'],
    ['2027-01-04', 'Asia/Shanghai', '2027-01-03T16:00:00.000Z'],
    ['2027-01-04', 'America/New_York', '2027-01-04T05:00:00.000Z'],
    // New York moves to summer time at 02:00 on 2027-03-14: that day still starts at 00:00 EST.
    ['2027-03-14', 'America/New_York', '2027-03-14T05:00:00.000Z'],
    ['2027-03-15', 'America/New_York', '2027-03-15T04:00:00.000Z'],
    ['2027-06-01', 'Asia/Kolkata', '2027-05-31T18:30:00.000Z'],
  ])('%s in %s begins at %s', (date, zone, instant) => {
    expect(startOfDay(date, zone)).toBe(instant);
  });
});

describe('periodInstants', () => {
  it('runs to the start of the day after the due date', () => {
    expect(periodInstants('2027-01-01', '2027-03-31', 'Asia/Shanghai')).toEqual({
      from: '2026-12-31T16:00:00.000Z',
      to: '2027-03-31T16:00:00.000Z',
    });
  });

  it('ends after every instant for a period running to 9999-12-31', () => {
    const { to } = periodInstants('9999-01-01', '9999-12-31', 'Asia/Shanghai');
    expect('9999-12-31T23:59:59.999Z' < to).toBe(true);
  });
});
